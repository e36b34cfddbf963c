import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { escapeControlInLine } from '../engine/control-characters.js';
import { keyFactsOf } from '../engine/detector.js';
import type { Finding } from '../engine/types.js';
import { applyChanges, revertChanges, type FileChange } from '../fix/apply-changes.js';
import { envFileChanges, parseEnvFile } from '../fix/env-files.js';
import { planFixes, type FixPlan, type MovedKey } from '../fix/fix-plan.js';
import { unifiedDiff } from '../fix/unified-diff.js';
import { packageVersion } from '../package-root.js';
import { createDetector } from '../scan/create-detector.js';
import { git } from '../sources/git.js';
import { repositoryTop } from '../sources/repository.js';
import { scanWorkingTree } from './command-scan.js';
import { confirmed } from './confirm.js';
import { resolveConfig } from './resolve-config.js';
import { EXIT, UsageError } from './usage-error.js';

export interface FixCommandOptions {
  config?: string;
  staged?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  includeTests?: boolean;
  untrackEnv?: boolean;
  verify?: boolean;
  replacements?: string;
}

const log = (line: string) => process.stderr.write(`keyward: ${escapeControlInLine(line)}\n`);

/**
 * `keyward fix [paths…]`: moves each hard-coded key to an environment variable — the language's own env read in the
 * code, the value in .env (ignored), the name in .env.example — after showing the diff and asking (or --yes). All or
 * nothing. Then says what no edit can do: the key is still in history, and must be rotated. Exit 0 when every key was
 * moved (tests left alone on purpose do not count), 1 when some must be moved by hand, 2 on a usage error.
 */
export async function runFixCommand(paths: string[], options: FixCommandOptions): Promise<number> {
  if (!options.yes && !options.dryRun && !process.stdin.isTTY) {
    throw new UsageError('fix shows its changes and asks first: pass --yes to apply them without a terminal, or --dry-run to only print them');
  }
  const scan = await scanForFix(paths, options);
  const root = scan.root;
  const env = readRegularFile(root, '.env');
  const plan = planFixes(scan.findings, scan.rules, { base: scan.base, includeTests: Boolean(options.includeTests), existingEnv: parseEnvFile(env ?? '') });
  const { changes, untrack } = projectChanges(scan, plan, env);

  // Every key the scan found (the moved ones among them) is shown as its preview.
  const redactions = new Map<string, string>();
  for (const finding of scan.findings) {
    const secret = keyFactsOf(finding)?.secret;
    if (secret) redactions.set(secret, finding.preview);
  }
  if (changes.length) process.stdout.write(unifiedDiff(changes, root, redactions));
  for (const path of untrack) process.stdout.write(`git rm --cached ${path}   (keeps the file, stops tracking it)\n`);
  for (const left of plan.leftAlone) log(`left alone: ${left.finding.preview} in ${left.finding.location.path}:${left.finding.location.line}: ${left.reason}`);
  if (changes.length === 0 && untrack.length === 0) {
    log(plan.keys.length || plan.leftAlone.length ? 'nothing keyward can change' : 'no hard-coded key found');
    return exitCode(plan);
  }
  if (options.dryRun) {
    log('dry run: nothing was changed');
    return EXIT.clean;
  }
  if (untrack.length && !options.untrackEnv) {
    const asked = !options.yes && (await confirmed(`Stop tracking ${untrack.join(', ')} in git (git rm --cached; the file stays)? [y/N] `));
    if (!asked) {
      throw new UsageError(`${untrack.join(', ')} is tracked by git, and keys cannot stay there: run again with --untrack-env (git rm --cached), or untrack it yourself`);
    }
  }
  if (!options.yes && !(await confirmed(`Apply these changes to ${changes.length} file(s)? [y/N] `))) {
    log('nothing was changed');
    return EXIT.findings;
  }
  const restage = options.staged ? cleanlyStaged(root, [...plan.edits.keys()]) : [];
  applyChanges(changes, (path) => relative(process.cwd(), path) || path);
  try {
    if (untrack.length) git(['rm', '--cached', '-q', '--', ...untrack], root);
    if (restage.length) git(['add', '--', ...restage], root);
  } catch (error) {
    revertChanges(changes);
    throw error;
  }
  log(`moved ${plan.keys.length} key(s) to .env: ${plan.keys.map((key) => key.name).join(', ')}`);
  if (options.staged) {
    const unstaged = [...plan.edits.keys()].map((path) => relative(root, path)).filter((path) => !restage.includes(path));
    if (unstaged.length) log(`stage the fixed file(s) before committing: git add ${unstaged.join(' ')}`);
  }
  await explainWhatRemains(plan.keys, scan, options);
  return exitCode(plan);
}

/** 1 when a key was left where it is for a reason other than being a test key. */
function exitCode(plan: FixPlan): number {
  return plan.leftAlone.some((left) => !left.deliberate) ? EXIT.findings : EXIT.clean;
}

/** What no edit can do: a committed key is in history, and only rotating it at the vendor ends the leak. */
async function explainWhatRemains(keys: readonly MovedKey[], scan: FixScan, options: FixCommandOptions): Promise<void> {
  if (keys.length === 0) return;
  const history = scan.repo ? await historyOf(scan, new Set(keys.map((key) => key.secret))) : new Map<string, { first: string; commits: number }>();
  if (options.verify) {
    const { runVerification } = await import('../verify/run-verification.js');
    const { verifySettingsFrom } = await import('../verify/verify-settings.js');
    await runVerification(keys.map((key) => key.findings[0]!), scan.rules, verifySettingsFrom({ verify: true })!, `keyward/${packageVersion()}`, log);
  }
  for (const key of keys) {
    const inHistory = history.get(key.secret);
    const validity = key.findings[0]!.validity ? ` — the vendor says it is ${key.findings[0]!.validity}` : '';
    log(`${key.name} (${key.preview})${validity}:`);
    log(
      inHistory
        ? `  still in git history: added in commit ${inHistory.first}${inHistory.commits > 1 ? ` (and in ${inHistory.commits - 1} more commit(s))` : ''}. Anyone with a clone has it: rotate it now.`
        : '  never committed here; if it was shared anywhere else, rotate it.',
    );
    log(`  ${key.remediation}`);
  }
  const committed = keys.filter((key) => history.has(key.secret));
  if (committed.length === 0) return;
  if (options.replacements) {
    writeFileSync(options.replacements, committed.map((key) => `${key.secret}==>${key.name}_REMOVED`).join('\n') + '\n', { mode: 0o600 });
    log(`wrote ${options.replacements} (the raw keys: delete it afterwards). To rewrite history: git filter-repo --replace-text ${options.replacements}`);
  } else {
    log('to rewrite history as well: git filter-repo --replace-text FILE, with a line KEY==>REPLACEMENT per key (the values are in .env now; keyward fix --replacements FILE writes that file as it moves them)');
  }
  log('rewriting history does not un-leak a key: every clone, fork and cache keeps the old commits. Rotate first.');
}

/** Where history holds each key: the commit that first added it, and how many commits added it. */
async function historyOf(scan: FixScan, secrets: ReadonlySet<string>): Promise<Map<string, { first: string; commits: number }>> {
  const { scanHistory } = await import('../scan/scan-history.js');
  const { openRepository } = await import('../sources/repository.js');
  const result = await scanHistory(await openRepository(scan.root), scan.detector, { ignore: [], ignoreBase: scan.root });
  const found = new Map<string, { first: string; commits: number }>();
  for (const finding of result.findings) {
    const secret = keyFactsOf(finding)?.secret;
    if (!secret || !secrets.has(secret) || !finding.location.commit || found.has(secret)) continue;
    found.set(secret, { first: finding.location.commit.slice(0, 10), commits: finding.history?.commits ?? 1 });
  }
  return found;
}

/** Only a regular file is read: anything else in the way (a folder) makes the write fail later, and the fix with it. */
function readRegularFile(root: string, name: string): string | undefined {
  return statSync(join(root, name), { throwIfNoEntry: false })?.isFile() ? readFileSync(join(root, name), 'utf8') : undefined;
}

/**
 * Every file the fix changes — the code, then .env, .env.example and .gitignore — and the env files git must stop
 * tracking (those that hold keys, and .env itself when the keys go there).
 */
function projectChanges(scan: FixScan, plan: FixPlan, env: string | undefined): { changes: FileChange[]; untrack: string[] } {
  const root = scan.root;
  const envFiles = plan.envFiles.map((path) => relative(root, resolve(scan.base, path)).split('\\').join('/'));
  const inGit = scan.repo !== undefined;
  const tracked = inGit ? trackedPaths(root, ['.env', ...envFiles]) : new Set<string>();
  const ignored = (path: string) => inGit && isIgnored(root, path);
  const example = readRegularFile(root, '.env.example');
  const gitignore = readRegularFile(root, '.gitignore');
  const changes: FileChange[] = [
    ...[...plan.edits.entries()].map(([path, edit]) => ({ path, before: edit.before, after: edit.after })),
    ...envFileChanges(plan.keys, {
      root,
      ...(env !== undefined ? { env } : {}),
      ...(example !== undefined ? { example } : {}),
      ...(gitignore !== undefined ? { gitignore } : {}),
      // Whether a .gitignore pattern covers it (a tracked file stays tracked until untracked; the pattern is what lasts).
      envIgnored: inGit ? ignored('.env') : /^\/?\.env$/m.test(gitignore ?? ''),
      alsoIgnore: envFiles.filter((path) => !ignored(path)),
    }),
  ];
  const writesEnv = changes.some((change) => change.path === join(root, '.env'));
  const untrack = [...tracked].filter((path) => envFiles.includes(path) || (path === '.env' && writesEnv));
  return { changes, untrack };
}

/** Paths (relative to the root) that git tracks, among these. */
function trackedPaths(root: string, paths: string[]): Set<string> {
  const out = git(['ls-files', '-z', '--', ...paths], root);
  return new Set(out.split('\0').filter(Boolean));
}

function isIgnored(root: string, path: string): boolean {
  try {
    git(['check-ignore', '-q', '--no-index', '--', path], root);
    return true;
  } catch {
    return false;
  }
}

/** The files whose staged content is their working-tree content: after the fix, staging them again loses nothing. */
function cleanlyStaged(root: string, absolutePaths: string[]): string[] {
  return absolutePaths
    .map((path) => relative(root, path).split('\\').join('/'))
    .filter((path) => {
      try {
        return git(['show', `:${path}`], root) === readFileSync(join(root, path), 'utf8');
      } catch {
        return false;
      }
    });
}

interface FixScan {
  findings: Finding[];
  rules: Awaited<ReturnType<typeof createDetector>>['rules'];
  detector: Awaited<ReturnType<typeof createDetector>>;
  /** The folder findings' paths are relative to. */
  base: string;
  /** Where .env, .env.example and .gitignore live: the repository's top, else the current folder. */
  root: string;
  repo?: string;
}

/** The working tree's findings (paths…), or those of the staged lines with --staged. */
async function scanForFix(paths: string[], options: FixCommandOptions): Promise<FixScan> {
  const cwd = process.cwd();
  const roots = paths.length ? paths : ['.'];
  const firstDir = resolve(cwd, roots[0]!);
  const repo = repositoryTop(firstDir);
  if (!options.staged) {
    const { result, detector } = await scanWorkingTree(roots, options.config, cwd);
    return { findings: result.findings, rules: detector.rules, detector, base: cwd, root: repo ?? cwd, ...(repo ? { repo } : {}) };
  }
  if (!repo) throw new UsageError('--staged needs a git repository');
  const { config, baseDir } = await resolveConfig(options.config, firstDir);
  const detector = await createDetector(config);
  const { scanDiff } = await import('../scan/scan-diff.js');
  const result = await scanDiff(firstDir, detector, { staged: true, ignore: config.ignore, ignoreBase: baseDir });
  return { findings: result.findings, rules: detector.rules, detector, base: repo, root: repo, repo };
}

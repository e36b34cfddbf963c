import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from '../package-root.js';
import { EXIT, UsageError } from './usage-error.js';

/** The options of every command that reports findings. */
function withReportOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif', 'github', 'markdown', 'junit', 'csv', 'html', 'gitlab']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding reaches this severity (default: warning)').choices(['error', 'warning', 'info', 'never']),
    )
    .option('-c, --config <file>', 'config file (default: .keyward.yml/.yaml/.json found upward)')
    .option('--baseline <file>', 'report only findings not in this baseline, and list its stale entries')
    .option('--show-secrets', 'print secrets in clear (they are redacted otherwise)')
    .option('--html-show-secrets', 'keys in clear in the --format html page too (it redacts them even under --show-secrets)')
    .option('--rules <ids>', 'run only these rules (comma-separated ids; see keyward rules)')
    .option('--exclude-rules <ids>', 'never run these rules (comma-separated ids)')
    .option('--verify', "ask each key's vendor whether it still works (sends the key to the vendor's API only; see README)")
    .option('--verify-custom-rules', "let the config's custom rules verify too (their URLs come from the repository)")
    .option('--verify-cache-ttl <duration>', 'how long a settled answer is reused, such as 12h (default) or 0 for no cache')
    .option('--verify-timeout <duration>', 'per request, such as 8s (default)')
    .option('--fail-on-validity <states>', 'with --verify: exit 1 only for findings in these states (active, inactive, unknown; comma-separated)')
    .option('--revoke [mode]', 'report leaked keys to the revoke webhook of the config; --revoke=dry-run prints what it would send')
    .option('--no-color', 'plain text output');
}

/** Each command, added to the program (its options, and the module its action loads). */
const COMMANDS: Record<string, (program: Command) => void> = {
  scan: (program) => {
    withReportOptions(
      program
        .command('scan')
        .description('scan files and folders (default: the current folder); "-" reads standard input')
        .argument('[paths...]', 'files or folders to scan'),
    )
      .option('--max-file-size <size>', 'skip files larger than this (default 25MB)')
      .option('--staged', 'scan only the lines staged for commit (the pre-commit hook)')
      .option('--diff <range>', 'scan only the lines a range adds, such as main..HEAD')
      .action(async (paths: string[], options) => {
        const { runScanCommand } = await import('./scan-command.js');
        process.exitCode = await runScanCommand(paths, options);
      });
  },
  history: (program) => {
    withReportOptions(
      program
        .command('history')
        .description("scan every commit's added lines, on all refs by default")
        .argument('[repo]', 'repository (default: the current folder)'),
    )
      .option('--branch <name>', 'only the history of this branch')
      .option('--range <A..B>', 'only the commits of a range, such as a pull request')
      .option('--since <ref|date>', 'only commits after a ref, or since a date')
      .option('--max-count <n>', 'at most this many commits')
      .option('--jobs <n>', 'git processes at once (default: one per core, at most 4)')
      .option('--max-file-size <size>', 'do not read file versions larger than this, and say so (default 25MB)')
      .action(async (repo: string | undefined, options) => {
        const { runHistoryCommand } = await import('./history-command.js');
        process.exitCode = await runHistoryCommand(repo, options);
      });
  },
  repos: (program) => {
    withReportOptions(
      program
        .command('repos')
        .description('scan the history of many repositories: a list, a GitHub organization or user, a GitLab group; incrementally with --state, in shards with --shard'),
    )
      .option('--from <file>', 'one clone URL or local path per line (# comments), or a plan from --plan')
      .option('--github-org <org>', "a GitHub organization's repositories (token: GITHUB_TOKEN)")
      .option('--github-user <user>', "a GitHub user's repositories (token: GITHUB_TOKEN)")
      .option('--gitlab-group <group>', "a GitLab group's projects, subgroups included (token: GITLAB_TOKEN)")
      .option('--api-url <url>', 'the API of GitHub Enterprise Server (https://HOST/api/v3) or of a self-managed GitLab (https://HOST/api/v4)')
      .option('--include-forks', 'scan forks too')
      .option('--include-archived', 'scan archived repositories too')
      .option('--cache <dir>', 'keep mirrors here between runs, so that a run fetches only what changed (default: a temporary folder)')
      .option('--state <file>', 'incremental: scan only commits that the last run did not, and mark findings new; the file is updated')
      .option('--full', 'with --state: scan every commit again')
      .option('--shard <K/N|auto>', "scan part K of N (or the part the CI engine's variables name); parts are balanced by weight")
      .option('--shard-total <n>', 'the number of shards, where the engine does not say it (a Kubernetes Indexed Job)')
      .option('--plan', 'print the repositories and their weights (and shards, with --shard-total) as JSON, and scan nothing')
      .option('--parallel <n>', 'repositories at once (default 2)')
      .option('--repo-timeout <duration>', "a repository's fetch and scan together (default 30m)")
      .option('--jobs <n>', 'git processes per repository (default: one per core, at most 4)')
      .option('--max-file-size <size>', 'do not read file versions larger than this, and say so (default 25MB)')
      .option('--allow-partial', 'exit as if every repository was scanned when some failed (they are still in the report)')
      .action(async (options) => {
        const { runReposCommand } = await import('./repos-command.js');
        process.exitCode = await runReposCommand(options);
      });
  },
  merge: (program) => {
    withReportOptions(
      program
        .command('merge')
        .description("merge shards' JSON reports into one report in any format, and their state files with --state")
        .argument('<files...>', 'JSON reports and state files of the shards'),
    )
      .option('--state <file>', 'write the merged state of the state files given')
      .option('--allow-partial', 'exit as if every repository was scanned when some failed')
      .action(async (files: string[], options) => {
        const { runMergeCommand } = await import('./merge-command.js');
        process.exitCode = await runMergeCommand(files, options);
      });
  },
  baseline: (program) => {
    program
      .command('baseline')
      .description("record today's findings so that later scans with --baseline report only new ones")
      .argument('[paths...]', 'files or folders (or, with --history, the repository)')
      .option('-o, --output <file>', 'where to write the baseline (default: the config\'s baseline:, else .keyward-baseline.json)')
      .option('-c, --config <file>', 'config file')
      .option('--history', 'record the findings of the whole git history instead of the working tree')
      .action(async (paths: string[], options) => {
        const { runBaselineCommand } = await import('./baseline-command.js');
        process.exitCode = await runBaselineCommand(paths, options);
      });
  },
  init: (program) => {
    program
      .command('init')
      .description('set keyward up in a project: .keyward.yml, a baseline of what is already there, the pre-commit hook, the CI job')
      .argument('[dir]', 'the project (default: the current folder)')
      .option('-y, --yes', 'take the defaults without asking')
      .action(async (dir: string | undefined, options) => {
        const { runInitCommand } = await import('./init-command.js');
        process.exitCode = await runInitCommand(dir, options);
      });
  },
  fix: (program) => {
    program
      .command('fix')
      .description('move hard-coded keys to environment variables: the env read in the code, the value in .env (ignored), the name in .env.example')
      .argument('[paths...]', 'files or folders (default: the current folder)')
      .option('--staged', 'fix the keys the staged changes add (then stage the fixed files again)')
      .option('-y, --yes', 'apply without asking (needed when not on a terminal)')
      .option('--dry-run', 'only print the diff')
      .option('--include-tests', 'move keys in tests and fixtures too')
      .option('--untrack-env', 'stop tracking an env file that holds keys (git rm --cached; the file stays)')
      .option('--verify', 'afterwards, ask each vendor whether the moved keys still work')
      .option('--replacements <file>', 'write the keys that history holds to FILE, for git filter-repo --replace-text')
      .option('-c, --config <file>', 'config file')
      .action(async (paths: string[], options) => {
        const { runFixCommand } = await import('./fix-command.js');
        process.exitCode = await runFixCommand(paths, options);
      });
  },
  revoke: (program) => {
    program
      .command('revoke')
      .description('revoke leaked keys at their vendor (GitHub, Slack…): scans, verifies, lists the active keys, asks, revokes, verifies again')
      .argument('[paths...]', 'files or folders (or, with --history, the repository)')
      .option('--history', "find the keys in the repository's whole history instead of the working tree")
      .option('--fingerprint <fingerprints...>', 'only the findings with these fingerprints (from an earlier report)')
      .option('-y, --yes', 'revoke without asking (needed when not on a terminal)')
      .option('--verify-timeout <duration>', 'per request, such as 8s (default)')
      .option('-c, --config <file>', 'config file')
      .action(async (paths: string[], options) => {
        const { runRevokeCommand } = await import('./revoke-command.js');
        process.exitCode = await runRevokeCommand(paths, options);
      });
  },
  rules: (program) => {
    program
      .command('rules')
      .description('list the rules: id, severity, vendor and keywords')
      .option('-c, --config <file>', 'include the custom rules and settings of this config')
      .option('--json', 'as JSON')
      .action(async (options) => {
        const { runRulesCommand } = await import('./rules-command.js');
        process.exitCode = await runRulesCommand(options);
      });
  },
  'install-hook': (program) => {
    program
      .command('install-hook')
      .description('install a git pre-commit hook that runs keyward scan --staged (honours core.hooksPath)')
      .argument('[repo]', 'repository (default: the current folder)')
      .option('--force', "replace another tool's pre-commit hook")
      .option('--chain', "keep another tool's pre-commit hook and run it first")
      .option('--uninstall', "remove keyward's hook (and only keyward's)")
      .action(async (repo: string | undefined, options) => {
        const { runInstallHookCommand } = await import('./install-hook-command.js');
        process.exitCode = runInstallHookCommand(repo, options);
      });
  },
};

/** Builds the command line with `only` of the commands, or with all of them. */
function buildProgram(only?: string): Command {
  const program = new Command('keyward')
    .description('Finds API keys where they must not be: working trees, git history, staged changes.')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`keyward: ${text.replace(/^error: /, '')}`) });

  for (const [name, addCommand] of Object.entries(COMMANDS)) if (!only || name === only) addCommand(program);
  return program;
}

async function main(): Promise<void> {
  // The command named first is the only one built (a dozen commands of twenty options each are a few ms of every
  // start); anything else (help, a typo commander suggests a command for) gets them all.
  const named = process.argv[2];
  try {
    await buildProgram(named !== undefined && Object.hasOwn(COMMANDS, named) ? named : undefined).parseAsync(process.argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

/** Errors users can cause and fix: printed as one line. */
const USER_ERRORS = new Set([
  'ConfigError',
  'UsageError',
  'GitError',
  'BaselineError',
  'RevokeConfigError',
  'HookError',
  'VerifySettingsError',
  'VerifyOriginsError',
  'FixApplyError',
  'StateError',
  'ListingError',
]);

/** Every failure is one line on stderr and exit code 2; a stack trace only with KEYWARD_DEBUG set. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    return error.exitCode === 0 ? EXIT.clean : EXIT.usage;
  }
  if (error instanceof UsageError || (error instanceof Error && USER_ERRORS.has(error.name))) {
    process.stderr.write(`keyward: ${(error as Error).message}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`keyward: unexpected error: ${message.split('\n')[0]}\n`);
    if (process.env.KEYWARD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
  return EXIT.usage;
}

// Not awaited at the top level: the CLI is also built as CommonJS, which has no top-level await. main() never rejects.
void main();

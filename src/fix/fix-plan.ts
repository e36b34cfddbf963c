import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CompiledRule } from '../engine/compile-rule.js';
import { keyFactsOf } from '../engine/detector.js';
import type { Finding } from '../engine/types.js';
import { envNameFor } from './env-name.js';
import { fixTargetOf, type CodeLanguage, type InterpolatingFormat } from './languages.js';
import { stringSpanAround, type StringSpan } from './string-span.js';

/** One key that moves to the environment, under one name, from every place that held it. */
export interface MovedKey {
  secret: string;
  name: string;
  vendor?: string;
  preview: string;
  remediation: string;
  findings: Finding[];
}

/** A finding `keyward fix` does not edit, and what to do instead. */
export interface LeftAlone {
  finding: Finding;
  reason: string;
  /** Tests and fixtures left alone on purpose: they do not make the run fail. */
  deliberate?: boolean;
}

export interface FixPlan {
  /** New contents of the files that change, by absolute path. */
  edits: Map<string, { path: string; before: string; after: string }>;
  keys: MovedKey[];
  leftAlone: LeftAlone[];
  /** Env files (as reported) that hold keys: they must be ignored, and untracked if git tracks them. */
  envFiles: string[];
}

export interface PlanOptions {
  /** Findings' paths are relative to this folder. */
  base: string;
  includeTests: boolean;
  /** Names already in the project's .env, with their values: a name is reused for the same value, never taken over. */
  existingEnv: ReadonlyMap<string, string>;
  readText?: (absolutePath: string) => string;
}

const CLIENT_SIDE =
  'this file ships to the browser or an app, where an env read is inlined by the bundler (NEXT_PUBLIC_, VITE_) and the key ' +
  'ships all the same: move the call that needs the key to your server (an API route, a server action, a backend ' +
  'endpoint), read it there from the environment, and let the client call your server';

/** Works out every edit `keyward fix` would make, without touching anything. */
export function planFixes(findings: readonly Finding[], rules: readonly CompiledRule[], options: PlanOptions): FixPlan {
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const plan: FixPlan = { edits: new Map(), keys: [], leftAlone: [], envFiles: [] };
  const names = new NameBook(options.existingEnv);
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const facts = keyFactsOf(finding);
    const definition = facts && ruleById.get(facts.ruleId)?.definition;
    // Hygiene findings (an insecure URL) and public keys are not secrets to move.
    if (!facts || !definition || !definition.valueChecks || finding.keyType?.kind === 'public') continue;
    const context = new Set(finding.context ?? []);
    const leave = (reason: string, deliberate = false) => plan.leftAlone.push({ finding, reason, ...(deliberate ? { deliberate } : {}) });
    if (definition.fileName) leave('a key store file: delete it from the repository, keep it in a secret manager, and rotate its keys');
    else if (context.has('env-file')) plan.envFiles.push(finding.location.path);
    else if (context.has('test') && !options.includeTests) leave('a test or fixture key (--include-tests moves it too)', true);
    else if (context.has('client')) leave(CLIENT_SIDE);
    else if (!fixTargetOf(finding.location.path)) leave(`${finding.location.path.split('/').pop()} is read by a program that does not expand environment variables: load the value from the environment (or a secret manager) in the code that reads this file`);
    else byFile.set(finding.location.path, [...(byFile.get(finding.location.path) ?? []), finding]);
  }
  for (const [path, inFile] of byFile) planFile(path, inFile, options, names, plan);
  plan.keys = names.moved();
  plan.envFiles = [...new Set(plan.envFiles)];
  return plan;
}

function planFile(path: string, findings: Finding[], options: PlanOptions, names: NameBook, plan: FixPlan): void {
  const absolute = resolve(options.base, path);
  const target = fixTargetOf(path)!;
  const before = (options.readText ?? ((file) => readFileSync(file, 'utf8')))(absolute);
  const lines = before.split('\n');
  let edited = false;
  for (const { finding, lineIndex, at } of placesOf(findings, lines)) {
    const secret = keyFactsOf(finding)!.secret;
    const lineText = lines[lineIndex]!;
    if (at < 0) {
      plan.leftAlone.push({ finding, reason: 'the key is built from pieces or encoded here: replace it by hand with an environment read' });
      continue;
    }
    const span = stringSpanAround(lineText, at, at + secret.length);
    const fallback = target.kind === 'code' && span && span.contentEnd - span.contentStart === secret.length ? fallbackOf(lineText, span) : undefined;
    if (fallback && names.claim(secret, fallback.name)) {
      // The code already reads the variable and falls back to the key: the fallback goes, the key to .env.
      lines[lineIndex] = `${lineText.slice(0, fallback.cut)}${lineText.slice(span!.end)}`;
      names.use(secret, finding);
      edited = true;
      continue;
    }
    const name = names.nameFor(secret, finding, lineText.slice(0, span?.start ?? at));
    const replaced = target.kind === 'code' ? codeEdit(target, lineText, span, at, secret, name) : interpolationEdit(target, lineText, span, at, secret, name);
    if (typeof replaced !== 'string') {
      names.release(secret);
      plan.leftAlone.push({ finding, reason: replaced.reason });
      continue;
    }
    lines[lineIndex] = replaced;
    names.use(secret, finding);
    edited = true;
  }
  if (!edited) return;
  let after = lines.join('\n');
  if (target.kind === 'code' && target.withImport) after = target.withImport(after);
  plan.edits.set(absolute, { path, before, after });
}

/**
 * Every place of the file's keys, bottom to top and right to left, so that an edit never moves one still to come:
 * where each finding points, and every other occurrence of the same key in the file (a constant no rule named, the
 * same key in a second header) — a fix that left a copy behind would fix nothing.
 */
function placesOf(findings: readonly Finding[], lines: readonly string[]): Array<{ finding: Finding; lineIndex: number; at: number }> {
  const places: Array<{ finding: Finding; lineIndex: number; at: number }> = [];
  const taken = new Set<string>();
  for (const finding of findings) {
    const secret = keyFactsOf(finding)!.secret;
    const lineIndex = finding.location.line - 1;
    const lineText = lines[lineIndex] ?? '';
    const at = lineText.startsWith(secret, finding.location.column - 1) ? finding.location.column - 1 : lineText.indexOf(secret);
    places.push({ finding, lineIndex, at });
    if (at >= 0) taken.add(`${lineIndex}:${at}`);
  }
  const bySecret = new Map(findings.map((finding) => [keyFactsOf(finding)!.secret, finding]));
  lines.forEach((lineText, lineIndex) => {
    for (const [secret, finding] of bySecret) {
      for (let at = lineText.indexOf(secret); at >= 0; at = lineText.indexOf(secret, at + secret.length)) {
        if (!taken.has(`${lineIndex}:${at}`)) places.push({ finding, lineIndex, at });
      }
    }
  });
  return places.sort((a, b) => b.lineIndex - a.lineIndex || b.at - a.at);
}

/**
 * A key that is the fallback of an environment read — `process.env.NAME ?? '…'` (or `||`), Python's
 * `os.getenv("NAME", "…")` and `os.environ.get("NAME", "…")`, Ruby's `ENV.fetch("NAME", "…")`: the variable's name, and
 * where the fallback starts (what goes, up to the literal's end).
 */
function fallbackOf(line: string, span: StringSpan): { name: string; cut: number } | undefined {
  const before = line.slice(0, span.start);
  const js = /process\.env\.([A-Za-z_][A-Za-z0-9_]*)(\s*(?:\?\?|\|\|)\s*)$/.exec(before);
  if (js) return { name: js[1]!, cut: before.length - js[2]!.length };
  const call = /(?:os\.(?:getenv|environ\.get)|ENV\.fetch)\(\s*(["'])([A-Za-z_][A-Za-z0-9_]*)\1(\s*,\s*)$/.exec(before);
  if (call) return { name: call[2]!, cut: before.length - call[3]!.length };
  return undefined;
}

/** The line with the literal replaced by an env read (joined to what else the literal held). */
function codeEdit(language: CodeLanguage, line: string, span: StringSpan | undefined, at: number, secret: string, name: string): string | { reason: string } {
  if (!span) return { reason: 'the key is not in a string literal here (a comment?): remove it by hand' };
  const read = language.envRead(name);
  const head = line.slice(span.contentStart, at);
  const tail = line.slice(at + secret.length, span.contentEnd);
  let replacement: string;
  if (!head && !tail) replacement = read;
  else if (span.quote === language.templateQuote) replacement = `${line.slice(span.start, at)}\${${read}}${line.slice(at + secret.length, span.end)}`;
  else if (/f/i.test(span.prefix) || span.quote.length === 3) return { reason: 'the key is inside a formatted or multi-line string: replace it by hand with an environment read' };
  else {
    const open = `${span.prefix}${span.quote}`;
    const parts = [head ? `${open}${head}${span.quote}` : '', read, tail ? `${open}${tail}${span.quote}` : ''].filter(Boolean);
    replacement = `(${parts.join(language.join)})`;
  }
  let edited = `${line.slice(0, span.start)}${replacement}${line.slice(span.end)}`;
  // A constant cannot hold a value read at run time: Go's `const` becomes `var`, Kotlin's `const val` a `val`.
  if (language.name === 'Go') edited = edited.replace(/^(\s*)const(\s)/, '$1var$2');
  if (language.name === 'Java/Kotlin') edited = edited.replace(/\bconst\s+val\b/, 'val');
  return edited;
}

/** The line with `${NAME}` where the key was, quoted so that a shell expands it. */
function interpolationEdit(format: InterpolatingFormat, line: string, span: StringSpan | undefined, at: number, secret: string, name: string): string {
  const ref = `\${${name}}`;
  const before = line.slice(0, at);
  const after = line.slice(at + secret.length);
  if (!format.shell || span?.quote === '"') return `${before}${ref}${after}`;
  if (span?.quote === "'") return `${before}'"${ref}"'${after}`;
  return `${before}"${ref}"${after}`;
}

/**
 * Which name each key moves to: one name per key, wherever it appears; a name already in .env for another value, or
 * taken by another key of this run, gets a suffix (`_2`).
 */
class NameBook {
  private readonly bySecret = new Map<string, MovedKey>();
  private readonly taken = new Map<string, string>();
  private readonly pending = new Map<string, string>();

  constructor(private readonly existing: ReadonlyMap<string, string>) {}

  nameFor(secret: string, finding: Finding, textBefore: string): string {
    const known = this.bySecret.get(secret)?.name ?? this.pending.get(secret);
    if (known) return known;
    for (const [name, value] of this.existing) if (value === secret) return this.reserve(secret, name);
    const wanted = envNameFor({ ...(finding.envVar ? { documented: finding.envVar } : {}), textBefore, ...(finding.vendor ? { vendor: finding.vendor } : {}) });
    let name = wanted;
    for (let n = 2; this.isTaken(name, secret); n++) name = `${wanted}_${n}`;
    return this.reserve(secret, name);
  }

  /** Gives a key the name the code already reads it by, unless another value holds that name. */
  claim(secret: string, name: string): boolean {
    const known = this.bySecret.get(secret)?.name ?? this.pending.get(secret);
    if (known !== undefined) return known === name;
    if (this.isTaken(name, secret)) return false;
    this.reserve(secret, name);
    return true;
  }

  use(secret: string, finding: Finding): void {
    const name = this.pending.get(secret)!;
    const key = this.bySecret.get(secret);
    if (key) key.findings.push(finding);
    else this.bySecret.set(secret, { secret, name, ...(finding.vendor ? { vendor: finding.vendor } : {}), preview: finding.preview, remediation: finding.remediation, findings: [finding] });
  }

  /** A name given out for an edit that could not be made, and no other place of the key uses. */
  release(secret: string): void {
    if (this.bySecret.has(secret)) return;
    const name = this.pending.get(secret);
    this.pending.delete(secret);
    if (name) this.taken.delete(name);
  }

  moved(): MovedKey[] {
    return [...this.bySecret.values()];
  }

  private reserve(secret: string, name: string): string {
    this.pending.set(secret, name);
    this.taken.set(name, secret);
    return name;
  }

  private isTaken(name: string, secret: string): boolean {
    const owner = this.taken.get(name) ?? this.existing.get(name);
    return owner !== undefined && owner !== secret;
  }
}

import { dirname, relative } from 'node:path';
import type { Rule, SourceCode } from 'eslint';
import { defaultConfig } from '../config/defaults.js';
import { findConfigFile } from '../config/find-config.js';
import { loadConfig } from '../config/load-config.js';
import type { Detector } from '../engine/detector.js';
import { isSuppressed } from '../engine/inline-ignore.js';
import type { Finding } from '../engine/types.js';
import { builtinRuleIds, builtinRules, detectorFrom } from '../scan/create-detector.js';
import { configIgnoreFilter } from '../scan/path-filter.js';

// Loaded once when ESLint imports the plugin: rules are synchronous, loading the rule packs is not.
const builtin = await builtinRules();
const knownIds = await builtinRuleIds();

interface ProjectSetup {
  detector: Detector;
  isIgnored?: (absolutePath: string) => boolean;
}

/** One detector per config file (or none), shared by every file it governs. */
const setups = new Map<string, ProjectSetup>();

function setupFor(filename: string): ProjectSetup {
  const configFile = findConfigFile(dirname(filename));
  if (!configFile) return defaultSetup;
  const cached = setups.get(configFile);
  if (cached) return cached;
  const loaded = loadConfig(configFile, dirname(configFile), knownIds);
  const setup = { detector: detectorFrom(builtin, loaded.config), isIgnored: configIgnoreFilter(loaded.config.ignore, loaded.baseDir) };
  setups.set(configFile, setup);
  return setup;
}

/**
 * An editor keeps the plugin loaded for hours: compile every rule's regex, and let V8 optimise the keyword scan,
 * when the plugin loads (some 20 ms), rather than inside the first keystroke's lint.
 */
function warmUp(detector: Detector): void {
  const keywords = detector.rules.flatMap((rule) => rule.keywords);
  const line = keywords.map((k) => `${k} = "x";`).join(' const value = compute(input);\n');
  const text = line.repeat(Math.ceil(64_000 / line.length));
  for (let round = 0; round < 4; round++) detector.detect({ origin: { path: 'keyward-warm-up.ts' }, text });
}

// Files with no config (the common case) share this setup, made and warmed when the plugin loads; the built-in
// rules' regexes and keyword automaton are shared by every other detector too, so warming one warms them all.
const defaultSetup: ProjectSetup = { detector: detectorFrom(builtin, defaultConfig()) };
warmUp(defaultSetup.detector);

export interface FileScan {
  /** What the engine finds in the file's text: the same rules, context and inline ignores as the CLI. */
  findings: Finding[];
  detector: Detector;
  /** The path the context classifier judges. */
  path: string;
  ignored: boolean;
}

/** Computed once per file and shared by every keyward rule that lints it. */
const scans = new WeakMap<SourceCode, FileScan>();

export function scanFile(context: Rule.RuleContext): FileScan {
  const sourceCode = context.sourceCode;
  const cached = scans.get(sourceCode);
  if (cached) return cached;
  const filename = context.filename;
  const setup = setupFor(filename);
  const path = relative(context.cwd, filename).split('\\').join('/') || filename;
  const ignored = setup.isIgnored?.(filename) ?? false;
  const findings = ignored ? [] : setup.detector.detect({ origin: { path, file: filename }, text: sourceCode.text });
  const scan = { findings, detector: setup.detector, path, ignored };
  scans.set(sourceCode, scan);
  return scan;
}

/** The ESLint location of a finding (ESLint columns are 0-based). */
export function locOf(finding: Finding) {
  const { line, column, endColumn } = finding.location;
  return { start: { line, column: column - 1 }, end: { line, column: endColumn - 1 } };
}

/** Inline `keyward-ignore` comments, for reports that come from the syntax tree rather than the engine. */
export function suppressedAt(context: Rule.RuleContext, line: number, ruleName: string): boolean {
  const lines = context.sourceCode.lines;
  return isSuppressed(ruleName, lines[line - 1] ?? '', line > 1 ? lines[line - 2] : undefined);
}

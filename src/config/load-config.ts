import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RE2JS } from 're2js';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { compileRule } from '../engine/compile-rule.js';
import { ConfigError } from './config-error.js';
import { findConfigFile } from './find-config.js';
import { configSchema, type Config } from './schema.js';

export interface LoadedConfig {
  config: Config;
  /** The file it came from; absent when no config was found (the defaults). */
  file?: string;
  /** The folder its relative globs are relative to. */
  baseDir: string;
}

/**
 * Loads the config named on the command line, or the first one found upward from `startDir`.
 * `knownRuleIds` lets it reject a rule setting that names no rule (a typo would otherwise be silently ignored).
 */
export function loadConfig(explicitFile: string | undefined, startDir: string, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  const file = explicitFile ? resolve(explicitFile) : findConfigFile(startDir);
  if (!file) return { config: configSchema.parse({}), baseDir: resolve(startDir) };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, undefined, `cannot read the config file (${(error as NodeJS.ErrnoException).code})`);
  }
  return { config: parseConfigText(text, file, knownRuleIds), file, baseDir: dirname(file) };
}

/** Parses YAML or JSON (JSON is read by the YAML parser too, which keeps line numbers for both). */
export function parseConfigText(text: string, file: string, knownRuleIds: ReadonlySet<string>): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new ConfigError(file, line, syntax.message.split('\n')[0] ?? 'syntax error');
  }
  let data: unknown;
  try {
    // toJS() expands aliases, and refuses a document whose aliases would explode (a "billion laughs").
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new ConfigError(file, undefined, `cannot be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(file, lineOfIssue(doc, lines, issue), describeIssue(issue));
  }
  checkCustomRules(parsed.data, doc, lines, file);
  checkRuleIdsUnique(parsed.data, doc, lines, file, knownRuleIds);
  const ids = new Set([...knownRuleIds, ...parsed.data.customRules.map((rule) => rule.id)]);
  for (const id of Object.keys(parsed.data.rules)) {
    if (!ids.has(id)) throw new ConfigError(file, lineOf(doc, lines, ['rules', id], true), `rules.${id}: no rule has this id`);
  }
  return parsed.data;
}

/**
 * Custom rules and allowlist patterns must compile on the linear engine (rules with a `secret` group);
 * say which entry and line if not.
 */
function checkCustomRules(config: Config, doc: Document, lines: LineCounter, file: string): void {
  config.allowlist.patterns.forEach((pattern, index) => {
    try {
      RE2JS.compile(pattern);
    } catch (error) {
      const line = lineOf(doc, lines, ['allowlist', 'patterns', index]);
      throw new ConfigError(file, line, `allowlist.patterns[${index}]: ${(error as Error).message}`);
    }
  });
  config.customRules.forEach((rule, index) => {
    try {
      compileRule(rule, 'linear');
    } catch (error) {
      const line = lineOf(doc, lines, ['customRules', index, 'regex']);
      throw new ConfigError(file, line, `customRules[${index}] (${rule.id}): ${(error as Error).message}`);
    }
  });
}

/** A custom rule may not take a built-in rule's id, or another custom rule's: which one a setting meant would be a guess. */
function checkRuleIdsUnique(config: Config, doc: Document, lines: LineCounter, file: string, builtinIds: ReadonlySet<string>): void {
  const firstIndex = new Map<string, number>();
  config.customRules.forEach((rule, index) => {
    const where = `customRules[${index}] (${rule.id})`;
    const line = lineOf(doc, lines, ['customRules', index, 'id']);
    if (builtinIds.has(rule.id)) throw new ConfigError(file, line, `${where}: the id is already the built-in rule ${rule.id}'s; choose another`);
    const earlier = firstIndex.get(rule.id);
    if (earlier !== undefined) throw new ConfigError(file, line, `${where}: the id is already customRules[${earlier}]'s; choose another`);
    firstIndex.set(rule.id, index);
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') return `${where}unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${where}${issue.message}`;
}

function lineOfIssue(doc: Document, lines: LineCounter, issue: z.core.$ZodIssue): number | undefined {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) return lineOf(doc, lines, [...path, issue.keys[0]], true);
  return lineOf(doc, lines, path);
}

/** The line of the node at `path`, or of its nearest ancestor that exists (a missing key: its parent). */
function lineOf(doc: Document, lines: LineCounter, path: Array<string | number>, keyNode = false): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    if (keyNode && depth === path.length) {
      const parent = doc.getIn(prefix.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isNode(item.key) && String((item.key as { value?: unknown }).value) === String(prefix.at(-1)));
        const range = isNode(pair?.key) ? pair.key.range : undefined;
        if (range) return lines.linePos(range[0]).line;
      }
      continue;
    }
    const node = depth === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

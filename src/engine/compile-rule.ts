import { loadPicomatch, loadRe2js } from '../lazy-require.js';
import { AsciiSet } from './ascii-set.js';
import { LinearMatcher, NativeMatcher, type Matcher } from './matcher.js';
import type { LiteralClause } from './required-literals.js';
import type { RuleDefinition } from './rule-schema.js';
import type { Severity } from './types.js';

/**
 * A built-in rule's path globs as regexes, which the build adds to dist/rules.json (scripts/compile-rules.mjs): a
 * run then never loads picomatch for them (some 12 ms of a pre-commit hook whose lines hit such a rule's keyword).
 */
export interface PrecompiledPaths {
  include?: Array<{ source: string; flags: string }>;
  exclude?: Array<{ source: string; flags: string }>;
}

/** A rule as the built-in packs give it: with what the build worked out beforehand (none of it for users' rules). */
export type BuiltinRuleDefinition = RuleDefinition & {
  compiledPaths?: PrecompiledPaths;
  /** For each regex, what all of its matches contain (see required-literals.ts). */
  requiredLiterals?: LiteralClause[][];
  /** The characters none of its matches holds, when each holds a keyword (see stop-characters.ts). */
  stopCharacters?: string;
};

export interface CompiledRule {
  definition: RuleDefinition;
  id: string;
  severity: Severity;
  keywords: string[];
  matchers: Matcher[];
  /** Tests on the secret that mark it as a placeholder. */
  placeholders: Array<(secret: string) => boolean>;
  /** Whether the rule applies to a path; absent when it applies everywhere. */
  appliesTo?: (path: string) => boolean;
  /** A user's rule (from a config file) rather than a built-in one: it verifies keys only when the runner says so. */
  custom?: boolean;
  /** The stop characters of a built-in rule, by character code (see stretches.ts); absent when it has none. */
  stops?: AsciiSet;
}

/** A rule's patterns as a list, whether it gives one or several. */
export function regexSources(rule: Pick<RuleDefinition, 'regex'>): string[] {
  return Array.isArray(rule.regex) ? rule.regex : [rule.regex];
}

/**
 * Built-in rules compile to V8 regexes; users' rules to a linear-time engine (see matcher.ts).
 * Throws with a message naming the problem; callers add the file and rule. A built-in rule (checked by the build
 * and the tests) is compiled the first time a file needs it, not at start-up: most runs use a few of them, and a
 * pre-commit hook pays for every one it compiles.
 */
export function compileRule(definition: BuiltinRuleDefinition, engine: 'native' | 'linear'): CompiledRule {
  const parts = {
    matchers: () => {
      return regexSources(definition).map((source, i) =>
        engine === 'native' ? new NativeMatcher(source, definition.flags, definition.requiredLiterals?.[i]) : new LinearMatcher(source, definition.flags),
      );
    },
    placeholders: () => definition.placeholders.map((source) => placeholderTest(source, engine)),
    appliesTo: () => (definition.compiledPaths ? precompiledPathFilter(definition.compiledPaths) : pathFilter(definition.paths, definition.excludePaths)),
  };
  const rule = {
    definition,
    id: definition.id,
    severity: definition.severity,
    keywords: definition.keywords.map((k) => k.toLowerCase()),
    ...(engine === 'linear' ? { custom: true } : {}),
    ...(engine === 'native' && definition.stopCharacters ? { stops: new AsciiSet(definition.stopCharacters) } : {}),
  };
  if (engine === 'linear') return { ...rule, matchers: parts.matchers(), placeholders: parts.placeholders(), appliesTo: parts.appliesTo() };
  let matchers: Matcher[] | undefined;
  let placeholders: CompiledRule['placeholders'] | undefined;
  let appliesTo: CompiledRule['appliesTo'] | null = null;
  return Object.defineProperties(rule as CompiledRule, {
    matchers: { get: () => (matchers ??= parts.matchers()), enumerable: true },
    placeholders: { get: () => (placeholders ??= parts.placeholders()), enumerable: true },
    appliesTo: { get: () => (appliesTo === null ? (appliesTo = parts.appliesTo()) : appliesTo), enumerable: true },
  });
}

function placeholderTest(source: string, engine: 'native' | 'linear'): (secret: string) => boolean {
  if (engine === 'native') {
    const regex = new RegExp(source, 'i');
    return (secret) => regex.test(secret);
  }
  const { RE2JS } = loadRe2js();
  const regex = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  return (secret) => regex.matcher(secret).find();
}

function pathFilter(include?: string[], exclude?: string[]): ((path: string) => boolean) | undefined {
  if (!include?.length && !exclude?.length) return undefined;
  const picomatch = loadPicomatch();
  const included = include?.length ? picomatch(include, { dot: true }) : () => true;
  const excluded = exclude?.length ? picomatch(exclude, { dot: true }) : () => false;
  return lastPathRemembered((path) => included(path) && !excluded(path));
}

function precompiledPathFilter({ include, exclude }: PrecompiledPaths): (path: string) => boolean {
  const anyOf = (regexes: Array<{ source: string; flags: string }>) => {
    const compiled = regexes.map(({ source, flags }) => new RegExp(source, flags));
    return (path: string) => compiled.some((regex) => regex.test(path));
  };
  const included = include?.length ? anyOf(include) : () => true;
  const excluded = exclude?.length ? anyOf(exclude) : () => false;
  return lastPathRemembered((path) => included(path) && !excluded(path));
}

function lastPathRemembered(test: (path: string) => boolean): (path: string) => boolean {
  // Asked for every keyword hit of a file, always about the same path: remember the last answer.
  let lastPath: string | undefined;
  let lastAnswer = false;
  return (path) => {
    if (path !== lastPath) {
      lastPath = path;
      lastAnswer = test(path);
    }
    return lastAnswer;
  };
}

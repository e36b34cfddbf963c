import { join } from 'node:path';
import type { FileChange } from './apply-changes.js';
import type { MovedKey } from './fix-plan.js';

/** `NAME=value` lines of a dotenv file (quotes taken off; comments and `export ` allowed). */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const raw = match[2]!;
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    values.set(match[1]!, quoted ? quoted[2]! : raw.replace(/\s+#.*$/, ''));
  }
  return values;
}

/** A value as dotenv reads it back unchanged: bare when it is plain, else in quotes. */
function envValue(value: string): string {
  if (/^[A-Za-z0-9_\-.~+/=:@]*$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function appended(text: string | undefined, lines: string[]): string {
  const start = text ?? '';
  return `${start}${start && !start.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`;
}

export interface EnvFilesState {
  root: string;
  env?: string;
  example?: string;
  gitignore?: string;
  /** Whether git already ignores `.env` at the root. */
  envIgnored: boolean;
  /** Other env files holding keys (relative to the root) that git does not ignore yet. */
  alsoIgnore: readonly string[];
}

/**
 * The changes to .env (the values; created if missing), .env.example (each name, empty, with a comment: what a
 * teammate must set) and .gitignore (.env and the other env files that hold keys).
 */
export function envFileChanges(keys: readonly MovedKey[], state: EnvFilesState): FileChange[] {
  const changes: FileChange[] = [];
  const existing = parseEnvFile(state.env ?? '');
  const newValues = keys.filter((key) => existing.get(key.name) !== key.secret);
  if (newValues.length) {
    const header = state.env === undefined ? ['# Secrets for local runs: never commit this file (keyward fix put these here).'] : [];
    changes.push({ path: join(state.root, '.env'), before: state.env, after: appended(state.env, [...header, ...newValues.map((key) => `${key.name}=${envValue(key.secret)}`)]) });
  }
  const documented = parseEnvFile(state.example ?? '');
  const missing = keys.filter((key) => !documented.has(key.name));
  if (missing.length) {
    const lines = missing.flatMap((key) => [`# ${key.vendor ? `${key.vendor} key` : 'Secret'}: set it in .env or the deployment's environment`, `${key.name}=`]);
    changes.push({ path: join(state.root, '.env.example'), before: state.example, after: appended(state.example, lines) });
  }
  // `.env` anywhere; other env files by their own path from the root.
  const ignore = [...(state.envIgnored ? [] : ['.env']), ...state.alsoIgnore.filter((path) => path !== '.env')];
  if (ignore.length) changes.push({ path: join(state.root, '.gitignore'), before: state.gitignore, after: appended(state.gitignore, ignore.map((path) => (path === '.env' ? path : `/${path}`))) });
  return changes;
}

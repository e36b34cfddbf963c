import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** An organization scan's memory between runs: per repository, what was scanned, with which rules, and what it held. */
export interface OrgState {
  kind: 'keyward-state';
  version: 1;
  repositories: Record<string, RepositoryState>;
}

export interface RepositoryState {
  /** Every ref's tip when it was scanned (ref name → object id). */
  tips: Record<string, string>;
  /** The rule set's version it was scanned with: when it changes, the repository is scanned again in full. */
  rules: string;
  /** How long its last full or incremental scan took: the weight that balances shards. */
  durationMs: number;
  /** The findings' fingerprints seen so far in it: a later finding with one of these is not new. */
  fingerprints: string[];
  scannedAt: string;
}

const stateSchema = z.object({
  kind: z.literal('keyward-state'),
  version: z.literal(1),
  repositories: z.record(
    z.string(),
    z.object({
      tips: z.record(z.string(), z.string().regex(/^[0-9a-f]{40,64}$/)),
      rules: z.string(),
      durationMs: z.number().nonnegative(),
      fingerprints: z.array(z.string()),
      scannedAt: z.string(),
    }),
  ),
});

/** A state file that cannot be used: one line naming it, exit code 2 (a wrong state must not silently rescan all). */
export class StateError extends Error {
  override name = 'StateError';
}

export function emptyState(): OrgState {
  return { kind: 'keyward-state', version: 1, repositories: {} };
}

/** Whether parsed JSON is a state file (merge tells them from reports by this). */
export function isStateFile(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'keyward-state';
}

/** The state in a file; an empty one when the file does not exist yet (the first night). */
export function readState(file: string): OrgState {
  if (!existsSync(file)) return emptyState();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StateError(`${file}: not a keyward state file (${error instanceof SyntaxError ? 'invalid JSON' : (error as Error).message})`);
  }
  return parseState(json, file);
}

export function parseState(json: unknown, file: string): OrgState {
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StateError(`${file}: not a keyward state file (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  return parsed.data as OrgState;
}

/** Written whole to a temporary name, then renamed: a run killed while writing leaves the old state, never half a file. */
export function writeState(file: string, state: OrgState): void {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(state.repositories).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(`${target}.tmp-${process.pid}`, `${JSON.stringify({ ...state, repositories: sorted }, null, 2)}\n`);
  renameSync(`${target}.tmp-${process.pid}`, target);
}

/** Several shards' states as one: for each repository, its most recent scan. */
export function mergeStates(states: OrgState[]): OrgState {
  const merged = emptyState();
  for (const state of states) {
    for (const [repository, entry] of Object.entries(state.repositories)) {
      const kept = merged.repositories[repository];
      if (!kept || entry.scannedAt > kept.scannedAt) merged.repositories[repository] = entry;
    }
  }
  return merged;
}

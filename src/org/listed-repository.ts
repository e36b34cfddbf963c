import type { GitCredential } from './credentials.js';

/** Whether a list's entry is a URL git clones (scheme://…, or scp-like user@host:path) rather than a local path. */
export function isRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^[^/\s]+@[^/\s]+:/.test(entry);
}

/** One repository of an organization scan, as a list names it. */
export interface ListedRepository {
  /** How reports and the state name it: the clone URL or path as given, without credentials. */
  repository: string;
  /** What git clones: the same URL (credentials travel apart), or an absolute path to a local repository. */
  source: string;
  /** The token or password git may send, to the repository's own origin only. */
  credential?: GitCredential;
  /** The size the listing API gave, in KB: a weight for shards before a first scan has timed it. */
  sizeKb?: number;
  /** The weight a plan (`keyward repos --plan`) gave it: shards that read the plan balance by the same numbers. */
  weight?: number;
  /** The shard a plan made for N shards gave it: `--shard K/N` with the same N takes the plan's word. */
  plannedShard?: { index: number; total: number };
}

import { homedir } from 'node:os';
import { join } from 'node:path';

/** keyward's per-user cache folder: `$XDG_CACHE_HOME/keyward`, else `~/.cache/keyward`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'keyward');
}

import { VALIDITIES, type Validity } from '../engine/types.js';

/** What the person running keyward said about verification (never a config file: see verify-origins.ts). */
export interface VerifySettings {
  cacheTtlMs: number;
  timeoutMs: number;
  allowCustomRules: boolean;
  /** `--fail-on-validity`: only findings in these states fail the run. */
  failOnValidity?: ReadonlySet<Validity>;
}

export class VerifySettingsError extends Error {
  override name = 'VerifySettingsError';
}

export const DEFAULT_CACHE_TTL_MS = 12 * 3600 * 1000;

/** Per request: the issue of politeness says 5–10 s. */
export const DEFAULT_VERIFY_TIMEOUT_MS = 8000;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A lifetime such as `12h`, `30m`, `90s`, `2d` or `0` (no cache), in milliseconds. */
export function parseDuration(flag: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new VerifySettingsError(`${flag} takes a duration such as 12h, 30m or 0, not "${text}"`);
  return Number(match[1]) * UNITS[match[2] ?? 's']!;
}

/** `active` or `active,unknown`: the states that fail a run. */
export function parseValidities(flag: string, text: string): Set<Validity> {
  const states = text.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = states.filter((s) => !VALIDITIES.includes(s as Validity));
  if (wrong.length || states.length === 0) throw new VerifySettingsError(`${flag} takes ${VALIDITIES.join(', ')} (comma-separated), not "${text}"`);
  return new Set(states as Validity[]);
}

export interface VerifyFlags {
  verify?: boolean;
  verifyCustomRules?: boolean;
  verifyCacheTtl?: string;
  verifyTimeout?: string;
  failOnValidity?: string;
}

/** The settings the flags give, or undefined without --verify (and then the other verify flags are a mistake). */
export function verifySettingsFrom(flags: VerifyFlags): VerifySettings | undefined {
  if (!flags.verify) {
    const stray = (['verifyCustomRules', 'verifyCacheTtl', 'verifyTimeout', 'failOnValidity'] as const).find((name) => flags[name] !== undefined);
    if (stray) throw new VerifySettingsError(`--${stray.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --verify`);
    return undefined;
  }
  const timeoutMs = flags.verifyTimeout === undefined ? DEFAULT_VERIFY_TIMEOUT_MS : parseDuration('--verify-timeout', flags.verifyTimeout);
  if (timeoutMs <= 0 || timeoutMs > 60_000) throw new VerifySettingsError('--verify-timeout must be above 0 and at most 60s');
  return {
    cacheTtlMs: flags.verifyCacheTtl === undefined ? DEFAULT_CACHE_TTL_MS : parseDuration('--verify-cache-ttl', flags.verifyCacheTtl),
    timeoutMs,
    allowCustomRules: Boolean(flags.verifyCustomRules),
    ...(flags.failOnValidity !== undefined ? { failOnValidity: parseValidities('--fail-on-validity', flags.failOnValidity) } : {}),
  };
}

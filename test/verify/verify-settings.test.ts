import { describe, expect, it } from 'vitest';
import { parseDuration, verifySettingsFrom } from '../../src/verify/verify-settings.js';
import { verifyOriginsFromEnv, routed } from '../../src/verify/verify-origins.js';
import { retryAfterMs } from '../../src/retry-after.js';
import { ProviderThrottle } from '../../src/verify/provider-throttle.js';

describe('verify flags', () => {
  it('reads durations', () => {
    expect(parseDuration('--verify-cache-ttl', '12h')).toBe(12 * 3600_000);
    expect(parseDuration('--verify-cache-ttl', '0')).toBe(0);
    expect(parseDuration('--verify-timeout', '500ms')).toBe(500);
    expect(() => parseDuration('--verify-cache-ttl', 'soon')).toThrow('--verify-cache-ttl takes a duration such as 12h, 30m or 0, not "soon"');
  });

  it('takes the states that fail a run, and refuses verify flags without --verify', () => {
    expect([...verifySettingsFrom({ verify: true, failOnValidity: 'active,unknown' })!.failOnValidity!]).toEqual(['active', 'unknown']);
    expect(() => verifySettingsFrom({ verify: true, failOnValidity: 'live' })).toThrow('--fail-on-validity takes active, inactive, unknown');
    expect(() => verifySettingsFrom({ failOnValidity: 'active' })).toThrow('--fail-on-validity needs --verify');
    expect(() => verifySettingsFrom({ verifyCustomRules: true })).toThrow('--verify-custom-rules needs --verify');
    expect(verifySettingsFrom({})).toBeUndefined();
  });
});

describe('KEYWARD_VERIFY_ORIGINS', () => {
  it('maps origins, or every origin, to stand-ins', () => {
    const map = verifyOriginsFromEnv({ KEYWARD_VERIFY_ORIGINS: '{"https://api.github.com":"http://127.0.0.1:9000","*":"http://127.0.0.1:9001"}' });
    expect(routed(new URL('https://api.github.com/user?x=1'), map)).toEqual({ url: new URL('http://127.0.0.1:9000/user?x=1'), standIn: true });
    expect(routed(new URL('https://slack.com/api/auth.test'), map).url.href).toBe('http://127.0.0.1:9001/api/auth.test');
    expect(routed(new URL('https://slack.com/api/auth.test'), new Map())).toEqual({ url: new URL('https://slack.com/api/auth.test'), standIn: false });
  });

  it('refuses what is not a map of origins, in one line', () => {
    expect(() => verifyOriginsFromEnv({ KEYWARD_VERIFY_ORIGINS: '[1]' })).toThrow(/must be a JSON object/);
    expect(() => verifyOriginsFromEnv({ KEYWARD_VERIFY_ORIGINS: '{"*":"ftp://x"}' })).toThrow(/must map to an origin/);
    expect(() => verifyOriginsFromEnv({ KEYWARD_VERIFY_ORIGINS: 'nope' })).toThrow(/is not JSON/);
  });
});

describe('politeness', () => {
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(61_000).toUTCString(), 1000)).toBe(60_000);
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('holds requests to one provider to its concurrency, and providers do not wait for each other', async () => {
    const throttle = new ProviderThrottle(2);
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
    };
    await Promise.all(Array.from({ length: 8 }, () => throttle.run('github', task)));
    expect(most).toBe(2);
    most = 0;
    await Promise.all([throttle.run('github', task), throttle.run('github', task), throttle.run('slack', task)]);
    expect(most).toBe(3);
  });
});

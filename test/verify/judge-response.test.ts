import { describe, expect, it } from 'vitest';
import { judgeAnswer } from '../../src/verify/judge-response.js';

const answer = (status: number, body: unknown = {}) => ({ status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('what an answer says of a key', () => {
  const slack = {
    active: { status: [200], json: { ok: true } },
    inactive: { status: [200], json: { ok: false, error: ['invalid_auth', 'token_revoked'] } },
  };

  it('reads JSON fields by path, with a list of allowed values', () => {
    expect(judgeAnswer(slack, answer(200, { ok: true }))).toBe('active');
    expect(judgeAnswer(slack, answer(200, { ok: false, error: 'token_revoked' }))).toBe('inactive');
    // A reason the rule does not know (a missing scope, a ratelimited workspace): not settled.
    expect(judgeAnswer(slack, answer(200, { ok: false, error: 'ratelimited' }))).toBe('unknown');
    expect(judgeAnswer({ active: { status: [200] }, inactive: { status: [401], json: { 'error.name': 'UNAUTHORIZED' } } }, answer(401, { error: { name: 'UNAUTHORIZED' } }))).toBe('inactive');
  });

  it.each([408, 429, 500, 502, 503, 504, 301, 302, 307])('%i is unknown, whatever the matchers say', (status) => {
    expect(judgeAnswer({ active: { status: [status] }, inactive: { status: [status] } }, answer(status))).toBe('unknown');
    expect(judgeAnswer({ active: { status: [200] }, inactive: [{ status: [status] }, { status: [401] }] }, answer(status))).toBe('unknown');
  });

  it('an answer both matchers claim is unknown; so is a body that is not the JSON expected', () => {
    expect(judgeAnswer({ active: { status: [403] }, inactive: { status: [403] } }, answer(403))).toBe('unknown');
    expect(judgeAnswer(slack, answer(200, '<html>maintenance</html>'))).toBe('unknown');
  });

  it('words must all appear', () => {
    const spec = { active: { status: [200] }, inactive: { status: [403], words: ['Invalid', 'token'] } };
    expect(judgeAnswer(spec, answer(403, { err: 'Invalid token' }))).toBe('inactive');
    expect(judgeAnswer(spec, answer(403, { err: 'Forbidden' }))).toBe('unknown');
  });
});

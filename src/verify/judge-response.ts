import type { Validity } from '../engine/types.js';
import type { HttpAnswer } from './safe-request.js';
import type { ResponseMatcher, VerifySpec } from './verify-schema.js';

/**
 * Statuses that say nothing about the key: the request timed out, was rate-limited, or the server failed. A
 * redirect is not followed (the key would go to another host), so it says nothing either.
 */
export function isInconclusiveStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500 || (status >= 300 && status < 400) || status < 100;
}

/** The value at a dotted path (`error.name`) of a parsed JSON body. */
function valueAt(json: unknown, path: string): unknown {
  let value = json;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A JSON body, or undefined when the body is not JSON (an HTML error page). */
export function parsedBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Whether an answer meets every condition a matcher gives. */
export function matches(matcher: ResponseMatcher, answer: HttpAnswer, json: () => unknown): boolean {
  if (matcher.status && !matcher.status.includes(answer.status)) return false;
  if (matcher.words && !matcher.words.every((word) => answer.body.includes(word))) return false;
  if (matcher.json) {
    for (const [path, expected] of Object.entries(matcher.json)) {
      const value = valueAt(json(), path);
      const allowed = Array.isArray(expected) ? expected : [expected];
      if (!allowed.some((candidate) => candidate === value)) return false;
    }
  }
  return true;
}

export function anyMatches(matchers: ResponseMatcher | ResponseMatcher[], answer: HttpAnswer, json: () => unknown): boolean {
  return (Array.isArray(matchers) ? matchers : [matchers]).some((matcher) => matches(matcher, answer, json));
}

/**
 * What an answer says of the key. Inconclusive statuses are `unknown` whatever the rule's matchers say; an answer
 * both matchers claim, or neither, is `unknown` too: only a recognised answer settles a key.
 */
export function judgeAnswer(spec: Pick<VerifySpec, 'active' | 'inactive'>, answer: HttpAnswer): Validity {
  if (isInconclusiveStatus(answer.status)) return 'unknown';
  let body: unknown;
  let read = false;
  const json = () => {
    if (!read) {
      body = parsedBody(answer.body);
      read = true;
    }
    return body;
  };
  const active = anyMatches(spec.active, answer, json);
  const inactive = anyMatches(spec.inactive, answer, json);
  if (active === inactive) return 'unknown';
  return active ? 'active' : 'inactive';
}

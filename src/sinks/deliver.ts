import { retryAfterMs } from '../retry-after.js';
import { signatureHeader } from './signature.js';

export interface DeliveryOptions {
  url: string;
  signingSecret: string;
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
  userAgent: string;
  /** Injected in tests to observe the waits; real runs sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Stops the delivery (SIGINT, SIGTERM): the request in flight is aborted and no further attempt is made. */
  stop?: AbortSignal;
}

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  status?: number;
  /** Why the last attempt failed: a status or a network error, never request content. */
  error?: string;
}

/** The longest wait between attempts keyward accepts (a longer Retry-After leaves the delivery to the next run). */
const MAX_WAIT_MS = 60_000;

/**
 * POSTs one signed JSON body, retrying network errors, timeouts, 408, 429 and 5xx with exponential backoff and
 * jitter, and honouring Retry-After. Other 4xx are final: the receiver has said no. Redirects are not followed,
 * so a key can never be forwarded to a host the config did not name.
 */
export async function deliver(body: string, idempotencyKey: string, options: DeliveryOptions): Promise<DeliveryResult> {
  const sleep = options.sleep ?? ((ms: number) => wait(ms, options.stop));
  let last: DeliveryResult = { ok: false, attempts: 0 };
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    if (options.stop?.aborted) return { ...last, error: INTERRUPTED };
    let askedPause: number | undefined;
    try {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const response = await fetch(options.url, {
        method: 'POST',
        redirect: 'manual',
        signal: options.stop ? AbortSignal.any([timeout, options.stop]) : timeout,
        headers: {
          'content-type': 'application/json',
          'user-agent': options.userAgent,
          'idempotency-key': idempotencyKey,
          // Signed afresh at every attempt: a retry is a new request with its own timestamp.
          'keyward-signature': signatureHeader(options.signingSecret, body, Math.floor(Date.now() / 1000)),
        },
        body,
      });
      await response.arrayBuffer().catch(() => undefined); // free the connection
      if (response.status >= 200 && response.status < 300) return { ok: true, attempts: attempt, status: response.status };
      last = { ok: false, attempts: attempt, status: response.status, error: `HTTP ${response.status}` };
      if (!isRetryable(response.status)) return last;
      askedPause = retryAfterMs(response.headers.get('retry-after') ?? undefined);
    } catch (error) {
      if (options.stop?.aborted) return { ok: false, attempts: attempt, error: INTERRUPTED };
      last = { ok: false, attempts: attempt, error: describeNetworkError(error, options.timeoutMs) };
    }
    if (attempt === options.maxAttempts) break;
    const backoff = options.backoffMs * 2 ** (attempt - 1);
    const pause = askedPause ?? backoff / 2 + Math.random() * (backoff / 2);
    if (pause > MAX_WAIT_MS) break;
    await sleep(pause);
  }
  return options.stop?.aborted ? { ...last, error: INTERRUPTED } : last;
}

/** Why a stopped delivery failed: the receiver may or may not have it, so it is retried on the next run. */
export const INTERRUPTED = 'interrupted';

/** A pause that a stop ends at once. */
function wait(ms: number, stop: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    stop?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      stop?.removeEventListener('abort', done);
      resolve();
    }
  });
}

function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  return err.cause?.code ?? err.message ?? 'network error';
}

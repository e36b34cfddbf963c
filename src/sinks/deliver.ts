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
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let last: DeliveryResult = { ok: false, attempts: 0 };
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    let retryAfterMs: number | undefined;
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': options.userAgent,
          'idempotency-key': idempotencyKey,
          'keyward-signature': signatureHeader(options.signingSecret, body, Math.floor(Date.now() / 1000)),
        },
        body,
      });
      await response.arrayBuffer().catch(() => undefined); // free the connection
      if (response.status >= 200 && response.status < 300) return { ok: true, attempts: attempt, status: response.status };
      last = { ok: false, attempts: attempt, status: response.status, error: `HTTP ${response.status}` };
      if (!isRetryable(response.status)) return last;
      retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    } catch (error) {
      last = { ok: false, attempts: attempt, error: describeNetworkError(error, options.timeoutMs) };
    }
    if (attempt === options.maxAttempts) break;
    const backoff = options.backoffMs * 2 ** (attempt - 1);
    const wait = retryAfterMs ?? backoff / 2 + Math.random() * (backoff / 2);
    if (wait > MAX_WAIT_MS) break;
    await sleep(wait);
  }
  return last;
}

function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Retry-After in seconds, or as an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  return err.cause?.code ?? err.message ?? 'network error';
}

/**
 * What to do when a Graph API send fails, keyed on Meta's error code (spec §10), never on the
 * HTTP status or title. `null` code = no Graph error body (HTTP 5xx, network failure, timeout).
 */
export type RetryDecision =
  | { retry: false; reason: string }
  | {
      retry: true;
      reason: string;
      /** Wait before the next try of this message, in ms. */
      delayMs: number;
      /** Hold every send for this long (account-wide limits, bad token). */
      pauseAllMs?: number;
      /** Give up after this many attempts in all. */
      maxAttempts?: number;
    };

const jitter = (ms: number): number => Math.round(ms * (0.75 + Math.random() * 0.5));

/** Exponential backoff from 1 s, capped at 60 s, with jitter. */
export function backoffMs(attempt: number): number {
  return jitter(Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1)));
}

const permanent: Record<number, string> = {
  131047: 're-engagement: the 24-hour window is closed',
  131026: 'undeliverable: not a WhatsApp user or outdated client',
  131051: 'unsupported message type',
  131052: 'media could not be downloaded',
  131053: 'media upload failed',
  131048: 'spam rate limit: quality restriction',
  131049: 'not delivered to maintain ecosystem engagement',
  131050: 'user opted out of marketing messages',
  130403: 'this user is blocked by the business',
  131021: 'sender and recipient are the same',
  100: 'invalid parameter',
  131008: 'required parameter missing',
  131009: 'parameter value not valid',
  132000: 'template parameter count mismatch',
  132001: 'template does not exist or is not approved',
  132012: 'template parameter format mismatch',
  132015: 'template paused',
  132016: 'template disabled',
  368: 'account restricted by policy',
  131031: 'account locked',
  131042: 'payment method problem',
};

/**
 * Classifies one failed attempt. `attempt` is the number of tries made so far, this one included;
 * `pairFailures` is how many 131056 in a row this recipient has had.
 */
export function classifyFailure(code: number | null, httpStatus: number | null, attempt: number, pairFailures = 0): RetryDecision {
  if (code === null) {
    const what = httpStatus === null ? 'network error or timeout' : `HTTP ${httpStatus}`;
    if (httpStatus !== null && httpStatus < 500 && httpStatus !== 429) {
      return { retry: false, reason: `${what} without a Graph error code` };
    }
    return { retry: true, reason: what, delayMs: backoffMs(attempt) };
  }
  switch (code) {
    case 130429:
      return { retry: true, reason: 'throughput limit reached', delayMs: jitter(1500), pauseAllMs: 1000 };
    case 131056:
      return { retry: true, reason: 'pair rate limit for this recipient', delayMs: 1000 * 4 ** Math.min(pairFailures, 5) };
    case 131057:
      return { retry: true, reason: 'account in maintenance', delayMs: 60_000 };
    case 131000:
      return { retry: true, reason: 'unknown error', delayMs: backoffMs(attempt), maxAttempts: 3 };
    case 1:
      return { retry: true, reason: 'invalid request or server error', delayMs: backoffMs(attempt), maxAttempts: 3 };
    case 2:
    case 131016:
      return { retry: true, reason: 'service temporarily unavailable', delayMs: backoffMs(attempt) };
    case 4:
    case 80007:
      return { retry: true, reason: 'API rate limit', delayMs: jitter(120_000), pauseAllMs: 60_000 };
    case 190:
      // The message is fine; the token is not. Hold everything until an operator replaces it.
      return { retry: true, reason: 'access token expired or invalid', delayMs: 60_000, pauseAllMs: 60_000 };
    default: {
      const known = permanent[code];
      if (known !== undefined) {
        return { retry: false, reason: known };
      }
      if (code === 0 || code === 3 || code === 10 || (code >= 200 && code <= 299)) {
        return { retry: false, reason: 'permission error: check the access token permissions' };
      }
      return { retry: false, reason: `Graph API error ${code}` };
    }
  }
}

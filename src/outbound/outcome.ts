/**
 * How the bot judges the answer to every call it makes to another system: the privacy team's
 * webhook and Teams' connector (posting, updating and deleting messages). One table for all, so a
 * 429 or a 503 means the same thing to every sender and only the caller's reaction differs.
 */
import { parseRetryAfter } from './retry-after';

/** A response has this long to arrive; a slower peer is treated like a network failure. */
export const OUTBOUND_TIMEOUT_MS = 15_000;

/**
 * - `retry`: not now (throttled, a precondition race, gateway trouble, no answer); try again later.
 * - `refused`: the peer does not accept our credentials, or (Teams) the bot is not allowed there.
 * - `gone`: what we addressed no longer exists.
 * - `rejected`: the peer refused this call for good; the same call again cannot succeed.
 */
export type Verdict = 'retry' | 'refused' | 'gone' | 'rejected';

export type OutboundResult =
  | { readonly ok: true; readonly status: number; readonly activityId?: string }
  | {
      readonly ok: false;
      readonly verdict: Verdict;
      /** The HTTP status, or 0 when no response came (network error, timeout). */
      readonly status: number;
      /** For logs: `http-<status>` or an error code; never a response body. */
      readonly reason: string;
      readonly retryAfterMs?: number;
    };

/** Statuses worth another attempt: Teams documents 412, 429, 502 and 504; 408 and 5xx are generic. */
function isRetryable(status: number): boolean {
  return status === 408 || status === 412 || status === 429 || status >= 500;
}

/** The verdict on an HTTP status; `retryAfter` is the header as received (seconds or an HTTP date). */
export function judgeStatus(status: number, retryAfter?: string): OutboundResult {
  if (status >= 200 && status < 300) return { ok: true, status };
  const reason = `http-${status}`;
  if (isRetryable(status)) return { ok: false, verdict: 'retry', status, reason, retryAfterMs: parseRetryAfter(retryAfter) };
  if (status === 401 || status === 403) return { ok: false, verdict: 'refused', status, reason };
  if (status === 404 || status === 410) return { ok: false, verdict: 'gone', status, reason };
  return { ok: false, verdict: 'rejected', status, reason };
}

/** No response at all: always worth another attempt. `reason` is an error code such as `timeout`. */
export function noResponse(reason: string): OutboundResult {
  return { ok: false, verdict: 'retry', status: 0, reason };
}

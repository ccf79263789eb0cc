/**
 * A fetch that was never sent — its host cooling down after a 429/503 Retry-After (HOST_COOLING_DOWN,
 * adapters/http) or every fleet-wide slot of its host taken (HOST_BUSY, hostBusy.ts) — did not reach
 * the host, so the message's receive is given back: else a host's repeated Retry-After would spend
 * the receives of every message queued for it and park its pages in the DLQ. Only for
 * NOT_SENT_GRACE_MS after the message's first receive, so a host that never lets up still ends in the
 * DLQ. One policy for the local queues (local/localQueue.ts) and the deployed process-article and
 * poll-feed (handlers/deferNotSent.ts, which re-sends such a message with a delay instead).
 */
import { HOST_BUSY } from './hostBusy';
import { parseRetryAfter } from './schedule';

/** The code of adapters/http's HostCoolingDownError (defined here, where the pipeline can name it). */
export const HOST_COOLING_DOWN = 'HOST_COOLING_DOWN';

/** Codes of a fetch that was never sent. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([HOST_BUSY, HOST_COOLING_DOWN]);

/** As long as the HTTP client's longest host cooldown (MAX_HOST_COOLDOWN_MS). */
export const NOT_SENT_GRACE_MS = 10 * 60_000;

/**
 * Whether a failure is a never-sent fetch whose message is still within its grace: retryable, a
 * NOT_SENT_CODES code, and less than `graceMs` since the message's first receive (epoch ms).
 */
export function notSentWithinGrace(
  failure: { code: string; retryable: boolean },
  firstReceivedAt: number,
  now: number,
  graceMs = NOT_SENT_GRACE_MS,
): boolean {
  return failure.retryable && NOT_SENT_CODES.has(failure.code) && now - firstReceivedAt < graceMs;
}

/**
 * The time (epoch ms) an error's `retryAfter` (HTTP date or seconds, as the HTTP client's errors
 * carry it) asks to wait until; null when it carries none (HOST_BUSY) or one already past.
 */
export function retryAfterOf(err: unknown, now: number): number | null {
  const value = (err as { retryAfter?: unknown } | null)?.retryAfter;
  if (typeof value !== 'string') return null;
  return parseRetryAfter(value, new Date(now))?.getTime() ?? null;
}

/** Delay of a deferred message when its error names no time to wait (HOST_BUSY: slots free within seconds to minutes). */
export const DEFAULT_DEFER_SECONDS = 60;
/** SQS's longest DelaySeconds. */
const MAX_DEFER_SECONDS = 900;

/**
 * Seconds to delay a never-sent message's re-send: until the host's Retry-After / cooldown ends when
 * the error carries one, else DEFAULT_DEFER_SECONDS; whole seconds in 1–900 (SQS DelaySeconds).
 */
export function deferSeconds(err: unknown, now: number): number {
  const until = retryAfterOf(err, now);
  const seconds = until === null ? DEFAULT_DEFER_SECONDS : Math.ceil((until - now) / 1000);
  return Math.min(MAX_DEFER_SECONDS, Math.max(1, seconds));
}

/** When a feed is polled next: its interval after success, capped exponential backoff after failures. */

export const MAX_BACKOFF_MINUTES = 24 * 60;

/** Next poll after a successful poll: the feed's interval, lengthened (never shortened) by its TTL. */
export function nextPollAfterSuccess(now: Date, intervalMinutes: number, ttlMinutes?: number | null): string {
  const minutes = Math.max(intervalMinutes, ttlMinutes ?? 0);
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

/**
 * Next poll after the n-th consecutive failure: interval × 2^(n-1), capped at 24 h, with ±20 %
 * jitter so feeds that failed together do not retry together. Never a permanent give-up.
 */
export function nextPollAfterFailure(
  now: Date,
  intervalMinutes: number,
  consecutiveFailures: number,
  random: () => number = Math.random,
): string {
  const exp = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
  const base = Math.min(intervalMinutes * 2 ** exp, MAX_BACKOFF_MINUTES);
  const jittered = base * (0.8 + 0.4 * random());
  return new Date(now.getTime() + jittered * 60_000).toISOString();
}

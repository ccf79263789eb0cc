/**
 * When a feed is polled next. After a success: its interval, lengthened (never shortened, and only
 * up to a cap) by what the server or the feed asks (Cache-Control max-age, RSS ttl). After a
 * failure: capped exponential backoff with jitter, never before the server's Retry-After, never a
 * permanent give-up.
 */

/** The longest a failing feed waits between two attempts (backoff and Retry-After both). */
export const MAX_BACKOFF_MINUTES = 24 * 60;
/** The longest a server's or feed's hint (max-age, ttl) may stretch a feed's interval. */
export const MAX_HINTED_INTERVAL_MINUTES = 6 * 60;

/**
 * Next poll after a successful poll: the feed's interval, or the hint (RSS `ttl`, Cache-Control
 * max-age — in minutes) when that is longer, the hint capped at MAX_HINTED_INTERVAL_MINUTES.
 */
export function nextPollAfterSuccess(now: Date, intervalMinutes: number, hintMinutes?: number | null): string {
  const hint = Math.min(Math.max(hintMinutes ?? 0, 0), MAX_HINTED_INTERVAL_MINUTES);
  return addMinutes(now, Math.max(intervalMinutes, hint));
}

/**
 * Next poll after the n-th consecutive failure: interval × 2^(n-1) with ±20 % jitter (so feeds that
 * failed together do not retry together), capped at MAX_BACKOFF_MINUTES — and never before
 * `notBefore` (the server's Retry-After), itself capped at MAX_BACKOFF_MINUTES from now.
 */
export function nextPollAfterFailure(
  now: Date,
  intervalMinutes: number,
  consecutiveFailures: number,
  random: () => number = Math.random,
  notBefore?: Date | null,
): string {
  const exp = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
  const base = Math.min(intervalMinutes * 2 ** exp, MAX_BACKOFF_MINUTES);
  const minutes = Math.min(base * (0.8 + 0.4 * random()), MAX_BACKOFF_MINUTES);
  const backoff = now.getTime() + minutes * 60_000;
  const cap = now.getTime() + MAX_BACKOFF_MINUTES * 60_000;
  const server = notBefore ? Math.min(notBefore.getTime(), cap) : 0;
  return new Date(Math.max(backoff, server)).toISOString();
}

/**
 * The instant a Retry-After header names — delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`) — or null when absent, unreadable or already past.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): Date | null {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) {
    const seconds = Number(v);
    return seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null;
  }
  // HTTP-date: IMF-fixdate, or the obsolete RFC 850 / asctime forms Date.parse also reads.
  if (!/[a-z]/i.test(v)) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) && t > now.getTime() ? new Date(t) : null;
}

/**
 * The freshness a response's Cache-Control grants, in whole minutes (s-maxage before max-age), or
 * null when none (or no-store / no-cache / max-age=0).
 */
export function cacheHintMinutes(cacheControl: string | null | undefined): number | null {
  if (!cacheControl) return null;
  const directives = new Map<string, string | true>();
  for (const part of cacheControl.toLowerCase().split(',')) {
    const [k, v] = part.split('=').map((x) => x.trim());
    if (k) directives.set(k, v === undefined ? true : v.replace(/^"|"$/g, ''));
  }
  if (directives.has('no-store') || directives.has('no-cache')) return null;
  const raw = directives.get('s-maxage') ?? directives.get('max-age');
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return null;
  const minutes = Math.floor(Number(raw) / 60);
  return minutes > 0 ? minutes : null;
}

function addMinutes(now: Date, minutes: number): string {
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

/**
 * Politeness in time: the dispatcher does not send a host's feeds all at once. Each feed's poll is
 * delayed (SQS DelaySeconds) by a stable offset within the dispatch period, taken from a hash of
 * its id, so one host's N feeds arrive spread evenly over the period instead of in one burst — and
 * each feed keeps its place in the period from one run to the next. Pure functions.
 */
import { sha256Hex } from '../core/ids';

/** The longest SQS delays a message (DelaySeconds): the spread never exceeds it. */
export const MAX_POLL_DELAY_SECONDS = 900;

/**
 * Seconds to delay the poll of `feedId`: a stable value in [0, spreadSeconds), uniform over the
 * feed ids (the first 32 bits of sha256(id)). `spreadSeconds` is capped at MAX_POLL_DELAY_SECONDS;
 * 0 or less (or not a number) means no delay.
 */
export function pollDelaySeconds(feedId: string, spreadSeconds: number): number {
  const spread = Math.min(Math.floor(Number.isFinite(spreadSeconds) ? spreadSeconds : 0), MAX_POLL_DELAY_SECONDS);
  if (spread <= 0) return 0;
  const fraction = parseInt(sha256Hex(feedId).slice(0, 8), 16) / 0x1_0000_0000;
  return Math.floor(fraction * spread);
}

/**
 * The spread of one dispatch run: the period between runs (a feed is due again a period later, so
 * its delayed poll must land before the next run), never more than the feed's own interval, and at
 * most what SQS can delay.
 */
export function spreadSecondsFor(periodSeconds: number, pollIntervalMinutes: number): number {
  return Math.max(0, Math.min(periodSeconds, pollIntervalMinutes * 60, MAX_POLL_DELAY_SECONDS));
}

/**
 * The instant a successful poll counts from when it schedules the next one: the minute its dispatch
 * run started (when the message says so and the poll comes within a spread of it), else the poll's
 * own start. Counting from the run, not from the delayed poll, keeps a feed due at the next run
 * whatever its offset (counting from the poll, a feed offset by 5 minutes would be 5 minutes short
 * of due at the next run and wait a whole period more); the minute, because a run fires some
 * seconds into its minute and the next one may fire a few seconds earlier into its own.
 */
export function scheduleBase(dispatchedAt: string | null | undefined, startedAt: Date): Date {
  const t = dispatchedAt ? Date.parse(dispatchedAt) : NaN;
  if (!Number.isFinite(t)) return startedAt;
  const lag = startedAt.getTime() - t;
  // A message redelivered much later (a retry after the visibility timeout) counts from its poll.
  if (lag < 0 || lag > (MAX_POLL_DELAY_SECONDS + SCHEDULE_BASE_SLACK_SECONDS) * 1000) return startedAt;
  return new Date(Math.floor(t / 60_000) * 60_000);
}

/** How late after its delay a poll may start and still count from its dispatch run (queue wait, a retry). */
const SCHEDULE_BASE_SLACK_SECONDS = 300;

/** The host name a URL points at (lower case), or '' when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * How often a feed publishes, and whether it has gone silent: the pure rules behind the silent-feed
 * check (pipeline/silentFeeds.ts, `newswire feeds list --silent`) and the state poll-feed keeps.
 *
 * "Published" means an item id this feed never listed before appeared in a successful poll (a
 * revision of a known item, or a moved link aliased to its release, is not a publication). The
 * usual rate is an exponentially weighted count of those items (time constant
 * PUBLISHING_TIME_CONSTANT_DAYS), normalized by the window it covers, so a feed tracked for a few
 * days is not under-counted and old bursts fade. The state changes only when something is
 * published, so the rate read during a silence is the rate the feed had when it last published.
 */

/** Per feed, what poll-feed has seen it publish. Absent until its first successful poll. */
export interface FeedPublishing {
  /** When tracking began: the first successful poll; the items listed then are not counted (backlog). */
  readonly since: string;
  /** The last poll that found a new item (ISO-8601 UTC); null while none has since `since`. */
  readonly lastPublishedAt: string | null;
  /** New items, each weighted exp(-age / time constant) as of `lastPublishedAt` (or `since`). */
  readonly weightedItems: number;
}

/** Weight of an item halves in about 4.9 days: a week's habits, not last month's. */
export const PUBLISHING_TIME_CONSTANT_DAYS = 7;
/** A feed needs this much history (since → last publication) before it has a "usual" rate. */
export const MIN_HISTORY_DAYS = 3;
/** "Usually publishes daily": a usual rate of at least this many items per day. */
export const DAILY_ITEMS_PER_DAY = 1;
/** Hours without a publication after which such a feed is silent (newswire:silentFeedHours). */
export const DEFAULT_SILENT_FEED_HOURS = 24;
/**
 * A silence must also have missed at least this many items at the usual rate: a feed of about one
 * item a day often goes 24 h without one (a Poisson feed of 1/day does so 37 % of the time, of
 * 3/day 5 %), so it is silent after 72 h, a feed of 3 or more a day after `silentHours`.
 */
export const MIN_EXPECTED_MISSED = 3;

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

/**
 * The publishing state after a successful poll at `at` that found `newItems` items never seen
 * before; null when nothing changes (no new item on a feed already tracked), so the caller writes
 * nothing. The first successful poll starts tracking and counts none of the items it lists.
 */
export function recordPublications(
  previous: FeedPublishing | null | undefined,
  at: Date,
  newItems: number,
): FeedPublishing | null {
  if (!previous) return { since: at.toISOString(), lastPublishedAt: null, weightedItems: 0 };
  if (newItems <= 0) return null;
  const reference = Date.parse(previous.lastPublishedAt ?? previous.since);
  const elapsedDays = Math.max(0, at.getTime() - reference) / DAY_MS;
  const decayed = previous.weightedItems * Math.exp(-elapsedDays / PUBLISHING_TIME_CONSTANT_DAYS);
  return { since: previous.since, lastPublishedAt: at.toISOString(), weightedItems: decayed + newItems };
}

/**
 * Items per day the feed usually publishes, as of its last publication; null when unknown (never
 * published since tracking began, or less than MIN_HISTORY_DAYS of history).
 */
export function usualItemsPerDay(p: FeedPublishing | null | undefined): number | null {
  if (!p?.lastPublishedAt) return null;
  const historyDays = (Date.parse(p.lastPublishedAt) - Date.parse(p.since)) / DAY_MS;
  if (!(historyDays >= MIN_HISTORY_DAYS)) return null;
  // ∫ exp(-t/τ) dt over the history: what a steady rate of one item a day would have accumulated.
  const window = PUBLISHING_TIME_CONSTANT_DAYS * (1 - Math.exp(-historyDays / PUBLISHING_TIME_CONSTANT_DAYS));
  return p.weightedItems / window;
}

/** The fields of a feed the rule reads (FeedState has them). */
export interface PublishingFeed {
  readonly id: string;
  readonly url: string;
  readonly name: string | null;
  readonly enabled: boolean;
  readonly publishing?: FeedPublishing | null;
}

export interface SilentFeed {
  readonly id: string;
  readonly url: string;
  readonly name: string | null;
  readonly lastPublishedAt: string;
  /** Whole hours since the last publication. */
  readonly silentHours: number;
  /** The usual rate, items per day, rounded to 0.1. */
  readonly usualItemsPerDay: number;
}

export interface SilenceRule {
  /** Hours without a publication that make a daily feed silent. @default DEFAULT_SILENT_FEED_HOURS */
  readonly silentHours?: number;
  /** The usual rate that counts as daily. @default DAILY_ITEMS_PER_DAY */
  readonly minItemsPerDay?: number;
}

/**
 * The enabled feeds that usually publish at least daily and have published nothing for
 * `silentHours` — and for long enough to have missed MIN_EXPECTED_MISSED items at their usual
 * rate — longest silent first. Disabled feeds and feeds without a usual rate are never silent.
 */
export function findSilentFeeds(feeds: readonly PublishingFeed[], now: Date, rule: SilenceRule = {}): SilentFeed[] {
  const silentHours = rule.silentHours ?? DEFAULT_SILENT_FEED_HOURS;
  const minRate = rule.minItemsPerDay ?? DAILY_ITEMS_PER_DAY;
  const out: SilentFeed[] = [];
  for (const f of feeds) {
    if (!f.enabled || !f.publishing?.lastPublishedAt) continue;
    const rate = usualItemsPerDay(f.publishing);
    if (rate === null || rate < minRate) continue;
    const hours = (now.getTime() - Date.parse(f.publishing.lastPublishedAt)) / HOUR_MS;
    if (hours < silentHours || (rate * hours) / 24 < MIN_EXPECTED_MISSED) continue;
    out.push({
      id: f.id,
      url: f.url,
      name: f.name,
      lastPublishedAt: f.publishing.lastPublishedAt,
      silentHours: Math.floor(hours),
      usualItemsPerDay: Math.round(rate * 10) / 10,
    });
  }
  return out.sort((a, b) =>
    a.lastPublishedAt < b.lastPublishedAt ? -1 : a.lastPublishedAt > b.lastPublishedAt ? 1 : 0,
  );
}

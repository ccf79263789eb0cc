/**
 * Use-case: poll one feed. Conditional GET, archive the raw body, read the items, skip the ones
 * already stored unchanged, queue the rest for process-article, and keep the feed's state.
 *
 * Failures of the feed itself (HTTP, timeouts, unreadable XML) are the feed's business: they are
 * recorded in its state with a backoff (never before the server's Retry-After) and the message is
 * done — the next scheduled poll is the retry. That holds for any error the feed reader throws,
 * named or not (FEED_READ_FAILED): whatever a feed's bytes do to the reader is the feed's failure.
 * Failures of our own infrastructure (archive, tables, queue) throw, so the message is retried by
 * the queue and ends in its DLQ if they persist.
 *
 * A poll queues at most `maxItemsPerPoll` items (default 500): the newest by date, then the first
 * of those without one. Every item becomes an article fetch of a URL the feed chose.
 *
 * Conditional GET is an optimization only: a 200 is read in full and its items are compared by id
 * and content hash with what is stored, so a server that ignores or fakes validators costs a
 * download, never a duplicate or a missed correction.
 */
import { feedArchiveKey } from '../core/archiveKeys';
import { describeError, FeedParseError, FetchError } from '../core/errors';
import { FEED_ERROR_CODES, type FeedItem } from '../core/feed/types';
import { recordPublications } from '../core/feedPublishing';
import { sha256Hex } from '../core/ids';
import type {
  ArticleStore,
  Clock,
  FeedPollUpdate,
  FeedState,
  FeedStore,
  HttpClient,
  Log,
  MessageSink,
  PollFeedMessage,
  ProcessArticleMessage,
  RawArchive,
  SeenItem,
} from './ports';
import { fitArticleMessage } from './articleMessage';
import { decodeListing, encodeListing, listingFingerprint } from './feedListing';
import { isHostBusy } from './hostBusy';
import { scheduleBase } from './pollSpread';
import { cacheHintMinutes, nextPollAfterFailure, nextPollAfterSuccess, parseRetryAfter } from './schedule';

/**
 * The feed reader (charset decoding, rss-parser, xml2js, sax, and the item HTML reading of
 * htmlparser2, css-select and the parser), loaded by the first body this container reads: a poll
 * answered 304 reads none, and neither does a batch whose feeds all answer 304 (the common poll).
 */
let reader: Promise<typeof import('./readFeed.js')> | undefined;
const feedReader = () => (reader ??= import('./readFeed.js'));

/** Items one poll reads from a feed when the deployment does not say (env MAX_ITEMS_PER_POLL). */
export const DEFAULT_MAX_ITEMS_PER_POLL = 500;

export interface PollFeedDeps {
  /** Items kept per poll, newest first; @default DEFAULT_MAX_ITEMS_PER_POLL. */
  maxItemsPerPoll?: number;
  feeds: FeedStore;
  articles: ArticleStore;
  archive: RawArchive;
  http: HttpClient;
  articleQueue: MessageSink<ProcessArticleMessage>;
  clock: Clock;
  log: Log;
  random?: () => number;
  /**
   * Seconds between the deployment's scheduled dispatch runs (env NEWSWIRE_SCHEDULE_PERIOD_SECONDS).
   * Given (the deployed pipeline), a 304 that changes nothing dispatch or an operator reads is not
   * written (isQuietPoll), and a 200 looks up only the items its last read did not list unchanged:
   * there a release that failed waits in the article DLQ (alarmed) to be redriven. Left out (local
   * runs, where re-running `newswire ingest` is how failed releases are retried), every poll is
   * written and every listed item looked up.
   */
  schedulePeriodSeconds?: number;
}

/**
 * A quiet 304 is still written when the feed's lastPolledAt is this old, so "last polled" in
 * `newswire feeds list/show` and the silent-feed report is never staler than this.
 */
export const QUIET_POLL_HEARTBEAT_MINUTES = 60;
/** How stale the last 200 may get before a poll leaves the validators out (a server whose 304s lie). */
export const FULL_FETCH_EVERY_HOURS = 24;

export type PollStatus = 'fetched' | 'not-modified' | 'failed' | 'skipped';
export interface PollFeedResult {
  feedId: string;
  status: PollStatus;
  itemsSeen: number;
  queued: number;
  unchanged: number;
  error?: { code: string; message: string };
}

export async function pollFeed(deps: PollFeedDeps, msg: PollFeedMessage): Promise<PollFeedResult> {
  const { feeds, log, clock } = deps;
  // Eventually consistent (half the read units of every poll): the state was written by the feed's
  // previous poll, a schedule period ago. A read within the second DynamoDB takes to converge could
  // see the state before it — at worst an unconditional fetch (old validators), items looked up
  // again (old listing) or a failure streak off by one — never a lost or duplicated release.
  const feed = await feeds.get(msg.feedId, { consistent: false });
  const empty = { feedId: msg.feedId, itemsSeen: 0, queued: 0, unchanged: 0 };
  if (!feed || !feed.enabled) {
    log.info('feed skipped', { feedId: msg.feedId, reason: feed ? 'disabled' : 'not registered' });
    return { ...empty, status: 'skipped' };
  }
  const startedAt = clock.now();

  // Servers lie: about once a day the validators are left out, so a server that answers 304 to
  // everything still has its feed read in full (and its items compared by id and hash).
  const conditional = !isDailyFullFetch(feed, startedAt);
  let response;
  try {
    response = await deps.http.fetch(feed.url, {
      etag: conditional ? feed.etag : null,
      lastModified: conditional ? feed.lastModified : null,
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5',
    });
  } catch (err) {
    // HOST_BUSY: the host's fleet-wide slots stayed taken; nothing was sent, so the feed did not
    // fail — the message goes back to the queue and is polled on a later delivery (without spending
    // a receive for 10 minutes: local/localQueue.ts, handlers/deferNotSent.ts).
    if (err instanceof FetchError && !isHostBusy(err)) return recordFailure(deps, feed, startedAt, err);
    throw err;
  }
  // The next poll counts from the dispatch run, not from this (possibly delayed) poll: pollSpread.ts.
  const base = scheduleBase(msg.dispatchedAt, startedAt);

  const cacheHint = cacheHintMinutes(response.headers['cache-control']);
  if (response.status === 304) {
    // Nothing new; on a feed not tracked yet, this first successful poll starts tracking what it publishes.
    const publishing = recordPublications(feed.publishing, startedAt, 0);
    const nextPollAt = nextPollAfterSuccess(base, feed.pollIntervalMinutes, cacheHint);
    if (!publishing && isQuietPoll(feed, msg, startedAt, nextPollAt, deps.schedulePeriodSeconds)) {
      log.debug('feed not modified', { feedId: feed.id, url: feed.url, recorded: false });
      return { ...empty, status: 'not-modified' };
    }
    await feeds.recordPoll(feed.id, {
      lastPolledAt: startedAt.toISOString(),
      nextPollAt,
      consecutiveFailures: 0,
      lastError: null,
      add: { polls: 1 },
      ...(publishing ? { publishing } : {}),
    });
    // Debug: the common non-event (at 500 feeds every 5 min, 4.4 M lines a month); PollSucceeded counts it.
    log.debug('feed not modified', { feedId: feed.id, url: feed.url });
    return { ...empty, status: 'not-modified' };
  }

  const sha = sha256Hex(response.body);
  const feedKey = feedArchiveKey(feed.id, startedAt, sha);
  // Archive before reading: the bytes we could not read are the ones an operator needs most.
  await deps.archive.put(feedKey, response.body, response.headers['content-type'] ?? 'application/xml');

  const source = { body: response.body, contentType: response.headers['content-type'] ?? null, url: response.url };
  const maxItems = deps.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS_PER_POLL;
  // Outside the try: a reader that cannot load is this function's fault, not the feed's.
  const { readFeed } = await feedReader();
  let parsed;
  try {
    parsed = await readFeed(source, { maxItems });
  } catch (err) {
    return recordFailure(deps, feed, startedAt, asFeedError(err), feedKey);
  }
  if (parsed.itemsFound > parsed.items.length) {
    log.warn('feed items capped', {
      feedId: feed.id,
      url: feed.url,
      found: parsed.itemsFound,
      kept: parsed.items.length,
      maxItemsPerPoll: maxItems,
      feedKey,
    });
  }

  // Items this feed listed unchanged at its last read were handled then (queued, or found stored):
  // only the others are looked up. The daily unconditional read looks up every item, so an item
  // whose message was lost for good (a DLQ purged) is queued again within a day.
  const previous = conditional && deps.schedulePeriodSeconds ? decodeListing(feed.listed) : new Set<string>();
  const { items, seen, repeated } = await knownItems(deps.articles, feed.id, parsed.items, previous);
  const fresh = items.filter(
    (i) => !repeated.has(i.id) && (!seen.has(i.id) || seen.get(i.id)?.itemHash !== i.itemHash),
  );
  // A stored release this feed lists too (another feed's first): found under this feed as well.
  const listedElsewhere = items.filter((i) => {
    const known = seen.get(i.id);
    return (
      !repeated.has(i.id) && known !== undefined && known.itemHash === i.itemHash && !known.feeds.includes(feed.id)
    );
  });
  if (listedElsewhere.length > 0) {
    await deps.articles.addFeedListings(
      feed.id,
      listedElsewhere.map((i) => i.id),
    );
  }
  const feedRef = { id: feed.id, url: feed.url };
  await deps.articleQueue.send(
    fresh.map((item) => fitArticleMessage({ feed: feedRef, wire: feed.wire, item, feedKey }, source)),
  );

  await feeds.recordPoll(feed.id, {
    etag: response.headers['etag'] ?? null,
    lastModified: response.headers['last-modified'] ?? null,
    lastPolledAt: startedAt.toISOString(),
    lastFetchedAt: startedAt.toISOString(),
    listed: encodeListing(dedupeById(parsed.items)),
    nextPollAt: nextPollAfterSuccess(base, feed.pollIntervalMinutes, Math.max(parsed.ttlMinutes ?? 0, cacheHint ?? 0)),
    consecutiveFailures: 0,
    lastError: null,
    add: { polls: 1, itemsSeen: items.length, itemsQueued: fresh.length },
    // Published = an item id never stored before (a revision or a moved link is not); the silent-feed check reads it.
    ...publishingUpdate(feed, startedAt, items.filter((i) => !repeated.has(i.id) && !seen.has(i.id)).length),
  });
  log.info('feed polled', {
    feedId: feed.id,
    url: feed.url,
    format: parsed.format,
    items: items.length,
    queued: fresh.length,
    feedKey,
  });
  return {
    ...empty,
    status: 'fetched',
    itemsSeen: items.length,
    queued: fresh.length,
    unchanged: items.length - fresh.length,
  };
}

async function recordFailure(
  deps: PollFeedDeps,
  feed: FeedState,
  at: Date,
  err: FetchError | FeedParseError,
  feedKey?: string,
): Promise<PollFeedResult> {
  const { code, message } = describeError(err);
  const failures = feed.consecutiveFailures + 1;
  // 429 / 503 carry the server's Retry-After (adapters/http HttpStatusError): the next poll is not before it.
  const retryAfter = parseRetryAfter(retryAfterOf(err), at);
  const nextPollAt = nextPollAfterFailure(at, feed.pollIntervalMinutes, failures, deps.random, retryAfter);
  await deps.feeds.recordPoll(feed.id, {
    lastPolledAt: at.toISOString(),
    nextPollAt,
    consecutiveFailures: failures,
    lastError: { code, message, at: at.toISOString() },
    add: { polls: 1, failures: 1 },
  });
  deps.log.warn('feed poll failed', {
    feedId: feed.id,
    url: feed.url,
    code,
    reason: message,
    failures,
    nextPollAt,
    retryAfter: retryAfter?.toISOString(),
    feedKey,
  });
  return { feedId: feed.id, status: 'failed', itemsSeen: 0, queued: 0, unchanged: 0, error: { code, message } };
}

function publishingUpdate(feed: FeedState, at: Date, newItems: number): Pick<FeedPollUpdate, 'publishing'> {
  const publishing = recordPublications(feed.publishing, at, newItems);
  return publishing ? { publishing } : {};
}

/**
 * What the feed reader threw, as a feed error: its own FeedParseError, or FEED_READ_FAILED around
 * anything else (a stack overflow, a library's TypeError), so the feed's state records it.
 */
function asFeedError(err: unknown): FeedParseError {
  if (err instanceof FeedParseError) return err;
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new FeedParseError(FEED_ERROR_CODES.readFailed, `the feed reader failed: ${what.slice(0, 300)}`, {
    cause: err,
  });
}

/**
 * Unconditional (no validators) when the feed has validators to leave out and its last 200 is at
 * least FULL_FETCH_EVERY_HOURS old — or unknown (state from before lastFetchedAt was kept): counted
 * in time, not in polls, because a quiet 304 writes no poll.
 */
function isDailyFullFetch(feed: FeedState, now: Date): boolean {
  if (!feed.etag && !feed.lastModified) return false;
  const last = feed.lastFetchedAt ? Date.parse(feed.lastFetchedAt) : NaN;
  return !(now.getTime() - last < FULL_FETCH_EVERY_HOURS * 3600_000);
}

/**
 * A 304 whose write would change nothing anyone reads, so it is not written (at 500 feeds every
 * 5 minutes, 4.4 M writes a month): the feed has no failure to clear, its stored nextPollAt is not
 * later than the new one, the new one is not later than the next scheduled run (so dispatch sends
 * the feed at that run either way — this poll counts from its own run: the message's dispatchedAt),
 * and it was written within QUIET_POLL_HEARTBEAT_MINUTES. What is lost: `counters.polls` counts
 * written polls (PollSucceeded counts every one), and lastPolledAt may be that much older.
 */
function isQuietPoll(
  feed: FeedState,
  msg: PollFeedMessage,
  now: Date,
  nextPollAt: string,
  periodSeconds: number | undefined,
): boolean {
  if (!periodSeconds || periodSeconds <= 0 || !msg.dispatchedAt) return false;
  if (feed.consecutiveFailures !== 0 || feed.lastError !== null) return false;
  const next = Date.parse(nextPollAt);
  if (!(Date.parse(feed.nextPollAt) <= next)) return false;
  const run = Math.floor(Date.parse(msg.dispatchedAt) / 60_000) * 60_000;
  // Counted from the run only when scheduleBase did (a late redelivery counts from the poll).
  if (scheduleBase(msg.dispatchedAt, now).getTime() !== run) return false;
  if (!(next <= run + periodSeconds * 1000)) return false;
  const lastPolled = feed.lastPolledAt ? Date.parse(feed.lastPolledAt) : NaN;
  return now.getTime() - lastPolled < QUIET_POLL_HEARTBEAT_MINUTES * 60_000;
}

function retryAfterOf(err: Error): string | null {
  const value = (err as { retryAfter?: unknown }).retryAfter;
  return typeof value === 'string' ? value : null;
}

/**
 * The items with the ids to store them under, and the item hash stored for each known id. An item
 * whose own id is unknown but whose GUID (unique in this document) is aliased to a stored release
 * of this feed takes that release's id: its link moved, so it is a revision of that record, not a
 * new one. Batched: one read for the ids, and only when some are unknown one for their GUID aliases
 * and one for the aliased releases — never a request per item.
 */
async function knownItems(
  articles: ArticleStore,
  feedId: string,
  parsed: FeedItem[],
  previous: ReadonlySet<string>,
): Promise<{ items: FeedItem[]; seen: Map<string, SeenItem>; repeated: Set<string> }> {
  const items = dedupeById(parsed);
  // Listed unchanged by the last read: not looked up (their ids keep their meaning: no alias).
  const repeated = new Set(items.filter((i) => previous.has(listingFingerprint(i))).map((i) => i.id));
  const seen = await articles.seenItems(items.filter((i) => !repeated.has(i.id)).map((i) => i.id));
  // A GUID that two items of the document carry names neither of them.
  const guidUses = new Map<string, number>();
  for (const i of items) if (i.guid?.trim()) guidUses.set(i.guid.trim(), (guidUses.get(i.guid.trim()) ?? 0) + 1);
  const unknown = items.filter(
    (i) => !repeated.has(i.id) && !seen.has(i.id) && i.guid?.trim() && guidUses.get(i.guid.trim()) === 1,
  );
  if (unknown.length === 0) return { items, seen, repeated };

  const aliases = await articles.releaseIdsByGuid(
    feedId,
    unknown.map((i) => i.guid as string),
  );
  const ownIds = new Set(items.map((i) => i.id));
  // An item listed under its own id in this document keeps it: an alias never merges two items.
  const targets = [...new Set(aliases.values())].filter((id) => !ownIds.has(id));
  if (targets.length === 0) return { items, seen, repeated };
  const aliased = await articles.seenItems(targets);
  const claims = new Map<string, string[]>();
  for (const item of unknown) {
    const target = aliases.get(item.guid as string);
    if (target !== undefined && aliased.has(target)) claims.set(target, [...(claims.get(target) ?? []), item.id]);
  }
  // Two items of this document aliased to one release (both its GUIDs listed): neither takes it.
  const moved = new Map(
    [...claims].filter(([, ids]) => ids.length === 1).map(([target, [id]]) => [id as string, target]),
  );
  for (const [id, known] of aliased) seen.set(id, known);
  return {
    items: items.map((i) => (moved.has(i.id) ? { ...i, id: moved.get(i.id) as string } : i)),
    seen,
    repeated,
  };
}

/** parseFeed lists each id once; this keeps the rule here too (one queued message per id). */
function dedupeById(parsed: FeedItem[]): FeedItem[] {
  const listed = new Set<string>();
  return parsed.filter((i) => !listed.has(i.id) && listed.add(i.id));
}

/**
 * Ports: what the use-cases need from the outside world. Adapters (lambdas/adapters, lambdas/local)
 * implement them; use-cases and tests depend only on these interfaces.
 */
import type { FeedItem } from '../core/feed/types';
import type { FeedPublishing } from '../core/feedPublishing';
import type { FeedRef, PressReleaseRecord } from '../core/record';

// ---------- feeds ----------
export interface FeedError {
  code: string;
  message: string;
  at: string;
}
export interface FeedCounters {
  polls: number;
  failures: number;
  itemsSeen: number;
  itemsQueued: number;
}
/** A feed's registration and fetch state (one item of the Feeds table). */
export interface FeedState {
  id: string;
  url: string;
  name: string | null;
  /** Wire hint: the wire this feed carries, when known. */
  wire: string | null;
  enabled: boolean;
  pollIntervalMinutes: number;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  /** ISO-8601 UTC; dispatch sends the feed when nextPollAt ≤ now. */
  nextPollAt: string;
  consecutiveFailures: number;
  lastError: FeedError | null;
  counters: FeedCounters;
  createdAt: string;
  /** What poll-feed has seen the feed publish (core/feedPublishing.ts); absent until its first successful poll. */
  publishing?: FeedPublishing | null;
  /** When the feed last answered 200 (read in full); absent until then. Drives the daily unconditional fetch. */
  lastFetchedAt?: string | null;
  /** What that read listed: fingerprints of its items' ids and hashes (pipeline/feedListing.ts). */
  listed?: string | null;
}
/** What one poll changes on a feed. Counters are added, the rest replaced. */
export interface FeedPollUpdate {
  etag?: string | null;
  lastModified?: string | null;
  lastPolledAt: string;
  nextPollAt: string;
  consecutiveFailures: number;
  lastError: FeedError | null;
  add: Partial<FeedCounters>;
  /** The new publishing state; absent = keep the stored one. */
  publishing?: FeedPublishing;
  /** Set on a 200; absent = keep. */
  lastFetchedAt?: string;
  /** Set on a 200 (feedListing.ts encodeListing); absent = keep. */
  listed?: string;
}
export interface FeedStore {
  /** Enabled feeds whose nextPollAt ≤ now. */
  listDue(now: string): Promise<FeedState[]>;
  list(): Promise<FeedState[]>;
  /**
   * One feed's state, read strongly consistent unless `{ consistent: false }`: an eventually
   * consistent read (half the read units on DynamoDB) for a caller that a state written within about
   * the last second cannot mislead (see pollFeed).
   */
  get(id: string, read?: { consistent?: boolean }): Promise<FeedState | null>;
  /** Register a feed; a feed already registered keeps its state and returns false. */
  register(feed: FeedState): Promise<boolean>;
  /** Replace a feed's registration fields (enable/disable, interval, name). */
  put(feed: FeedState): Promise<void>;
  remove(id: string): Promise<boolean>;
  recordPoll(id: string, update: FeedPollUpdate): Promise<void>;
}

// ---------- articles ----------
export type SaveOutcome = 'created' | 'revised' | 'unchanged';

export interface ArticleQuery {
  /** Issuing organization as a user spells it (normalized in the key). */
  source?: string;
  feedId?: string;
  /** `EXCHANGE:SYMBOL`, e.g. `NASDAQ:ABCD` (normalized in the key). */
  ticker?: string;
  /** An ISO country code (`CN`) or a city (`Beijing`, or `Beijing, CN`) of the dateline place. */
  place?: string;
  /** ISO-8601 bounds on publishedAt (fetchedAt when no publishedAt). */
  since?: string;
  until?: string;
  limit: number;
  cursor?: string | null;
}
export interface ArticlePage {
  items: PressReleaseRecord[];
  cursor: string | null;
}
/** What a save needs beside the record. */
export interface SaveMeta {
  contentHash: string;
  /** Hash of the feed item it came from; null keeps the stored one on a re-parse. */
  itemHash: string | null;
  /**
   * A re-parse (`newswire reprocess`): the stored revision the record was parsed again from. It is
   * written as the next revision with revisionReason `reparse` even when contentHash and url are the
   * stored ones (the caller found that another field changed), but only while that revision is still
   * the stored one; otherwise the save throws a retryable StorageError REPARSE_SUPERSEDED and writes
   * nothing (a correction stored meanwhile is never replaced by a re-parse of older bytes).
   */
  reparseOf?: number;
}
/** What the poll step knows of a stored id. */
export interface SeenItem {
  itemHash: string | null;
  /** Every feed that listed the release, its record's feed included. */
  feeds: string[];
}
export interface ArticleStore {
  /**
   * For each id already stored, the feed item hash it was stored from (the poll step skips items
   * whose id and hash are both known) and the feeds that listed it, its record's feed first
   * (poll-feed records a listing for a stored release another feed lists too). One batched read;
   * missing ids are absent from the map.
   */
  seenItems(ids: string[]): Promise<Map<string, SeenItem>>;
  /**
   * Records that `feedId` lists these stored releases as well (idempotent; ids not stored are
   * ignored), so a query by that feed finds them. Returns how many listings were new.
   */
  addFeedListings(feedId: string, ids: string[]): Promise<number>;
  /**
   * GUID aliases of one feed: for each GUID a release of that feed was saved with, the id of that
   * release (`save` records them). Lets poll-feed keep a release whose link moved on its record.
   * GUIDs without an alias are absent from the map. One batched read, however many GUIDs.
   */
  releaseIdsByGuid(feedId: string, guids: string[]): Promise<Map<string, string>>;
  /**
   * Exactly-once write keyed on record.id: a new id is created (revision 1, revisionReason null); the
   * same id with the same contentHash and url is left unchanged; a different contentHash (revisionReason
   * `correction`), or the same content under another url (a moved page: `moved`), becomes revision + 1
   * — unless it is the content and url of an earlier revision (a stale redelivery). A re-parse
   * (`meta.reparseOf`) becomes revision + 1 with `reparse` (see SaveMeta). A record with a guid and a
   * feed also records the GUID alias (feed id, guid) → record.id (see releaseIdsByGuid).
   */
  save(
    record: PressReleaseRecord,
    meta: SaveMeta,
  ): Promise<{
    outcome: SaveOutcome;
    revision: number;
  }>;
  get(id: string): Promise<PressReleaseRecord | null>;
  /**
   * Newest first, `limit` per page, `cursor` null on the last page. At most one of source, feedId,
   * ticker, place (each with an optional since/until), or only since/until: anything else is refused
   * with a non-retryable `UNSUPPORTED_QUERY` error whose message lists what is supported.
   */
  query(q: ArticleQuery): Promise<ArticlePage>;
}

// ---------- raw archive ----------
export interface RawArchive {
  /** Stores bytes as given under key (gzip-compressed by the adapter when the key ends in .gz). */
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The bytes as originally fetched (decompressed), or null. */
  get(key: string): Promise<Uint8Array | null>;
}

// ---------- http ----------
export interface FetchRequest {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}
export interface FetchResponse {
  /** 200 with a body, or 304 (not modified) with an empty body. */
  status: number;
  /** URL after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}
export interface HttpClient {
  /** Throws FetchError (core/errors) for anything but 2xx / 304. */
  fetch(url: string, req?: FetchRequest): Promise<FetchResponse>;
}

/**
 * Politeness across the whole fleet: at most a configured number of requests in flight to one host
 * from all functions (and processes) together. The HTTP client takes a slot around every request
 * (each redirect hop too); a slot whose holder died frees itself after a lease time.
 */
export interface HostSlots {
  /**
   * Waits (a bounded time) for a free slot of `host`; resolves with the function that frees it
   * (call it exactly once; it never throws). Throws HostBusyError when no slot frees in time.
   */
  acquire(host: string): Promise<() => Promise<void>>;
}
/** One slot of a host taken by BatchHostSlots.acquireSome: its index and the lease it holds. */
export interface HostSlotLease {
  readonly host: string;
  readonly index: number;
  readonly lease: string;
}
/** HostSlots that take and give back several slots of one host in one write (hostSlotReuse.ts). */
export interface BatchHostSlots extends HostSlots {
  /**
   * Waits (a bounded time, as acquire) for a free slot of `host`, then takes in one write as many of
   * the free ones as `want()` says (asked again before every attempt; the ones free, if fewer) —
   * none, without a write, once it says 0. Throws HostBusyError when no slot frees in time.
   */
  acquireSome(host: string, want: () => number): Promise<HostSlotLease[]>;
  /**
   * Gives the slots back, those of one host in one write, each only while it still holds its lease
   * (after expiry another holder may have it). Never throws: a slot not given back frees itself.
   */
  giveBack(slots: readonly HostSlotLease[]): Promise<void>;
}

// ---------- queues ----------
export interface PollFeedMessage {
  feedId: string;
  /** When dispatch sent it (ISO). */
  dispatchedAt: string;
}
export interface ProcessArticleMessage {
  feed: FeedRef;
  /** Wire hint of the feed. */
  wire: string | null;
  item: FeedItem;
  /** Archive key of the feed body the item came from. */
  feedKey: string | null;
  /**
   * Item fields left out so the message fits the queue (pipeline/articleMessage.ts); process-article
   * reads them again from the archived feed body, served with contentType from url.
   */
  omitted?: { fields: OmittableItemField[]; contentType: string | null; url: string | null };
}
export type OmittableItemField = keyof Omit<FeedItem, 'id' | 'itemHash'>;
/** String message attributes of a queued message, by name (SQS MessageAttributes of DataType String). */
export type MessageAttributes = Readonly<Record<string, string>>;
export interface MessageSink<T> {
  /**
   * Queues the messages. `delaysSeconds[i]` (0–900, SQS DelaySeconds) keeps message i invisible that
   * long after sending; left out, every message is visible at once. `attributes[i]` travels beside
   * message i's body (process-article reads it back from the record); a sink with nowhere to keep
   * them (the local queues) may leave them out.
   */
  send(
    messages: T[],
    delaysSeconds?: readonly number[],
    attributes?: readonly (MessageAttributes | undefined)[],
  ): Promise<void>;
}
/** A message given up on (a permanent failure), with why: what an operator reads in the DLQ. */
export interface DeadLetter {
  /** The message body exactly as received, so a redrive replays it unchanged. */
  body: string;
  /** Id of the message on the queue it failed on (its log lines carry the same id). */
  sourceMessageId: string;
  error: { code: string; message: string };
  failedAt: Date;
  /** What SQS said of it on the queue it failed on (its DLQ copy is a new message that no longer knows). */
  receiveCount?: number;
  sentAt?: Date;
  firstReceivedAt?: Date;
}
/** Parks a message in the dead-letter queue with its reason; throws when it could not. */
export interface DeadLetterSink {
  send(letter: DeadLetter): Promise<void>;
}

// ---------- runtime ----------
export interface Clock {
  now(): Date;
}
export interface Log {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

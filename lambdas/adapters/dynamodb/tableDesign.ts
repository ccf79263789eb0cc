/**
 * The physical design of the two tables, shared by the CDK stack (lib/) and the local runtime
 * (which creates the same tables in dynalite), so the two can never drift apart.
 * Plain data only: no SDK imports here.
 */
export interface IndexDesign {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /**
   * Lean by design: index queries return keys, full records come from one BatchGetItem, so a write
   * costs 1 WCU per index instead of the item's size. INCLUDE only for a tiny attribute the index
   * must filter on.
   */
  readonly projection: 'KEYS_ONLY' | 'INCLUDE';
  /** With INCLUDE: the non-key attributes copied into the index. */
  readonly include?: readonly string[];
}
export interface TableDesign {
  readonly partitionKey: string;
  readonly indexes: readonly IndexDesign[];
}

/** Sort key of every Articles index: `<publishedAt or fetchedAt ISO>#<id>` — newest first when read backwards. */
export const ARTICLE_SORT_KEY = 'sortKey';

/** Attribute names of the Articles items (record items, ticker index items, day directory items). */
export const ATTR = {
  id: 'id',
  itemType: 'itemType',
  sortKey: ARTICLE_SORT_KEY,
  sourceKey: 'sourceKey',
  feedId: 'feedId',
  dayKey: 'dayKey',
  tickerKey: 'tickerKey',
  countryKey: 'countryKey',
  cityKey: 'cityKey',
  /** On a GUID alias item: the id of the release it points at. */
  releaseId: 'releaseId',
} as const;

/** `itemType` of each kind of item in the Articles table. */
export const ITEM_TYPE = {
  release: 'release',
  ticker: 'ticker',
  day: 'day',
  guidAlias: 'guidAlias',
  feedListing: 'feedListing',
} as const;

/** The `dayKey` partition of byDay that lists the days having releases (the bucket directory). */
export const DAY_DIRECTORY = 'DAYS';

/** Index names of the Articles table. */
export const INDEX = {
  bySource: 'bySource',
  byDay: 'byDay',
  byFeed: 'byFeed',
  byTicker: 'byTicker',
  byCountry: 'byCountry',
  byCity: 'byCity',
} as const;
export type ArticleIndexName = (typeof INDEX)[keyof typeof INDEX];

/**
 * One item per release keyed by `id`, plus small index items in the same table (`ticker#…`, `day#…`)
 * and GUID alias items (`guid#<hash of feed id + GUID>` → releaseId), which carry no index key.
 * Every index is sparse: an item without the partition attribute is simply not in it.
 */
export const ARTICLES_TABLE: TableDesign = {
  partitionKey: ATTR.id,
  indexes: [
    // 2: releases of one issuing organization, by time. sourceKey = normalized source name.
    { name: INDEX.bySource, partitionKey: ATTR.sourceKey, sortKey: ARTICLE_SORT_KEY, projection: 'KEYS_ONLY' },
    // 3: all releases in a time range, one partition per UTC day (yyyy-mm-dd); partition DAYS = the
    //    directory of non-empty days, so a walk over a range costs one Query per day that has data.
    { name: INDEX.byDay, partitionKey: ATTR.dayKey, sortKey: ARTICLE_SORT_KEY, projection: 'KEYS_ONLY' },
    // 4: releases from one feed, by time.
    { name: INDEX.byFeed, partitionKey: ATTR.feedId, sortKey: ARTICLE_SORT_KEY, projection: 'KEYS_ONLY' },
    // 5: releases mentioning a ticker: only the ticker index items carry tickerKey (multi-valued).
    { name: INDEX.byTicker, partitionKey: ATTR.tickerKey, sortKey: ARTICLE_SORT_KEY, projection: 'KEYS_ONLY' },
    // 6: dateline country (ISO alpha-2).
    { name: INDEX.byCountry, partitionKey: ATTR.countryKey, sortKey: ARTICLE_SORT_KEY, projection: 'KEYS_ONLY' },
    // 6: dateline city; countryKey copied so "city within country" filters inside the index read.
    {
      name: INDEX.byCity,
      partitionKey: ATTR.cityKey,
      sortKey: ARTICLE_SORT_KEY,
      projection: 'INCLUDE',
      include: [ATTR.countryKey],
    },
  ],
};

export const FEEDS_TABLE: TableDesign = {
  partitionKey: 'id',
  indexes: [],
};

/**
 * Feeds-table items that hold one host's fleet-wide request slots (hostSlots.ts), keyed
 * `host#<host name>`: a handful of small items next to the feeds (feed ids start `f-`), which the
 * FeedStore's listings leave out.
 */
export const HOST_SLOTS_ID_PREFIX = 'host#';

/** Requests in flight to one host from the whole fleet at once, when the deployment does not say. */
export const DEFAULT_MAX_REQUESTS_PER_HOST = 4;
/** How long a request waits for a slot of its host before its message goes back to the queue. */
export const DEFAULT_HOST_SLOT_WAIT_MS = 10_000;

/** Environment variables the Lambdas read (set by lib/, validated by handlers/config). */
export const ENV = {
  articlesTable: 'ARTICLES_TABLE',
  feedsTable: 'FEEDS_TABLE',
  rawBucket: 'RAW_BUCKET',
  pollQueueUrl: 'POLL_QUEUE_URL',
  articleQueueUrl: 'ARTICLE_QUEUE_URL',
  /** process-article sends a message that failed permanently here at once, with the reason. */
  articleDlqUrl: 'ARTICLE_DLQ_URL',
  userAgent: 'NEWSWIRE_USER_AGENT',
  fetchTimeoutMs: 'NEWSWIRE_FETCH_TIMEOUT_MS',
  fetchMaxBytes: 'NEWSWIRE_FETCH_MAX_BYTES',
  /** Fleet-wide cap on requests in flight to one host (hostSlots.ts); with FEEDS_TABLE, where its slots live. */
  maxRequestsPerHost: 'NEWSWIRE_MAX_REQUESTS_PER_HOST',
  /** Seconds between two scheduled dispatch runs: dispatch spreads a run's polls over them (pipeline/pollSpread.ts). */
  schedulePeriodSeconds: 'NEWSWIRE_SCHEDULE_PERIOD_SECONDS',
} as const;

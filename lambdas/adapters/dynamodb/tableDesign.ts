/**
 * The physical design of the two tables, shared by the CDK stack (lib/) and the local runtime
 * (which creates the same tables in dynalite), so the two can never drift apart.
 * Plain data only: no SDK imports here.
 */
export interface IndexDesign {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Lean by design: index queries return keys, full records come from one BatchGetItem. */
  readonly projection: 'KEYS_ONLY';
}
export interface TableDesign {
  readonly partitionKey: string;
  readonly indexes: readonly IndexDesign[];
}

/** Sort key of every Articles index: `<publishedAt or fetchedAt ISO>#<id>` — newest first when read backwards. */
export const ARTICLE_SORT_KEY = 'sortKey';

export const ARTICLES_TABLE: TableDesign = {
  partitionKey: 'id',
  indexes: [
    // Releases of one issuing organization, by time. sourceKey = normalized source name.
    { name: 'bySource', partitionKey: 'sourceKey', sortKey: ARTICLE_SORT_KEY, projection: 'KEYS_ONLY' },
    // All releases in a time range, one partition per calendar month (yyyy-mm).
    { name: 'byMonth', partitionKey: 'monthKey', sortKey: ARTICLE_SORT_KEY, projection: 'KEYS_ONLY' },
    // Releases from one feed, by time.
    { name: 'byFeed', partitionKey: 'feedId', sortKey: ARTICLE_SORT_KEY, projection: 'KEYS_ONLY' },
  ],
};

export const FEEDS_TABLE: TableDesign = {
  partitionKey: 'id',
  indexes: [],
};

/** Environment variables the Lambdas read (set by lib/, validated by handlers/config). */
export const ENV = {
  articlesTable: 'ARTICLES_TABLE',
  feedsTable: 'FEEDS_TABLE',
  rawBucket: 'RAW_BUCKET',
  pollQueueUrl: 'POLL_QUEUE_URL',
  articleQueueUrl: 'ARTICLE_QUEUE_URL',
  userAgent: 'NEWSWIRE_USER_AGENT',
  fetchTimeoutMs: 'NEWSWIRE_FETCH_TIMEOUT_MS',
  fetchMaxBytes: 'NEWSWIRE_FETCH_MAX_BYTES',
} as const;

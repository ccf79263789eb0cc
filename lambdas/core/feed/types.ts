/** One item of a feed, normalized: what poll-feed hands to process-article. */
export interface FeedItem {
  /** Stable release id (core/feed/itemIds): identifying canonical link → GUID → hash, a function of the item and its feed. */
  id: string;
  guid: string | null;
  link: string | null;
  title: string | null;
  /** Plain-text description. */
  summary: string | null;
  /** Full content when the feed carries it (content:encoded / atom content), HTML. */
  contentHtml: string | null;
  /** ISO-8601 UTC, or null when the item has no readable date (never "now"). */
  publishedAt: string | null;
  author: string | null;
  categories: string[];
  /** Hash of the item's content as the feed shows it: a change means a correction to re-process. */
  itemHash: string;
}

export type FeedFormat = 'rss2' | 'rss1' | 'rss09' | 'atom1' | 'atom03' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  /** RSS `ttl` in minutes, when given. */
  ttlMinutes: number | null;
  items: FeedItem[];
  /** Items the document lists; more than `items.length` when a `maxItems` cap cut the list. */
  itemsFound: number;
}

/** The codes of the FeedParseError a feed document can end in. */
export const FEED_ERROR_CODES = {
  /** Nothing but whitespace. */
  empty: 'FEED_EMPTY',
  /** Not RSS, Atom or JSON Feed: an HTML page, other XML, other JSON. */
  unrecognized: 'FEED_UNRECOGNIZED',
  /** A feed that no pass (strict, repaired, lenient) could read. */
  malformed: 'FEED_MALFORMED',
  /** Nested / parameter / too many / too large entity declarations ("billion laughs"). */
  entityBomb: 'FEED_ENTITY_BOMB',
  /** An entity pointing outside the document (XXE). */
  externalEntity: 'FEED_EXTERNAL_ENTITY',
  /** Declared entities referenced so often that their substitution would pass the expansion cap (xmlRepair.ts). */
  entityExpansion: 'FEED_ENTITY_EXPANSION',
  /** Elements (XML) or arrays / objects (JSON Feed) nested deeper than MAX_FEED_DEPTH. */
  tooDeep: 'FEED_TOO_DEEP',
  /** The reader failed in a way none of the codes above names (a bug, or an input nobody foresaw). */
  readFailed: 'FEED_READ_FAILED',
} as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[keyof typeof FEED_ERROR_CODES];

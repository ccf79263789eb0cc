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
} as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[keyof typeof FEED_ERROR_CODES];

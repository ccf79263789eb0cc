/** One item of a feed, normalized: what poll-feed hands to process-article. */
export interface FeedItem {
  /** Stable release id (core/ids releaseId): canonical link → GUID → hash. */
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

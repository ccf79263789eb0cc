/**
 * Bytes of a fetched feed → its items: charset decoding, then the feed reader. The one way a feed
 * body is read, by poll-feed on a fresh body and by process-article when it re-reads an item from
 * the archived body (articleMessage.ts), so both see the same items with the same ids.
 */
import { decodeBody } from '../core/feed/decode';
import { parseFeed } from '../core/feed/parseFeed';
import type { ParsedFeed } from '../core/feed/types';

export interface FeedBody {
  body: Uint8Array;
  /** Content-Type the body was served with (its charset parameter counts). */
  contentType: string | null;
  /** The URL the body came from, after redirects (relative links resolve against it). */
  url: string | null;
}

export interface ReadFeedOptions {
  /** Keep at most this many items, the newest first (parseFeed's `maxItems`); all when left out. */
  maxItems?: number;
}

export async function readFeed(src: FeedBody, opts: ReadFeedOptions = {}): Promise<ParsedFeed> {
  return parseFeed(decodeBody(src.body, src.contentType).text, { baseUrl: src.url, maxItems: opts.maxItems });
}

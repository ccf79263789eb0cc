/**
 * What `newswire feeds add` checks before registering a URL: one fetch through the fetcher the
 * polls use (UndiciHttpClient: the same SSRF guard, timeouts and size cap), then the feed reader
 * the polls use (readFeed). The outcome is a feed with its item count, or what is wrong: a host
 * the guard refuses (private / loopback address), a failed fetch (the fetcher's error code), a body
 * that is not a feed (what it looked like), or a feed without items.
 */
import { UndiciHttpClient } from '../adapters/http/httpClient';
import type { FetchSettings } from '../adapters/http/fetchDefaults';
import { describeError } from '../core/errors';
import type { FeedFormat } from '../core/feed/types';
import { readFeed } from '../pipeline/readFeed';

/** The Accept header of a feed fetch (the one poll-feed sends). */
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5';

export type FeedUrlCheck =
  | { kind: 'feed'; format: FeedFormat; title: string | null; items: number; finalUrl: string }
  | { kind: 'private-address' | 'fetch-failed' | 'not-a-feed' | 'no-items'; message: string };

export interface FeedUrlCheckOptions {
  /** `host:port` pairs the guard lets through (`--allow-host`). */
  allowHosts?: readonly string[];
  /** Fetcher settings (timeouts, size cap); @default FETCH_DEFAULTS */
  fetch?: Partial<Omit<FetchSettings, 'allowHosts'>>;
}

const FORMAT_NAMES: Record<FeedFormat, string> = {
  rss2: 'RSS 2.0',
  rss1: 'RSS 1.0',
  rss09: 'RSS 0.9x',
  atom1: 'Atom 1.0',
  atom03: 'Atom 0.3',
  json: 'JSON Feed',
};

export const feedFormatName = (f: FeedFormat): string => FORMAT_NAMES[f];

/** `an RSS 2.0`, `an Atom 1.0`, `a JSON Feed`: the format's name with its article. */
export const aFeedFormat = (f: FeedFormat): string =>
  `${/^[AEIOR]/.test(FORMAT_NAMES[f]) ? 'an' : 'a'} ${FORMAT_NAMES[f]}`;

/** `host:port` of a URL, the form `--allow-host` takes. */
export function hostPortOf(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
}

export async function checkFeedUrl(url: string, opts: FeedUrlCheckOptions = {}): Promise<FeedUrlCheck> {
  const http = new UndiciHttpClient({ ...opts.fetch, allowHosts: opts.allowHosts ?? [] });
  let res;
  try {
    res = await http.fetch(url, { accept: FEED_ACCEPT });
  } catch (err) {
    const { code, message } = describeError(err);
    if (code === 'BLOCKED_ADDRESS') {
      return {
        kind: 'private-address',
        message:
          `its host is a private or loopback address, which polls refuse (${message}); not fetched. ` +
          `If that is meant (a feed served on your own machine or network), pass --allow-host ${hostPortOf(url)} ` +
          'to `newswire feeds add`, `ingest` and `run`',
      };
    }
    return { kind: 'fetch-failed', message: `could not fetch it: ${code}: ${message}` };
  } finally {
    await http.close();
  }
  const contentType = res.headers['content-type'] ?? null;
  const servedAs = `served as ${contentType ?? 'no Content-Type'}, ${bodyKind(res.body)}`;
  let feed;
  try {
    feed = await readFeed({ body: res.body, contentType, url: res.url });
  } catch (err) {
    const { code, message } = describeError(err);
    return { kind: 'not-a-feed', message: `not a feed: ${servedAs} (${code}: ${message})` };
  }
  if (feed.items.length === 0) {
    return { kind: 'no-items', message: `${aFeedFormat(feed.format)} feed with no items (${servedAs})` };
  }
  return { kind: 'feed', format: feed.format, title: feed.title, items: feed.items.length, finalUrl: res.url };
}

/** What the first bytes of a body look like: empty, an HTML page, XML (its root element), JSON, a PDF, binary data or text. */
export function bodyKind(body: Uint8Array): string {
  if (body.length === 0) return 'an empty body';
  const head = Buffer.from(body.subarray(0, 2048));
  // Control bytes other than tab, newlines, form feed: no text format has them (gzip starts 1f 8b).
  if (head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20))) return 'binary data';
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!text) return 'only whitespace';
  if (text.startsWith('%PDF')) return 'a PDF';
  if (/^<!doctype\s+html|^<html[\s>]/i.test(text)) return 'an HTML page';
  if (text.startsWith('<')) {
    const root = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w:.-]*)/.exec(text);
    if (root?.[1]?.toLowerCase() === 'html') return 'an HTML page';
    return root ? `XML with a <${root[1]}> root` : 'markup';
  }
  if (text.startsWith('{') || text.startsWith('[')) return 'JSON';
  return 'text';
}

import Parser from 'rss-parser';
import { FeedParseError } from '../errors';
import { releaseId, sha256Hex } from '../ids';
import { htmlFragmentText } from '../parser/feedItem';
import { stripIllegalXmlChars } from './decode';
import type { FeedFormat, FeedItem, ParsedFeed } from './types';

type RawItem = Parser.Item & {
  contentEncoded?: string;
  creator?: string;
  author?: string;
  id?: string;
  summary?: string;
};

type FeedExtras = { ttl?: string };

const customFields: Parser.ParserOptions<FeedExtras, RawItem>['customFields'] = {
  feed: ['ttl'],
  item: [
    ['content:encoded', 'contentEncoded'],
    ['dc:creator', 'creator'],
  ],
};

const strictParser = new Parser<FeedExtras, RawItem>({ customFields });
// Real feeds carry stray `&` and HTML entities that strict XML rejects; the lenient parser keeps them.
const lenientParser = new Parser<FeedExtras, RawItem>({
  customFields,
  xml2js: { strict: false, normalizeTags: true, attrNameProcessors: [(n: string) => n.toLowerCase()] },
});

/**
 * Which syndication format a document is, from its root element (or JSON Feed's version URL).
 * Null for anything else.
 */
export function detectFeedFormat(doc: string): FeedFormat | null {
  const head = doc
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{')) return /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\/1/.test(head) ? 'json' : null;
  // Skip the XML declaration, comments, doctype and processing instructions to the root element.
  const root = /<(?![?!])([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)([^>]*)>/.exec(head);
  if (!root) return null;
  const name = (root[2] ?? '').toLowerCase();
  const attrs = root[3] ?? '';
  if (name === 'rss') {
    const v = /version\s*=\s*["']([\d.]+)["']/.exec(attrs)?.[1] ?? '2.0';
    return v.startsWith('0.9') ? 'rss09' : 'rss2';
  }
  if (name === 'rdf') return 'rss1';
  if (name === 'feed') return /http:\/\/www\.w3\.org\/2005\/Atom/.test(attrs) ? 'atom1' : 'atom03';
  return null;
}

/**
 * Parses a feed document (already decoded to a string) into normalized items with stable ids.
 * Strict XML first, lenient second; throws FeedParseError (`FEED_UNRECOGNIZED`, `FEED_MALFORMED`).
 */
export async function parseFeed(doc: string): Promise<ParsedFeed> {
  const format = detectFeedFormat(doc);
  if (!format) throw new FeedParseError('FEED_UNRECOGNIZED', 'document is not RSS, Atom or JSON Feed');
  if (format === 'json') return parseJsonFeed(doc);
  const clean = stripIllegalXmlChars(doc);
  let feed: Parser.Output<RawItem> & FeedExtras;
  try {
    feed = await strictParser.parseString(clean);
  } catch (strictErr) {
    try {
      feed = await lenientParser.parseString(clean);
    } catch {
      throw new FeedParseError('FEED_MALFORMED', `feed XML could not be parsed: ${(strictErr as Error).message}`, {
        cause: strictErr,
      });
    }
  }
  const ttl = Number.parseInt(String(feed.ttl ?? ''), 10);
  return {
    format,
    title: text(feed.title),
    link: text(feed.link),
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    items: (feed.items ?? []).map((it) =>
      normalizeItem({
        guid: text(it.guid) ?? text(it.id),
        link: text(it.link),
        title: htmlFragmentText(text(it.title)),
        descriptionHtml: text(it.content) ?? text(it.summary),
        contentHtml: text(it.contentEncoded),
        date: text(it.isoDate),
        author: text(it.creator) ?? text(it.author),
        categories: (it.categories ?? []).map(categoryText).filter((c): c is string => !!c),
      }),
    ),
  };
}

interface ItemParts {
  guid: string | null;
  link: string | null;
  title: string | null;
  descriptionHtml: string | null;
  contentHtml: string | null;
  date: string | null;
  author: string | null;
  categories: string[];
}

function normalizeItem(p: ItemParts): FeedItem {
  const summary = htmlFragmentText(p.descriptionHtml);
  const publishedAt = toIsoOrNull(p.date);
  const id = releaseId({ url: p.link, guid: p.guid, title: p.title, firstParagraph: summary });
  const itemHash = sha256Hex(JSON.stringify([p.guid, p.link, p.title, summary, p.contentHtml, publishedAt]));
  return {
    id,
    guid: p.guid,
    link: p.link,
    title: p.title,
    summary,
    contentHtml: p.contentHtml,
    publishedAt,
    author: p.author,
    categories: p.categories,
    itemHash,
  };
}

function parseJsonFeed(doc: string): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(doc);
  } catch (err) {
    throw new FeedParseError('FEED_MALFORMED', `JSON Feed could not be parsed: ${(err as Error).message}`);
  }
  const feed = json as { title?: unknown; home_page_url?: unknown; items?: unknown };
  const items = Array.isArray(feed.items) ? (feed.items as Record<string, unknown>[]) : [];
  return {
    format: 'json',
    title: text(feed.title),
    link: text(feed.home_page_url),
    ttlMinutes: null,
    items: items.map((it) => {
      const authors = Array.isArray(it.authors) ? (it.authors as { name?: unknown }[]) : [];
      return normalizeItem({
        guid: text(it.id),
        link: text(it.url),
        title: text(it.title),
        descriptionHtml: text(it.summary),
        contentHtml: text(it.content_html) ?? text(it.content_text),
        date: text(it.date_published),
        author: text(authors[0]?.name),
        categories: Array.isArray(it.tags) ? (it.tags as unknown[]).map(text).filter((t): t is string => !!t) : [],
      });
    }),
  };
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '_' in v) return text((v as { _: unknown })._);
  return null;
}

function categoryText(c: unknown): string | null {
  return text(c);
}

function toIsoOrNull(d: string | null): string | null {
  if (!d) return null;
  const t = Date.parse(d);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

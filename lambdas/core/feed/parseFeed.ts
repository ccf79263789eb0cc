/**
 * Reads a feed document (already decoded to a string) into normalized items with stable ids.
 *
 * RSS 0.9x / 1.0 / 2.0 and Atom 0.3 / 1.0 go through rss-parser in up to three passes: strict XML;
 * then strict XML over a repaired copy (stray `&` and undeclared entities such as `&nbsp;` escaped,
 * entities the document declares substituted); then xml2js's lenient mode (unclosed tags, unquoted
 * attributes). JSON Feed 1.x is read directly. Dates are read from the raw strings (core/feed/dates),
 * never from rss-parser's isoDate. Failures are FeedParseError with a code (FEED_ERROR_CODES).
 */
import Parser from 'rss-parser';
import { FeedParseError } from '../errors';
import { canonicalizeUrl, sha256Hex } from '../ids';
import { htmlFragmentText } from '../parser/feedItem';
import { parseFeedDate } from './dates';
import { stripIllegalXmlChars } from './decode';
import { clipText, ITEM_FIELD_LIMITS, MARKUP_READ_FACTOR, MAX_CATEGORIES_PER_ITEM, truncateUtf8 } from './fieldLimits';
import { withReleaseIds, type FeedOwnLinks } from './itemIds';
import { checkJsonDepth, checkXmlDepth, type ItemSpan, skipDeclaration, skipPast } from './nestingDepth';
import { checkEntityDeclarations, repairXml } from './xmlRepair';
import { textConstruct, type TextValue } from './textConstructs';
import { shapeDocument } from './xmlShape';
import { FEED_ERROR_CODES, type FeedFormat, type FeedItem, type ParsedFeed } from './types';

export interface ParseFeedOptions {
  /** The URL the feed was fetched from: relative item links are resolved against it. */
  baseUrl?: string | null;
  /**
   * Keep at most this many items: the newest by date, then (items without a date) the first in
   * document order; the kept ones stay in document order. `itemsFound` tells how many there were.
   * Chosen before the items are normalized, so a feed of 150,000 items costs a parse, not 150,000
   * normalizations. No cap when left out.
   */
  maxItems?: number;
}

/** Raw values as xml2js leaves them: a string, `{_: text, $: attrs}`, or arrays of those. */
type Raw = unknown;

type RawItem = Parser.Item & {
  contentEncoded?: Raw;
  creator?: Raw;
  author?: Raw;
  id?: Raw;
  summary?: Raw;
  guidRaw?: Raw;
  categoryRaw?: Raw;
  atomLinkRaw?: Raw;
  titleRaw?: Raw;
  summaryRaw?: Raw;
  contentRaw?: Raw;
  mediaTitle?: Raw;
  mediaContent?: Raw;
  mediaGroup?: Raw;
  xmlBase?: Raw;
  'rdf:about'?: Raw;
  dcDate?: Raw;
  published?: Raw;
  updated?: Raw;
  issued?: Raw;
  modified?: Raw;
  created?: Raw;
};
type FeedExtras = { ttl?: Raw };

/**
 * Element names as rss-parser and we read them. The lenient pass lower-cases every tag, and sloppy
 * feeds write `<PubDate>`; both come back to the canonical case here. Atom's `published` and
 * `updated` are renamed so that rss-parser never sees them: it calls `new Date(x).toISOString()`
 * on them, which throws on a bad date and loses the whole feed. We read them raw instead.
 */
const CANONICAL_TAGS: Readonly<Record<string, string>> = {
  'rdf:rdf': 'rdf:RDF',
  pubdate: 'pubDate',
  lastbuilddate: 'lastBuildDate',
  managingeditor: 'managingEditor',
  webmaster: 'webMaster',
  published: 'nw:published',
  updated: 'nw:updated',
};

const customFields: Parser.ParserOptions<FeedExtras, RawItem>['customFields'] = {
  feed: ['ttl'],
  item: [
    ['content:encoded', 'contentEncoded'],
    ['dc:creator', 'creator'],
    ['dc:date', 'dcDate'],
    ['nw:published', 'published'],
    ['nw:updated', 'updated'],
    'issued',
    'modified',
    'created',
    ['guid', 'guidRaw', { keepArray: true }],
    ['category', 'categoryRaw', { keepArray: true }],
    ['atom:link', 'atomLinkRaw', { keepArray: true }],
    // The elements with their attributes: their type / mode says how to read them (textConstructs.ts).
    ['title', 'titleRaw', { keepArray: true }],
    ['summary', 'summaryRaw', { keepArray: true }],
    ['content', 'contentRaw', { keepArray: true }],
    ['media:title', 'mediaTitle', { keepArray: true }],
    ['media:content', 'mediaContent', { keepArray: true }],
    ['media:group', 'mediaGroup', { keepArray: true }],
    ['nw:base', 'xmlBase'],
  ],
};

/** The three passes, least to most forgiving. */
const PASSES = ['strict', 'repaired', 'lenient'] as const;

/**
 * The namespace of each root's own elements, which rss-parser expects unprefixed. Only the root's
 * own vocabulary is unprefixed: an RSS 2.0 feed's `atom:link` stays `atom:link`.
 */
const OWN_NAMESPACE: Readonly<Record<string, RegExp>> = {
  feed: /^http:\/\/(?:www\.w3\.org\/2005\/Atom|purl\.org\/atom\/ns#)$/i,
  rdf: /^http:\/\/purl\.org\/rss\/1\.0\/?$/i,
  rss: /^http:\/\/backend\.userland\.com\/rss2?$/i,
};

/**
 * Prefixes the root binds to its own feed namespace (`<a:feed xmlns:a="http://www.w3.org/2005/Atom">`,
 * `<rdf:RDF xmlns:rss="http://purl.org/rss/1.0/">`, `<r:rss xmlns:r="http://backend.userland.com/rss2">`).
 */
function feedPrefixes(root: { name: string; attrs: string } | null): string[] {
  const own = root ? OWN_NAMESPACE[root.name.toLowerCase()] : undefined;
  if (!root || !own) return [];
  const out: string[] = [];
  for (const m of root.attrs.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
    if (m[1] && m[2] && own.test(m[2].trim())) out.push(`${m[1].toLowerCase()}:`);
  }
  return out;
}

/** The part of xml2js's parser that rss-parser calls (rss-parser 3.13 keeps it as `xmlParser`). */
interface XmlParser {
  parseString(xml: string, callback: (err: Error | null, result?: unknown) => void): void;
}

function makeParser(lenient: boolean, prefixes: readonly string[]): Parser<FeedExtras, RawItem> {
  const tagName = (name: string): string => {
    let n = name;
    const prefix = prefixes.find((p) => n.toLowerCase().startsWith(p));
    if (prefix) n = n.slice(prefix.length);
    return CANONICAL_TAGS[n.toLowerCase()] ?? n;
  };
  const parser = new Parser<FeedExtras, RawItem>({
    customFields,
    // A <rss> without a version attribute is read as RSS 2.0 (rss-parser refuses it otherwise).
    defaultRSS: 2,
    xml2js: lenient
      ? {
          strict: false,
          normalizeTags: true,
          tagNameProcessors: [tagName],
          attrNameProcessors: [(n: string) => n.toLowerCase()],
        }
      : { strict: true, tagNameProcessors: [tagName] },
  });
  // The tree is shaped once it is parsed (xmlShape.ts), between xml2js and rss-parser's reading of
  // it: xml2js's per-element `validator` hook would do it at a cost quadratic in the depth.
  const holder = parser as unknown as { xmlParser: XmlParser };
  const xml2js = holder.xmlParser;
  holder.xmlParser = {
    parseString(xml, callback) {
      let done = false;
      // xml2js 0.5 may call back a second time after an error; only the first answer counts.
      xml2js.parseString(xml, (err, result) => {
        if (done) return;
        done = true;
        if (err) return callback(err);
        let shaped: unknown;
        try {
          shaped = shapeDocument(result);
        } catch (e) {
          return callback(e as Error);
        }
        callback(null, shaped);
      });
    },
  };
  return parser;
}

/** Names of the root element of an XML document, past the prolog (declaration, comments, doctype, PIs). */
function rootElement(doc: string): { prefix: string | null; name: string; attrs: string } | null {
  let i = 0;
  const n = Math.min(doc.length, 65_536);
  while (i < n) {
    const lt = doc.indexOf('<', i);
    if (lt < 0 || lt >= n) return null;
    if (doc.startsWith('<?', lt)) i = skipPast(doc, '?>', lt);
    else if (doc.startsWith('<!--', lt)) i = skipPast(doc, '-->', lt);
    else if (/^<!doctype/i.test(doc.slice(lt, lt + 9))) i = skipDeclaration(doc, lt);
    else {
      const m = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/.exec(doc.slice(lt, lt + 4096));
      if (!m) return null;
      return { prefix: m[1] ?? null, name: m[2] ?? '', attrs: m[3] ?? '' };
    }
    if (i < 0) return null;
  }
  return null;
}

/**
 * Which syndication format a document is, from its root element and namespace (or JSON Feed's
 * version URL). Null for anything else (an HTML page, other XML, other JSON).
 */
export function detectFeedFormat(doc: string): FeedFormat | null {
  const text = skipLeadingJunk(doc);
  if (text.startsWith('{')) {
    try {
      const v = (JSON.parse(text) as { version?: unknown }).version;
      return typeof v === 'string' && /jsonfeed\.org\/version\/1(?:\.\d+)?\/?$/i.test(v) ? 'json' : null;
    } catch {
      return /^\{\s*"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1/i.test(text) ? 'json' : null;
    }
  }
  const root = rootElement(text);
  if (!root) return null;
  const name = root.name.toLowerCase();
  if (name === 'rss') {
    const v = /version\s*=\s*["']\s*([\d.]+)/i.exec(root.attrs)?.[1] ?? '2.0';
    return v.startsWith('0.9') ? 'rss09' : 'rss2';
  }
  if (name === 'rdf') return /my\.netscape\.com\/rdf\/simple\/0\.9/i.test(root.attrs) ? 'rss09' : 'rss1';
  if (name === 'feed') {
    if (/purl\.org\/atom\/ns#/i.test(root.attrs) || /version\s*=\s*["']0\.3/i.test(root.attrs)) return 'atom03';
    return 'atom1';
  }
  return null;
}

/** Drops a BOM, leading whitespace and text before the first `<` (a PHP warning printed above the feed). */
function skipLeadingJunk(doc: string): string {
  const s = doc.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('<') || s.startsWith('{')) return s;
  const lt = s.search(/<(?:\?xml|rss[\s>]|feed[\s>]|[\w.-]+:RDF[\s>]|RDF[\s>])/);
  return lt > 0 && lt < 4096 && !s.slice(0, lt).includes('<') ? s.slice(lt) : s;
}

/**
 * Parses a feed document into normalized items with stable ids.
 * Throws FeedParseError: `FEED_EMPTY`, `FEED_UNRECOGNIZED`, `FEED_TOO_DEEP`, `FEED_ENTITY_BOMB`,
 * `FEED_ENTITY_EXPANSION`, `FEED_EXTERNAL_ENTITY`, `FEED_MALFORMED`.
 */
export async function parseFeed(doc: string, opts: ParseFeedOptions = {}): Promise<ParsedFeed> {
  const clean = skipLeadingJunk(stripIllegalXmlChars(doc));
  if (!clean.trim()) throw new FeedParseError(FEED_ERROR_CODES.empty, 'the document is empty');
  // Before any parser sees it: nesting costs parsers stack or time at every level.
  let itemSpans: ItemSpan[] = [];
  if (clean.startsWith('{')) checkJsonDepth(clean);
  else itemSpans = checkXmlDepth(clean);
  const format = detectFeedFormat(clean);
  if (!format) {
    throw new FeedParseError(
      FEED_ERROR_CODES.unrecognized,
      `document is not RSS, Atom or JSON Feed (starts with ${JSON.stringify(clean.slice(0, 40))})`,
    );
  }
  if (format === 'json') return parseJsonFeed(clean, opts);
  return parseXmlFeed(clean, format, itemSpans, opts);
}

async function parseXmlFeed(
  whole: string,
  format: FeedFormat,
  itemSpans: readonly ItemSpan[],
  opts: ParseFeedOptions,
): Promise<ParsedFeed> {
  // Over the cap, the items not kept are cut from the text before it is parsed: a feed of 150,000
  // items then costs one scan and one parse of 500, not a tree of 150,000.
  const over = opts.maxItems !== undefined && itemSpans.length > opts.maxItems;
  const trimmed = over ? withNewestItemsOnly(whole, itemSpans, opts.maxItems as number) : whole;
  const clean = format === 'atom1' || format === 'atom03' ? trimmed : withRssTitleMarkupAsText(trimmed);

  const entities = checkEntityDeclarations(clean);
  const root = rootElement(clean);
  const prefixes = feedPrefixes(root);

  let feed: (Parser.Output<RawItem> & FeedExtras) | null = null;
  let firstError: unknown = null;
  let repaired: string | null = null;
  for (const pass of PASSES) {
    try {
      const input = pass === 'strict' ? clean : (repaired ??= repairXml(clean, entities));
      feed = await makeParser(pass === 'lenient', prefixes).parseString(input);
      break;
    } catch (err) {
      // Our own refusals (entity expansion cap) are final: no later pass may read what one refused.
      if (err instanceof FeedParseError) throw err;
      firstError ??= err;
    }
  }
  if (!feed) {
    // A TypeError comes from rss-parser walking a tree that is XML but not the feed it expected
    // (an <rss> without <channel>, say); anything else is the XML parser's own message.
    const what =
      firstError instanceof TypeError
        ? `the ${format} document lacks the elements a feed needs (${errorText(firstError)})`
        : `feed XML could not be parsed: ${errorText(firstError)}`;
    throw new FeedParseError(FEED_ERROR_CODES.malformed, what, { cause: firstError });
  }

  const feedLink = absoluteUrl(text(feed.link));
  const docBase = absoluteUrl(opts.baseUrl ?? null) ?? feedLink;
  // Atom's xml:base on the root, resolved against where the document came from.
  const rootBase = /\bxml:base\s*=\s*["']([^"']+)["']/i.exec(root?.attrs ?? '')?.[1];
  const base = (rootBase && resolveLink(rootBase.trim(), docBase)) || docBase;
  const ttl = Number.parseInt(text(feed.ttl) ?? '', 10);
  const isAtom = format === 'atom1' || format === 'atom03';
  const found = feed.items ?? [];
  const kept = newestItems(found, opts.maxItems, (it) =>
    firstDate(it.pubDate, it.published, it.issued, it.created, it.dcDate, it.updated, it.modified),
  );
  const parts = kept.map((it): ItemParts => {
    const guidEl = first(it.guidRaw);
    // RSS 1.0 items are identified by their rdf:about.
    const guid = text(guidEl) ?? text(it.id) ?? (format === 'rss1' ? text(it['rdf:about']) : null);
    const permaLink = attr(guidEl, 'isPermaLink') !== 'false';
    let link = text(it.link) ?? alternateHref(it.atomLinkRaw);
    if (!link && guid && permaLink && /^https?:\/\//i.test(guid)) link = guid;
    const summary = isAtom
      ? (textConstruct(it.summaryRaw, 'atom') ?? textConstruct(it.contentRaw, 'atom'))
      : textConstruct(it.content, 'rss');
    const contentHtml = isAtom ? text(it.content) : text(it.contentEncoded);
    return boundedItem({
      guid,
      link: resolveLink(link, resolveLink(text(it.xmlBase), base) ?? base),
      title: textValue(textConstruct(it.titleRaw, isAtom ? 'atom' : 'rss') ?? mediaTitle(it), ITEM_FIELD_LIMITS.title),
      summary: textValue(summary, ITEM_FIELD_LIMITS.summary),
      contentHtml,
      publishedAt: firstDate(it.pubDate, it.published, it.issued, it.created, it.dcDate, it.updated, it.modified),
      author: authorText(text(it.creator) ?? text(it.author)),
      categories: categories(it.categoryRaw),
    });
  });
  return {
    format,
    title: fieldText(text(feed.title), ITEM_FIELD_LIMITS.title),
    link: feedLink,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    items: withStableIds(parts, { feedLink, documentUrl: opts.baseUrl ?? null }),
    itemsFound: over ? Math.max(itemSpans.length, found.length) : found.length,
  };
}

/**
 * RSS titles with markup left unescaped (`<title>Acme <b>ships</b> today</title>`) wrapped in CDATA,
 * so the title is read as the HTML it is, in order (xml2js would give its own text and its child
 * elements' text apart: "Acme today ships").
 */
function withRssTitleMarkupAsText(doc: string): string {
  return doc.replace(/<title>([^<]*<(?!!\[CDATA\[|\/title>)[\s\S]{0,8192}?)<\/title>/g, (whole, inner: string) =>
    inner.includes(']]>') || inner.includes('<![CDATA[') ? whole : `<title><![CDATA[${inner}]]></title>`,
  );
}

/** The raw date elements of an item, in the order parseXmlFeed reads them. */
const RAW_DATE_TAGS = ['pubDate', 'published', 'issued', 'created', 'dc:date', 'updated', 'modified'].map(
  (tag) => new RegExp(`<(?:[\\w.-]+:)?${tag.replace('dc:', '(?:dc:)?')}(?:\\s[^>]*)?>([^<]{1,200})<`, 'i'),
);

/**
 * The document with only the `max` newest items (newestItems' rule, dates read from the raw text of
 * each item), the others and the text between items left out. The channel before the first item and
 * everything after the last one stay.
 */
function withNewestItemsOnly(doc: string, spans: readonly ItemSpan[], max: number): string {
  const kept = newestItems(spans, max, (span) => {
    const raw = doc.slice(span.start, span.end);
    for (const re of RAW_DATE_TAGS) {
      const iso = parseFeedDate(re.exec(raw)?.[1] ?? null);
      if (iso) return iso;
    }
    return null;
  });
  const first = spans[0] as ItemSpan;
  const last = spans[spans.length - 1] as ItemSpan;
  return [doc.slice(0, first.start), ...kept.map((s) => doc.slice(s.start, s.end)), doc.slice(last.end)].join('');
}

/**
 * At most `max` items: the newest by date first, then the dateless ones in document order; returned
 * in document order. All of them when there is no cap or they fit.
 */
function newestItems<T>(items: readonly T[], max: number | undefined, dateOf: (item: T) => string | null): T[] {
  if (max === undefined || items.length <= max) return [...items];
  const limit = Math.max(0, max);
  const at = items.map((item) => {
    const iso = dateOf(item);
    return iso ? Date.parse(iso) : Number.NaN;
  });
  const dated: number[] = [];
  const undated: number[] = [];
  at.forEach((t, index) => (Number.isNaN(t) ? undated : dated).push(index));
  // Newest first; equal dates in document order (sort is stable).
  dated.sort((a, b) => (at[b] as number) - (at[a] as number));
  const keep = [...dated.slice(0, limit), ...undated.slice(0, Math.max(0, limit - dated.length))];
  return keep.sort((a, b) => a - b).map((index) => items[index] as T);
}

/**
 * Plain text of a title or summary, read from at most MARKUP_READ_FACTOR × its limit of markup and cut
 * to the limit. Markup too deep for the HTML reader's recursion (tens of thousands of nested escaped
 * tags) is read by dropping its tags instead of failing the whole feed.
 */
function fieldText(html: string | null, maxBytes: number): string | null {
  if (html === null) return null;
  const markup = truncateUtf8(html, maxBytes * MARKUP_READ_FACTOR);
  let plain: string | null;
  try {
    plain = htmlFragmentText(markup);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    plain =
      markup
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim() || null;
  }
  return clipText(plain, maxBytes);
}

/** Text of a text construct within `maxBytes`: literal text as it is, markup reduced to text. */
function textValue(v: TextValue | null, maxBytes: number): string | null {
  if (!v) return null;
  if (v.kind === 'html') return fieldText(v.value, maxBytes);
  return clipText(
    truncateUtf8(v.value, maxBytes * MARKUP_READ_FACTOR)
      .replace(/\s+/g, ' ')
      .trim() || null,
    maxBytes,
  );
}

/** Media RSS title, the fallback when an item has none of its own: on the item, its media:content or media:group. */
function mediaTitle(it: RawItem): TextValue | null {
  const nested = (holder: Raw): Raw => {
    const el = first(holder);
    return el && typeof el === 'object' ? (el as Record<string, unknown>)['media:title'] : undefined;
  };
  return (
    textConstruct(it.mediaTitle, 'media') ??
    textConstruct(nested(it.mediaContent), 'media') ??
    textConstruct(nested(it.mediaGroup), 'media')
  );
}

/** An item with every field within ITEM_FIELD_LIMITS: a link too long to be one is dropped, not cut (a cut URL names another page). */
function boundedItem(p: ItemParts): ItemParts {
  const L = ITEM_FIELD_LIMITS;
  return {
    ...p,
    guid: p.guid === null ? null : truncateUtf8(p.guid, L.guid),
    link: p.link !== null && truncateUtf8(p.link, L.link) === p.link ? p.link : null,
    title: clipText(p.title, L.title),
    summary: clipText(p.summary, L.summary),
    contentHtml: p.contentHtml === null ? null : truncateUtf8(p.contentHtml, L.contentHtml),
    author: clipText(p.author, L.author),
    categories: p.categories.slice(0, MAX_CATEGORIES_PER_ITEM).map((c) => clipText(c, L.category) as string),
  };
}

/** An item as read, before its id and content hash. */
type ItemParts = Omit<FeedItem, 'id' | 'itemHash'>;

/**
 * Gives every item its id (core/feed/itemIds: canonical link → GUID → hash, a function of the item
 * and the feed only); items of one id — the same release listed twice — are kept once.
 */
function withStableIds(parts: ItemParts[], feed: FeedOwnLinks): FeedItem[] {
  return withReleaseIds(
    parts.map((p) => ({ ...p, itemHash: itemHash(p) })),
    feed,
  ).map((p) => ({
    id: p.id,
    guid: p.guid,
    link: p.link,
    title: p.title,
    summary: p.summary,
    contentHtml: p.contentHtml,
    publishedAt: p.publishedAt,
    author: p.author,
    categories: p.categories,
    itemHash: p.itemHash,
  }));
}

/**
 * What the feed says about an item: a change means a correction to process again. The date is left
 * out on purpose — feeds that re-stamp every item on every request would otherwise re-process
 * everything, and a new date alone does not change the release.
 */
function itemHash(p: ItemParts): string {
  return sha256Hex(JSON.stringify([p.guid, p.link, p.title, p.summary, p.contentHtml]));
}

function parseJsonFeed(doc: string, opts: ParseFeedOptions): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(doc);
  } catch (err) {
    throw new FeedParseError(FEED_ERROR_CODES.malformed, `JSON Feed could not be parsed: ${(err as Error).message}`);
  }
  const feed = json as Record<string, unknown>;
  const feedAuthor = jsonAuthor(feed);
  const items = Array.isArray(feed.items)
    ? (feed.items as unknown[]).filter((i): i is Record<string, unknown> => !!i && typeof i === 'object')
    : [];
  const feedLink = absoluteUrl(text(feed.home_page_url));
  const base = absoluteUrl(opts.baseUrl ?? null) ?? feedLink;
  const kept = newestItems(items, opts.maxItems, (it) => firstDate(it.date_published, it.date_modified));
  return {
    format: 'json',
    title: clipText(text(feed.title), ITEM_FIELD_LIMITS.title),
    link: feedLink,
    ttlMinutes: null,
    items: withStableIds(
      kept.map((it) => {
        const contentHtml = text(it.content_html) ?? text(it.content_text);
        return boundedItem({
          guid: text(it.id),
          link: resolveLink(text(it.url) ?? text(it.external_url), base),
          title: fieldText(text(it.title), ITEM_FIELD_LIMITS.title),
          summary: fieldText(text(it.summary) ?? contentHtml, ITEM_FIELD_LIMITS.summary),
          contentHtml,
          publishedAt: firstDate(it.date_published, it.date_modified),
          author: jsonAuthor(it) ?? feedAuthor,
          categories: Array.isArray(it.tags) ? (it.tags as unknown[]).map(text).filter((t): t is string => !!t) : [],
        });
      }),
      { feedLink, documentUrl: absoluteUrl(text(feed.feed_url)) ?? opts.baseUrl ?? null },
    ),
    itemsFound: items.length,
  };
}

/** JSON Feed author: `authors[].name` (1.1), else `author.name` (1.0). */
function jsonAuthor(o: Record<string, unknown>): string | null {
  const authors = Array.isArray(o['authors']) ? (o['authors'] as unknown[]) : o['author'] ? [o['author']] : [];
  const named = authors.find((a): a is { name?: unknown } => !!a && typeof a === 'object' && 'name' in a);
  return text(named?.name);
}

/**
 * Text of an xml2js value: a string, a number, `{_: text}`, or the first of an array. A loop, not
 * recursion: a JSON Feed title of 100,000 nested arrays must not overflow the stack.
 */
function text(value: Raw): string | null {
  let v = value;
  for (;;) {
    if (typeof v === 'string') return v.trim() || null;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (Array.isArray(v)) v = v[0];
    else if (v && typeof v === 'object' && '_' in v) v = (v as { _: unknown })._;
    else return null;
  }
}

function first(v: Raw): Raw {
  return Array.isArray(v) ? v[0] : v;
}

/** An attribute of an xml2js element, by case-insensitive name (the lenient pass lower-cases them). */
function attr(el: Raw, name: string): string | null {
  if (!el || typeof el !== 'object' || !('$' in el)) return null;
  const attrs = (el as { $: Record<string, unknown> }).$;
  const key = Object.keys(attrs).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key ? attrs[key] : undefined;
  return typeof v === 'string' ? v.trim() : null;
}

/** An RSS item's `<atom:link href>`: the alternate one, else the first. */
function alternateHref(raw: Raw): string | null {
  const links = Array.isArray(raw) ? raw : [];
  const alt = links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  return attr(alt, 'href') || null;
}

function categories(raw: Raw): string[] {
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const out: string[] = [];
  for (const c of list) {
    // RSS: <category>text</category>; Atom: <category term="…" label="…"/>.
    const t = text(c) ?? attr(c, 'label') ?? attr(c, 'term');
    const plain = fieldText(t, ITEM_FIELD_LIMITS.category);
    if (plain && !out.includes(plain)) out.push(plain);
    if (out.length >= MAX_CATEGORIES_PER_ITEM) break;
  }
  return out;
}

/** RSS `<author>` is an email with an optional name: `jane@example.com (Jane Doe)` → `Jane Doe`. */
function authorText(a: string | null): string | null {
  if (!a) return null;
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(a);
  return fieldText(named?.[1] ?? a, ITEM_FIELD_LIMITS.author);
}

function firstDate(...raws: Raw[]): string | null {
  for (const r of raws) {
    const iso = parseFeedDate(text(r));
    if (iso) return iso;
  }
  return null;
}

function absoluteUrl(u: string | null): string | null {
  return u && canonicalizeUrl(u) ? u : null;
}

/** A link as given when absolute; a relative one resolved against the base (feed URL, else the feed's link). */
function resolveLink(link: string | null, base: string | null): string | null {
  if (!link) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return link;
  if (!base) return link;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').slice(0, 300);
}

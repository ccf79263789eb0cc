import * as DomUtils from 'domutils';
import type { AnyNode, Element } from 'domhandler';
import { readTextConstruct, type Dialect } from '../feed/textConstructs';
import { parseTimestamp } from './dates';
import { parseDom, tokenizedText } from './dom';
import { htmlBlocks } from './html';
import { wireOfLink } from './wires';
import type { Wire } from '../record';

/**
 * A saved feed item: an RSS `<item>…</item>` (or Atom `<entry>`) snippet, or a whole feed with one
 * item. Read with htmlparser2 in XML mode (CDATA and XML entities handled by the parser).
 */
export interface FeedItemParts {
  title: string | null;
  link: string | null;
  guid: string | null;
  /** The description as plain text. */
  summary: string | null;
  publishedAt: string | null;
  /** What to parse as the release: content:encoded, else the description (HTML or text). */
  content: string;
  /** The issuing organization the item's metadata names (NewsML-G2 subject, NTB publisher). */
  organization: string | null;
  /** The wire the item's own link belongs to (its text may carry no tag). */
  wire: Wire | null;
}

/** True when the content is a feed or a feed item rather than a page: decided by its first element. */
export function looksLikeFeedItem(content: string): boolean {
  const head = content
    .slice(0, 2000)
    .replace(/^\uFEFF/, '')
    .trimStart();
  // A JSON Feed, or one of its items, saved as JSON.
  if (head.startsWith('{') && /"(?:content_html|content_text|items|url|external_url)"\s*:/.test(head)) return true;
  // Skip an XML declaration and comments before the first element.
  const start = head.replace(/^(?:<\?xml[^>]{0,200}\?>\s*|<!--[^>]{0,500}-->\s*)+/, '');
  return /^<(?:rss|feed|item|entry|channel|rdf:RDF|NewsML|newsItem|release)[\s>]/i.test(start);
}

function child(el: Element, ...names: string[]): Element | null {
  for (const name of names) {
    const found = DomUtils.findOne((e) => e.name.toLowerCase() === name, el.children, false);
    if (found) return found;
  }
  return null;
}

function textOf(el: Element | null): string | null {
  if (!el) return null;
  const t = DomUtils.textContent(el).trim();
  return t || null;
}

/** Plain text of an HTML fragment (a feed description): block elements become spaces, not nothing. */
export function htmlFragmentText(html: string | null): string | null {
  if (!html) return null;
  const doc = parseDom(html);
  const text = doc
    ? htmlBlocks(doc.children)
        .blocks.map((b) => b.lines.join(' '))
        .join(' ')
    : tokenizedText(html);
  const t = text.replace(/\s+/g, ' ').trim();
  return t || null;
}

/** A JSON Feed (https://jsonfeed.org) item, or the first item of a JSON Feed, or null. */
function parseJsonFeedItem(json: string): FeedItemParts | null {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  const root = data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
  const items = root && Array.isArray(root['items']) ? (root['items'] as unknown[]) : null;
  const first = items ? items[0] : root;
  if (!first || typeof first !== 'object') return null;
  const item = first as Record<string, unknown>;
  const str = (k: string) => (typeof item[k] === 'string' && (item[k] as string).trim() ? (item[k] as string) : null);
  const html = str('content_html');
  const content = html ?? str('content_text') ?? str('summary');
  if (content === null && !str('title')) return null;
  return {
    title: str('title'),
    link: str('url') ?? str('external_url'),
    guid: str('id') ?? (typeof item['id'] === 'number' ? String(item['id']) : null),
    summary: htmlFragmentText(str('summary')),
    publishedAt: parseTimestamp(str('date_published')),
    content: content ?? '',
    organization: null,
    wire: wireOfLink(str('url') ?? str('external_url')),
  };
}

/** An element's text read by its type / mode, as the feed reader reads it (core/feed/textConstructs). */
function specText(el: Element | null, dialect: Dialect): string | null {
  const value = textOf(el);
  if (!el || !value) return null;
  const hasChildren = el.children.some((c) => c.type === 'tag');
  const v = readTextConstruct(
    { value, type: el.attribs['type'] ?? null, mode: el.attribs['mode'] ?? null, hasChildren },
    dialect,
  );
  if (!v) return null;
  return v.kind === 'html' ? htmlFragmentText(v.value) : v.value.replace(/\s+/g, ' ').trim() || null;
}

/** The first item of a feed snippet (RSS, Atom or JSON Feed), or null when there is none. */
export function parseFeedItem(xml: string): FeedItemParts | null {
  if (
    xml
      .trimStart()
      .replace(/^\uFEFF/, '')
      .startsWith('{')
  )
    return parseJsonFeedItem(xml);
  const doc = parseDom(xml, true);
  if (!doc) return null;
  const newsml = parseNewsMl(doc.children as AnyNode[]);
  if (newsml) return newsml;
  const release = parseReleaseXml(doc.children as AnyNode[]);
  if (release) return release;
  const item = DomUtils.findOne(
    (e: Element) => e.name === 'item' || e.name === 'entry',
    doc.children as AnyNode[],
    true,
  );
  if (!item) return null;
  const linkEl = child(item, 'link');
  // RSS: <link>url</link>; Atom: <link rel="alternate" href="url"/>.
  const atomLinks = DomUtils.findAll((e) => e.name === 'link' && !!e.attribs['href'], item.children);
  const atomLink =
    atomLinks.find((l) => !l.attribs['rel'] || l.attribs['rel'] === 'alternate')?.attribs['href'] ??
    atomLinks[0]?.attribs['href'];
  const link = textOf(linkEl) ?? atomLink ?? null;
  const description = textOf(child(item, 'description', 'summary'));
  const encoded = textOf(child(item, 'content:encoded', 'content'));
  const date = textOf(child(item, 'pubdate', 'published', 'dc:date', 'updated'));
  const dialect = item.name === 'entry' ? 'atom' : 'rss';
  return {
    title: specText(child(item, 'title'), dialect) ?? specText(child(item, 'media:title'), 'media'),
    link: link?.trim() || null,
    guid: textOf(child(item, 'guid', 'id')),
    summary: specText(child(item, 'description', 'summary'), dialect),
    publishedAt: parseTimestamp(date),
    content: encoded ?? description ?? '',
    organization: null,
    wire: wireOfLink(link?.trim() || null),
  };
}

/** Escapes text for HTML. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A press-release XML document whose root is `<release>` (as NTB info delivers them): the body as
 * encoded HTML in `<body>`, the headline in `<title>`, and the contact people as plain text in
 * `<contactsAsText>`, which is added under the body as a contact block (a blank line between two
 * people).
 */
function parseReleaseXml(nodes: AnyNode[]): FeedItemParts | null {
  const release = DomUtils.findOne((e) => e.name.toLowerCase() === 'release', nodes, false);
  const body = release ? child(release, 'body') : null;
  if (!release || !body) return null;
  const html = textOf(body) ?? '';
  const contacts = (textOf(child(release, 'contactsastext')) ?? '')
    .split(/\n\s*\n/)
    .map((person) =>
      person
        .split('\n')
        .map((l) => escapeHtml(l.trim()))
        .filter(Boolean)
        .join('<br>'),
    )
    .filter(Boolean);
  const contactHtml = contacts.length ? `<p>Contacts:</p>${contacts.map((c) => `<p>${c}</p>`).join('')}` : '';
  const link = textOf(child(release, 'longurl'));
  const publisher = child(release, 'publisher');
  return {
    title: textOf(child(release, 'title'))?.replace(/\s+/g, ' ') ?? null,
    link,
    guid: release.attribs['id'] ?? null,
    summary: htmlFragmentText(textOf(child(release, 'leadtext'))),
    publishedAt: parseTimestamp(textOf(child(release, 'publicationdate'))),
    content: html + contactHtml,
    organization: publisher ? textOf(child(publisher, 'name')) : null,
    wire: wireOfLink(link),
  };
}

/** NewsML 1.2 component roles that are not the release's text (the headline is read on its own). */
const NOT_RELEASE_ROLES = new Set(['abstract', 'stylesheet', 'headline', 'logo', 'tweettext', 'caption', 'photo']);

/** The `<Role FormalName>` of the NewsML 1.2 component holding `el`, lower-cased, or null. */
function roleOf(el: Element): string | null {
  for (let p = el.parent; p && p.type !== 'root'; p = p.parent) {
    const e = p as Element;
    if (e.name !== 'NewsComponent') continue;
    const role = e.children.find((c): c is Element => c.type === 'tag' && c.name === 'Role');
    if (role) return (role.attribs['FormalName'] ?? '').toLowerCase();
  }
  return null;
}

/**
 * A NewsML document (IPTC NewsML 1.2 as Business Wire and GlobeNewswire send it, or NewsML-G2):
 * the headline from `<HeadLine>` / `<headline>`, the release from the XHTML of its content items
 * (`<DataContent>`, `<inlineXML>`, NITF `<body.content>`), the Body component first and abstracts,
 * logos and style sheets left out. When the body does not carry the dateline, the one the
 * metadata gives (`<DateLine>` with the `<NewsProduct>` wire) is put before it as the wire writes it.
 */
function parseNewsMl(nodes: AnyNode[]): FeedItemParts | null {
  const root = DomUtils.findOne((e: Element) => e.name === 'NewsML' || e.name === 'newsItem', nodes, false);
  if (!root) return null;
  const find = (name: string) => DomUtils.findOne((e) => e.name === name, root.children, true);
  const title = textOf(find('HeadLine') ?? find('headline'));
  const holders = DomUtils.findAll(
    (e) => e.name === 'DataContent' || e.name === 'inlineXML' || e.name === 'body.content',
    root.children,
  );
  const parts: { html: string; text: string; body: boolean }[] = [];
  for (const holder of holders) {
    const role = roleOf(holder);
    if (role && NOT_RELEASE_ROLES.has(role)) continue;
    const body = DomUtils.findOne((e) => e.name === 'body', holder.children, true);
    const text = textOf(body ?? holder)?.replace(/\s+/g, ' ');
    if (!text || text === title || (!body && holder.name === 'DataContent')) continue;
    parts.push({ html: DomUtils.getInnerHTML(body ?? holder, { xmlMode: false }), text, body: role === 'body' });
  }
  if (!title && parts.length === 0) return null;
  parts.sort((a, b) => Number(b.body) - Number(a.body));
  const dateline = textOf(find('DateLine'));
  const product = find('NewsProduct')?.attribs['FormalName'] ?? null;
  const head = parts[0]?.text.slice(0, 300) ?? '';
  const lead =
    dateline && product && !head.includes(dateline)
      ? [`<p>${escapeText(dateline)}--(${escapeText(product)})--</p>`]
      : [];
  const guid = root.attribs['guid'] ?? textOf(find('PublicIdentifier'));
  return {
    title,
    link: null,
    guid: guid ?? null,
    summary: null,
    publishedAt: null,
    content: [...lead, ...parts.map((p) => p.html)].join('\n'),
    organization: newsMlOrganization(root),
    wire: null,
  };
}

/**
 * The organization a NewsML-G2 item is about (`<subject type="cpnat:organisation"><name>`), the
 * most relevant one first; null when the item names none or several equally.
 */
function newsMlOrganization(root: Element): string | null {
  const orgs = DomUtils.findAll(
    (e) => e.name === 'subject' && e.attribs['type'] === 'cpnat:organisation',
    root.children,
  ).map((e) => ({ name: textOf(child(e, 'name')), relevance: Number(e.attribs['relevance'] ?? '0') || 0 }));
  const named = orgs.filter((o): o is { name: string; relevance: number } => !!o.name);
  named.sort((a, b) => b.relevance - a.relevance);
  const [first, second] = named;
  if (!first || (second && second.relevance === first.relevance && second.name !== first.name)) return null;
  return first.name.replace(/\s+/g, ' ');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

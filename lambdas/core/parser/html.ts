import * as DomUtils from 'domutils';
import { compile, selectAll as cssSelectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import type { Link } from '../record';
import { type Block, makeBlock } from './blocks';
import { isContactHeading } from './contacts';
import { parseTimestamp } from './dates';
import { parseDom, releaseDom, textContent, textLength, tokenizedText } from './dom';
import { articleOfJsonLd, openGraphOf, type PageMetadata, parseJsonLd } from './pageMeta';
import { findWireTag } from './wires';
import { normalizeInlineSpaces, normalizeWhitespace, textToBlocks } from './text';

/**
 * HTML release pages → blocks, with a real HTML parser (htmlparser2) and CSS selectors; no regular
 * expression ever looks at markup. PR Newswire conventions first (`section.release-body`, `h1`,
 * `.subtitle`, `p.mb-no` timestamp), then a generic main-content fallback for unknown pages.
 */

export interface HtmlPage {
  title: string | null;
  subtitle: string | null;
  canonicalUrl: string | null;
  publishedAt: string | null;
  blocks: Block[];
  /** mailto links inside the release content. */
  mailtos: Link[];
  /** What the page declares in JSON-LD and Open Graph metadata (evidence where the text gives none). */
  declared: PageMetadata;
}

const NO_METADATA: PageMetadata = {
  article: null,
  og: { title: null, siteName: null, type: null, publishedTime: null, description: null },
};

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'blockquote',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'address',
  'hr',
  'center',
  'body',
  'html',
]);

/** Elements that never hold release text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
]);

/** Class / id words of page chrome (share widgets, breadcrumbs, cookie banners, menus). */
const CHROME_WORDS = new Set([
  'share',
  'sharing',
  'social',
  'breadcrumb',
  'breadcrumbs',
  'cookie',
  'cookies',
  'newsletter',
  'subscribe',
  'advert',
  'ad',
  'ads',
  'promo',
  'sidebar',
  'navbar',
  'menu',
  'nav',
  'footer',
  'header',
  'masthead',
  'toolbar',
  'print',
  'related',
  'comments',
  'skip',
  'banner',
  'leftnav',
  'rightnav',
  'sidenav',
  'topnav',
  'subnav',
  'widget',
  'widgets',
]);

// css-select infers the element type from the root it is given; pin it to domhandler's Element.
/** css-select's compiled query over domhandler elements (its type is not exported). */
type CompiledQuery = Exclude<Parameters<typeof cssSelectAll<AnyNode, Element>>[0], string>;

// Selectors are compiled once per process, not once per page (compiling dominated small pages).
const COMPILED = new Map<string, CompiledQuery>();
function compiled(query: string): CompiledQuery {
  let q = COMPILED.get(query);
  if (!q) {
    // compile() only ever matches elements (it wraps the query in an isTag check).
    q = compile<AnyNode, Element>(query) as CompiledQuery;
    COMPILED.set(query, q);
  }
  return q;
}
const selectAll = (query: string, root: AnyNode | AnyNode[]): Element[] =>
  cssSelectAll<AnyNode, Element>(compiled(query), root);

/** Text a `<form>` must hold to be a page's wrapper rather than a search, sign-up or comment form. */
const WRAPPER_FORM_TEXT = 2000;
const WRAPPER_FORMS = new WeakMap<Element, boolean>();

/**
 * True for a `<form>` that wraps the page's content: ASP.NET WebForms pages put the whole body in
 * one `<form id="aspnetForm">`, so skipping forms as widgets would skip the release too.
 */
function isWrapperForm(el: Element): boolean {
  let known = WRAPPER_FORMS.get(el);
  if (known === undefined) {
    known =
      textLength(el) >= WRAPPER_FORM_TEXT &&
      DomUtils.findOne((e) => e.name === 'p' || e.name === 'table' || /^h[1-6]$/.test(e.name), el.children, true) !==
        null;
    WRAPPER_FORMS.set(el, known);
  }
  return known;
}

function isChrome(el: Element): boolean {
  if (el.name === 'form' && isWrapperForm(el)) return false;
  if (SKIP_TAGS.has(el.name)) return true;
  const attrs = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase();
  if (!attrs.trim()) return false;
  // Class names are attribute values, not markup: splitting them into words is safe.
  for (const word of attrs.split(/[\s_-]+/))
    if (CHROME_WORDS.has(word)) return !/release|article|body|content/.test(attrs);
  return el.attribs['aria-hidden'] === 'true' || el.attribs['hidden'] !== undefined;
}

function text(node: AnyNode | AnyNode[] | null | undefined): string {
  if (!node) return '';
  return normalizeWhitespace(textContent(node)).replace(/\s+/g, ' ').trim();
}

/** Turns an element into blocks: block elements split, `<br>` breaks lines, `<br><br>` splits, table rows are lines. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  readonly mailtos: Link[] = [];
  private lines: string[] = [''];
  private links: Link[] = [];
  private boldLead: string | null = null;
  private headingLevel: number | null = null;
  /** Texts of the links (any href) in the block being built. */
  private anchors: string[] = [];

  flush(): void {
    const lines = this.lines.map((l) => l.replace(/\s+/g, ' ').trim());
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    while (lines.length && lines[0] === '') lines.shift();
    if (lines.length) {
      const anchored = lines.length === 1 && this.anchors.includes(lines[0] ?? '');
      this.blocks.push(
        makeBlock(
          lines.filter((l, i) => l !== '' || lines[i - 1] !== ''),
          { links: this.links, boldLead: this.boldLead, headingLevel: this.headingLevel, anchored },
        ),
      );
    }
    this.lines = [''];
    this.links = [];
    this.anchors = [];
    this.boldLead = null;
    this.headingLevel = null;
  }

  /**
   * A first line that is all bold and reads as a heading (`<b>Conference Call</b><br>Acme will…`):
   * a heading of its own, not the start of the paragraph under it. A contact heading stays with
   * the contact lines under it, and a bold lead ending in a colon is a label of that paragraph.
   */
  private isBoldHeadingLine(line: string): boolean {
    const t = line.replace(/\s+/g, ' ').trim();
    if (this.lines.length !== 1 || !this.boldLead || t !== this.boldLead) return false;
    return t.split(' ').length <= 12 && !/[:：.!?]$/.test(t) && !isContactHeading(t);
  }

  private isEmpty(): boolean {
    return this.lines.every((l) => l.trim() === '');
  }

  private append(s: string): void {
    const i = this.lines.length - 1;
    this.lines[i] = (this.lines[i] ?? '') + s;
  }

  walk(nodes: AnyNode[]): void {
    for (const node of nodes) {
      if (DomUtils.isText(node)) {
        this.append(normalizeInlineSpaces(node.data));
        continue;
      }
      if (!DomUtils.isTag(node)) continue;
      const el = node;
      if (isChrome(el)) continue;
      const name = el.name;
      if (name === 'br') {
        const cur = this.lines[this.lines.length - 1] ?? '';
        if ((cur.trim() === '' && this.lines.length > 1) || this.isBoldHeadingLine(cur)) this.flush();
        else this.lines.push('');
        continue;
      }
      if (name === 'table') {
        this.flush();
        // A layout table (old pages lay out the whole page with one) holds paragraphs and
        // headings in its cells: walk them as content. A data table becomes rows.
        if (isLayoutTable(el)) {
          this.walk(el.children);
          this.flush();
        } else this.table(el);
        continue;
      }
      if (name === 'tr' || name === 'td' || name === 'th' || name === 'tbody' || name === 'thead') {
        // Only reached inside a layout table: each cell is a container.
        this.flush();
        this.walk(el.children);
        this.flush();
        continue;
      }
      if (name === 'pre') {
        this.flush();
        const rows = normalizeWhitespace(textContent(el)).split('\n');
        this.blocks.push(makeBlock(rows, { preformatted: true }));
        continue;
      }
      if (name === 'img') {
        continue;
      }
      if (BLOCK_TAGS.has(name)) {
        this.flush();
        if (/^h[1-6]$/.test(name)) this.headingLevel = Number(name.charAt(1));
        this.walk(el.children);
        this.flush();
        continue;
      }
      if (name === 'a') {
        const href = (el.attribs['href'] ?? '').trim();
        const label = text(el) || null;
        if (/^mailto:/i.test(href)) {
          this.mailtos.push({ url: href, text: label });
          this.links.push({ url: href, text: label });
        } else if (/^https?:\/\//i.test(href)) this.links.push({ url: href, text: label });
        if (label && href && !/^(?:#|javascript:)/i.test(href)) this.anchors.push(label);
      }
      const leading = (name === 'b' || name === 'strong') && this.isEmpty();
      this.walk(el.children);
      if (leading && this.boldLead === null) this.boldLead = text(el) || null;
    }
  }

  private table(el: Element): void {
    const rows: string[] = [];
    const links: Link[] = [];
    for (const tr of selectAll('tr', el)) {
      const cells = selectAll('td, th', tr).map((c) => text(c));
      for (const a of selectAll('a[href]', tr)) {
        const href = a.attribs['href'] ?? '';
        if (/^https?:\/\//i.test(href)) links.push({ url: href, text: text(a) || null });
      }
      const row = cells.filter(Boolean).join(' | ');
      if (row) rows.push(row);
    }
    if (rows.length) this.blocks.push(makeBlock(rows, { preformatted: true, links }));
  }
}

/** Elements a data table's cells never hold: their presence makes a table a layout table. */
const LAYOUT_MARKERS = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'article', 'section', 'form']);

/**
 * True for a table used to lay out a page rather than to hold data: it holds headings, lists or
 * other tables, or a cell holds several paragraphs or a long text. A financial table whose cells
 * each wrap their figure in one `<p>` stays a data table.
 */
function isLayoutTable(table: Element): boolean {
  if (DomUtils.findOne((e) => LAYOUT_MARKERS.has(e.name), table.children, true)) return true;
  const cells = DomUtils.findAll((e) => e.name === 'td' || e.name === 'th', table.children);
  for (const cell of cells) {
    const blocks = cell.children.filter((c) => DomUtils.isTag(c) && (c.name === 'p' || c.name === 'div')).length;
    if (blocks >= 2 || textLength(cell) > 300) return true;
  }
  // One row of columns (a menu beside the article) with a paragraph of prose in a cell: a page's
  // layout even when the article is short (a teaser, a truncated release).
  const rows = DomUtils.findAll((e) => e.name === 'tr', table.children).length;
  return (
    rows === 1 &&
    cells.length >= 2 &&
    cells.some((c) => c.children.some((p) => DomUtils.isTag(p) && p.name === 'p' && text(p).split(' ').length >= 12))
  );
}

/** The blocks of an element (or a whole fragment). */
export function htmlBlocks(nodes: AnyNode[]): { blocks: Block[]; mailtos: Link[] } {
  const b = new BlockBuilder();
  b.walk(nodes);
  b.flush();
  return { blocks: b.blocks, mailtos: b.mailtos };
}

/**
 * Every element of a page by tag name, class and id, built from the elements in document order as
 * parseDom reports them (no walk over the tree): the page's many lookups (headline, deck,
 * metadata, release container) then cost a map read each instead of a selector run over the whole
 * document.
 */
class PageIndex {
  private readonly tags = new Map<string, Element[]>();
  private readonly classes = new Map<string, Element[]>();
  private readonly ids = new Map<string, Element>();

  constructor(elements: Element[]) {
    for (const node of elements) {
      push(this.tags, node.name, node);
      const cls = node.attribs['class'];
      // Most elements have one class: no list to split off then.
      if (cls && !/\s/.test(cls)) push(this.classes, cls.toLowerCase(), node);
      else if (cls) for (const c of cls.split(/\s+/)) if (c) push(this.classes, c.toLowerCase(), node);
      const id = node.attribs['id'];
      if (id && !this.ids.has(id.toLowerCase())) this.ids.set(id.toLowerCase(), node);
    }
  }

  tag(name: string): Element[] {
    return this.tags.get(name) ?? [];
  }

  /** Elements with any of the classes, in document order of the first class that has some. */
  cls(...names: string[]): Element[] {
    for (const n of names) {
      const found = this.classes.get(n);
      if (found?.length) return found;
    }
    return [];
  }

  id(...names: string[]): Element | null {
    for (const n of names) {
      const found = this.ids.get(n);
      if (found) return found;
    }
    return null;
  }

  /** The first `<meta>` (or `<link>`) whose `attr` is one of `values` (case-insensitive), and its `content`/`href`. */
  meta(attr: string, values: string[], tag = 'meta', take = 'content'): string | null {
    const wanted = values.map((v) => v.toLowerCase());
    for (const el of this.tag(tag)) {
      const v = el.attribs[attr]?.toLowerCase();
      if (v && wanted.includes(v)) {
        const out = el.attribs[take]?.trim();
        if (out) return out;
      }
    }
    return null;
  }
}

function push(map: Map<string, Element[]>, k: string, el: Element): void {
  const list = map.get(k);
  if (list) list.push(el);
  else map.set(k, [el]);
}

/**
 * Length of the text in the `<p>` elements under each of `containers` (not counting a container
 * itself): how much prose each holds. One walk up from each paragraph of the page, rather than a
 * search of each container's subtree (the candidates nest: body, main, article, …).
 */
function paragraphText(page: PageIndex, containers: Element[]): Map<Element, number> {
  const totals = new Map<Element, number>(containers.map((el) => [el, 0]));
  for (const p of page.tag('p')) {
    let length = -1;
    for (let up = p.parent; up; up = up.parent) {
      const total = totals.get(up as Element);
      if (total === undefined) continue;
      if (length < 0) length = textContent(p).trim().length;
      totals.set(up as Element, total + length);
    }
  }
  return totals;
}

/** The outermost of a set of possibly nested elements. */
function outermost(els: Element[]): Element | null {
  return els.find((el) => !els.some((other) => other !== el && isInside(el, other))) ?? null;
}

/**
 * The element that holds the release: a wire's own container (PR Newswire / Cision
 * `.release-body`, Business Wire `.bw-release-story`, GlobeNewswire `#main-body-container`),
 * else the candidate (article, main, articleBody, …, body) with the most paragraph text,
 * preferring the tightest container that holds nearly all of it.
 */
function releaseContainer(page: PageIndex): Element | null {
  const wire =
    outermost(page.cls('release-body')) ??
    outermost(page.cls('bw-release-story')) ??
    page.id('main-body-container') ??
    outermost(page.cls('main-body-container'));
  if (wire) return wire;
  // Elements a page names as its article's body (itemprop, class, id) are preferred to the generic
  // ones (article, main, role="main", body) once one holds 200 characters (a truncated release is
  // that short): a portal that republishes releases puts many other stories' paragraphs in its
  // main column.
  const named = [
    ...page.tag('div').filter((el) => /articlebody/i.test(el.attribs['itemprop'] ?? '')),
    ...page.cls(
      'article-body',
      'articlebody',
      'article-content',
      'entry-content',
      'post-content',
      'story-body',
      'storybody',
      'main-article',
      'news-release',
      'release-content',
      'press-release',
      'news-body',
    ),
    ...[page.id('articlebody', 'release', 'release-body')].filter((el) => el !== null),
  ];
  const generic = [
    ...page.tag('article'),
    ...page.tag('main'),
    ...page.tag('div').filter((el) => el.attribs['role'] === 'main'),
    ...[page.id('content', 'main')].filter((el) => el !== null),
    ...page.tag('body'),
  ];
  const candidates = named.some((el) => textContent(el).trim().length >= 200) ? named : [...named, ...generic];
  const prose = paragraphText(page, candidates);
  let scored = candidates.map((el) => ({ el, score: prose.get(el) ?? 0, size: textLength(el) }));
  // A page that writes its paragraphs as `<div>`s or `<br><br>` has no <p> text to go by: then
  // the candidates are compared by all their text (the smallest would otherwise win with 0).
  if (Math.max(0, ...scored.map((c) => c.score)) < 200) scored = scored.map((c) => ({ ...c, score: c.size }));
  const bestScore = Math.max(0, ...scored.map((c) => c.score));
  let best: { el: Element; size: number } | null = null;
  for (const c of scored) if (c.score >= bestScore * 0.9 && (!best || c.size < best.size)) best = c;
  return best?.el ?? null;
}

/**
 * True when the element sits inside page chrome (navigation, footer, sidebars, widgets). With
 * `headerIsChrome`, any `<header>` counts too, except a wire's `<header class="release-header">`.
 */
function inChrome(el: Element, headerIsChrome = true): boolean {
  for (let p: AnyNode | null = el.parent; p; p = p.parent) {
    if (!DomUtils.isTag(p)) continue;
    if (p.name === 'header') {
      if (!headerIsChrome || /release|article|entry|post|headline|story|news/i.test(p.attribs['class'] ?? '')) continue;
    }
    if (isChrome(p)) return true;
  }
  return false;
}

function isInside(el: AnyNode, ancestor: AnyNode): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** The element right after `el` among its siblings, skipping whitespace. */
function nextElement(el: Element): Element | null {
  for (let n = el.next; n; n = n.next) {
    if (DomUtils.isTag(n)) return n;
    if (DomUtils.isText(n) && n.data.trim()) return null;
  }
  return null;
}

/** The texts of the page's JSON-LD script blocks. */
function jsonLdScripts(page: PageIndex): string[] {
  return page
    .tag('script')
    .filter((script) => /ld\+json/i.test(script.attribs['type'] ?? ''))
    .map((script) => textContent(script));
}

/** `datePublished` from the page's JSON-LD blocks (an object, an array, or an `@graph`). */
function jsonLdDate(scripts: string[]): string | null {
  for (const script of scripts) {
    const queue: unknown[] = [parseJsonLd(script)];
    for (let i = 0; i < queue.length && i < 200; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as Record<string, unknown>;
        if (typeof obj['datePublished'] === 'string') return obj['datePublished'];
        if (obj['@graph']) queue.push(obj['@graph']);
      }
    }
  }
  return null;
}

/** The page's publication time: article/og metadata, JSON-LD, `<time datetime>`, the wire's timestamp line. */
function pageTimestamp(page: PageIndex, scripts: string[]): string | null {
  const candidates = [
    () => page.meta('property', ['article:published_time', 'og:published_time', 'og:article:published_time']),
    () => page.meta('name', ['date', 'dc.date', 'dc.date.issued', 'publish-date', 'pubdate', 'article.published']),
    () => page.meta('itemprop', ['datePublished']),
    () => jsonLdDate(scripts),
    () => page.tag('time').find((t) => t.attribs['datetime'])?.attribs['datetime'] ?? null,
    () => text(page.cls('mb-no').find((el) => el.name === 'p')) || null,
    () => text(page.cls('bw-release-timestamp')[0]) || null,
  ];
  for (const candidate of candidates) {
    const at = parseTimestamp(candidate());
    if (at) return at;
  }
  return null;
}

/** A page title that names a site's section, not an article. */
const SECTION_TITLE = /^(?:Home|News|Latest News|Press Releases?|News Releases?|Newsroom|Media|Press|Blog|Articles?)$/i;

/** Parses an HTML release page (or fragment) into metadata and content blocks. */
export function parseHtmlPage(html: string): HtmlPage {
  const elements: Element[] = [];
  const doc = parseDom(html, false, elements);
  if (!doc) {
    // Nested too deep to be a real page: keep its text, without structure or metadata.
    const blocks = textToBlocks(normalizeWhitespace(tokenizedText(html)), false);
    return {
      title: null,
      subtitle: null,
      canonicalUrl: null,
      publishedAt: null,
      blocks,
      mailtos: [],
      declared: NO_METADATA,
    };
  }
  const page = new PageIndex(elements);
  const scripts = jsonLdScripts(page);
  const declared: PageMetadata = {
    article: articleOfJsonLd(scripts),
    og: openGraphOf(page.tag('meta').map((el) => el.attribs)),
  };
  // The headline: the page's <h1> (outside chrome), else a heading marked as the title, else the
  // headline its JSON-LD article declares, else og:title, else <title> without its ` | Site` tail.
  const marked =
    page.tag('h1').find((el) => !inChrome(el) && text(el)) ??
    page
      .cls('article-headline', 'headline', 'entry-title', 'post-title', 'article-title', 'release-title', 'news-title')
      .find((el) => !inChrome(el) && text(el)) ??
    page.tag('h2').find((el) => el.attribs['itemprop'] === 'headline' && text(el)) ??
    null;
  const declaredHeadline = marked ? null : (declared.article?.headline ?? null);
  // Last, an <h1> in a plain <header>: the headline when the page marks no other (a site's logo
  // <h1> loses to a marked-up article title above, and to a declared headline).
  const h1 =
    marked ?? (declaredHeadline ? null : page.tag('h1').find((el) => !inChrome(el, false) && text(el))) ?? null;
  const ogTitle = page.meta('property', ['og:title']);
  // A <title> that is only the site's name (its og:site_name) or a section's (`News`) names no headline.
  const pageTitle = (text(page.tag('title')[0]) || '').replace(/\s[|–—-]\s[^|–—-]{1,60}$/, '');
  const siteName = declared.og.siteName?.toLowerCase() ?? null;
  const docTitle =
    pageTitle && pageTitle.toLowerCase() !== siteName && !SECTION_TITLE.test(pageTitle) ? pageTitle : null;
  const title = text(h1) || declaredHeadline || ogTitle || docTitle;
  // The deck: an explicit subtitle class, else an <h2> written right after the <h1>.
  const afterH1 = h1 ? nextElement(h1) : null;
  const subtitleEl =
    page.cls(
      'subtitle',
      'sub-title',
      'subheadline',
      'subhead',
      'deck',
      'bw-release-subhead',
      'article-subheadline',
      'article-sub-headline',
      'release-subtitle',
      'summary-headline',
    )[0] ?? (afterH1 && /^h[2-4]$/.test(afterH1.name) ? afterH1 : null);
  let subtitle = text(subtitleEl) || null;
  const canonicalUrl =
    page
      .tag('link')
      .find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.attribs['rel'] ?? ''))
      ?.attribs['href']?.trim() || page.meta('property', ['og:url']);
  const publishedAt = pageTimestamp(page, scripts);
  const container = releaseContainer(page);
  const nodes = container ? container.children : doc.children;
  const { blocks, mailtos } = htmlBlocks(nodes);
  // Business Wire keeps the contacts beside the story, not in it.
  const bwContact = page.cls('bw-release-contact')[0];
  if (container && bwContact && !isInside(bwContact, container)) {
    const contact = htmlBlocks(bwContact.children);
    blocks.push(makeBlock(['Contacts']), ...contact.blocks.filter((b) => !/^Contacts?$/i.test(b.lines[0] ?? '')));
    mailtos.push(...contact.mailtos);
  }
  // When the generic fallback picked <body>, the headline is among the blocks: what precedes it is
  // page chrome, and it and the deck are not body.
  const at = title ? blocks.slice(0, 15).findIndex((b) => b.lines.join(' ') === title) : -1;
  // Not when a wire's dateline stands above it: that is the headline repeated under the dateline,
  // as some distributors print it, and what precedes it is the release.
  if (at >= 0 && !blocks.slice(0, at).some((b) => findWireTag(b.lines.join('\n'), 2000) !== null)) {
    blocks.splice(0, at + 1);
    if (subtitle && blocks[0]?.lines.join(' ') === subtitle) blocks.shift();
  }
  if (subtitle === title) subtitle = null;
  // Nothing returned refers to the DOM (blocks, links and metadata are strings and plain data).
  releaseDom(doc, elements);
  return { title, subtitle, canonicalUrl: canonicalUrl || null, publishedAt, blocks, mailtos, declared };
}

import * as DomUtils from 'domutils';
import { selectAll as cssSelectAll, selectOne as cssSelectOne } from 'css-select';
import type { AnyNode, Document, Element } from 'domhandler';
import type { Link } from '../record';
import { type Block, makeBlock } from './blocks';
import { parseTimestamp } from './dates';
import { parseDom, tokenizedText } from './dom';
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
}

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
]);

// css-select infers the element type from the root it is given; pin it to domhandler's Element.
const selectOne = (query: string, root: AnyNode | AnyNode[]): Element | null =>
  cssSelectOne<AnyNode, Element>(query, root);
const selectAll = (query: string, root: AnyNode | AnyNode[]): Element[] => cssSelectAll<AnyNode, Element>(query, root);

function isChrome(el: Element): boolean {
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
  return normalizeWhitespace(DomUtils.textContent(node)).replace(/\s+/g, ' ').trim();
}

function meta(doc: Document, selector: string, attr = 'content'): string | null {
  const el = selectOne(selector, doc);
  const v = el?.attribs[attr]?.trim();
  return v ? v : null;
}

/** Turns an element into blocks: block elements split, `<br>` breaks lines, `<br><br>` splits, table rows are lines. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  readonly mailtos: Link[] = [];
  private lines: string[] = [''];
  private links: Link[] = [];
  private boldLead: string | null = null;
  private headingLevel: number | null = null;

  flush(): void {
    const lines = this.lines.map((l) => l.replace(/\s+/g, ' ').trim());
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    while (lines.length && lines[0] === '') lines.shift();
    if (lines.length) {
      this.blocks.push(
        makeBlock(
          lines.filter((l, i) => l !== '' || lines[i - 1] !== ''),
          { links: this.links, boldLead: this.boldLead, headingLevel: this.headingLevel },
        ),
      );
    }
    this.lines = [''];
    this.links = [];
    this.boldLead = null;
    this.headingLevel = null;
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
        if (cur.trim() === '' && this.lines.length > 1) this.flush();
        else this.lines.push('');
        continue;
      }
      if (name === 'table') {
        this.flush();
        this.table(el);
        continue;
      }
      if (name === 'pre') {
        this.flush();
        const rows = normalizeWhitespace(DomUtils.textContent(el)).split('\n');
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

/** The blocks of an element (or a whole fragment). */
export function htmlBlocks(nodes: AnyNode[]): { blocks: Block[]; mailtos: Link[] } {
  const b = new BlockBuilder();
  b.walk(nodes);
  b.flush();
  return { blocks: b.blocks, mailtos: b.mailtos };
}

/** Length of the text in `<p>` elements under `el`: how much prose a container holds. */
function paragraphText(el: Element): number {
  let n = 0;
  for (const p of selectAll('p', el)) n += text(p).length;
  return n;
}

/**
 * The element that holds the release: PR Newswire's `.release-body`, else the candidate
 * (article, main, articleBody, …, body) with the most paragraph text, preferring the tightest
 * container that holds nearly all of it.
 */
function releaseContainer(doc: Document): Element | Document {
  const prn = selectAll('section.release-body, div.release-body, .release-body', doc);
  if (prn.length) {
    // Nested `.release-body` elements: the outermost one holds them all.
    const outer = prn.find((el) => !prn.some((other) => other !== el && isInside(el, other)));
    if (outer) return outer;
  }
  const candidates = selectAll(
    'article, main, [itemprop=articleBody], .article-body, .entry-content, .post-content, .story-body, #content, #main, body',
    doc,
  );
  const scored = candidates.map((el) => ({ el, score: paragraphText(el), size: text(el).length }));
  const bestScore = Math.max(0, ...scored.map((c) => c.score));
  let best: { el: Element; size: number } | null = null;
  for (const c of scored) if (c.score >= bestScore * 0.9 && (!best || c.size < best.size)) best = c;
  return best?.el ?? doc;
}

/** True when the element sits inside page chrome (navigation, header, footer, sidebars). */
function inChrome(el: Element): boolean {
  for (let p: AnyNode | null = el.parent; p; p = p.parent) if (DomUtils.isTag(p) && isChrome(p)) return true;
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

/** Parses an HTML release page (or fragment) into metadata and content blocks. */
export function parseHtmlPage(html: string): HtmlPage {
  const doc = parseDom(html);
  if (!doc) {
    // Nested too deep to be a real page: keep its text, without structure or metadata.
    const blocks = textToBlocks(normalizeWhitespace(tokenizedText(html)), false);
    return { title: null, subtitle: null, canonicalUrl: null, publishedAt: null, blocks, mailtos: [] };
  }
  // The headline: the page's <h1> (outside chrome), else a heading marked as the title, else
  // og:title, else <title> without its ` | Site` / ` – Site` tail.
  const h1 =
    selectAll('h1', doc).find((el) => !inChrome(el) && text(el)) ??
    selectAll(
      '.article-headline, .headline, .entry-title, .post-title, .article-title, .release-title, .news-title, [itemprop=headline]',
      doc,
    ).find((el) => el.name !== 'meta' && !inChrome(el) && text(el)) ??
    null;
  const ogTitle = meta(doc, 'meta[property="og:title"]');
  const docTitle = (text(selectOne('title', doc)) || '').replace(/\s[|–—-]\s[^|–—-]{1,60}$/, '') || null;
  const title = text(h1) || ogTitle || docTitle;
  // The deck: an explicit subtitle class, else an <h2> written right after the <h1>.
  const afterH1 = h1 ? nextElement(h1) : null;
  const subtitleEl =
    selectOne(
      '.subtitle, .sub-title, .subheadline, .subhead, .deck, .bw-release-subhead, .article-subheadline, .article-sub-headline, .release-subtitle, .summary-headline',
      doc,
    ) ?? (afterH1 && /^h[2-4]$/.test(afterH1.name) ? afterH1 : null);
  let subtitle = text(subtitleEl) || null;
  const canonicalUrl = meta(doc, 'link[rel="canonical"]', 'href') ?? meta(doc, 'meta[property="og:url"]');
  const stamps = [
    meta(doc, 'meta[property="article:published_time"]'),
    meta(doc, 'meta[name="date"]'),
    meta(doc, 'meta[name="dc.date"], meta[name="DC.date"], meta[itemprop="datePublished"]'),
    meta(doc, 'time[datetime]', 'datetime'),
    text(selectOne('p.mb-no', doc)) || null,
  ];
  let publishedAt: string | null = null;
  for (const s of stamps) {
    publishedAt = parseTimestamp(s);
    if (publishedAt) break;
  }
  const container = releaseContainer(doc);
  const nodes = 'children' in container ? container.children : [];
  const { blocks, mailtos } = htmlBlocks(nodes);
  // When the generic fallback picked <body>, the headline is among the blocks: what precedes it is
  // page chrome, and it and the deck are not body.
  const at = title ? blocks.slice(0, 15).findIndex((b) => b.lines.join(' ') === title) : -1;
  if (at >= 0) {
    blocks.splice(0, at + 1);
    if (subtitle && blocks[0]?.lines.join(' ') === subtitle) blocks.shift();
  }
  if (subtitle === title) subtitle = null;
  return { title, subtitle, canonicalUrl, publishedAt, blocks, mailtos };
}

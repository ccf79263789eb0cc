import { decodeHTMLStrict } from 'entities';

/**
 * What a page declares about its article in metadata: schema.org JSON-LD (`NewsArticle`, `Article`,
 * `PressRelease`, … with headline, datePublished, author, publisher, sourceOrganization,
 * articleBody) and Open Graph / `article:` meta tags. Pure functions over the script texts and
 * meta attributes html.ts hands over; never throws on malformed metadata (a block that is not JSON
 * is skipped). The parser uses these only as evidence where the release text gives nothing.
 */

/** A party (author, publisher, source organization) as declared: its name and schema.org type. */
export interface DeclaredParty {
  name: string;
  /** `Person`, `Organization`, `NewsMediaOrganization`, … (the last segment of the type); null when untyped. */
  type: string | null;
}

export interface DeclaredArticle {
  /** The article's types as declared (last segment: `NewsArticle`). */
  types: string[];
  headline: string | null;
  datePublished: string | null;
  authors: DeclaredParty[];
  publisher: DeclaredParty | null;
  sourceOrganization: DeclaredParty | null;
  articleBody: string | null;
  description: string | null;
}

export interface OpenGraph {
  title: string | null;
  siteName: string | null;
  type: string | null;
  publishedTime: string | null;
  description: string | null;
}

export interface PageMetadata {
  /** The page's first article-typed JSON-LD node, or null. */
  article: DeclaredArticle | null;
  og: OpenGraph;
}

/** schema.org types of an article (and its subtypes) that a release page may declare. */
const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'PressRelease',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReviewNewsArticle',
  'AdvertiserContentArticle',
  'SatiricalArticle',
  'ScholarlyArticle',
  'TechArticle',
  'Report',
  'BlogPosting',
  'LiveBlogPosting',
]);

/** How many JSON-LD nodes are visited per page at most (a page may embed a huge product graph). */
const MAX_NODES = 2000;
/** Script blocks larger than this are not parsed (inline data dumps, not article metadata). */
const MAX_SCRIPT_CHARS = 2_000_000;

// eslint-disable-next-line no-control-regex -- the characters JSON forbids raw in a string
const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;

/**
 * One JSON-LD script's data, or null when it is not JSON even after the repairs pages need: an
 * HTML comment or CDATA wrapper, raw line breaks and tabs inside strings, and a block written
 * HTML-escaped (`{&quot;@type&quot;: …}`).
 */
export function parseJsonLd(script: string): unknown {
  if (script.length > MAX_SCRIPT_CHARS) return null;
  const text = script
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)\s*/, '')
    .replace(/\s*(?:-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/|\]\]>)$/, '')
    .trim();
  if (!text) return null;
  // JSON forbids raw control characters inside strings; a space reads the same outside them.
  const spaced = (t: string) => t.replace(CONTROL_CHARACTERS, ' ');
  const attempts = [
    () => text,
    () => spaced(text),
    () => (/&(?:quot|#34|#x22);/i.test(text) ? spaced(decodeHTMLStrict(text)) : ''),
  ];
  for (const attempt of attempts) {
    const candidate = attempt();
    if (!candidate) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next repair
    }
  }
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `NewsArticle` from `NewsArticle`, `schema:NewsArticle`, `https://schema.org/NewsArticle`. */
function typeNames(node: Record<string, unknown>): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, '').trim());
}

/**
 * Plain text of a declared string: character references decoded, tags dropped, whitespace
 * collapsed — except, with `keepBreaks`, line breaks (an article body's paragraphs), and `<p>` /
 * `<br>` tags as breaks.
 */
function clean(value: unknown, keepBreaks = false): string | null {
  if (typeof value !== 'string') return null;
  let text = value;
  if (keepBreaks) text = text.replace(/<\/p\s*>|<br\s*\/?>/gi, '\n\n');
  text = decodeHTMLStrict(text.replace(/<[^<>]{0,500}>/g, ' '));
  text = keepBreaks
    ? text
        .replace(/\r\n?/g, '\n')
        .replace(/[^\S\n]+/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : text.replace(/\s+/g, ' ').trim();
  return text || null;
}

/** Every object node of the data (arrays, `@graph`, nested values), breadth first, capped. */
function nodesOf(data: unknown, keys: readonly string[] | null = null): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && out.length < MAX_NODES; i++) {
    const item = queue[i];
    if (Array.isArray(item)) queue.push(...item);
    else if (isObject(item)) {
      out.push(item);
      for (const [k, v] of Object.entries(item))
        if (typeof v === 'object' && v !== null && (!keys || keys.includes(k))) queue.push(v);
    }
  }
  return out;
}

/**
 * Where the page's own article stands: at the top, in an `@graph`, or as a page's `mainEntity` —
 * not inside a list of other articles (`ItemList` / `itemListElement`) or another node's values.
 */
const ARTICLE_PATHS = ['@graph', 'mainEntity'] as const;

/** The parties a property names (a string, an object with a name, a reference by `@id`, or a list of these). */
function parties(value: unknown, byId: Map<string, Record<string, unknown>>): DeclaredParty[] {
  const out: DeclaredParty[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string') {
      const name = clean(item);
      // An author given as a URL (a profile page) names no one.
      if (name && !/^https?:\/\//i.test(name)) out.push({ name, type: null });
      continue;
    }
    if (!isObject(item)) continue;
    const id = typeof item['@id'] === 'string' ? item['@id'] : null;
    const node = (id && Object.keys(item).length === 1 ? byId.get(id) : null) ?? item;
    const given = clean(node['givenName']);
    const family = clean(node['familyName']);
    const name = clean(node['name']) ?? (given && family ? `${given} ${family}` : null);
    if (name) out.push({ name, type: typeNames(node)[0] ?? null });
  }
  return out;
}

/**
 * The first article-typed node of a page's JSON-LD scripts (document order), with the parties it
 * names resolved through `@id` references in the same script.
 */
export function articleOfJsonLd(scripts: string[]): DeclaredArticle | null {
  for (const script of scripts) {
    const data = parseJsonLd(script);
    const byId = new Map<string, Record<string, unknown>>();
    for (const n of nodesOf(data)) if (typeof n['@id'] === 'string' && n['@type'] !== undefined) byId.set(n['@id'], n);
    for (const node of nodesOf(data, ARTICLE_PATHS)) {
      const types = typeNames(node);
      if (!types.some((t) => ARTICLE_TYPES.has(t))) continue;
      return {
        types,
        headline: clean(node['headline']) ?? clean(node['name']),
        datePublished: clean(node['datePublished']) ?? clean(node['dateCreated']),
        authors: parties(node['author'], byId),
        publisher: parties(node['publisher'], byId)[0] ?? null,
        sourceOrganization: parties(node['sourceOrganization'], byId)[0] ?? null,
        articleBody: clean(node['articleBody'], true),
        description: clean(node['description']),
      };
    }
  }
  return null;
}

/**
 * Open Graph and `article:` values from a page's `<meta>` attributes: `property` or `name` as the
 * key (pages write both), `content` or `value` as the value; the first non-empty one wins.
 */
export function openGraphOf(metas: Record<string, string | undefined>[]): OpenGraph {
  const found = new Map<string, string>();
  for (const m of metas) {
    const key = (m['property'] ?? m['name'] ?? '').trim().toLowerCase();
    if (!key || found.has(key)) continue;
    const value = clean(m['content'] ?? m['value']);
    if (value) found.set(key, value);
  }
  const first = (...keys: string[]) => keys.map((k) => found.get(k)).find((v) => v !== undefined) ?? null;
  return {
    title: first('og:title'),
    siteName: first('og:site_name'),
    type: first('og:type'),
    publishedTime: first('article:published_time', 'og:article:published_time', 'og:published_time'),
    description: first('og:description'),
  };
}

/** A name reduced for comparison: lower case, letters and digits only, a domain's ending dropped. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:www\.)?/, '')
    .replace(/\.(?:com|net|org|de|at|ch|co\.uk|co|io|fr|es|it|nl|info|biz)(?:\/.*)?$/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The page's own site: its `og:site_name`, its publisher, and its host's name (`biospace` for www.biospace.com). */
function siteKeys(meta: PageMetadata, url: string | null): Set<string> {
  const keys = [meta.og.siteName, meta.article?.publisher?.name].filter((v): v is string => !!v).map(nameKey);
  if (url) {
    try {
      const labels = new URL(url).hostname.toLowerCase().split('.');
      const name =
        labels.length >= 2
          ? labels[labels.length - (/^(?:co|com)$/.test(labels[labels.length - 2] ?? '') ? 3 : 2)]
          : null;
      if (name) keys.push(nameKey(name));
    } catch {
      // not a URL: no host to compare
    }
  }
  return new Set(keys.filter(Boolean));
}

export interface IssuerOptions {
  /** The page's URL (its host is the site's name too). */
  url?: string | null;
  /** True for a name that is a person's (a byline, not an issuer). */
  isPerson?: (name: string) => boolean;
  /** True for a name that is a wire's or distributor's (it credits the channel, not the issuer). */
  isWire?: (name: string) => boolean;
}

/**
 * The organization the page declares as the article's issuer: its `sourceOrganization`, else an
 * author that is an organization (typed so, or untyped and not a person's name) — never the site
 * itself (its `og:site_name`, publisher or host name), a person, or a wire. Null when none.
 */
export function declaredIssuer(meta: PageMetadata, options: IssuerOptions = {}): string | null {
  const article = meta.article;
  if (!article) return null;
  const site = siteKeys(meta, options.url ?? null);
  const candidates = [
    ...(article.sourceOrganization ? [article.sourceOrganization] : []),
    ...article.authors.filter((a) => a.type !== 'Person'),
  ];
  for (const party of candidates) {
    const key = nameKey(party.name);
    if (!key || site.has(key)) continue;
    if (party.type === null && options.isPerson?.(party.name)) continue;
    if (options.isWire?.(party.name)) continue;
    if (party.name.split(' ').length > 12) continue;
    return party.name;
  }
  return null;
}

import type { AboutSection, Contact, Link } from '../record';
import { type Block, blockText, makeBlock } from './blocks';
import { contactFromMailto, isContactHeading, isContactLike, parseContactBlock } from './contacts';

/**
 * Splits what follows the dateline into the body and the boilerplate around it: About sections,
 * forward-looking / safe-harbour statements and disclaimers, contact blocks, "View original
 * content" lines, the SOURCE line and end markers. One implementation for text and HTML inputs.
 */

export interface Sections {
  body: Block[];
  about: AboutSection[];
  contacts: Contact[];
  /** Organization of the `SOURCE X` line. */
  source: string | null;
  /** Organization of a `Source: X` line (weaker than SOURCE). */
  sourceLine: string | null;
  /** The URL of a "View original content:" line: the wire's own URL for the release. */
  originalUrl: string | null;
}

type Kind =
  | { type: 'about'; organization: string | null; rest: string[] }
  | { type: 'contact' }
  | { type: 'fls' }
  | { type: 'view-original'; url: string | null }
  | { type: 'source'; organization: string }
  | { type: 'source-line'; organization: string }
  | { type: 'end' }
  | { type: 'none' };

const LEGAL_SUFFIX =
  /,? (?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|plc|PLC|AG|SA|S\.A|NV|N\.V|GmbH|AB|ASA|LP|L\.P|Holdings)\.?$/;
const FLS_HEADING =
  /^(?:Cautionary (?:Note|Statement|Language)s?\b|Forward[- ]Looking (?:Statements?|Information)\b|(?:Note|Notice|Statement) Regarding Forward|Safe Harbou?r\b|Disclaimer\b|Legal Disclaimer|Important (?:Information|Notice|Disclosures?)\b|Additional Information and Where to Find It|No Offer or Solicitation)/i;
const FLS_PARAGRAPH =
  /^(?:This (?:press|news) release (?:contains|includes|may contain)|Certain (?:statements|information) (?:in|contained in|included in) this (?:press|news) release|Statements (?:in|made in) this (?:press|news) release|(?:Except for|Other than) (?:the )?(?:statements of )?historical (?:information|facts?))[^\n]{0,400}forward[- ]looking/i;
const END_MARKER = /^(?:#{3}|# # #|-0-|- 0 -|-30-|\*{3})$/;
const VIEW_ORIGINAL = /^View (?:original|source) content(?: to download multimedia)?:?\s?(\S*)/i;
const COPYRIGHT = /^(?:©|\(c\)|Copyright ©?)\s?\d{4}/i;

/** An `About Acme Robotics` heading: org name only, no sentence. */
function aboutHeading(line: string): string | null | undefined {
  const m = /^About (?:the )?(\S[^\n]{0,100}?)\s?[:.]?$/.exec(line.trim());
  if (!m?.[1]) return undefined;
  const name = m[1].trim();
  const words = name.split(' ');
  if (words.length > 10 || !/^[\p{Lu}\d"“]/u.test(name) || /[.!?]$/.test(name.replace(LEGAL_SUFFIX, '')))
    return undefined;
  // An organization name is capitalized word by word (`Acme Robotics`, `Bank of Nowhere`); prose is not.
  if (
    !words.every((w) => /^[\p{Lu}\d"“(&]/u.test(w) || /^(?:of|and|for|the|de|du|la|der|und|in|at|on|an|a|\+)$/.test(w))
  )
    return undefined;
  return cleanOrg(name);
}

function cleanOrg(name: string): string | null {
  const cleaned = name
    .replace(/[:.]$/, '')
    .replace(LEGAL_SUFFIX, '')
    .replace(/^["“]|["”]$/g, '')
    .trim();
  return cleaned || null;
}

/**
 * `About Acme Robotics Acme Robotics is …` (flattened text, or `<b>About Acme</b> Acme is …`): the
 * heading is the words after `About` up to where the same name starts again.
 */
function aboutGlued(text: string): { organization: string | null; rest: string } | null {
  if (!text.startsWith('About ')) return null;
  const words = text.slice(6, 400).split(' ');
  for (let n = 1; n <= Math.min(8, Math.floor(words.length / 2)); n++) {
    const name = words.slice(0, n).join(' ');
    const again = words.slice(n, 2 * n).join(' ');
    if (name === again && /^[\p{Lu}\d]/u.test(name)) {
      return { organization: cleanOrg(name), rest: text.slice(6 + name.length).trim() };
    }
  }
  const colon = /^About ([^:\n]{1,80}): (\S.*)$/s.exec(text);
  if (colon?.[1] && colon[2] && aboutHeading(`About ${colon[1]}`) !== undefined) {
    return { organization: cleanOrg(colon[1]), rest: colon[2].trim() };
  }
  return null;
}

function classify(block: Block): Kind {
  const first = (block.lines[0] ?? '').trim();
  const text = blockText(block);
  const src = /^SOURCE:? (\S[^\n]{0,200})$/.exec(first);
  if (src?.[1] && block.lines.length <= 2) return { type: 'source', organization: src[1].trim() };
  const srcLine = /^Source: (\S[^\n]{0,200})$/i.exec(first);
  if (srcLine?.[1] && block.lines.length <= 2 && srcLine[1].split(' ').length <= 10) {
    return { type: 'source-line', organization: srcLine[1].trim() };
  }
  if (END_MARKER.test(first) && block.lines.length === 1) return { type: 'end' };
  const view = VIEW_ORIGINAL.exec(first);
  if (view) {
    const url = view[1] || block.links.find((l) => /^https?:/.test(l.url))?.url || null;
    return { type: 'view-original', url };
  }
  if (block.boldLead && block.boldLead.startsWith('About ')) {
    const org = aboutHeading(block.boldLead);
    if (org !== undefined) {
      const rest = text.slice(text.indexOf(block.boldLead) + block.boldLead.length).replace(/^[:.\s]+/, '');
      return { type: 'about', organization: org, rest: rest ? [rest] : [] };
    }
  }
  const second = block.lines[1] ?? '';
  const heading = block.lines.length === 1 || first.length < second.length * 0.6 ? aboutHeading(first) : undefined;
  if (heading !== undefined) {
    const rest = block.lines.length > 1 ? [block.lines.slice(1).join(' ')] : [];
    return { type: 'about', organization: heading, rest };
  }
  const glued = aboutGlued(text);
  if (glued) return { type: 'about', organization: glued.organization, rest: glued.rest ? [glued.rest] : [] };
  if (isContactHeading(first)) return { type: 'contact' };
  const short = first.split(' ').length <= 14;
  if ((short && FLS_HEADING.test(first)) || FLS_PARAGRAPH.test(text) || COPYRIGHT.test(first)) return { type: 'fls' };
  return { type: 'none' };
}

/**
 * A `SOURCE X` or "View original content" glued to the end of the last paragraph (flattened or
 * carelessly copied text) is split off into its own block first, so `classify` sees it.
 */
export function splitGlued(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.preformatted || block.lines.length === 0) {
      out.push(block);
      continue;
    }
    const lastIdx = block.lines.length - 1;
    const last = block.lines[lastIdx] ?? '';
    const pieces: string[] = [];
    const rest = last;
    // Markers inside a long line, each after a sentence end; scanned left to right once.
    // View original content and SOURCE are unmistakable, so they split after any space.
    const marker =
      /(?<= )(?=View original content|SOURCE \p{Lu}[^\n]{0,150}$)|(?<=[.!?"”)\]] ?)(?=(?:View original content|SOURCE \S|Media Contacts?:|Press Contacts?:|Investor Contacts?:|Investor Relations:|Contacts?:|Forward-Looking Statements|Cautionary Note|Safe Harbor|About (?=\p{Lu})))/gu;
    let cut = 0;
    for (const m of rest.matchAll(marker)) {
      const at = m.index ?? 0;
      if (at <= cut) continue;
      const candidate = rest.slice(at);
      // `About 200 people…` is prose, not a heading: accept About only when it is a real heading.
      if (candidate.startsWith('About ') && !aboutGlued(candidate)) continue;
      pieces.push(rest.slice(cut, at).trim());
      cut = at;
    }
    if (pieces.length === 0) {
      out.push(block);
      continue;
    }
    pieces.push(rest.slice(cut).trim());
    const head = pieces.shift() ?? '';
    const kept = [...block.lines.slice(0, lastIdx), head];
    out.push(makeBlock(kept, { links: linksIn(kept.join(' '), block.links), boldLead: block.boldLead }));
    for (const p of pieces) if (p) out.push(makeBlock([p], { links: linksIn(p, block.links) }));
  }
  return out;
}

function linksIn(text: string, links: Link[]): Link[] {
  return links.filter((l) => text.includes(l.url) || (l.text !== null && text.includes(l.text)));
}

/** Splits the blocks after the dateline into body and boilerplate (see module comment). */
export function splitSections(blocks: Block[], mailtos: Link[] = []): Sections {
  const result: Sections = { body: [], about: [], contacts: [], source: null, sourceLine: null, originalUrl: null };
  let state: 'body' | 'about' | 'contact' | 'fls' | 'footer' = 'body';
  let about: { organization: string | null; parts: string[] } | null = null;
  const closeAbout = () => {
    if (about && about.parts.length)
      result.about.push({ organization: about.organization, text: about.parts.join('\n\n') });
    about = null;
  };
  for (const block of splitGlued(blocks)) {
    const kind = classify(block);
    if (kind.type !== 'none') closeAbout();
    switch (kind.type) {
      case 'about':
        about = { organization: kind.organization, parts: [...kind.rest] };
        state = 'about';
        continue;
      case 'contact': {
        state = 'contact';
        result.contacts.push(...parseContactBlock(block.lines));
        continue;
      }
      case 'fls':
        state = 'fls';
        continue;
      case 'view-original':
        result.originalUrl ??= kind.url;
        state = 'footer';
        continue;
      case 'source':
        result.source ??= kind.organization;
        state = 'footer';
        continue;
      case 'source-line':
        result.sourceLine ??= kind.organization;
        continue;
      case 'end':
        state = 'footer';
        continue;
      case 'none':
        break;
    }
    const text = blockText(block);
    if (state === 'about' && about) {
      (about as { parts: string[] }).parts.push(text);
    } else if (state === 'contact') {
      if (block.lines.every(isContactLike) || block.lines.length > 1) {
        result.contacts.push(...parseContactBlock(block.lines));
      } else {
        state = result.about.length ? 'footer' : 'body';
        if (state === 'body') result.body.push(block);
      }
    } else if (state === 'body') {
      result.body.push(block);
    }
  }
  closeAbout();
  for (const m of mailtos) {
    const c = contactFromMailto(m.url, m.text);
    if (c) result.contacts.push(c);
  }
  return result;
}

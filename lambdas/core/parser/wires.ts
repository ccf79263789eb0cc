import type { Wire } from '../record';
import { escapeRegExp } from './regex';

/**
 * How each wire writes its tag in the dateline. The table is the seam for adding wires: a new wire
 * is one more row, and the dateline code stays the same. Where the date sits (before the tag,
 * inside it, after it) is read generically by dateline.ts, so a row only says what the tag looks
 * like.
 *
 * Every pattern has bounded quantifiers only (no nested unbounded repetition), so scanning a
 * megabyte of adversarial text stays linear.
 */
export interface WireRule {
  /** Canonical wire name for the record (`PR Newswire`); `null`: the tag's own words, title-cased. */
  name: string | null;
  /** Matches the tag with its delimiters; group 1 is the tag as written, group 2 a date inside the tag. */
  pattern: RegExp;
  /**
   * For speed only: strings one of which every match of `pattern` contains (as written, case and
   * all); a text holding none of them is not searched. Given for the patterns that open with a
   * lookbehind, which the regex engine tries at every position of the text.
   */
  needs?: readonly string[];
}

/** What a wire writes inside its tag after a dash (`(Newsfile Corp. - March 7, 2024)`). */
const IN_TAG_DATE = String.raw`(?: ?[-–—]{1,2} ?([^()\n]{4,30}?))?`;
/** A separator that must follow a tag written without delimiters (`PR NEWSWIRE -`). */
const THEN_SEP = String.raw`(?= ?(?:--|[-–—:]))`;

/** The words every `… NEWSWIRE` tag of the generic rules below ends in. */
const NEWSWIRE_WORDS = ['NEWSWIRE', 'Newswire', 'NewsWire'] as const;

export const WIRE_RULES: readonly WireRule[] = [
  // `/PRNewswire/`, `/PRNewswire-FirstCall/`, `/PRNewswire-HISPANIC PR WIRE/`, `/PRNewswire-USNewswire/`,
  // `/美通社/` (PR Newswire's Chinese service): all PR Newswire products, so the name stays and the
  // tag keeps the variant.
  { name: 'PR Newswire', pattern: /\/ ?(PRNewswire(?:[- ][A-Za-z][A-Za-z .&-]{0,40}?)?|PR Newswire|美通社) ?\//i },
  // As syndication sites sometimes print it: `(PRNewswire)`, or `/PRNewswire --` without the closing slash.
  { name: 'PR Newswire', pattern: /\( ?(PRNewswire(?:-[A-Za-z][A-Za-z .&-]{0,40}?)?) ?\)/ },
  { name: 'PR Newswire', pattern: new RegExp(String.raw`\/ ?(PRNewswire)${THEN_SEP}`) },
  // The older style: `NEW YORK (MARCH 7) PR NEWSWIRE -`.
  {
    name: 'PR Newswire',
    pattern: new RegExp(String.raw`(?<=[)\s])(PR NEWSWIRE|PR Newswire)\b${THEN_SEP}`),
    needs: ['PR NEWSWIRE', 'PR Newswire'],
  },
  { name: 'U.S. Newswire', pattern: /\/ ?(U\.S\. ?Newswire|US ?Newswire) ?\//i },
  {
    name: 'U.S. Newswire',
    pattern: new RegExp(String.raw`(?<=[)\s])(U\.S\. NEWSWIRE|U\.S\. Newswire)\b${THEN_SEP}`),
    needs: ['U.S. NEWSWIRE', 'U.S. Newswire'],
  },
  {
    name: 'Business Wire',
    pattern: new RegExp(
      String.raw`\( ?(BUSINESS ?WIRE(?:\/[^()\n]{1,30})?|Business ?Wire|ビジネスワイヤ)${IN_TAG_DATE} ?\)`,
    ),
  },
  {
    // Formerly PRIME NEWSWIRE (and PrimeZone before that).
    name: 'GlobeNewswire',
    pattern: new RegExp(
      String.raw`\( ?(GLOBE ?NEWSWIRE|Globe ?Newswire|GlobeNewswire|PRIME ?NEWSWIRE|Prime ?Newswire|PRIMEZONE|PrimeZone)${IN_TAG_DATE} ?\)`,
    ),
  },
  { name: 'Accesswire', pattern: /\/ ?(ACCESSWIRE|Access ?Wire|ACCESS ?Newswire) ?\//i },
  {
    name: 'Accesswire',
    pattern: new RegExp(String.raw`\( ?(ACCESSWIRE|AccessWire|ACCESS Newswire)${IN_TAG_DATE} ?\)`),
  },
  {
    name: 'Newsfile',
    pattern: new RegExp(String.raw`\( ?(Newsfile Corp\.?|NEWSFILE CORP\.?|Newsfile)${IN_TAG_DATE} ?\)`),
  },
  { name: 'EIN Presswire', pattern: /\/ ?(EINPresswire\.com|EIN ?Presswire(?:\.com)?) ?\//i },
  { name: 'EIN Presswire', pattern: /\( ?(EINPresswire\.com|EIN Presswire) ?\)/i },
  {
    name: 'Marketwired',
    pattern: new RegExp(
      String.raw`\( ?(Marketwired(?: - Marketwire)?|Marketwire|MARKETWIRED|MARKET WIRE|Market Wire)${IN_TAG_DATE} ?\)`,
    ),
  },
  { name: 'Marketwired', pattern: /\/ ?(Marketwired|Marketwire) ?\//i },
  { name: 'Canada Newswire', pattern: /\/ ?(CNW(?: Telbec| Group)?|Canada ?NewsWire) ?\//i },
  { name: 'PRWeb', pattern: /\( ?(PRWEB|PRWeb) ?\)/ },
  { name: 'Media OutReach Newswire', pattern: /[/(] ?(Media OutReach(?: Newswire)?) ?[/)]/i },
  { name: 'JCN Newswire', pattern: /\( ?(JCN Newswire|JCN NEWSWIRE) ?\)/ },
  { name: 'ACN Newswire', pattern: /\( ?(ACN Newswire|ACN NEWSWIRE) ?\)/ },
  { name: 'NewMediaWire', pattern: /[/(] ?(NewMediaWire) ?[/)]/i },
  { name: 'Send2Press', pattern: /\( ?(SEND2PRESS NEWSWIRE|Send2Press Newswire) ?\)/ },
  { name: '24-7 Press Release', pattern: /\/ ?(24-7 ?Press ?Release) ?\//i },
  { name: 'NewsUSA', pattern: /\( ?(NewsUSA) ?\)/ },
  { name: 'Newsworthy.ai', pattern: /\( ?(Newsworthy\.ai) ?\)/i },
  { name: 'Reportable', pattern: /\( ?(Reportable) ?\)/ },
  // `--News Direct--` on a line of its own: the tag between double dashes, no place before it.
  { name: 'News Direct', pattern: /(?:[/(] ?|(?<=^|\s)--)(News Direct)(?: ?[/)]|--)/, needs: ['News Direct'] },
  { name: 'PR Karma', pattern: /\/ ?(PR Karma) ?\// },
  { name: 'Kyodo JBN', pattern: /[/(] ?(Kyodo JBN(?:-AsiaNet)?) ?[/)]/ },
  // AAP's Medianet (Australia): `/Medianet/`, `(Medianet)`.
  { name: 'Medianet', pattern: /[/(] ?(Medianet|MEDIANET) ?[/)]/ },
  // news aktuell's Originaltext-Service (presseportal.de, Germany and Switzerland): `Köln (ots) -`,
  // lower case (Austria's APA-OTS writes `(OTS)`, another service).
  { name: 'news aktuell', pattern: /\( ?(ots) ?\)/ },
  { name: 'NTB info', pattern: /[/(] ?(NTB info|NTB Kommunikasjon) ?[/)]/i },
  // `Southlake, Texas, February 12, 2026 – PRISM MediaWire (Press Release Service – Press Release
  // Distribution) –`: the tag is written between dashes, with its own strapline in parentheses; or
  // right after the dateline's year with no dash before it (`…, May 12, 2026 PRISM MediaWire (…) –`).
  {
    name: 'PRISM MediaWire',
    pattern: /(?<=[–—-] ?|\d{4},? )(PRISM MediaWire|Prism Media Wire)(?: \([^()\n]{0,80}\))?(?= ?[–—-])/,
    needs: ['PRISM MediaWire', 'Prism Media Wire'],
  },
  // `HONG KONG SAR – [Media OutReach Newswire](https://…) – 11 August 2026 –` (markdown link kept).
  {
    name: 'Media OutReach Newswire',
    pattern: /(?<=[–—-] ?)\[?(Media OutReach(?: Newswire)?)\]?(?:\([^()\s]{0,200}\))?(?= ?[–—-])/,
    needs: ['Media OutReach'],
  },
  // Any other `(… NEWSWIRE)` tag written between dashes (`— (NOTICIAS NEWSWIRE) —`): a wire that
  // names itself a newswire; its name is the tag's words.
  {
    name: null,
    pattern: /(?<=[-–—] ?)\( ?((?:[A-Z][A-Za-z]{1,20} ){1,3}(?:NEWSWIRE|Newswire|NewsWire)) ?\)(?= ?[-–—])/,
    needs: NEWSWIRE_WORDS,
  },
  // The same with no delimiters, right after the date and before a dash (`New York, NY – March 17th,
  // 2025 – Acme Newswire – Text`, or with no dash after the year: `May 5, 2025 Acme Newswire – Text`),
  // as PRISM MediaWire writes its own tag.
  {
    name: null,
    pattern: /(?<=\d{4},? ?(?:[-–—] ?)?)((?:[A-Z][A-Za-z]{1,20} ){1,3}(?:NEWSWIRE|Newswire|NewsWire))(?= ?[-–—] )/,
    needs: NEWSWIRE_WORDS,
  },
  // The same in parentheses, between slashes or in square brackets right after the date, the date
  // bare or itself in parentheses (`Dayton, OH, May 5, 2025 (Acme Newswire) -- Text`, `Miami, FL –
  // March 6, 2025 /Acme Newswire/ –`, `June 3, 2025 [Acme Newswire] —`, `AUSTIN, TX (June 3, 2025)
  // /Acme Newswire/ —`).
  {
    name: null,
    pattern:
      /(?<=\d\)? ?)(?:\( ?|\/ ?|\[ ?)((?:[A-Z][A-Za-z]{1,20} ){1,3}(?:NEWSWIRE|Newswire|NewsWire)) ?[)/\]](?= ?[-–—])/,
    needs: NEWSWIRE_WORDS,
  },
];

/** `NOTICIAS NEWSWIRE` → `Noticias Newswire`; a tag written in mixed case is kept (`EZ Newswire`). */
function titleCase(tag: string): string {
  if (tag !== tag.toUpperCase()) return tag;
  return tag
    .split(' ')
    .map((w) => (w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w))
    .join(' ');
}

export interface WireMatch {
  rule: WireRule;
  wire: Wire;
  /** Offset of the tag's opening delimiter. */
  start: number;
  /** Offset just after the tag's closing delimiter. */
  end: number;
  /** A date written inside the tag (Newsfile, Marketwired), as written. */
  dateInTag: string | null;
}

/** The earliest wire tag in `text` (only its first `limit` characters are searched). */
export function findWireTag(text: string, limit = 20000): WireMatch | null {
  const hay = text.length > limit ? text.slice(0, limit) : text;
  let best: WireMatch | null = null;
  for (const rule of WIRE_RULES) {
    if (rule.needs && !rule.needs.some((word) => hay.includes(word))) continue;
    // A tag inside a URL (`https://www.prnewswire.com/news/prnewswire/…`) is a link, not the dateline.
    let from = 0;
    let m: RegExpExecArray | null = null;
    for (let tries = 0; tries < 5; tries++) {
      m = rule.pattern.exec(from ? hay.slice(from) : hay);
      if (!m) break;
      const at = from + m.index;
      if (!insideUrl(hay, at)) {
        m.index = at;
        break;
      }
      from = at + m[0].length;
      m = null;
    }
    if (!m?.[1] || (best && m.index >= best.start)) continue;
    best = {
      rule,
      wire: { name: rule.name ?? titleCase(m[1].trim()), tag: m[1].trim() },
      start: m.index,
      end: m.index + m[0].length,
      dateInTag: m[2]?.trim() || null,
    };
  }
  return best;
}

/** Whether offset `at` lies in a URL or path: the word it is glued to holds a scheme, `www.` or a slash. */
function insideUrl(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  const word = before.slice(Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'), before.lastIndexOf('(')) + 1);
  return /(?:[a-z]:\/\/|www\.|\/)/i.test(word);
}

/** The hosts where wires publish their own releases (a feed item's link or a page's URL on one names its wire). */
const WIRE_HOSTS: readonly (readonly [RegExp, string])[] = [
  [/(?:^|\.)prnewswire\.(?:com|co\.uk)$/, 'PR Newswire'],
  [/(?:^|\.)businesswire\.com$/, 'Business Wire'],
  [/(?:^|\.)globenewswire\.com$/, 'GlobeNewswire'],
  [/(?:^|\.)accesswire\.com$/, 'Accesswire'],
  [/(?:^|\.)newsfilecorp\.com$/, 'Newsfile'],
  [/(?:^|\.)einpresswire\.com$/, 'EIN Presswire'],
  [/(?:^|\.)newswire\.ca$/, 'Canada Newswire'],
  [/(?:^|\.)ntbinfo\.no$/, 'NTB info'],
  [/(?:^|\.)newsdirect\.com$/, 'News Direct'],
  [/(?:^|\.)newmediawire\.com$/, 'NewMediaWire'],
  [/(?:^|\.)accessnewswire\.com$/, 'Accesswire'],
  [/(?:^|\.)prweb\.com$/, 'PRWeb'],
  [/(?:^|\.)marketwired\.com$/, 'Marketwired'],
  [/(?:^|\.)presseportal\.(?:de|ch)$/, 'news aktuell'],
  [/(?:^|\.)briefingwire\.com$/, 'BriefingWire'],
];

/**
 * The wire of a feed item whose text carries no tag, from the host of the item's own link on the
 * wire's site (`https://www.ntbinfo.no/pressemelding/…`); the tag is that host as written.
 */
export function wireOfLink(link: string | null): Wire | null {
  if (!link) return null;
  let host: string;
  try {
    host = new URL(link).hostname.toLowerCase();
  } catch {
    return null;
  }
  const row = WIRE_HOSTS.find(([pattern]) => pattern.test(host));
  return row ? { name: row[1], tag: host.replace(/^www\./, '') } : null;
}

/** The wire a byline names by its canonical name (`By: Business Wire`), or null. */
export function wireNamed(name: string): Wire | null {
  const n = name.trim();
  const rule = WIRE_RULES.find((r) => r.name !== null && r.name.toLowerCase() === n.toLowerCase());
  return rule?.name ? { name: rule.name, tag: n } : null;
}

/**
 * The wire named as a word in an agency transmission's header or trailer (`%MEDIANET`, `AAP
 * Medianet`, `PR Newswire`): the distributor that sent it. The first name found, in text order.
 */
export function wireMentioned(text: string): Wire | null {
  let best: { at: number; wire: Wire } | null = null;
  for (const { name, pattern } of WIRE_NAME_PATTERNS) {
    const m = pattern.exec(text);
    if (m?.[1] && (!best || m.index < best.at)) best = { at: m.index, wire: { name, tag: m[1] } };
  }
  return best?.wire ?? null;
}
/** Each named wire's name as a word, its spaces optional (`PR Newswire`, `PRNewswire`): built once, for wireMentioned. */
const WIRE_NAME_PATTERNS: readonly { name: string; pattern: RegExp }[] = WIRE_RULES.flatMap((rule) =>
  rule.name
    ? [
        {
          name: rule.name,
          pattern: new RegExp(
            `(?<![\\p{L}\\p{N}])(${escapeRegExp(rule.name).replace(/ /g, ' ?')})(?![\\p{L}\\p{N}])`,
            'iu',
          ),
        },
      ]
    : [],
);

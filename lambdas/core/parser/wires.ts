import type { Wire } from '../record';

/**
 * How each wire writes its tag in the dateline. The table is the seam for adding wires: a new wire
 * is one more row, and the dateline code stays the same.
 *
 * Every pattern has bounded quantifiers only (no nested unbounded repetition), so scanning a
 * megabyte of adversarial text stays linear.
 */
export interface WireRule {
  /** Canonical wire name for the record (`PR Newswire`). */
  name: string;
  /** Matches the tag with its delimiters; group 1 is the tag as written, group 2 a date inside the tag. */
  pattern: RegExp;
  /** Where the dateline date is written relative to the tag. */
  date: 'before' | 'inside' | 'after' | 'none';
}

const DATE = String.raw`[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}`;

export const WIRE_RULES: readonly WireRule[] = [
  // `/PRNewswire/`, `/PRNewswire-FirstCall/`, `/PRNewswire-HISPANIC PR WIRE/`, `/PRNewswire-USNewswire/`:
  // all are PR Newswire products, so the name stays `PR Newswire` and the tag keeps the variant.
  { name: 'PR Newswire', pattern: /\/ ?(PRNewswire(?:-[A-Za-z][A-Za-z .&]{0,40})?) ?\//, date: 'before' },
  { name: 'U.S. Newswire', pattern: /\/ ?(U\.S\. ?Newswire|USNewswire) ?\//, date: 'before' },
  { name: 'Business Wire', pattern: /\( ?(BUSINESS WIRE|Business Wire) ?\)/, date: 'none' },
  { name: 'GlobeNewswire', pattern: /\( ?(GLOBE NEWSWIRE|GlobeNewswire|Globe Newswire) ?\)/, date: 'before' },
  { name: 'Accesswire', pattern: /\/ ?(ACCESSWIRE|ACCESS Newswire|ACCESS NEWSWIRE|Accesswire) ?\//, date: 'after' },
  { name: 'Newsfile', pattern: new RegExp(String.raw`\((Newsfile Corp\.) ?[-–—] ?(${DATE})\)`), date: 'inside' },
  { name: 'EIN Presswire', pattern: /\/ ?(EINPresswire\.com|EIN Presswire) ?\//, date: 'before' },
  {
    name: 'Marketwired',
    pattern: new RegExp(String.raw`\((Marketwired(?: - Marketwire)?) ?[-–—] ?(${DATE})\)`),
    date: 'inside',
  },
  { name: 'Marketwired', pattern: /\/ ?(Marketwired|Marketwire) ?\//, date: 'before' },
  { name: 'Canada Newswire', pattern: /\/ ?(CNW(?: Telbec)?|Canada NewsWire) ?\//, date: 'before' },
];

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
    const m = rule.pattern.exec(hay);
    if (!m?.[1] || (best && m.index >= best.start)) continue;
    best = {
      rule,
      wire: { name: rule.name, tag: m[1].trim() },
      start: m.index,
      end: m.index + m[0].length,
      dateInTag: m[2] ?? null,
    };
  }
  return best;
}

import type { Dateline, Wire } from '../record';
import { dateAtEnd, parseWrittenDate } from './dates';
import { findWireTag } from './wires';

export interface DatelineMatch {
  dateline: Dateline;
  wire: Wire | null;
  /** Offset in the searched text where the dateline starts (text before it is headline / navigation). */
  start: number;
  /** Offset of the first character after the separator: where the body starts. */
  bodyStart: number;
}

/** A word of a dateline city written in capitals (`SAN`, `ST.`, `XI'AN`, `&`). */
const CAPS_WORD = /^(?:[\p{Lu}\d][\p{Lu}\d.'’-]*|&|and|AND|\/)$/u;
/** A region / country qualifier after the city (`Texas`, `Calif.`, `N.J.`, `Israel`, `United Kingdom`). */
const QUALIFIER = /^[\p{Lu}][\p{L}.'’ -]{0,40}$/u;

/** Characters that separate the dateline from the body (and from a Business Wire tag). */
function isSepChar(c: string): boolean {
  return c === '-' || c === '—' || c === '–' || c === ' ' || c === ':';
}

/**
 * Where the location starts in `prefix` (the text before the date, or before the tag), or -1.
 * Works leftwards: trailing comma-separated qualifiers, then the city written in capitals. When the
 * dateline opens the block (`Austin, Texas, …`), a mixed-case city is accepted as well.
 */
function locationStart(prefix: string, atBlockStart: boolean): number {
  const parts = prefix.split(',');
  let i = parts.length - 1;
  // Qualifiers (at most three) to the right of the city.
  let qualifiers = 0;
  while (i > 0 && qualifiers < 3 && QUALIFIER.test((parts[i] ?? '').trim())) {
    i--;
    qualifiers++;
  }
  const cityPart = parts[i] ?? '';
  const offsetOfPart = parts.slice(0, i).reduce((n, p) => n + p.length + 1, 0);
  const tokens = cityPart.split(' ');
  let take = 0;
  for (let t = tokens.length - 1; t >= 0 && take < 8; t--) {
    const tok = tokens[t] ?? '';
    if (tok === '' && t === tokens.length - 1) continue;
    if (!CAPS_WORD.test(tok) || (!/\p{Lu}/u.test(tok) && !/^(?:&|and|AND|\/)$/.test(tok))) break;
    take = tokens.length - t;
  }
  // Do not start on a connector (`& TEL AVIV`).
  while (take > 0 && /^(?:&|and|AND|\/)$/.test(tokens[tokens.length - take] ?? '')) take--;
  if (take > 0) {
    const cityText = tokens.slice(tokens.length - take).join(' ');
    return offsetOfPart + cityPart.lastIndexOf(cityText);
  }
  if (atBlockStart) {
    const whole = prefix.trim();
    const words = whole.split(/[ ,]+/).filter(Boolean);
    if (
      words.length > 0 &&
      words.length <= 7 &&
      words.every((w) => /^[\p{Lu}]/u.test(w) || /^(?:de|of|la|and|&)$/.test(w))
    ) {
      return prefix.indexOf(whole);
    }
  }
  return -1;
}

/** Skips the separator after the tag (`--`, `—`, `–`, `-`, `/`) and the spaces around it. */
function skipSeparator(text: string, from: number): number {
  let i = from;
  const limit = Math.min(text.length, from + 12);
  // `/` too: Accesswire writes `/ ACCESSWIRE / March 7, 2024 / Text`.
  while (i < limit && (isSepChar(text.charAt(i)) || text.charAt(i) === '/')) i++;
  return i;
}

/**
 * Finds the dateline in the first characters of `text`: a wire tag (`/PRNewswire/`,
 * `(BUSINESS WIRE)`, …) with the location and date written before it (or inside / after it, per
 * wire), then the separator. Without a wire tag, a tag-less `CITY, Month D, YYYY --` opening a
 * block is accepted too (wire null). `atBlockStart` says whether `text` is a whole block (then the
 * dateline may start it) or the tail of a flattened line.
 */
export function findDateline(text: string, atBlockStart = true): DatelineMatch | null {
  const tag = findWireTag(text, 4000);
  if (tag) return fromTag(text, tag, atBlockStart);
  return tagless(text);
}

function fromTag(text: string, tag: NonNullable<ReturnType<typeof findWireTag>>, atBlockStart: boolean): DatelineMatch {
  // The prefix is the same line up to the tag, minus a Business Wire style `--` and spaces.
  const lineStart = text.lastIndexOf('\n', tag.start) + 1;
  const windowStart = Math.max(lineStart, tag.start - 300);
  let prefixEnd = tag.start;
  while (prefixEnd > windowStart && isSepChar(text.charAt(prefixEnd - 1))) prefixEnd--;
  const prefix = text.slice(windowStart, prefixEnd);

  let date: string | null = null;
  let locEnd = prefix.length;
  let end = tag.end;
  if (tag.rule.date === 'before') {
    const found = dateAtEnd(prefix);
    if (found) {
      date = found.iso;
      locEnd = found.start;
    }
  } else if (tag.rule.date === 'inside') {
    date = tag.dateInTag ? parseWrittenDate(tag.dateInTag) : null;
  } else if (tag.rule.date === 'after') {
    const after = /^ ?([A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}) ?\/?/.exec(text.slice(tag.end, tag.end + 40));
    if (after?.[1]) {
      date = parseWrittenDate(after[1]);
      end = tag.end + after[0].replace(/ ?\/?$/, '').length;
    }
  }
  let locText = prefix.slice(0, locEnd);
  // Trailing `, ` between location and date.
  let trim = locText.length;
  while (
    trim > 0 &&
    (locText.charAt(trim - 1) === ',' || locText.charAt(trim - 1) === ' ' || isSepChar(locText.charAt(trim - 1)))
  )
    trim--;
  locText = locText.slice(0, trim);
  const blockStart = atBlockStart && windowStart === lineStart;
  const relStart = locText ? locationStart(locText, blockStart && !/\S/.test(text.slice(lineStart, windowStart))) : -1;
  const location = relStart >= 0 ? locText.slice(relStart).trim() || null : null;
  const start =
    windowStart + (relStart >= 0 ? relStart : location === null && locEnd < prefix.length ? locEnd : prefix.length);
  const datelineText = text.slice(start, end).trim();
  return {
    dateline: { text: datelineText, location, date },
    wire: tag.wire,
    start,
    bodyStart: skipSeparator(text, end),
  };
}

const TAGLESS =
  /^([\p{Lu}][\p{Lu}\d.'’& -]{1,40}(?:, ?[\p{Lu}][\p{L}.'’ -]{1,30}){0,3}), ([A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}) ?(?:--|—|–|-) ?/u;

function tagless(text: string): DatelineMatch | null {
  const m = TAGLESS.exec(text.slice(0, 200));
  if (!m?.[1] || !m[2]) return null;
  const location = m[1].trim();
  const written = m[2];
  return {
    dateline: { text: `${location}, ${written}`, location, date: parseWrittenDate(written) },
    wire: null,
    start: 0,
    bodyStart: m[0].length,
  };
}

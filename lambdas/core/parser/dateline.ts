import type { Dateline, Wire } from '../record';
import { dateAtEnd, dateAtStart, monthNumber, parseWrittenDate } from './dates';
import { isKnownCity, isKnownRegionOrCountry } from './places';
import { findWireTag, type WireMatch } from './wires';

export interface DatelineMatch {
  dateline: Dateline;
  wire: Wire | null;
  /** Offset in the searched text where the dateline starts (text before it is headline / navigation). */
  start: number;
  /** Offset of the first character after the separator: where the body starts. */
  bodyStart: number;
  /** The issuer a tag-less dateline credits after its date (`City, Region - Month D, YYYY / Acme Inc. /`). */
  issuer?: string;
}

/** A word of a dateline city written in capitals (`SAN`, `ST.`, `XI'AN`, `&`). */
const CAPS_WORD = /^(?:[\p{Lu}\d][\p{Lu}\d.'’-]*(?:\/[\p{Lu}\d][\p{Lu}\d.'’-]*)*|&|and|AND|\/)$/u;
const CONNECTOR = /^(?:&|and|AND|\/|et|y|und)$/;
/** A region / country qualifier after the city (`Texas`, `Calif.`, `N.J.`, `Israel`, `United Kingdom`). */
const QUALIFIER = /^[\p{Lu}][\p{L}.'’ -]{0,40}$/u;
/** Words that open a line of page chrome, never a dateline location. */
const NOT_A_PLACE =
  /^(?:Published|Updated|Last updated|Posted|Date|Dated|Released|Issued|Press Release|News Release|News|Home|By|Source|Contact|For Immediate Release|Immediate Release|For Release|Embargoed|Embargo|When|Where|What|Who|Time|Venue|Location|Event)\b/i;
/** Words that start multi-word city names (`San Jose`, `Fort Worth`, `St. Louis`). */
const CITY_LEAD = new Set(
  (
    'San Santa Santo Los Las New Fort Ft. Port Mount Mt. St. Saint Ste. El La Le Les North South East West Palo ' +
    'Salt Sault Grand Cape Del Des Baton Rio Sao São Kuala Hong Tel Abu Ho Buenos Cedar Boca Ann Beverly Palm ' +
    'Long Jersey Oklahoma Kansas Costa Coral Bowling Great Little Round Menlo Redwood Mountain Sioux Park ' +
    'Playa Ciudad Den Hamilton Thousand Winter Silver Glen Grand Deer Rancho Chapel Woodland Virginia Daly'
  ).split(' '),
);

/** A weekday written before a dateline's date (`Monday Dec 18, 2023`, `Tuesday, March 5, 2024`). */
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const WEEKDAY_BEFORE_DATE = new RegExp(`^${WEEKDAY},? `);
/** A weekday left at the end of the place part (`Charlotte, NC, Tuesday` before `Dec 9, 2025`). */
const WEEKDAY_AT_END = new RegExp(`,? ?${WEEKDAY},? ?$`);
/** A time of day (and its zone) written after a dateline's date (`@ 10:10 AM America/Chicago`, `at 9:00 a.m. ET`). */
const TIME_AFTER_DATE = /^,? ?(?:@ |at )?\d{1,2}:\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Za-z][A-Za-z_/]{0,40})?/;

/** A time of day (and its zone) ending a dateline's text (`… 2025 at 9:00 AM ET`, `… 2025, 10:10 a.m.`). */
const TIME_AT_END = /,? (?:@ |at )?\d{1,2}:\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{1,4})?$/;

/** A short tag in parentheses ending a dateline's text after its date's year (`… 2025 (Acme Wire)`). */
const TAG_AT_END = /(?<=\d{4}) ?\((?=[^()\n]{2,40}\)$)\p{Lu}?[^()\n]{1,39}\)$/u;

/** Characters that separate the dateline from the body (and from a Business Wire tag). */
function isSepChar(c: string): boolean {
  return c === '-' || c === '—' || c === '–' || c === ' ' || c === ':';
}

/** Start (in `tokens`) of the city written in mixed case just before the qualifiers. */
function mixedCaseCity(tokens: string[]): number {
  let n = tokens.length;
  while (n > 0 && tokens[n - 1] === '') n--;
  const capital = (t: string | undefined) => !!t && /^[\p{Lu}]/u.test(t);
  if (!capital(tokens[n - 1])) return -1;
  for (const len of [3, 2]) {
    if (n - len < 0) continue;
    const words = tokens.slice(n - len, n);
    if (words.every(capital) && isKnownCity(words.join(' '))) return n - len;
  }
  if (n >= 2 && CITY_LEAD.has(tokens[n - 2] ?? '')) return n - 2;
  return n - 1;
}

/**
 * Where the location starts in `prefix` (the text before the date, or before the tag), or -1.
 * Works leftwards: trailing comma-separated qualifiers, then the city written in capitals. When the
 * dateline opens the block (`Austin, Texas, …`), a mixed-case city is accepted as well; in the
 * middle of a line (a headline glued to it) a mixed-case city is taken only with a known qualifier.
 */
function locationStart(prefix: string, atBlockStart: boolean): number {
  const parts = prefix.split(',');
  let i = parts.length - 1;
  // Qualifiers (at most three) to the right of the city.
  let qualifiers = 0;
  let knownQualifier = false;
  while (i > 0 && qualifiers < 3 && (QUALIFIER.test((parts[i] ?? '').trim()) || lowerRegion(parts[i], atBlockStart))) {
    knownQualifier ||= isKnownRegionOrCountry((parts[i] ?? '').trim());
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
    if (!CAPS_WORD.test(tok) || (!/\p{Lu}/u.test(tok) && !CONNECTOR.test(tok))) break;
    take = tokens.length - t;
  }
  // Do not start on a connector (`& TEL AVIV`), nor on a one-letter word (`A` ending a headline).
  while (take > 0 && CONNECTOR.test(tokens[tokens.length - take] ?? '')) take--;
  // An all-caps headline glued to the dateline (flattened text): `ACME WINS AWARD NEW YORK` → the
  // known city at its end. Runs joined by a connector (`SAN FRANCISCO & TEL AVIV`) are places, and
  // so are places joined by slashes, each of three words or fewer (`SAN DIEGO/HONG KONG`, `HONG KONG
  // SAR/SAN JOSE`); a headline before them is cut to the known city at the first one's end.
  const run = tokens.slice(tokens.length - take);
  const joined = run.join(' ').split('/');
  const firstPlace = (joined[0] ?? '').split(' ');
  const slashed = joined.length > 1 && joined.slice(1).every((p) => p.split(' ').length <= 3);
  if (take >= 3 && !run.some((t) => CONNECTOR.test(t)) && !isKnownCity(run.join(' '))) {
    if (slashed && firstPlace.length <= 3) {
      // (kept whole)
    } else if (slashed) {
      for (const len of [3, 2, 1]) {
        if (isKnownCity(firstPlace.slice(-len).join(' '))) {
          take -= firstPlace.length - len;
          break;
        }
      }
    } else {
      for (const len of [3, 2, 1]) {
        if (isKnownCity(run.slice(-len).join(' '))) {
          take = len;
          break;
        }
      }
    }
  }
  // `Victoria BC, Canada (Acme Wire) …` at a line's start: a city in title case before its state or
  // province code with no comma between them is the place's too.
  const code = tokens[tokens.length - 1] ?? '';
  if (take === 1 && atBlockStart && /^[A-Z]{2}$/.test(code) && isKnownRegionOrCountry(code)) {
    const city = tokens.slice(0, -1);
    if (city.length >= 1 && city.length <= 3 && city.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t))) take = tokens.length;
  }
  if (take > 0) {
    const cityText = tokens.slice(tokens.length - take).join(' ');
    // (a legend in capitals before the date is no place: `FOR IMMEDIATE RELEASE - JUNE 15, 2026`)
    if (NOT_A_PLACE.test(cityText)) return -1;
    return offsetOfPart + cityPart.lastIndexOf(cityText);
  }
  const whole = prefix.trim();
  if (atBlockStart) {
    const words = whole.split(/[ ,]+/).filter(Boolean);
    const cityWords = cityPart.trim().split(' ').filter(Boolean);
    if (
      words.length > 0 &&
      words.length <= 8 &&
      (cityWords.length <= 3 || isKnownCity(cityPart)) &&
      !NOT_A_PLACE.test(whole) &&
      words.every((w) => /^[\p{Lu}\p{Lo}]/u.test(w) || /^(?:de|del|of|la|le|and|&|et|y|upon|on|am|im|an|der)$/.test(w))
    ) {
      return prefix.indexOf(whole);
    }
  }
  if (knownQualifier) {
    const start = mixedCaseCity(tokens);
    if (start >= 0) {
      const cityText = tokens.slice(start).join(' ').trim();
      if (cityText) return offsetOfPart + cityPart.lastIndexOf(cityText);
    }
    // The city typed in lower case before a known region (`denton, Texas`, `las vegas, United
    // States`), where the dateline opens its block and the city is all of the text before it.
    // Also with some of its words capitalized (`Santa clara, CA`, `Fort lauderdale, FL`).
    if (atBlockStart && i === 0 && LOWER_CITY.test(cityPart.trim().toLowerCase()))
      return prefix.indexOf(cityPart.trim());
  }
  return -1;
}

/** A lead of sentences: twelve words or more, some of them in lower case, then a sentence end. */
const LEAD_OF_SENTENCES = /^(?=(?:\S+\s+){11}\S)(?=(?:[^.!?]*\s\p{Ll}){4})[^\n]*?[a-z0-9)”"’][.!?](?:\s|$)/u;

/** One to three words in lower case that are no function words: a city typed in lower case. */
const LOWER_CITY =
  /^(?!(?:the|a|an|in|on|at|of|for|and|to|from|by|with|our|its|this|that|today|here|there)\b)\p{Ll}[\p{Ll}'’-]+(?: (?!(?:the|and|of|to|for|with|today)\b)\p{Ll}[\p{Ll}'’-]+){0,2}$/u;

/**
 * A state, province or country written out in lower case after the city (`Dallas, texas`, `Austin,
 * new mexico`), as some submitters type it: a qualifier only where the dateline opens the block, and
 * only a full name (four letters or more, so no code that is also a word: `in`, `or`, `me`).
 */
function lowerRegion(part: string | undefined, atBlockStart: boolean): boolean {
  const p = (part ?? '').trim();
  return atBlockStart && /^(?=[\p{Ll} ]{4})\p{Ll}+(?: \p{Ll}+)*$/u.test(p) && isKnownRegionOrCountry(p);
}

/** Skips the separator after the dateline (`--`, `—`, `–`, `-`, `/`, `:`) and the spaces around it. */
function skipSeparator(text: string, from: number): number {
  let i = from;
  const limit = Math.min(text.length, from + 12);
  // `/` too: Accesswire writes `/ ACCESSWIRE / March 7, 2024 / Text`.
  while (i < limit && (isSepChar(text.charAt(i)) || text.charAt(i) === '/' || text.charAt(i) === '|')) i++;
  return i;
}

/** Trims spaces, commas, dashes, slashes and an opening parenthesis from the end of a location (`BOULDER, CO / March 30, 2026`). */
function trimLocationEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (isSepChar(s.charAt(end - 1)) || /[,(/|]/.test(s.charAt(end - 1)))) end--;
  return s.slice(0, end);
}

/** A separator right after `from` (so a date there closes the dateline rather than opening the lead). */
function separatorFollows(text: string, from: number): boolean {
  return /^ ?(?:--|[-–—/|:])/.test(text.slice(from, from + 4)) || from >= text.length;
}

/**
 * Finds the dateline in the first characters of `text`: a wire tag (`/PRNewswire/`,
 * `(BUSINESS WIRE)`, …) with the location and date written before it, inside it or after it,
 * then the separator. Without a wire tag, a tag-less `CITY, Month D, YYYY --` opening a block is
 * accepted too (wire null). `atBlockStart` says whether `text` is a whole block (then the dateline
 * may start it) or the tail of a flattened line.
 */
export function findDateline(text: string, atBlockStart = true): DatelineMatch | null {
  return findTaggedDateline(text, atBlockStart) ?? tagless(text);
}

/**
 * What findDateline finds with a wire tag (`wire` never null), or null: findDateline is this, else
 * the tag-less dateline (`wire` null; taglessDateline). Apart for a caller that looks for the
 * tagged kind first over many blocks and then for the other over the same ones, so that neither
 * half is read twice.
 */
export function findTaggedDateline(text: string, atBlockStart = true): DatelineMatch | null {
  const tag = findWireTag(text, 4000);
  if (tag) return fromTag(text, tag, atBlockStart);
  // A feed excerpt cut off inside the tag (`Calgary, Alberta--(Newsfile Corp. - August 14, 20...`):
  // the tag closed where the cut is.
  if (/(?:\.{3}|…)\s*$/.test(text)) {
    const closed = text.replace(/\s*(?:\.{3}|…)\s*$/, ')');
    const cut = findWireTag(closed, 4000);
    if (cut && cut.end === closed.length) {
      const m = fromTag(closed, { ...cut, dateInTag: null }, atBlockStart);
      return { ...m, dateline: { ...m.dateline, text: text.slice(m.start).trim() }, bodyStart: text.length };
    }
  }
  // Cut inside the tag's name (`Calgary, Alberta--(Newsf...`): the wire whose tag the cut begins.
  const partial = PARTIAL_TAG.exec(text);
  const whole = partial?.[1]
    ? CUT_TAGS.find((t) => t.toLowerCase().startsWith(partial[1]?.toLowerCase() ?? ''))
    : undefined;
  if (partial && whole) {
    const closed = `${text.slice(0, partial.index + partial[0].indexOf('(') + 1)}${whole})`;
    const cut = findWireTag(closed, 4000);
    if (cut && cut.end === closed.length) {
      const m = fromTag(closed, { ...cut, dateInTag: null }, atBlockStart);
      return { ...m, dateline: { ...m.dateline, text: text.slice(m.start).trim() }, bodyStart: text.length };
    }
  }
  return null;
}

/** findDateline's tag-less dateline (`CITY, Month D, YYYY --`) of a text in which findTaggedDateline finds none. */
export function taglessDateline(text: string): DatelineMatch | null {
  return tagless(text);
}

/** A month, a day and a year of the wrong length at the end of a dateline's prefix (`November 17, 20225`). */
const BROKEN_DATE_AT_END = /(?<=^|[\s,])(\p{Lu}\p{L}{2,8})\.? \d{1,2}(?:st|nd|rd|th)?,? (?:\d{5,6}|\d{3})[\s,]*$/u;

/** A wire tag cut off after its first letters at the end of a feed excerpt (`--(Newsf...`). */
const PARTIAL_TAG = /(?:--|[-–—]) ?\(([A-Za-z][A-Za-z .]{2,30}?)(?:\.{3}|…)\s*$/;
/** The tags a cut may begin, as the wires write them inside parentheses. */
const CUT_TAGS = ['Newsfile Corp.', 'BUSINESS WIRE', 'GLOBE NEWSWIRE', 'Marketwired', 'ACCESSWIRE'];

function fromTag(text: string, tag: WireMatch, atBlockStart: boolean): DatelineMatch {
  // The prefix is the same line up to the tag, minus a Business Wire style `--` and spaces.
  const lineStart = text.lastIndexOf('\n', tag.start) + 1;
  const windowStart = Math.max(lineStart, tag.start - 300);
  let prefixEnd = tag.start;
  while (prefixEnd > windowStart && (isSepChar(text.charAt(prefixEnd - 1)) || text.charAt(prefixEnd - 1) === ','))
    prefixEnd--;
  const prefix = text.slice(windowStart, prefixEnd);

  let date: string | null = null;
  let locEnd = prefix.length;
  let end = tag.end;
  let dateStart: number | null = null;
  if (tag.dateInTag) {
    date = parseWrittenDate(tag.dateInTag);
  } else {
    const before = dateAtEnd(prefix);
    if (before) {
      date = before.iso;
      locEnd = before.start;
      dateStart = before.start;
    } else {
      // A date whose year a typo broke (`MIAMI, FL — November 17, 20225 — (ACME NEWSWIRE) —`): the
      // date's words, no date; the place before them is still the dateline's.
      const broken = BROKEN_DATE_AT_END.exec(prefix);
      if (broken?.[1] && monthNumber(broken[1]) !== null) locEnd = broken.index;
      // The date after the tag (`/ ACCESSWIRE / March 7, 2024 /`, `(PRWEB) March 7, 2024 --`), only
      // when a separator closes it: a date in the lead's first sentence is not the dateline's.
      let from = tag.end;
      while (from < text.length && from < tag.end + 6 && /[\s/\-–—]/.test(text.charAt(from))) from++;
      // A weekday may open it and a time of day close it (`(Newsworthy.ai) Monday Dec 18, 2023 @
      // 10:10 AM America/Chicago —`).
      from += WEEKDAY_BEFORE_DATE.exec(text.slice(from, from + 12))?.[0].length ?? 0;
      const after = dateAtStart(text.slice(from, from + 60));
      const timeLength = after
        ? (TIME_AFTER_DATE.exec(text.slice(from + after.end, from + after.end + 60))?.[0].length ?? 0)
        : 0;
      if (after && separatorFollows(text, from + after.end + timeLength)) {
        date = after.iso;
        end = from + after.end + timeLength;
      }
    }
  }
  // A second tag of the wire right after the first (`--(BUSINESS WIRE)--(ビジネスワイヤ)`) belongs to the dateline.
  if (end === tag.end) {
    let from = end;
    while (from < text.length && from < end + 4 && isSepChar(text.charAt(from))) from++;
    const second = findWireTag(text.slice(from, from + 60), 60);
    if (second && second.start === 0 && second.wire.name === tag.wire.name) end = from + second.end;
  }
  // A distributor's own tag after the wire's (`(GLOBE NEWSWIRE) – PRISM MediaWire (…) –`): part of
  // the dateline, not the lead; the first tag names the wire.
  {
    const tail = text.slice(end, end + 200);
    const other = findWireTag(tail, 200);
    if (
      other &&
      other.start <= 4 &&
      /^[\s\-–—]*$/.test(tail.slice(0, other.start)) &&
      other.wire.name !== tag.wire.name
    )
      end += other.end;
  }
  // `CUPERTINO, CA, Friday, May 1, 2026 – …`: the weekday before the date is the date's, not the place's.
  const locText = trimLocationEnd(prefix.slice(0, locEnd).replace(WEEKDAY_AT_END, ''));
  const blockStart = atBlockStart && windowStart === lineStart;
  let relStart = locText ? locationStart(locText, blockStart) : -1;
  // Several places, each with its qualifiers (`SAN JOSE, Calif. & AUSTIN, Texas`): go on leftwards
  // across the connector while the text before it is a place too.
  for (let hop = 0; hop < 3 && relStart > 0; hop++) {
    const conn = /(?:^|\s)(?:&|and|AND|et|y|und)\s$/.exec(locText.slice(Math.max(0, relStart - 6), relStart));
    if (!conn) break;
    const head = locText.slice(0, relStart - conn[0].length).replace(/\s+$/, '');
    const prev = head ? locationStart(head, blockStart) : -1;
    if (prev < 0) break;
    relStart = prev;
  }
  let location = relStart >= 0 ? locText.slice(relStart).trim() || null : null;
  const start = windowStart + (relStart >= 0 ? relStart : (dateStart ?? prefix.length));
  let bodyStart = skipSeparator(text, end);
  // `(NewMediaWire) - June 1, 2025 - GLENDALE, CA – Text`: with nothing before the tag, the place
  // written after the tag's date and its own separator is the dateline's.
  if (!location && date && end > tag.end && !locText.trim()) {
    const next = text.slice(bodyStart, bodyStart + 700);
    const after = placeThenSeparator(next) ?? capitalCityThenSeparator(next);
    if (after) {
      location = after.location;
      end = bodyStart + after.location.length;
      bodyStart += after.length;
    }
  }
  const datelineText = text.slice(start, end).trim();
  // `/ ACCESSWIRE / September 26, 2023 / Acme Energy / Text`: the issuer credited between slashes
  // after a date closed by a slash (as 3BL's releases through Accesswire are written).
  // With the closing slash lost and the spaces collapsed (a page, hard-wrapped copy), the name ends
  // where the text restarts with its first word: `/ Acme Energy Acme's plant…`.
  const credit =
    text.charAt(bodyStart - 2) === '/'
      ? (CREDIT_AFTER_DATE.exec(text.slice(bodyStart, bodyStart + 120)) ??
        CREDIT_RESTARTED.exec(text.slice(bodyStart, bodyStart + 120)))
      : null;
  const issuer = credit?.[1] && credit[1].split(' ').length <= 8 ? credit[1] : null;
  return {
    dateline: { text: datelineText || tag.wire.tag, location, date },
    wire: tag.wire,
    start: Math.min(start, tag.start),
    bodyStart: issuer && credit ? skipSeparator(text, bodyStart + credit[0].length) : bodyStart,
    ...(issuer ? { issuer } : {}),
  };
}

/** A tag-less dateline: `CITY[, REGION…], DATE --` opening the block (a date with its year is required). */
function tagless(text: string): DatelineMatch | null {
  const head = text.slice(0, 200);
  const bracketed = bracketedDateline(head);
  if (bracketed) return bracketed;
  const dateFirst = dateFirstDateline(head);
  if (dateFirst) return dateFirst;
  const inParens = parenthesizedDate(head);
  if (inParens) return inParens;
  const alone = datelineAlone(text);
  if (alone) return alone;
  // (a double dash may be written with a space inside it: `Las Vegas, 16 May 2025 - - Text`)
  const sep = /(?: ?[-–—]{1,2}(?: [-–—]{1,2}(?= ))? ?| ?[/|:] ?)/g;
  for (const m of head.matchAll(sep)) {
    const at = m.index ?? 0;
    if (at < 8) continue;
    // A time of day after the date is the dateline's (`DAYTON, Ohio, May 5, 2025 at 9:00 AM ET --`).
    // So is a distributor's tag in parentheses right after the date (`May 5, 2025 (Acme Wire) --`).
    const before = head.slice(0, at).replace(TIME_AT_END, '').replace(TAG_AT_END, '');
    const found = dateAtEnd(before);
    if (!found?.iso || found.end !== trimLocationEnd(before).length) continue;
    let loc = trimLocationEnd(before.slice(0, found.start).replace(WEEKDAY_AT_END, ''));
    // `DAYTON, OH / ExampleWire / July 11, 2024 / Text`: a distributor's or issuer's slot between
    // slashes before a date closed by a slash (as PR Karma and Accesswire write theirs); the place
    // is before it. A slot that is itself a place (`SAN DIEGO / HONG KONG`) is not one.
    const slot = m[0].trim() === '/' ? NAME_SLOT_AT_END.exec(loc) : null;
    if (slot?.[1] && locationStart(loc, true) !== 0 && !looksPlaced(slot[1]))
      loc = trimLocationEnd(loc.slice(0, slot.index));
    if (!loc || loc.length > 80 || locationStart(loc, true) !== 0) continue;
    const location = loc.trim();
    // Without a wire tag, only what reads as a place: written in capitals, or with a known city,
    // state, province or country (`Austin, Texas`), never a word such as `On` or `Updated`.
    if (!looksPlaced(location)) continue;
    // `Washington, United States - March 24, 2025 / Acme Group of DC /`: a distributor's credit of the
    // issuer between slashes after the date.
    const credit =
      m[0].trim() === '/' ? CREDIT_AFTER_DATE.exec(text.slice(at + m[0].length, at + m[0].length + 120)) : null;
    // `Zug, Switzerland, April 10, 2024 – (Acme via SomeWire) -- Text`: a tag of a wire the table
    // does not know, in parentheses between separators, belongs to the dateline.
    const unknownTag = credit ? null : UNKNOWN_TAG.exec(text.slice(at + m[0].length, at + m[0].length + 90));
    return {
      dateline: { text: head.slice(0, found.end).trim(), location, date: found.iso },
      wire: null,
      start: 0,
      bodyStart: at + m[0].length + (credit?.[0].length ?? unknownTag?.[0].length ?? 0),
      ...(credit?.[1] ? { issuer: credit[1] } : {}),
    };
  }
  return stopClosedDateline(head) ?? dateOnlyDateline(head);
}

/** ` / Name` ending the text before a dateline's date: a slot of one to five words. */
const NAME_SLOT_AT_END = / \/ (\p{Lu}[\p{L}\d.&'’-]*(?: [\p{L}\d.&'’-]+){0,4})$/u;

/**
 * A tag-less dateline closed by a full stop or a comma instead of a dash (`DALLAS, TX, July 15,
 * 2026. Acme…`, `Los Angeles, California, July 4, 2025, As…`): a place, a date with its year, and a
 * capital opening the lead.
 */
function stopClosedDateline(head: string): DatelineMatch | null {
  const m = /^([^\n]{2,100}?\d{4})([.,]) (?=["“\p{Lu}])/u.exec(head);
  if (!m?.[1]) return null;
  const found = dateAtEnd(m[1]);
  if (!found?.iso || found.end !== m[1].length) return null;
  const loc = trimLocationEnd(m[1].slice(0, found.start).replace(WEEKDAY_AT_END, '')).trim();
  if (!loc || loc.length > 80 || locationStart(loc, true) !== 0 || !looksPlaced(loc)) return null;
  // Every word of the place capitalized: a lead's `In Austin, Texas, on July 15, 2026, Acme…` is prose.
  if (!loc.split(/[ ,]+/).every((w) => /^[\p{Lu}\d]/u.test(w))) return null;
  return {
    dateline: { text: m[1].trim(), location: loc, date: found.iso },
    wire: null,
    start: 0,
    bodyStart: m[0].length,
  };
}

/** A dateline's city opening a place, capitalized (it may be hyphenated: `Port-au-Prince`, `Winston-Salem`). */
const CITY_PART = String.raw`[\p{Lu}](?:[\p{L}.'’ ]|-(?=\p{L})){1,40}`;
/** A region or country after the city, set off by a comma (`, CA`, `, North Carolina`). */
const REGION_PART = String.raw`, ?[\p{Lu}][\p{L}.'’ ]{0,40}`;
/** A city and one or two regions, then a spaced dash and a capital (group 1 the place). */
const PLACE_THEN_DASH = new RegExp(String.raw`^(${CITY_PART}(?:${REGION_PART}){1,2}) (?:--|[-–—]) (?=["“\p{Lu}])`, 'u');

/**
 * A place and a dash opening `text` (`GLENDALE, CA – The wait…`): a city in capitals or a known
 * city, with a known region or country after it, then a spaced dash and a capital. Null otherwise.
 */
function placeThenSeparator(text: string): { location: string; length: number } | null {
  const m = PLACE_THEN_DASH.exec(text);
  if (!m?.[1]) return null;
  const location = m[1].trim();
  const parts = location.split(',').map((p) => p.trim());
  if (!parts.slice(1).every(isKnownRegionWithStop)) return null;
  if (locationStart(location, true) !== 0) return null;
  return { location, length: m[0].length };
}

/**
 * A city alone written in capitals, then a dash, after a wire tag's date (`(NewMediaWire) - May 30,
 * 2025 - DALLAS — Text`): one to three words in capitals; a city the place list knows, or one
 * before a lead of sentences (a word in capitals before a deck is no place).
 */
function capitalCityThenSeparator(text: string): { location: string; length: number } | null {
  const m = /^(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}) (?:--|[-–—]) (?=["“\p{Lu}])/u.exec(text);
  if (!m?.[1] || m[1].replace(/[^\p{Lu}]/gu, '').length < 3) return null;
  if (!isKnownCity(m[1]) && !LEAD_OF_SENTENCES.test(text.slice(m[0].length))) return null;
  return { location: m[1], length: m[0].length };
}

/**
 * A place-only dateline opening a paragraph near the top of a release with no dated dateline
 * (`STAMFORD, CT – Acme Communities has…`): the city in capitals and a known region or country;
 * a city in mixed case (`Winston-Salem, North Carolina – Acme, the…`) only before a lead of
 * sentences (a deck such as `Rome, Italy – A City Reborn` is not one). A day and month with no year
 * may follow the place (`Lyon, 3rd June – …`, `Lyon, France, June 3 – …`): the place is read, the
 * date is not (no year).
 */
export function placeOnlyDateline(text: string): DatelineMatch | null {
  const found = placeThenSeparator(text) ?? placeThenYearlessDate(text) ?? knownCityThenSeparator(text);
  if (!found) return null;
  // A month and year with a dash of their own after the place (`LOS ANGELES, CA – July 2026 – Acme…`)
  // are the dateline's too; with no day, they give no date.
  const monthYear = MONTH_YEAR_THEN_DASH.exec(text.slice(found.length));
  const length = found.length + (monthYear && monthNumber(monthYear[1] ?? '') !== null ? monthYear[0].length : 0);
  const capitals = /^[\p{Lu}\d.'’&\- ]{3,}$/u.test(found.location.split(',')[0] ?? '');
  if (!capitals && !LEAD_OF_SENTENCES.test(text.slice(length, length + 600))) return null;
  return {
    dateline: { text: found.location, location: found.location, date: null },
    wire: null,
    start: 0,
    bodyStart: length,
  };
}

/**
 * A city the place list knows, alone, then a spaced dash, before a lead of sentences (`Panama City -
 * Acme Exchange, which…`); a city alone before anything else (`Paris – A City Reborn`) is no dateline.
 */
function knownCityThenSeparator(text: string): { location: string; length: number } | null {
  const m = new RegExp(String.raw`^(${CITY_PART}) (?:--|[-–—]) (?=["“\p{Lu}])`, 'u').exec(text);
  const location = m?.[1]?.trim() ?? '';
  if (!m || !isKnownCity(location) || locationStart(location, true) !== 0) return null;
  if (!LEAD_OF_SENTENCES.test(text.slice(m[0].length, m[0].length + 600))) return null;
  return { location, length: m[0].length };
}

/** `July 2026 – `, `JULY 2026 -- `: a month and a year, then a dash and the lead's capital. */
const MONTH_YEAR_THEN_DASH = /^(\p{Lu}\p{L}{2,8})\.? (?:19|20)\d{2} (?:--|[-–—]) (?=["“\p{Lu}])/u;

/** `Place, 3rd June – ` / `Place, June 3 – `: a place, a day and month with no year, a dash. */
const YEARLESS_DATELINE = new RegExp(
  String.raw`^(${CITY_PART}(?:${REGION_PART}){0,2}), ((\d{1,2})(?:st|nd|rd|th)? (\p{L}{3,10})\.?|(\p{L}{3,10})\.? (\d{1,2})(?:st|nd|rd|th)?) (?:--|[-–—]) (?=["“\p{Lu}])`,
  'u',
);

/** A place-only dateline with a yearless date after the place (see placeOnlyDateline): a known city, or a place ending in a known region or country. */
function placeThenYearlessDate(text: string): { location: string; length: number } | null {
  const m = YEARLESS_DATELINE.exec(text);
  if (!m?.[1]) return null;
  const month = monthNumber(m[4] ?? m[5] ?? '');
  const day = Number(m[3] ?? m[6]);
  if (month === null || !(day >= 1 && day <= 31)) return null;
  const location = m[1].trim();
  const parts = location.split(',').map((p) => p.trim());
  const placed = parts.length === 1 ? isKnownCity(location) : isKnownRegionWithStop(parts[parts.length - 1] ?? '');
  if (!placed || locationStart(location, true) !== 0) return null;
  return { location, length: m[0].length };
}

/**
 * A date with its year and no place opening the block, then a dash (`Feb. 27, 2024 -- The Acme
 * Protocol today announced…`): a dateline without a location. A lead opening with a date and a
 * comma (`March 7, 2024, was a record day`) is not one.
 */
function dateOnlyDateline(head: string): DatelineMatch | null {
  const date = dateAtStart(head);
  if (!date?.iso) return null;
  const sep = /^ ?(?:--|[–—]|-(?= )) ?(?=["“\p{Lu}\d])/u.exec(head.slice(date.end));
  if (!sep) return null;
  return {
    dateline: { text: head.slice(0, date.end).trim(), location: null, date: date.iso },
    wire: null,
    start: 0,
    bodyStart: date.end + sep[0].length,
  };
}

/** The dateline in square brackets: `[ North Vancouver, BC - May 1, 2024 ] - Text`. */
function bracketedDateline(head: string): DatelineMatch | null {
  const m = /^\[ ?([^[\]\n]{6,100}?) ?\] ?(?:(?:--|[-–—:|]) ?)?(?=\S)/.exec(head);
  if (!m?.[1]) return null;
  const inner = tagless(m[1]);
  if (!inner || inner.bodyStart < m[1].trimEnd().length) return null;
  return { ...inner, dateline: { ...inner.dateline, text: m[1].trim() }, start: 0, bodyStart: m[0].length };
}

/** `(Acme via SomeWire) --` right after a tag-less dateline's separator. */
const UNKNOWN_TAG = /^\([^()\n]{2,60}\) ?(?:--|[-–—]) ?(?=\S)/;

/** A name and a closing slash at the end of the dateline's line: `Acme Group of DC /` (also typed in lower case, `acme solar llc /`). */
const CREDIT_AFTER_DATE = /^([\p{L}\d][^/\n]{1,80}?) \/(?=\s|$)/u;
/**
 * A credited name the text after it opens with again, or with a first-person word: `Acme Energy
 * Acme's plant…`, `Acme Energy We opened…` (group 1 the name).
 */
const CREDIT_RESTARTED =
  /^((\p{Lu}[\p{L}\d&.-]*)(?: (?!(?:We|Our)\s)[\p{Lu}\d][\p{L}\d&.-]*){0,5}) (?=\2(?:['’]s)?\s|(?:We|Our)\s\p{Ll})/u;

/**
 * A second, date-less dateline opening the lead under the real one (`Sarasota, Florida - Acme, a
 * provider of…`, as some distributors repeat it): the length of `City, Region - ` to drop, or 0.
 * Only a city with a known region or country after it counts, or a known city alone.
 */
export function repeatedPlaceLength(lead: string): number {
  // A date left unfilled in parentheses may follow the place (`St. Louis, MO. (DATE, 2024) –`), or
  // a month and year (`JOHNSTON, R.I. - May 2026 -`).
  const m =
    /^([\p{Lu}][\p{L}.'’ ]{1,40}(?:, [\p{Lu}][\p{L}.'’ ]{1,40}){0,2})(?: \([^()\n]{1,30}\)| [-–—]{1,2} \p{Lu}\p{Ll}{2,8}\.? \d{4})? [-–—]{1,2} (?=\p{Lu})/u.exec(
      lead.slice(0, 120),
    );
  if (!m?.[1]) return 0;
  const parts = m[1].split(', ');
  // (a known city alone too, as the dateline's place is often repeated: `San Diego (For Release) - Acme…`)
  if (parts.length === 1) return isKnownCity(m[1]) ? m[0].length : 0;
  return parts.slice(1).every(isKnownRegionWithStop) ? m[0].length : 0;
}

/** A known region or country, also written with an abbreviation's full stop after it (`MO.`). */
function isKnownRegionWithStop(part: string): boolean {
  const p = part.trim();
  return isKnownRegionOrCountry(p) || isKnownRegionOrCountry(p.replace(/\.$/, ''));
}

/** Whether a tag-less location reads as a place: capitals, a known city, or a known region or country after it. */
function looksPlaced(location: string): boolean {
  const parts = location.split(',').map((p) => p.trim());
  return (
    /^[\p{Lu}\d.'’&\- ]{2,}$/u.test(parts[0] ?? '') ||
    isKnownCity(parts[0] ?? '') ||
    parts.slice(1).some((p) => isKnownRegionOrCountry(p)) ||
    // A country or region alone (`United States - November 17, 2025 -`), its name
    // written out in full, not a code that is also a word (`On`, `In`).
    (parts.length === 1 && /^\p{Lu}[\p{Ll}.]{3,}/u.test(parts[0] ?? '') && isKnownRegionOrCountry(parts[0] ?? ''))
  );
}

/**
 * The date in parentheses after the place, as older US releases write it: `NEW YORK (March 7,
 * 2024) - Text`, `Austin, Texas (Mar. 7, 2024) -- Text`.
 */
function parenthesizedDate(head: string): DatelineMatch | null {
  const open = head.indexOf(' (');
  if (open < 2 || open > 80) return null;
  const close = head.indexOf(')', open);
  if (close < 0 || close > open + 40) return null;
  const iso = parseWrittenDate(head.slice(open + 2, close).trim());
  const sep = /^ ?(?:--|[–—-]) ?/.exec(head.slice(close + 1));
  if (!iso || !sep) return null;
  // (a dash may stand between the place and the parenthesis: `DAYTON, OH – (March 7, 2024) – Text`)
  const location = trimLocationEnd(head.slice(0, open)).trim();
  if (!location || locationStart(location, true) !== 0 || !looksPlaced(location)) return null;
  return {
    dateline: { text: head.slice(0, close + 1).trim(), location, date: iso },
    wire: null,
    start: 0,
    bodyStart: close + 1 + sep[0].length,
  };
}

/** The date written before the place: `February 5, 2025, Burlingame, California — Text`, `March 7, 2024 -- NEW YORK -- Text`. */
function dateFirstDateline(head: string): DatelineMatch | null {
  const date = dateAtStart(head);
  if (!date?.iso || !/^(?:, ?| (?:--|[–—|-]) )/.test(head.slice(date.end))) return null;
  const sep = / (?:--|[–—|-]) /.exec(
    head
      .slice(date.end)
      .replace(/^ (?:--|[–—|-]) /, (m) => ' '.repeat(m.length))
      .slice(0, 90),
  );
  if (!sep) return commaCreditDateline(head, date);
  const locFrom = date.end + (/^(?:, ?| (?:--|[–—|-]) )/.exec(head.slice(date.end))?.[0].length ?? 0);
  const location = head.slice(locFrom, date.end + sep.index).trim();
  if (!location || location.split(' ').length > 8 || !looksPlaced(location) || locationStart(location, true) !== 0)
    return null;
  const end = date.end + sep.index + sep[0].length;
  return {
    dateline: { text: head.slice(0, date.end + sep.index).trim(), location, date: date.iso },
    wire: null,
    start: 0,
    bodyStart: end,
  };
}

/**
 * The date, the place and a distributor's credit set off by commas (`March 3, 2025, New York, Acme
 * PR, Text`): the place a known city or one with a known region, the credit a few capitalized words
 * ending in PR, Newswire, Wire or Media.
 */
function commaCreditDateline(head: string, date: { end: number; iso: string | null }): DatelineMatch | null {
  const m =
    /^, ?([\p{Lu}][\p{L}.'’ ]{1,30}(?:, [\p{Lu}][\p{L}.'’ ]{1,30})?), ((?:[\p{Lu}][\p{L}\d.&'’-]*\s){0,4}(?:PR|Newswire|NewsWire|Wire|Media)), (?=["“\p{Lu}])/u.exec(
      head.slice(date.end),
    );
  const location = m?.[1]?.trim();
  if (!m || !location || !date.iso) return commaPlaceDateline(head, date);
  const parts = location.split(', ');
  if (!isKnownCity(parts[0] ?? '') && !parts.slice(1).some((p) => isKnownRegionOrCountry(p))) return null;
  return {
    dateline: { text: head.slice(0, date.end + m[0].length - 2).trim(), location, date: date.iso },
    wire: null,
    start: 0,
    bodyStart: date.end + m[0].length,
  };
}

/**
 * The date, then the place set off by commas with no credit (`December 3, 2025, Hangzhou, Zhejiang,
 * China, On…`): two or three capitalized parts, the last a known region or country, then a capital.
 */
function commaPlaceDateline(head: string, date: { end: number; iso: string | null }): DatelineMatch | null {
  const lead = /^, ?/.exec(head.slice(date.end));
  if (!lead || !date.iso) return null;
  const from = date.end + lead[0].length;
  const parts = head.slice(from).split(', ', 4);
  for (const k of [3, 2]) {
    const place = parts.slice(0, k);
    if (place.length < k || parts.length <= k) continue;
    if (!place.every((p) => /^\p{Lu}[\p{L}.'’ ]{1,30}$/u.test(p))) continue;
    if (!isKnownRegionOrCountry(place[k - 1] ?? '') || !/^["“\p{Lu}]/u.test(parts[k] ?? '')) continue;
    const location = place.join(', ');
    return {
      dateline: { text: head.slice(0, from + location.length).trim(), location, date: date.iso },
      wire: null,
      start: 0,
      bodyStart: from + location.length + 2,
    };
  }
  return null;
}

/** A release legend written before a date (`FOR IMMEDIATE RELEASE`, `For release`, `Embargoed`). */
const RELEASE_LEGEND = /^(?:(?:for )?(?:immediate )?release|(?:press|news) release|embargoed)[\s:.,–—-]*$/i;

/** A dateline that is a whole line by itself: `Charlotte, NC, Tuesday Dec 9, 2025` (the line break is its separator). */
function datelineAlone(text: string): DatelineMatch | null {
  const line = text.trim();
  if (line.length > 100 || line.includes('\n')) return null;
  const found = dateAtEnd(line);
  if (!found?.iso || found.end !== line.length) return null;
  const loc = trimLocationEnd(line.slice(0, found.start).replace(WEEKDAY_AT_END, ''));
  // A release legend before the date (`FOR IMMEDIATE RELEASE - JUNE 15, 2026`): the date, no place.
  const legend = !!loc && RELEASE_LEGEND.test(loc.trim());
  if (!legend && (!loc || loc.length > 80 || locationStart(loc, true) !== 0 || !looksPlaced(loc.trim()))) return null;
  return {
    dateline: { text: line, location: legend ? null : loc.trim(), date: found.iso },
    wire: null,
    start: 0,
    bodyStart: text.length,
  };
}

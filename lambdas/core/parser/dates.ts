/**
 * Dates as wires write them: dateline dates (`March 7, 2024`, `Jan. 5, 2025`, `Sept. 3`,
 * `7 March 2024`) and page / feed timestamps (`Mar 07, 2024, 03:00 ET`, RFC 822, ISO 8601).
 * A timestamp counts only with its zone: a wall-clock time without one is not turned into UTC.
 */
import { knownZoneOffsetMinutes } from '../timeZones';

/**
 * Month names as datelines write them, in the languages releases come in (en, fr, es, de, it, pt,
 * nl), with their usual abbreviations. Keys are lower-case without accents or a trailing dot.
 */
const MONTH_NAMES: readonly string[] = [
  'january jan janvier janv enero ene januar jaenner jan gennaio gen janeiro januari',
  'february feb fevrier fevr febrero februar febbraio fevereiro fev februari',
  'march mar mars marzo maerz marz mrz marco maart',
  'april apr avril avr abril abr aprile aprile',
  'may mai mayo maggio mag maio mei',
  'june jun juin junio juni giugno giu junho',
  'july jul juillet juil julio juli luglio lug julho',
  'august aug aout agosto ago augustus',
  'september sep sept septembre septiembre setiembre settembre set setembro',
  'october oct octobre octubre oktober okt ottobre ott outubro out',
  'november nov novembre noviembre novembre novembro',
  'december dec decembre diciembre dic dezember dez dicembre dezembro',
];
const MONTH_BY_NAME = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => {
  for (const n of names.split(' ')) if (!MONTH_BY_NAME.has(n)) MONTH_BY_NAME.set(n, i + 1);
});

function monthKey(word: string): string {
  return word.toLowerCase().replace(/\.$/, '').replace(/ä/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Month number 1–12 of a full or abbreviated month name (`Sept`, `Sep.`, `March`, `mars`, `März`), else null. */
export function monthNumber(word: string): number | null {
  const w = monthKey(word);
  if (w.length < 3) return null;
  return MONTH_BY_NAME.get(w) ?? MONTH_BY_NAME.get(w.replace(/ae/g, 'a')) ?? null;
}

/** `YYYY-MM-DD` when year/month/day make a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

export interface FoundDate {
  /** Offset in the searched string where the date starts (a leading article such as `le` included). */
  start: number;
  /** Offset just after the date. */
  end: number;
  /** ISO date, or null when the written date has no year or is not a real date. */
  iso: string | null;
}

// Each pattern has bounded quantifiers only; they run on a short window (≤ 60 characters).
const M = String.raw`(\p{L}{3,10})\.?`;
/**
 * `March 7, 2024`, `Sept. 3`, `MARCH 7`, `March 7th, 2024`, `March 07 2024`; a comma after the month
 * only when a year follows (`April, 16th 2026`, `April, 16, 2026`).
 */
const MDY = new RegExp(
  String.raw`${M}(?: |, (?=\d{1,2}(?:st|nd|rd|th)?,? ?\d{4}))(\d{1,2})(?:st|nd|rd|th)?(?:,? ?(\d{4}))?`,
  'u',
);
/** `7 March 2024`, `7. März 2024`, `le 7 mars 2024`, `7 de marzo de 2024`, `7 March`. */
const DMY = new RegExp(
  String.raw`(?:(?:le|el|den|am|il|o|a|on) )?(\d{1,2})(?:er|º|°|st|nd|rd|th)?\.? (?:de )?${M},? (?:(?:de|del) )?(\d{4})?`,
  'u',
);
const ISO = /(\d{4})-(\d{2})-(\d{2})/;
/** `2024年3月7日` (zh, ja), `2024년 3월 7일` (ko). */
const CJK = /(\d{4}) ?[年년] ?(\d{1,2}) ?[月월] ?(\d{1,2}) ?[日일]/;

type Reading = { index: number; length: number; iso: string | null };

/**
 * The anchored forms of each pattern, made at its first use: found by the expression itself, not
 * by a key built from its source at every call.
 */
const ANCHORED = new Map<RegExp, { start?: RegExp; end?: RegExp }>();

/** `re` anchored at the start, or at the end (after a space, comma or `(`, before an optional `)`). */
function anchored(re: RegExp, anchor: 'start' | 'end'): RegExp {
  let forms = ANCHORED.get(re);
  if (!forms) ANCHORED.set(re, (forms = {}));
  let out = forms[anchor];
  if (!out) {
    // A CJK date follows the city with no space (`北京2024年3月7日`).
    const boundary = re === CJK ? '' : String.raw`(?:^|[\s,(])`;
    const src = anchor === 'start' ? `^(?:${re.source})` : `${boundary}(?:${re.source})[)]?\\s?$`;
    out = new RegExp(src, re.flags);
    forms[anchor] = out;
  }
  return out;
}

function readAt(s: string, re: RegExp, anchor: 'start' | 'end'): Reading | null {
  const m = anchored(re, anchor).exec(s);
  if (!m) return null;
  let index = m.index;
  let text = m[0];
  if (anchor === 'end') {
    const lead = /^[\s,(]/.exec(text);
    if (lead && m.index + lead[0].length <= s.length) {
      index += lead[0].length;
      text = text.slice(lead[0].length);
    }
    text = text.replace(/[)]?\s?$/, '');
  }
  let iso: string | null;
  let ok: boolean;
  if (re === MDY) {
    const month = monthNumber(m[1] ?? '');
    ok = month !== null && Number(m[2]) <= 31;
    iso = ok && m[3] ? isoDate(Number(m[3]), month ?? 0, Number(m[2])) : null;
  } else if (re === DMY) {
    const month = monthNumber(m[2] ?? '');
    ok = month !== null && Number(m[1]) <= 31;
    iso = ok && m[3] ? isoDate(Number(m[3]), month ?? 0, Number(m[1])) : null;
  } else {
    ok = true;
    iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (!ok) return null;
  return { index, length: text.trimEnd().length, iso };
}

const PATTERNS = [MDY, DMY, ISO, CJK];

/**
 * The dateline date at the very end of `s` (`BEIJING, March 7, 2024` → March 7, 2024; `NEW YORK
 * (MARCH 7)` → no year). Only the last 60 characters are looked at, so it runs in constant time.
 */
export function dateAtEnd(s: string): FoundDate | null {
  const offset = Math.max(0, s.length - 60);
  const tail = s.slice(offset);
  for (const re of PATTERNS) {
    const r = readAt(tail, re, 'end');
    if (r) return { start: offset + r.index, end: offset + r.index + r.length, iso: r.iso };
  }
  return null;
}

/** A dateline date at the very start of `s` (a date written after the wire tag). */
export function dateAtStart(s: string): FoundDate | null {
  const head = s.slice(0, 60);
  for (const re of PATTERNS) {
    const r = readAt(head, re, 'start');
    if (r) return { start: 0, end: r.length, iso: r.iso };
  }
  return null;
}

/** A dateline date written on its own (`March 7, 2024`, as in a Newsfile or Accesswire tag). */
export function parseWrittenDate(s: string): string | null {
  const found = dateAtEnd(s.trim());
  return found?.iso ?? null;
}

/** Zone names written out (`Pacific Standard Time`, as Business Wire prints them) → abbreviation. */
const ZONE_NAMES: Record<string, string> = {
  'EASTERN STANDARD TIME': 'EST',
  'EASTERN DAYLIGHT TIME': 'EDT',
  'CENTRAL STANDARD TIME': 'CST',
  'CENTRAL DAYLIGHT TIME': 'CDT',
  'MOUNTAIN STANDARD TIME': 'MST',
  'MOUNTAIN DAYLIGHT TIME': 'MDT',
  'PACIFIC STANDARD TIME': 'PST',
  'PACIFIC DAYLIGHT TIME': 'PDT',
  'EASTERN TIME': 'ET',
  'CENTRAL TIME': 'CT',
  'MOUNTAIN TIME': 'MT',
  'PACIFIC TIME': 'PT',
  'GREENWICH MEAN TIME': 'GMT',
  'BRITISH SUMMER TIME': 'BST',
  'CENTRAL EUROPEAN TIME': 'CET',
  'CENTRAL EUROPEAN SUMMER TIME': 'CEST',
  'COORDINATED UNIVERSAL TIME': 'UTC',
  'JAPAN STANDARD TIME': 'JST',
};

const WIRE_TIMESTAMP =
  /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4}),?(?: at)? (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])\.?[Mm]\.?)? ?\(?([A-Z]{1,5})\)?$/;

/**
 * A page or feed timestamp with its zone, as UTC ISO-8601 (`Mar 07, 2024, 03:00 ET` →
 * `2024-03-07T08:00:00.000Z`; ISO 8601 with offset; RFC 822 `pubDate`). Null when the zone is
 * missing or unknown: a time without a zone is not a fact about an instant.
 */
export function parseTimestamp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 80) return null;
  if (/ Time$/i.test(s)) {
    const words = s.split(' ');
    for (const n of [4, 3, 2]) {
      const abbreviation = ZONE_NAMES[words.slice(-n).join(' ').toUpperCase()];
      if (abbreviation) {
        s = [...words.slice(0, -n), abbreviation].join(' ');
        break;
      }
    }
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    return toIso(Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
  }
  // RFC 822 / 1123 (`Thu, 07 Mar 2024 08:00:00 GMT`, `+0000`): Date.parse reads these reliably.
  const rfc =
    /^(?:[A-Za-z]{3},? )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([A-Z]{1,5}|[+-]\d{4})$/.exec(s);
  if (rfc) {
    const [, d, mon, y, hh, mm, ss, zone] = rfc;
    const month = monthNumber(mon ?? '');
    if (!month || !zone) return null;
    return wallClockToIso(Number(y), month, Number(d), Number(hh), Number(mm), Number(ss ?? 0), zone);
  }
  const wire = WIRE_TIMESTAMP.exec(s);
  if (wire) {
    const [, mon, d, y, hh, mm, ss, ampm, zone] = wire;
    const month = monthNumber(mon ?? '');
    if (!month || !zone) return null;
    let hour = Number(hh);
    if (ampm) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (/p/i.test(ampm) ? 12 : 0);
    }
    return wallClockToIso(Number(y), month, Number(d), hour, Number(mm), Number(ss ?? 0), zone);
  }
  return null;
}

function wallClockToIso(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: string,
): string | null {
  if (!isoDate(year, month, day) || hour > 23 || minute > 59 || second > 60) return null;
  const offset = knownZoneOffsetMinutes(zone, year, month, day, hour);
  if (offset === null) return null;
  return toIso(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000);
}

function toIso(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

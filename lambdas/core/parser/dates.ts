/**
 * Dates as wires write them: dateline dates (`March 7, 2024`, `Jan. 5, 2025`, `Sept. 3`,
 * `7 March 2024`) and page / feed timestamps (`Mar 07, 2024, 03:00 ET`, RFC 822, ISO 8601).
 * A timestamp counts only with its zone: a wall-clock time without one is not turned into UTC.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Month number 1–12 of a full or abbreviated English month name (`Sept`, `Sep.`, `March`), else null. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  if (w === 'sept') return 9;
  const i = MONTHS.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
  return i >= 0 ? i + 1 : null;
}

/** `YYYY-MM-DD` when year/month/day make a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

export interface FoundDate {
  /** Offset in the searched string where the date starts. */
  start: number;
  /** ISO date, or null when the written date has no year or is not a real date. */
  iso: string | null;
}

const MONTH_DAY_YEAR_END = /(?:^|[\s,(])([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?\s?$/;
const DAY_MONTH_YEAR_END = /(?:^|[\s,(])(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})\s?$/;

/**
 * The dateline date at the very end of `s` (`BEIJING, March 7, 2024` → March 7, 2024). Only the
 * last 40 characters are looked at, so the regexes run in constant time whatever the input.
 */
export function dateAtEnd(s: string): FoundDate | null {
  const offset = Math.max(0, s.length - 40);
  const tail = s.slice(offset);
  const mdy = MONTH_DAY_YEAR_END.exec(tail);
  if (mdy?.[1] && mdy[2]) {
    const month = monthNumber(mdy[1]);
    if (month) {
      const start = offset + mdy.index + mdy[0].indexOf(mdy[1]);
      const iso = mdy[3] ? isoDate(Number(mdy[3]), month, Number(mdy[2])) : null;
      return { start, iso };
    }
  }
  const dmy = DAY_MONTH_YEAR_END.exec(tail);
  if (dmy?.[1] && dmy[2] && dmy[3]) {
    const month = monthNumber(dmy[2]);
    if (month) {
      const start = offset + dmy.index + dmy[0].indexOf(dmy[1]);
      return { start, iso: isoDate(Number(dmy[3]), month, Number(dmy[1])) };
    }
  }
  return null;
}

/** A dateline date written on its own (`March 7, 2024`, as in a Newsfile or Accesswire tag). */
export function parseWrittenDate(s: string): string | null {
  const found = dateAtEnd(s.trim());
  return found?.iso ?? null;
}

/** Offsets in minutes east of UTC for fixed zone abbreviations seen on wire pages. */
const FIXED_ZONES: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  AEST: 600,
  AEDT: 660,
};

/** US zones written without S/D (`ET`, `PT`): standard offset, daylight time by the US rule. */
const US_ZONES: Record<string, number> = { ET: -300, CT: -360, MT: -420, PT: -480 };

/** Day of month of the n-th Sunday of a month (UTC calendar). */
function nthSunday(year: number, month: number, n: number): number {
  const firstDow = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstDow) % 7) + (n - 1) * 7;
}

/** Whether a US local wall-clock time is in daylight time (2007+ rule: 2nd Sunday March – 1st Sunday Nov, 2:00). */
function usDaylight(year: number, month: number, day: number, hour: number): boolean {
  if (month < 3 || month > 11) return false;
  if (month > 3 && month < 11) return true;
  if (month === 3) {
    const start = nthSunday(year, 3, 2);
    return day > start || (day === start && hour >= 2);
  }
  const end = nthSunday(year, 11, 1);
  return day < end || (day === end && hour < 2);
}

const WIRE_TIMESTAMP =
  /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4}),?(?: at)? (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])\.?[Mm]\.?)? ?\(?([A-Z]{1,5})\)?$/;

/**
 * A page or feed timestamp with its zone, as UTC ISO-8601 (`Mar 07, 2024, 03:00 ET` →
 * `2024-03-07T08:00:00.000Z`; ISO 8601 with offset; RFC 822 `pubDate`). Null when the zone is
 * missing or unknown: a time without a zone is not a fact about an instant.
 */
export function parseTimestamp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 80) return null;
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
  let offset: number | undefined;
  const numeric = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  if (numeric) offset = (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  else if (Object.hasOwn(US_ZONES, zone))
    offset = (US_ZONES[zone] ?? 0) + (usDaylight(year, month, day, hour) ? 60 : 0);
  else if (Object.hasOwn(FIXED_ZONES, zone)) offset = FIXED_ZONES[zone];
  if (offset === undefined) return null;
  return toIso(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000);
}

function toIso(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * Feed timestamps as feeds really write them, read to an ISO-8601 UTC instant or null.
 *
 * - RFC 822 / 1123 / 2822 (`pubDate`): optional day name (ignored, so a wrong one does not matter),
 *   `07 Mar 2024` or `7-Mar-24`, two-digit years (00–49 → 20xx, 50–99 → 19xx), missing seconds,
 *   fractional seconds, zones `GMT`/`UT`/`UTC`/`Z`, numeric (`+0530`, `+05:30`, `-5`), `GMT+8`,
 *   `UTC-05:00`, a time without its colon (`1500`), named zones (`EST`, `PDT`, `CET`, `IST`, `AEST`, … see ZONES) and the military
 *   letters (`A`…`M` east, `N`…`Y` west); US `ET`/`CT`/`MT`/`PT` follow the US daylight-saving rule.
 * - ISO 8601 / W3C-DTF (`dc:date`, Atom, JSON Feed): `2024`, `2024-03`, `2024-03-07`,
 *   `2024-03-07T08:00Z`, seconds and fractions, `+01:00` / `+0100`, a space instead of `T`, `2024/03/07`.
 * - Year-first with a name: `Fri, 2024/03/07 08:00:00 EDT`; Twitter's `Thu Mar 07 08:00:00 +0000 2024`.
 * - Month-first forms (`Mar 7, 2024 08:00 AM EST`, `Thursday, March 7, 2024 - 08:00`, JavaScript's `Thu Mar 07 2024 08:00:00 GMT+0100 (CET)`)
 *   and asctime (`Thu Mar  7 08:00:00 2024`).
 * - Month names in English and the common French, German, Spanish, Italian, Portuguese and Dutch
 *   abbreviations.
 *
 * Assumptions, stated once: a timestamp with **no zone** is read as **UTC**; an **unknown zone name**
 * is read as UTC too (the date is kept rather than lost); a date without a time is midnight UTC;
 * a partial W3C-DTF date is the first instant of its period. Anything else, an impossible calendar
 * date or a year outside 1900–2200 gives null — never "now".
 */
import { knownZoneOffsetMinutes } from '../timeZones';

const MONTHS: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const names: [number, string[]][] = [
    [1, ['january', 'jan', 'janv', 'janvier', 'januar', 'jän', 'ene', 'enero', 'gen', 'gennaio', 'janeiro', 'januari']],
    [
      2,
      [
        'february',
        'feb',
        'févr',
        'fevr',
        'février',
        'februar',
        'febrero',
        'febbraio',
        'fev',
        'fév',
        'fevereiro',
        'februari',
      ],
    ],
    [3, ['march', 'mar', 'mars', 'mär', 'märz', 'marz', 'marzo', 'março', 'marco', 'mrt', 'maart']],
    [4, ['april', 'apr', 'avr', 'avril', 'abr', 'abril', 'aprile']],
    [5, ['may', 'mai', 'mayo', 'mag', 'maggio', 'maio', 'mei']],
    [6, ['june', 'jun', 'juin', 'juni', 'junio', 'giu', 'giugno', 'junho']],
    [7, ['july', 'jul', 'juil', 'juillet', 'juli', 'julio', 'lug', 'luglio', 'julho']],
    [8, ['august', 'aug', 'août', 'aout', 'ago', 'agosto', 'augustus']],
    [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'set', 'settembre', 'setembro']],
    [10, ['october', 'oct', 'octobre', 'okt', 'oktober', 'octubre', 'ott', 'ottobre', 'out', 'outubro']],
    [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro']],
    [
      12,
      ['december', 'dec', 'déc', 'décembre', 'decembre', 'dez', 'dezember', 'dic', 'diciembre', 'dicembre', 'dezembro'],
    ],
  ];
  for (const [n, words] of names) for (const w of words) table[w] = n;
  return table;
})();

function monthOf(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

const WORD = '[A-Za-z\\u00C0-\\u017F]+';
const TIME = '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(?:\\s*([AaPp])\\.?[Mm]\\.?)?';
const ZONE = '([A-Za-z]{1,5}(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{1,2}(?::?\\d{2})?)';

/** `[Day,] 07 Mar 2024 [08:00[:00] [ZONE]]` and `07-Mar-24` (RFC 850). */
const DAY_FIRST = new RegExp(
  `^(?:${WORD}\\.?(?:,\\s*|\\s+))?(\\d{1,2})[\\s-]+(${WORD})\\.?,?[\\s-]+(\\d{4}|\\d{2})(?:,?(?:\\s+|T)${TIME})?(?:\\s*${ZONE})?$`,
);
/** `[Day,] Mar 7, 2024 [at 08:00 [AM]] [ZONE]`, also JavaScript's Date#toString. */
const MONTH_FIRST = new RegExp(
  `^(?:${WORD}\\.?(?:,\\s*|\\s+))?(${WORD})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:(?:,?\\s+(?:at\\s+)?|\\s+[-@|]\\s+)${TIME})?(?:\\s*${ZONE})?$`,
);
/** asctime: `Thu Mar  7 08:00:00 2024`. */
const ASCTIME = new RegExp(
  `^(?:${WORD}\\s+)?(${WORD})\\s+(\\d{1,2})\\s+${TIME}(?:\\s+${ZONE})?\\s+(\\d{4})(?:\\s*${ZONE})?$`,
);
/** Year first with a zone name or a day name: `Fri, 2006/09/15 08:19:53 EDT`. */
const YEAR_FIRST = new RegExp(
  `^(?:${WORD}\\.?,?\\s+)?(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:(?:T|\\s+)${TIME})?(?:\\s+${ZONE})?$`,
);
/** ISO 8601 / W3C-DTF, extended form, partial dates allowed. */
const ISO =
  /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT))?)?)?)?$/i;
/** ISO 8601 basic form: `20240307T080000Z`. */
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Reads a feed timestamp; null when it is not a readable date. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .trim()
    .replace(/\s*\([^()]{0,40}\)$/, '') // `… +0100 (CET)`
    .replace(/\bEtc\/(?=GMT|UTC)/i, '') // tz database names `Etc/GMT`, `Etc/UTC`
    .replace(/\s+/g, ' ')
    // `+0000 GMT`: a zone name after a numeric offset repeats it.
    .replace(/([+-]\d{2}:?\d{2}) [A-Za-z]{1,5}$/, '$1')
    // `03 Apr 02 1500 GMT` (RSS 0.91's own example): a time written without its colon.
    .replace(/^((?:[^\s\d]+\s)?\d{1,2}[\s-][^\s\d]+[\s-]\d{2,4}) (\d{2})(\d{2})(?= |$)/, '$1 $2:$3');
  if (!s || s.length > 80) return null;

  const basic = ISO_BASIC.exec(s);
  if (basic) {
    const [, y, mo, d, hh, mi, ss, zone] = basic;
    return build(Number(y), Number(mo), Number(d), Number(hh ?? 0), Number(mi ?? 0), Number(ss ?? 0), 0, zone);
  }
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, hh, mi, ss, frac, zone] = iso;
    const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
    return build(
      Number(y),
      Number(mo ?? 1),
      Number(d ?? 1),
      Number(hh ?? 0),
      Number(mi ?? 0),
      Number(ss ?? 0),
      ms,
      zone,
    );
  }
  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) {
    const [, d, mon, y, hh, mi, ss, ampm, zone] = dayFirst;
    return fromParts(y, mon, d, hh, mi, ss, ampm, zone);
  }
  const monthFirst = MONTH_FIRST.exec(s);
  if (monthFirst) {
    const [, mon, d, y, hh, mi, ss, ampm, zone] = monthFirst;
    return fromParts(y, mon, d, hh, mi, ss, ampm, zone);
  }
  const asctime = ASCTIME.exec(s);
  if (asctime) {
    const [, mon, d, hh, mi, ss, ampm, zoneBeforeYear, y, zoneAfterYear] = asctime;
    return fromParts(y, mon, d, hh, mi, ss, ampm, zoneBeforeYear ?? zoneAfterYear);
  }
  const yearFirst = YEAR_FIRST.exec(s);
  if (yearFirst) {
    const [, y, mo, d, hh, mi, ss, ampm, zone] = yearFirst;
    const hour = hour24(hh, ampm);
    if (hour === null) return null;
    return build(Number(y), Number(mo), Number(d), hour, Number(mi ?? 0), Number(ss ?? 0), 0, zone);
  }
  return null;
}

function fromParts(
  y: string | undefined,
  mon: string | undefined,
  d: string | undefined,
  hh: string | undefined,
  mi: string | undefined,
  ss: string | undefined,
  ampm: string | undefined,
  zone: string | undefined,
): string | null {
  const month = monthOf(mon ?? '');
  if (!month || !y) return null;
  let year = Number(y);
  if (y.length === 2) year += year < 50 ? 2000 : 1900;
  const hour = hour24(hh, ampm);
  if (hour === null) return null;
  return build(year, month, Number(d), hour, Number(mi ?? 0), Number(ss ?? 0), 0, zone);
}

/** The hour on a 24-hour clock, from `hh` and an optional `a`/`p` (AM/PM); null for `13 PM`. */
function hour24(hh: string | undefined, ampm: string | undefined): number | null {
  const hour = Number(hh ?? 0);
  if (!ampm) return hour;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (/p/i.test(ampm) ? 12 : 0);
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  zone: string | undefined,
): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  const check = new Date(local);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null; // Feb 30
  const offset = zoneOffsetMinutes(zone, year, month, day, hour);
  if (offset === null) return null;
  return new Date(local - offset * 60_000).toISOString();
}

/** Minutes east of UTC; 0 when there is no zone or an unknown name; null for an impossible offset. */
export function zoneOffsetMinutes(zone: string | undefined, year = 2000, month = 1, day = 1, hour = 0): number | null {
  const z = (zone ?? '').trim().toUpperCase();
  if (!z) return 0;
  const known = knownZoneOffsetMinutes(z, year, month, day, hour);
  if (known !== null) return known;
  if (/^(?:(?:GMT|UTC|UT)\s*)?[+-]\d/.test(z)) return null; // an impossible offset
  if (/^[A-IK-M]$/.test(z)) return (z.charCodeAt(0) - 64 - (z > 'J' ? 1 : 0)) * 60;
  if (/^[N-Y]$/.test(z)) return -(z.charCodeAt(0) - 77) * 60;
  return 0; // unknown zone name: read as UTC (documented above)
}

/**
 * Time-zone names as feeds and wire pages write them, shared by feed dates (core/feed/dates) and
 * page timestamps (core/parser/dates): fixed abbreviations, US zones written without standard /
 * daylight (`ET`, `PT`) with the US daylight-saving rule, and numeric offsets.
 */

/** Minutes east of UTC for zone names seen in feeds. Ambiguous names take their most common feed meaning. */
const ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  IST: 330, // India (the most frequent meaning in feeds)
  CET: 60,
  MET: 60,
  CEST: 120,
  MEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  SAST: 120,
  CAT: 120,
  EAT: 180,
  WAT: 60,
  PKT: 300,
  ICT: 420,
  WIB: 420,
  CST: -360, // US Central (China Standard Time feeds mostly write +0800)
  HKT: 480,
  SGT: 480,
  AWST: 480,
  PHT: 480,
  JST: 540,
  KST: 540,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  BRT: -180,
  ART: -180,
};

/** US zones written without standard/daylight: standard offset, daylight by the US rule. */
const US_ZONES: Readonly<Record<string, number>> = { AT: -240, ET: -300, CT: -360, MT: -420, PT: -480 };

/** Day of month of the n-th Sunday of a month. */
function nthSunday(year: number, month: number, n: number): number {
  const firstDow = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - firstDow) % 7) + (n - 1) * 7;
}

/** US daylight time (2007 rule: second Sunday of March to first Sunday of November, at 2:00 local). */
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

/**
 * Minutes east of UTC of a zone written as a name (`EST`, `CEST`, `ET`) or an offset (`+0530`,
 * `-05:00`, `GMT+8`), for a wall-clock time (the US rule needs the date); null when the zone is
 * not known or the offset is impossible.
 */
export function knownZoneOffsetMinutes(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
): number | null {
  const z = zone.trim().toUpperCase();
  const numeric = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (numeric) {
    const h = Number(numeric[2]);
    const m = Number(numeric[3] ?? 0);
    if (h > 14 || m > 59) return null;
    return (numeric[1] === '-' ? -1 : 1) * (h * 60 + m);
  }
  if (Object.hasOwn(ZONES, z)) return ZONES[z] ?? null;
  if (Object.hasOwn(US_ZONES, z)) return (US_ZONES[z] ?? 0) + (usDaylight(year, month, day, hour) ? 60 : 0);
  return null;
}

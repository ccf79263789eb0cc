/**
 * Index keys of the Articles table: pure functions shared by the DynamoDB adapter and anything that
 * needs to compute the same keys (queries, the CLI, migrations). No I/O. Records keep every name as
 * written; only the keys are normalized, so a user's spelling finds the release.
 */
import { normalizePlace } from './parser/places';

/** Legal-form words dropped from the end of an organization name ("holdings" is kept: it names a different entity). */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'ltd',
  'limited',
  'llc',
  'plc',
  'ag',
  'sa',
  'nv',
  'gmbh',
  'se',
  'bv',
  'ab',
  'oy',
  'asa',
  'spa',
  'lp',
  'llp',
  'pty',
  'pte',
]);

/** A domain name as an organization writes it (`chinadaily.com.cn`, `amazon.com`): labels and a 2+ letter TLD. */
const DOMAIN = /^[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;

/** Lower case, accents stripped. */
function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Normalizes an organization name for use as an index key, so spelling variants of the same issuer
 * meet in one partition: lower-case, accents stripped, `&` → `and`, apostrophes and the dots of
 * abbreviations joined (`O'Brien` → `obrien`, `S.A.` → `sa`), other punctuation dropped, whitespace
 * collapsed, trailing legal suffixes (`inc`, `corp`, `ltd`, `llc`, `plc`, `gmbh`, …) removed.
 * A word that is a domain name keeps its dots, so `chinadaily.com.cn` stays readable and distinct.
 * `Acme Robotics, Inc.` and `acme robotics inc` both give `acme robotics`.
 * Returns the empty string when nothing is left (the caller decides what to do then).
 */
export function organizationKey(name: string): string {
  const words = fold(name)
    .replace(/&/g, ' and ')
    .split(/[\s,;:()[\]{}"“”!?|/]+/u)
    .map((w) => w.replace(/^[.'’-]+|[.'’]+$/gu, ''))
    .flatMap((w) =>
      DOMAIN.test(w)
        ? [w]
        : w
            // Apostrophes and dots join (O'Brien → obrien, S.A → sa); other punctuation separates.
            .replace(/['’.]/g, '')
            .replace(/[^\p{L}\p{N}]+/gu, ' ')
            .split(' '),
    )
    .filter((w) => w !== '');
  // Drop suffixes from the end, but never the whole name ("Limited" alone stays "limited");
  // `Smith & Co.` loses the dangling "and" with its "co".
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) {
    words.pop();
    if (words.length > 1 && words[words.length - 1] === 'and') words.pop();
  }
  return words.join(' ');
}

/** The key of the bySource index: the normalized issuing organization. */
export const sourceKey = organizationKey;

/** Exchange tiers and spellings that name the same market, after upper-casing and removing spaces, dots, hyphens. */
const EXCHANGE_ALIASES: Record<string, string> = {
  NASDAQGS: 'NASDAQ',
  NASDAQGM: 'NASDAQ',
  NASDAQCM: 'NASDAQ',
  NYSEMKT: 'NYSEAMERICAN',
  NYSEAMEX: 'NYSEAMERICAN',
  AMEX: 'NYSEAMERICAN',
  TSXVENTURE: 'TSXV',
  OTCPK: 'OTCPINK',
};

/** The key of an exchange: upper-case, accents and spaces/dots/hyphens removed, tiers folded (`Nasdaq GS` → `NASDAQ`). */
export function exchangeKey(exchange: string): string {
  const k = fold(exchange)
    .toUpperCase()
    .replace(/[\s.\-_]+/g, '');
  return EXCHANGE_ALIASES[k] ?? k;
}

/**
 * The key of the byTicker index: `EXCHANGE:SYMBOL`. `(Nasdaq GS: abcd)` and `NASDAQ:ABCD` give
 * `NASDAQ:ABCD`; the symbol is upper-cased with whitespace removed and keeps its `.`/`-`/`/`
 * (`GIG.U` ≠ `GIG`).
 */
export function tickerKey(exchange: string, symbol: string): string {
  return `${exchangeKey(exchange)}:${symbol.toUpperCase().replace(/\s+/g, '')}`;
}

/**
 * A user's ticker (`NASDAQ:ABCD`, `nasdaq: abcd`, `Nasdaq GS:ABCD`) as its key, or null when it has
 * no exchange or no symbol (a bare symbol is ambiguous across exchanges and not indexed).
 */
export function parseTickerKey(text: string): string | null {
  const at = text.lastIndexOf(':');
  if (at < 0) return null;
  const exchange = exchangeKey(text.slice(0, at));
  const symbol = text
    .slice(at + 1)
    .toUpperCase()
    .replace(/\s+/g, '');
  return exchange && symbol ? `${exchange}:${symbol}` : null;
}

/** The key of the byCountry index: the ISO 3166 alpha-2 code, upper-case. */
export function countryKey(code: string): string {
  return code.trim().toUpperCase();
}

/** The key of the byCity index: lower-case, accents stripped, punctuation → one space (`St. Louis` → `st louis`). */
export function cityKey(city: string): string {
  return fold(city)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What a `--place` names: a country, a city anywhere, or a city within a country. */
export type PlaceFilter = { country: string; city?: undefined } | { city: string; country?: string };

/**
 * Reads a user's place: `CN` (two letters) or a country's name (`China`, `USA`) → the country;
 * `Beijing` → the city in any country;
 * `Beijing, CN` → the city within that country (two letters after the comma are always an ISO
 * country code); `Austin, Texas` or `Berlin, Germany` → the city within the country that the
 * parser's place tables give for the name (US states and Canadian provinces name their country).
 * Null when the text names no usable place (empty, or a qualifier the tables do not know).
 */
export function parsePlaceFilter(text: string): PlaceFilter | null {
  const trimmed = text.trim();
  if (/^\p{L}{2}$/u.test(trimmed)) return { country: countryKey(trimmed) };
  const comma = trimmed.indexOf(',');
  const city = cityKey(comma < 0 ? trimmed : trimmed.slice(0, comma));
  if (city === '') return null;
  if (comma < 0) {
    // A country's name (`China`, `USA`, `Singapore`) names the country; a state's name is a city's.
    const asQualifier = normalizePlace(`X, ${trimmed}`);
    return asQualifier?.country && !asQualifier.region ? { country: asQualifier.country } : { city };
  }
  const qualifier = trimmed.slice(comma + 1).trim();
  if (/^\p{L}{2}$/u.test(qualifier)) return { city, country: countryKey(qualifier) };
  const country = normalizePlace(trimmed)?.country ?? null;
  return country ? { city, country } : null;
}

/** The UTC day (`yyyy-mm-dd`, as written) of an ISO-8601 timestamp: the partition of byDay. Throws on anything else. */
export function dayKey(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`dayKey: not an ISO-8601 timestamp: ${JSON.stringify(iso)}`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** The sort key of every Articles index: `<iso>#<id>`, so reading an index backwards gives newest first. */
export function sortKey(iso: string, id: string): string {
  return `${iso}#${id}`;
}

/** The release id inside a sort key (`<iso>#<id>` → `<id>`); ISO timestamps contain no `#`. */
export function releaseIdOfSortKey(key: string): string {
  const at = key.indexOf('#');
  return at < 0 ? '' : key.slice(at + 1);
}

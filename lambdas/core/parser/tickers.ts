import type { Ticker } from '../record';

/**
 * Exchanges that appear in wire ticker parentheses. A `(Word: ABC)` is a ticker only when `Word`
 * is one of these, so `(Note: see below)` or `(Ref: A1)` never become tickers.
 */
const EXCHANGES = [
  'NASDAQ',
  'Nasdaq Stockholm',
  'Nasdaq Copenhagen',
  'Nasdaq Helsinki',
  'Nasdaq First North',
  'Nasdaq GS',
  'Nasdaq GM',
  'Nasdaq CM',
  'NYSE',
  'NYSE American',
  'NYSE Arca',
  'NYSEArca',
  'ARCA',
  'NYSE MKT',
  'NYSE Amex',
  'AMEX',
  'TSX',
  'TSXV',
  'TSX-V',
  'TSX Venture',
  'TSX.V',
  'CSE',
  'NEO',
  'Cboe',
  'Cboe Canada',
  'CBOE',
  'OTC',
  'OTCQB',
  'OTCQX',
  'OTC Pink',
  'OTCPK',
  'OTCBB',
  'OTC Markets',
  'LSE',
  'AIM',
  'LON',
  'ASX',
  'NZX',
  'HKEX',
  'HKSE',
  'SEHK',
  'HK',
  'SSE',
  'SZSE',
  'SGX',
  'TYO',
  'TSE',
  'KRX',
  'KOSDAQ',
  'NSE',
  'BSE',
  'TASE',
  'JSE',
  'SIX',
  'Euronext',
  'Euronext Paris',
  'Euronext Brussels',
  'Euronext Amsterdam',
  'Euronext Growth',
  'EPA',
  'FWB',
  'FSE',
  'ETR',
  'XETRA',
  'Frankfurt',
  'BMV',
  'B3',
  'BVL',
  'WSE',
  'OMX',
  'Oslo Børs',
  'OSE',
  'BME',
  'BMAD',
  'MCE',
  'FRA',
  'XFRA',
  'BIT',
  'MIL',
  'Borsa Italiana',
  'Euronext Lisbon',
  'Euronext Dublin',
  'Euronext Oslo',
  'ELI',
  'AMS',
  'EBR',
  'STO',
  'CPH',
  'HEL',
  'ICE',
  'OSL',
  'SWX',
  'VTX',
  'XETR',
  'Xetra',
  'GPW',
  'BVB',
  'Nasdaq Iceland',
  'Nasdaq Tallinn',
  'Nasdaq Riga',
  'Nasdaq Vilnius',
  'JPX',
  'TWSE',
  'TPEx',
  'TPEX',
  'KOSPI',
  'IDX',
  'SET',
  'PSE',
  'KLSE',
  'Bursa Malaysia',
  'NGX',
  'EGX',
  'Tadawul',
  'ADX',
  'DFM',
  'QSE',
  'MOEX',
  'BVC',
  'BYMA',
  'BCBA',
  'BOVESPA',
  'BMFBOVESPA',
  'NEO Exchange',
  'CBOE Canada',
  // Cboe Canada's short form, and OTC Markets' ID Basic Market (the tier below OTCQB since 2025).
  'Cboe CA',
  'OTCID',
  'OTC ID',
  'Nasdaq Nordic',
  'OTC Pink',
  'OTCQB Venture',
  'Pink',
  'NYSEAMERICAN',
  // NYSE American's compact forms (`NYSEAM:`, `NYSE AM:`) and its older names run together, and Cboe
  // BZX under its former name (`(BATS: CBOE)`).
  'NYSEAM',
  'NYSE AM',
  'NYSEMKT',
  'NYSEAMEX',
  'BATS',
  'NASDAQGS',
  'NASDAQGM',
  'NASDAQCM',
  // Exchanges written out in full (`(Taiwan Stock Exchange: 8150 and Nasdaq: IMOS)`).
  'New York Stock Exchange',
  'Toronto Stock Exchange',
  'London Stock Exchange',
  'Tokyo Stock Exchange',
  'Taiwan Stock Exchange',
  'Hong Kong Stock Exchange',
  'Stock Exchange of Hong Kong',
  'Shanghai Stock Exchange',
  'Shenzhen Stock Exchange',
  'Korea Exchange',
  'Singapore Exchange',
  'Australian Securities Exchange',
  'Bombay Stock Exchange',
  'National Stock Exchange',
  'Johannesburg Stock Exchange',
  'Tel Aviv Stock Exchange',
  'TSX Venture Exchange',
  'Canadian Securities Exchange',
  'Frankfurt Stock Exchange',
  'Nasdaq Stock Market',
  // Nasdaq's three tiers written out (`(NASDAQ Global Select Market: ACME)`).
  'Nasdaq Global Select Market',
  'Nasdaq Global Select',
  'Nasdaq Global Market',
  'Nasdaq Capital Market',
  'Vienna Stock Exchange',
  'Borsa Istanbul',
  'Euronext Growth Paris',
  'Euronext Growth Oslo',
  'Euronext Growth Milan',
  // Venues opened or renamed lately (NYSE Texas, 2025) and OTC Markets' Expert Market.
  'NYSE Texas',
  'NYSE Chicago',
  'Cboe BZX',
  'OTC Expert Market',
  // Vietnam's exchanges (Ho Chi Minh City's HOSE, also HoSE or HSX; Hanoi's HNX and its UPCoM market) and
  // the NZX main board under its older name (`(NZSE: ACME)`).
  'HOSE',
  'HSX',
  'HNX',
  'UPCoM',
  'NZSE',
  // OTC Markets as market-data sites abbreviate it (`(OTCMKTS: ACME)`, `(OTC MKTS: ACME)`).
  'OTCMKTS',
  'OTC MKTS',
  'OTCMKT',
  // Business Wire's European releases name the market by its city: `(Paris:ACME)`.
  'Paris',
  'Amsterdam',
  'Brussels',
  'Lisbon',
  'Oslo',
  'Stockholm',
  'Helsinki',
  'Copenhagen',
  'Milan',
  'Madrid',
  'Zurich',
  'Vienna',
  'Dublin',
];
const EXCHANGE_SET = new Set(EXCHANGES.map((e) => e.toUpperCase()));
/**
 * Exchanges whose listings are numeric codes (`(TSE: 7203)`, `(HKEX: 0700)`, `(KRX: 005930)`); the
 * German exchanges' codes are numeric for some issuers (`(FSE: 103)`, `(Frankfurt: 2801)`).
 */
const NUMERIC_CODE_EXCHANGES = new Set([
  'FSE',
  'FWB',
  'FRA',
  'XFRA',
  'FRANKFURT',
  'FRANKFURT STOCK EXCHANGE',
  'ETR',
  'XETRA',
  'XETR',
  'BURSA MALAYSIA',
  'TSE',
  'TYO',
  'HKEX',
  'HKSE',
  'SEHK',
  'HK',
  'SSE',
  'SZSE',
  'KRX',
  'KOSDAQ',
  'TASE',
  'BSE',
  'JPX',
  'TWSE',
  'TPEX',
  'KOSPI',
  'SET',
  'TADAWUL',
  'IDX',
  'KLSE',
  'TOKYO STOCK EXCHANGE',
  'TAIWAN STOCK EXCHANGE',
  'HONG KONG STOCK EXCHANGE',
  'STOCK EXCHANGE OF HONG KONG',
  'SHANGHAI STOCK EXCHANGE',
  'SHENZHEN STOCK EXCHANGE',
  'KOREA EXCHANGE',
  'BOMBAY STOCK EXCHANGE',
  'TEL AVIV STOCK EXCHANGE',
]);

/**
 * A parenthesized (or bracketed: `[BSE: 540565 | NSE: ACME]`) group with no nested brackets; the
 * class excludes the openers so runs of `(((` fail fast.
 */
const PAREN_GROUP = /[([]([^()[\]\n]{1,200})[)\]]/g;
/** `EXCHANGE:` inside a group; the exchange part is bounded and checked against the table. */
const EXCHANGE_LABEL = /([A-Za-z][A-Za-z0-9.\- ø]{0,34}?)\s?:\s?/g;
/**
 * `ACME`, `GIG.U`, `BRK-B`, `CFZL3`, a class and its series (`ACM.PR.A`, `ACM.WT.B`), and a warrant or
 * unit class written after a space (`GIG WS`).
 */
const SYMBOL =
  /^[A-Z0-9][A-Za-z0-9]{0,9}(?:[.\-/][A-Za-z0-9]{1,6}(?:[.-][A-Z0-9]{1,2})?| (?:WS|WT|U|UN|R|RT|PR[A-Z]?|[A-D]))?$/;

/**
 * Every exchange-qualified symbol in `text`, in order of appearance and de-duplicated:
 * `(NASDAQ: ABCD)`, `(NYSE:GIG, GIG.U)` → both, `(TSXV:YGT)(OTCQB:YGTFF)`,
 * `(NYSE American: XYZ)`, `(Nasdaq: ABCD)` → `NASDAQ`. The exchange is upper-cased as written.
 */
export function findTickers(text: string): Ticker[] {
  const out: Ticker[] = [];
  const seen = new Set<string>();
  const add = (exchange: string, symbol: string): void => {
    const k = `${exchange}:${symbol}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ exchange, symbol });
  };
  const groups = [...text.matchAll(PAREN_GROUP)];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const inner = group?.[1] ?? '';
    if (!inner.includes(':')) continue;
    const reversed = reversedListings(inner);
    if (reversed) {
      for (const t of reversed) add(t.exchange, t.symbol);
      continue;
    }
    const letterCodes = siblingOfKnown(groups, g);
    // The label may carry leading words (`listed on NASDAQ:`): keep the longest known exchange suffix,
    // and where the words before it are those of another label's symbols (`TSXV: ANK and OTC:`), they
    // stay with that label.
    const labels = [...inner.matchAll(EXCHANGE_LABEL)].map((label) => {
      const suffix = knownExchangeSuffix(label[1] ?? '', letterCodes);
      const start = label.index ?? 0;
      return { label, suffix, at: start + (suffix ? suffix.lead.length : 0) };
    });
    for (let i = 0; i < labels.length; i++) {
      const { label, suffix } = labels[i] ?? {};
      if (!label?.[1] || !suffix) continue;
      const exchange = suffix.exchange;
      // One symbol on several exchanges written before one colon: `(NYSE, TSX: SHOP)`,
      // `(NYSE and Nasdaq Iceland: JBTM)`.
      const exchanges = [...(i === 0 ? exchangeList(inner.slice(0, label.index ?? 0) + suffix.lead) : []), exchange];
      const from = (label.index ?? 0) + label[0].length;
      const next = labels[i + 1];
      const to = next ? next.at : inner.length;
      for (const raw of inner.slice(from, to).split(/[,;|]| and | or /)) {
        // A symbol may be written in quotes (`TSX: “ACB”`): the quotes are no part of it.
        const symbol = raw.trim().replace(QUOTED, '$1');
        if (!SYMBOL.test(symbol)) continue;
        if (!symbolFits(exchange, symbol)) continue;
        // A one-letter code's symbol is in capitals and digits only (`F:A1S`, not `A: North`).
        if (exchange.length === 1 && !/^[A-Z0-9][A-Z0-9.]*$/.test(symbol)) continue;
        for (const ex of exchanges) add(ex, symbol);
      }
    }
  }
  // `will trade under the symbol NASDAQ: ACME`: a listing written out after the word symbol, with no
  // parentheses.
  for (const m of text.matchAll(SYMBOL_WRITTEN_OUT)) {
    const exchange = knownExchangeSuffix(m[1] ?? '')?.exchange;
    const symbol = m[2] ?? '';
    if (!exchange || !SYMBOL.test(symbol) || !/[A-Z]/.test(symbol)) continue;
    add(exchange, symbol);
  }
  for (const run of text.matchAll(HYPHEN_RUN)) {
    const pairs = [...run[0].matchAll(/\(([A-Z]{1,6})-([A-Z][A-Z0-9.]{0,9})\)/g)];
    // `(TSXV-CGP) (F-GWN) (B-GWN)`: a run is tickers when one of its exchanges is a known one (then
    // its one-letter codes are exchanges too: Frankfurt, Berlin).
    if (!pairs.some((p) => EXCHANGE_SET.has(p[1] ?? ''))) continue;
    for (const p of pairs) add(p[1] ?? '', p[2] ?? '');
  }
  return out;
}

/**
 * A symbol in capitals and digits in a pair of quotes, straight or curly (`“ACB”`, `"AC0"`, `'ACB.U'`);
 * a quoted word in mixed case is a defined short name (`(NASDAQ: ACM, “Acme”)`), not a symbol.
 */
const QUOTED = /^["“'‘]([A-Z0-9][A-Z0-9.-]{0,11})["”'’]$/;

/** A symbol with a capital in it, or a numeric code on an exchange that lists by number (`TSE: 7203`). */
function symbolFits(exchange: string, symbol: string): boolean {
  return /[A-Z]/.test(symbol) || (NUMERIC_CODE_EXCHANGES.has(exchange) && /^\d{3,6}$/.test(symbol));
}

/** One `SYMBOL: EXCHANGE` item of a reversed listing group. */
const REVERSED_ITEM = /^([A-Z0-9][A-Z0-9.-]{0,9}) ?: ?([A-Za-z][A-Za-z0-9.\- ø]{0,34})$/;

/**
 * The listings of a group that writes each symbol before its exchange (`(ACME: CSE | ACMEF: OTCQB |
 * 4XY: Frankfurt)`): every item the group holds is `SYMBOL: EXCHANGE` with a known exchange after the
 * colon and a symbol in capitals that is not itself an exchange before it. Null when any item is not.
 */
function reversedListings(inner: string): Ticker[] | null {
  const out: Ticker[] = [];
  for (const raw of inner.split(/[,;|]/)) {
    const item = raw.trim();
    if (!item) continue;
    const m = REVERSED_ITEM.exec(item);
    const symbol = m?.[1] ?? '';
    const exchange = (m?.[2] ?? '').trim().toUpperCase();
    if (!m || !EXCHANGE_SET.has(exchange) || EXCHANGE_SET.has(symbol)) return null;
    if (!symbolFits(exchange, symbol)) return null;
    out.push({ exchange, symbol });
  }
  return out.length > 0 ? out : null;
}

/** `under the (ticker) symbol NASDAQ: ACME`: the exchange and symbol after the word, outside parentheses. */
const SYMBOL_WRITTEN_OUT =
  /\b(?:ticker )?symbol ["“]?([A-Z][A-Za-z]{1,12}(?: [A-Z][A-Za-z]{1,12}){0,2}) ?: ?([A-Z][A-Z0-9.]{0,9})\b/g;

/** Adjacent `(EXCHANGE-SYMBOL)` parentheses, as Canadian issuers write their listings. */
const HYPHEN_RUN = /(?:\([A-Z]{1,6}-[A-Z][A-Z0-9.]{0,9}\) ?){1,8}/g;

/** Exchanges listed before the last one of a shared symbol (`NYSE, ` in `NYSE, TSX: SHOP`); empty unless every item is one. */
function exchangeList(prefix: string): string[] {
  if (!/[,/&]\s?$|\sand\s$/.test(prefix)) return [];
  const items = prefix
    .split(/,|\/|&|\sand\s/)
    .map((p) => p.trim())
    .filter(Boolean);
  const known = items.map((p) => (EXCHANGE_SET.has(p.toUpperCase()) ? p.toUpperCase() : null));
  return known.every((k) => k !== null) ? (known as string[]) : [];
}

/**
 * The longest known exchange that ends `label`, and the words before it (with their spacing). With
 * `letterCodes`, a one-letter code counts too (`F:` Frankfurt, `B:` Berlin).
 */
function knownExchangeSuffix(label: string, letterCodes = false): { exchange: string; lead: string } | null {
  const words = [...label.matchAll(/\S+/g)];
  for (const w of words) {
    const rest = label.slice(w.index ?? 0).trim();
    const candidate = rest.split(/\s+/).join(' ').toUpperCase();
    if (EXCHANGE_SET.has(candidate) || (letterCodes && /^[A-Z]$/.test(rest))) {
      return { exchange: candidate, lead: label.slice(0, w.index ?? 0) };
    }
  }
  return null;
}

/** A group followed or preceded by nothing but spaces before the next one: `(TSXV:AGX)(F:AGX)`. */
function adjacent(a: RegExpMatchArray | undefined, b: RegExpMatchArray | undefined, text: string): boolean {
  if (!a || !b) return false;
  const end = (a.index ?? 0) + a[0].length;
  return /^ ?$/.test(text.slice(end, b.index ?? 0));
}

/**
 * Whether one-letter exchange codes (`F:` Frankfurt, `B:` Berlin) count in group `g`: when the group,
 * or a group in the same run of adjacent parentheses, also lists a symbol on a known exchange
 * (`(TSXV:AGX)(OTCQB:AGXPF)(F:AGX)`, `(TSXV: AGX; F: AGX)`), as for the hyphen runs below.
 */
function siblingOfKnown(groups: RegExpMatchArray[], g: number): boolean {
  const text = groups[g]?.input ?? '';
  const known = (m: RegExpMatchArray | undefined): boolean =>
    [...(m?.[1] ?? '').matchAll(EXCHANGE_LABEL)].some((l) => knownExchangeSuffix(l[1] ?? '') !== null);
  if (known(groups[g])) return true;
  for (let i = g; i > 0 && adjacent(groups[i - 1], groups[i], text); i--) if (known(groups[i - 1])) return true;
  for (let i = g; i < groups.length - 1 && adjacent(groups[i], groups[i + 1], text); i++)
    if (known(groups[i + 1])) return true;
  return false;
}

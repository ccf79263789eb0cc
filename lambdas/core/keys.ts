/**
 * Index keys of the Articles table: pure functions shared by the DynamoDB adapter and anything that
 * needs to compute the same keys (queries, migrations). No I/O.
 */

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
]);

/**
 * Normalizes an organization name for use as an index key, so spelling variants of the same issuer
 * meet in one partition: lower-case, accents stripped, `&` → `and`, punctuation dropped (a dot inside
 * a word such as `chinadaily.com.cn` or `S.A.` is removed, not turned into a space), whitespace
 * collapsed, trailing legal suffixes (`inc`, `corp`, `ltd`, `llc`, `plc`, `gmbh`, …) removed.
 * `Acme Robotics, Inc.` and `acme robotics inc` both give `acme robotics`.
 * Returns the empty string when nothing is left (the caller decides what to do then).
 */
export function organizationKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Apostrophes and dots join (O'Brien → obrien, S.A. → sa); other punctuation separates.
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  // Drop suffixes from the end, but never the whole name ("Limited" alone stays "limited");
  // `Smith & Co.` loses the dangling "and" with its "co".
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) {
    words.pop();
    if (words.length > 1 && words[words.length - 1] === 'and') words.pop();
  }
  return words.join(' ');
}

/** The calendar month (`yyyy-mm`, UTC as written) of an ISO-8601 timestamp. Throws on anything else. */
export function monthKey(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`monthKey: not an ISO-8601 timestamp: ${JSON.stringify(iso)}`);
  return `${m[1]}-${m[2]}`;
}

/** The sort key of every Articles index: `<iso>#<id>`, so reading an index backwards gives newest first. */
export function sortKey(iso: string, id: string): string {
  return `${iso}#${id}`;
}

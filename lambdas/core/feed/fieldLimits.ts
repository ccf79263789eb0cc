/**
 * How long each field of a feed item may be, in UTF-8 bytes, and the cut that keeps it there. A feed
 * decides what its items hold; these bound what one item can make every later step (item hash,
 * article message, record, logs) carry. Real values are far below every limit.
 */

export const ITEM_FIELD_LIMITS = {
  /** Headlines run to ~400 characters on the wires; 2 KiB leaves room for long non-Latin ones (3 bytes a character). */
  title: 2 * 1024,
  /** A description is an excerpt or at most a short release: 64 KiB of plain text. */
  summary: 64 * 1024,
  /**
   * content:encoded / Atom content carries a whole release body; with financial tables the longest run
   * to a few hundred KiB. 1 MiB, like the entity expansion cap: the archived feed keeps the rest, and
   * over 200 KiB the field travels through the archive, not the message (articleMessage.ts).
   */
  contentHtml: 1024 * 1024,
  /** A URL or GUID longer than this is not one browsers or servers accept (≈ the common 2 KB URL limit). */
  link: 2 * 1024,
  guid: 2 * 1024,
  author: 512,
  category: 256,
} as const;

/** Categories kept per item; the rest are dropped. */
export const MAX_CATEGORIES_PER_ITEM = 64;

/** Markup read to make a text field: 4× the field's limit (what tags and entities may add). */
export const MARKUP_READ_FACTOR = 4;

const ELLIPSIS = '…';
const ELLIPSIS_BYTES = 3;

/**
 * The longest prefix of `s` of at most `maxBytes` UTF-8 bytes that ends on a code point boundary
 * (a surrogate pair or a multi-byte character is never split). `s` itself when it fits.
 */
export function truncateUtf8(s: string, maxBytes: number): string {
  // Every UTF-16 code unit is at most 3 UTF-8 bytes: short strings need no measuring.
  if (s.length * 3 <= maxBytes) return s;
  // The first maxBytes bytes come from at most maxBytes code units.
  let head = s.length > maxBytes ? s.slice(0, maxBytes) : s;
  const last = head.charCodeAt(head.length - 1);
  // Never leave half a surrogate pair at the end.
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  const bytes = Buffer.from(head, 'utf8');
  if (bytes.length <= maxBytes) return head;
  let end = maxBytes;
  // Back off continuation bytes (10xxxxxx) to the start of the character that did not fit.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.toString('utf8', 0, end);
}

/** Text cut to `maxBytes`, ending in `…` when cut (so a reader sees it was). */
export function clipText(s: string | null, maxBytes: number): string | null {
  if (s === null) return null;
  const cut = truncateUtf8(s, maxBytes);
  return cut === s ? s : `${truncateUtf8(s, maxBytes - ELLIPSIS_BYTES).trimEnd()}${ELLIPSIS}`;
}

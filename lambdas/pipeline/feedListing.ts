/**
 * What a feed listed at its last successful read, kept in its state so the next poll reads the
 * seen state (a BatchGet of the Articles table, charged by each stored release's full size) only
 * for items that are new or changed since then. An item is remembered by a fingerprint of its id
 * and item hash: 64 bits of sha256, 16 hex characters in FeedState. The Feeds table stores them as
 * binary (listingBytes, 8 bytes an item: 400 bytes at 50 listed items), which keeps a feed's item
 * under the 1 KB of one write unit. A chance match of a new item with one of N remembered
 * fingerprints has probability N / 2^64 (at 50 listed items and 152,000 new items a month, about
 * 4e-13 a month); such an item would only wait for the daily unconditional read, which looks up
 * every item. Pure functions.
 */
import { sha256Hex } from '../core/ids';

/** Bytes of a fingerprint. */
export const LISTING_BYTES_PER_ITEM = 8;
/** Characters a listed item adds to FeedState.listed (hex). */
export const LISTING_CHARS_PER_ITEM = 2 * LISTING_BYTES_PER_ITEM;
const WIDTH = LISTING_CHARS_PER_ITEM;

/** The fingerprint of a listed item: its id and its item hash (a changed item is a new fingerprint). */
export function listingFingerprint(item: { id: string; itemHash: string }): string {
  return sha256Hex(`${item.id}\n${item.itemHash}`).slice(0, WIDTH);
}

/** The stored form of a listing: the fingerprints of its items, concatenated. */
export function encodeListing(items: readonly { id: string; itemHash: string }[]): string {
  return items.map(listingFingerprint).join('');
}

/** The fingerprints of a stored listing; empty when there is none or it is not one. */
export function decodeListing(stored: string | null | undefined): Set<string> {
  const out = new Set<string>();
  if (!stored || stored.length % WIDTH !== 0 || !/^[0-9a-f]*$/.test(stored)) return out;
  for (let i = 0; i < stored.length; i += WIDTH) out.add(stored.slice(i, i + WIDTH));
  return out;
}

/**
 * The stored form's bytes, as the Feeds table keeps them (a binary attribute: half the size of the
 * hex); null for a string that is not a listing (kept as it is).
 */
export function listingBytes(stored: string): Uint8Array | null {
  if (stored.length === 0 || stored.length % WIDTH !== 0 || !/^[0-9a-f]*$/.test(stored)) return null;
  return Buffer.from(stored, 'hex');
}

/** The stored form of a listing kept as bytes (listingBytes); null when they are not one. */
export function listingFromBytes(bytes: Uint8Array): string | null {
  if (bytes.byteLength % LISTING_BYTES_PER_ITEM !== 0) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

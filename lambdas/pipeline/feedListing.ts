/**
 * What a feed listed at its last successful read, kept in its state so the next poll reads the
 * seen state (a BatchGet of the Articles table, charged by each stored release's full size) only
 * for items that are new or changed since then. An item is remembered by a fingerprint of its id
 * and item hash: 64 bits of sha256 (16 hex characters; at 50 listed items ~800 bytes of feed state).
 * A chance match of a new item with one of N remembered fingerprints has probability N / 2^64.
 * Pure functions.
 */
import { sha256Hex } from '../core/ids';

/** Characters (bytes) a listed item adds to the feed's state. */
export const LISTING_CHARS_PER_ITEM = 16;
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

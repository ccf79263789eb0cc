import {
  LISTING_BYTES_PER_ITEM,
  decodeListing,
  encodeListing,
  listingBytes,
  listingFingerprint,
  listingFromBytes,
} from '../../../lambdas/pipeline/feedListing';

const a = { id: 'u-a', itemHash: 'h1' };
const b = { id: 'u-b', itemHash: 'h2' };

test('a listing decodes to the fingerprints of its items; a changed item hash is another fingerprint', () => {
  const stored = encodeListing([a, b]);
  expect(stored).toMatch(/^[0-9a-f]{32}$/);
  expect(decodeListing(stored)).toEqual(new Set([listingFingerprint(a), listingFingerprint(b)]));
  expect(decodeListing(stored).has(listingFingerprint({ ...b, itemHash: 'h3' }))).toBe(false);
});

test.each([null, undefined, '', 'not hex at all!', '0123456789abcdef0'])(
  'no listing, or not one (%p), is the empty set: every item is looked up',
  (stored) => {
    expect(decodeListing(stored).size).toBe(0);
  },
);

test('the stored bytes of a listing are 8 a fingerprint and give back the same listing', () => {
  const stored = encodeListing([a, b]);
  const bytes = listingBytes(stored);
  expect(bytes?.byteLength).toBe(2 * LISTING_BYTES_PER_ITEM);
  expect(listingFromBytes(bytes!)).toBe(stored);
  expect(decodeListing(listingFromBytes(bytes!))).toEqual(decodeListing(stored));
});

test.each(['', 'not hex at all!', '0123456789abcdef0', '0123456789ABCDEF'])(
  'a string that is no listing (%p) has no stored bytes: it is kept as it is',
  (stored) => {
    expect(listingBytes(stored)).toBeNull();
  },
);

test('bytes that are no whole number of fingerprints are no listing', () => {
  expect(listingFromBytes(new Uint8Array(7))).toBeNull();
  expect(listingFromBytes(new Uint8Array(0))).toBe('');
});

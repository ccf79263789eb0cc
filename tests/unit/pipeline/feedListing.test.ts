import { decodeListing, encodeListing, listingFingerprint } from '../../../lambdas/pipeline/feedListing';

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

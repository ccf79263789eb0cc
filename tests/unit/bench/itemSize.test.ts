import { costPerMillion, PRICES } from '../../../scripts/bench/costModel';
import { attributeValueSize, itemSize, writeUnits, type GsiShape } from '../../../scripts/bench/itemSize';
import { generateReleases } from '../../../scripts/bench/releaseGenerator';

test('sizes follow the documented rules: names + values, numbers by digits, 3 + 1 per element for lists and maps', () => {
  expect(attributeValueSize({ S: 'héllo' })).toBe(6); // UTF-8 bytes
  expect(attributeValueSize({ N: '12345' })).toBe(4); // ceil(5/2) + 1
  expect(attributeValueSize({ N: '100' })).toBe(2); // trailing zeros are not significant
  expect(attributeValueSize({ BOOL: true })).toBe(1);
  expect(attributeValueSize({ NULL: true })).toBe(1);
  expect(attributeValueSize({ L: [] })).toBe(3);
  expect(attributeValueSize({ L: [{ S: 'ab' }, { S: 'c' }] })).toBe(3 + (1 + 2) + (1 + 1));
  expect(attributeValueSize({ M: { k: { S: 'v' } } })).toBe(3 + 1 + 1 + 1);
  expect(itemSize({ id: { S: 'u-1' }, n: { N: '7' } })).toBe(2 + 3 + 1 + 2);
});

const GSIS: GsiShape[] = [
  { name: 'bySource', partitionKey: 'sourceKey', sortKey: 'sortKey', projected: [] },
  { name: 'byCity', partitionKey: 'cityKey', sortKey: 'sortKey', projected: ['countryKey'] },
  { name: 'everything', partitionKey: 'allKey', sortKey: null, projected: null },
];

test('write units: 1 per started KB of the item, plus 1 per started KB of each index entry it lands in', () => {
  const small = { id: { S: 'u-1' } };
  expect(writeUnits(small, 'id', GSIS)).toBe(1); // in no index (sparse)
  const big = { id: { S: 'u-1' }, body: { S: 'x'.repeat(2800) }, sourceKey: { S: 'acme' }, sortKey: { S: '2025#u-1' } };
  expect(writeUnits(big, 'id', GSIS)).toBe(3 + 1); // 3 KB item + a KEYS_ONLY entry
  const everywhere = { ...big, cityKey: { S: 'austin' }, countryKey: { S: 'US' }, allKey: { S: 'a' } };
  // + byCity (keys + countryKey) + an ALL projection: the whole item again (+ 100 bytes, still 3 KB).
  expect(writeUnits(everywhere, 'id', GSIS)).toBe(3 + 1 + 1 + 3);
});

test('the cost model adds up its parts and grows with write units', () => {
  const base = {
    writeUnitsPerRecord: 10,
    bytesPerRecord: 10_000,
    releaseItemBytes: 9_000,
    archiveBytesPerRecord: 3_000,
    cpuMsPerRecord: 5,
  };
  const c = costPerMillion(base);
  expect(c.total).toBeCloseTo(c.dynamodb + c.s3 + c.lambda + c.sqs, 10);
  const more = costPerMillion({ ...base, writeUnitsPerRecord: 20 });
  // 10 more WCU per release × 1e6 releases at the on-demand price.
  expect(more.dynamodb - c.dynamodb).toBeCloseTo(10 * PRICES.dynamoWriteRequestUnitsPerMillionUsd, 10);
});

test('the generated set is deterministic and varied', () => {
  const a = generateReleases({ count: 300, seed: 42 });
  const b = generateReleases({ count: 300, seed: 42 });
  expect(b).toEqual(a);
  expect(generateReleases({ count: 300, seed: 43 }).releases[0]?.html).not.toBe(a.releases[0]?.html);
  const wires = new Set(
    a.releases.map((r) => /(PRNewswire[-A-Za-z]*|BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE|CNW)/.exec(r.html)?.[1]),
  );
  expect(wires.size).toBeGreaterThanOrEqual(5);
  expect(new Set(a.releases.map((r) => r.source)).size).toBeGreaterThan(30);
  const sizes = a.releases.map((r) => r.html.length);
  expect(Math.max(...sizes)).toBeGreaterThan(2 * Math.min(...sizes));
  // Every release is in at least one feed; some in two.
  const listed = a.feeds.reduce((n, f) => n + f.items.length, 0);
  expect(listed).toBeGreaterThan(a.releases.length);
});

/**
 * Feed listings on dynalite: a stored release that another feed lists too is found under both feeds,
 * once each; a listing is recorded once; it survives a correction that arrives through the other
 * feed (which becomes the record's feed); items stored before listings existed get them too.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import type { PressReleaseRecord } from '../../../../lambdas/core/record';
import type { LocalDynamo } from '../../../../lambdas/local/dynamoServer';
import { makeRecord, startDynamoWithTables } from './helpers';

let dynamo: LocalDynamo;
let client: Awaited<ReturnType<typeof startDynamoWithTables>>['client'];
let table: string;
let store: DynamoArticleStore;

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  client = started.client;
  table = started.tables.articles;
  store = new DynamoArticleStore({ client, tableName: table });
});
afterAll(async () => {
  await dynamo?.close();
});

const feed = (id: string) => ({ id, url: `https://example.com/${id}.xml` });

async function idsUnder(feedId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.query({ feedId, limit: 2, cursor });
    ids.push(...page.items.map((r) => r.id));
    cursor = page.cursor;
  } while (cursor);
  return ids.sort();
}

function release(id: string, feedId: string, over: Partial<PressReleaseRecord> = {}): PressReleaseRecord {
  return makeRecord({ id, feed: feed(feedId), publishedAt: '2025-06-02T10:00:00.000Z', ...over });
}

test('a listing by a second feed makes the release findable under both, once each, and is recorded once', async () => {
  await store.save(release('fl-1', 'feed-a'), { contentHash: 'h1', itemHash: 'i1' });
  await store.save(release('fl-2', 'feed-b'), { contentHash: 'h2', itemHash: 'i2' });
  expect(await idsUnder('feed-b')).toEqual(['fl-2']);

  expect(await store.seenItems(['fl-1'])).toEqual(new Map([['fl-1', { itemHash: 'i1', feeds: ['feed-a'] }]]));
  expect(await store.addFeedListings('feed-b', ['fl-1', 'not-stored'])).toBe(1);
  expect(await store.addFeedListings('feed-b', ['fl-1'])).toBe(0);
  expect(await store.addFeedListings('feed-a', ['fl-1'])).toBe(0); // its own feed

  expect(await idsUnder('feed-b')).toEqual(['fl-1', 'fl-2']);
  expect(await idsUnder('feed-a')).toEqual(['fl-1']);
  expect((await store.seenItems(['fl-1'])).get('fl-1')?.feeds).toEqual(['feed-a', 'feed-b']);
  // The record is unchanged: its feed is still the first one's.
  expect((await store.get('fl-1'))?.feed?.id).toBe('feed-a');
});

test('saving the same release through another feed records the listing (unchanged, no new revision)', async () => {
  await store.save(release('fl-3', 'feed-a'), { contentHash: 'h3', itemHash: 'i3' });
  expect(await store.save(release('fl-3', 'feed-c'), { contentHash: 'h3', itemHash: 'i3' })).toEqual({
    outcome: 'unchanged',
    revision: 1,
  });
  expect(await idsUnder('feed-c')).toEqual(['fl-3']);
});

test('a correction through the listing feed keeps both feeds, each finding it once, at its new time', async () => {
  await store.save(release('fl-4', 'feed-d'), { contentHash: 'h4', itemHash: 'i4' });
  await store.addFeedListings('feed-e', ['fl-4']);
  const corrected = release('fl-4', 'feed-e', { title: 'Corrected', publishedAt: '2025-06-03T09:00:00.000Z' });
  expect(await store.save(corrected, { contentHash: 'h4b', itemHash: 'i4b' })).toEqual({
    outcome: 'revised',
    revision: 2,
  });
  expect(await idsUnder('feed-d')).toEqual(['fl-4']);
  expect(await idsUnder('feed-e')).toEqual(['fl-4']);
  // Time-bounded feed queries see it at the corrected time under both feeds.
  for (const feedId of ['feed-d', 'feed-e']) {
    const page = await store.query({ feedId, since: '2025-06-03', limit: 5 });
    expect(page.items.map((r) => r.id)).toEqual(['fl-4']);
  }
  // The listing item of feed-e is gone: the release item itself is under feed-e now.
  const listing = await client.send(new GetCommand({ TableName: table, Key: { id: 'feed#feed-e#fl-4' } }));
  expect(listing.Item).toBeUndefined();
});

test('an item stored before listings existed (no feeds attribute) gains listings and keeps its own feed', async () => {
  await store.save(release('fl-5', 'feed-f'), { contentHash: 'h5', itemHash: 'i5' });
  await client.send(new UpdateCommand({ TableName: table, Key: { id: 'fl-5' }, UpdateExpression: 'REMOVE feeds' }));
  expect((await store.seenItems(['fl-5'])).get('fl-5')?.feeds).toEqual(['feed-f']);
  expect(await store.addFeedListings('feed-g', ['fl-5'])).toBe(1);
  expect(await idsUnder('feed-f')).toEqual(['fl-5']);
  expect(await idsUnder('feed-g')).toEqual(['fl-5']);
  // A later correction through its own feed keeps the listing.
  await store.save(release('fl-5', 'feed-f', { title: 'Again' }), { contentHash: 'h5b', itemHash: 'i5b' });
  expect(await idsUnder('feed-g')).toEqual(['fl-5']);
});

test('a correction racing a new listing does not lose the listing', async () => {
  await store.save(release('fl-6', 'feed-h'), { contentHash: 'h6', itemHash: 'i6' });
  // The listing lands between the correction's read and its conditional write (the save tries a
  // create first, which writes index items too: the second write is the revision's).
  let indexWrites = 0;
  let added = -1;
  const racing = new DynamoArticleStore({
    client,
    tableName: table,
    onSaveStep: async (step, id) => {
      if (step === 'indexItemsWritten' && id === 'fl-6' && ++indexWrites === 2) {
        added = await store.addFeedListings('feed-i', ['fl-6']);
      }
    },
  });
  const r = await racing.save(release('fl-6', 'feed-h', { title: 'Fixed' }), { contentHash: 'h6b', itemHash: 'i6b' });
  expect(r).toEqual({ outcome: 'revised', revision: 2 });
  expect(added).toBe(1); // the listing did land mid-save
  expect(indexWrites).toBeGreaterThanOrEqual(3); // and the correction lost its write and went again
  expect(await idsUnder('feed-i')).toEqual(['fl-6']);
  expect(await idsUnder('feed-h')).toEqual(['fl-6']);
});

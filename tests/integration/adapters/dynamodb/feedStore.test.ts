import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoFeedStore } from '../../../../lambdas/adapters/dynamodb/feedStore';
import { decodeListing, encodeListing, listingFingerprint } from '../../../../lambdas/pipeline/feedListing';
import type { LocalDynamo } from '../../../../lambdas/local/dynamoServer';
import { makeFeed, startDynamoWithTables } from './helpers';

let dynamo: LocalDynamo;
let store: DynamoFeedStore;
let client: Awaited<ReturnType<typeof startDynamoWithTables>>['client'];
let tables: Awaited<ReturnType<typeof startDynamoWithTables>>['tables'];

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  client = started.client;
  tables = started.tables;
  store = new DynamoFeedStore({ client: started.client, tableName: started.tables.feeds });
});
afterAll(async () => {
  await dynamo?.close();
});

it('registers once and keeps the state of a feed already there', async () => {
  expect(await store.register(makeFeed({ id: 'f-a' }))).toBe(true);
  expect(await store.register(makeFeed({ id: 'f-a', name: 'Other', etag: '"x"' }))).toBe(false);
  expect(await store.get('f-a')).toEqual(makeFeed({ id: 'f-a' }));
  expect(await store.get('f-missing')).toBeNull();
});

it('put replaces registration fields only, and registers an unknown feed', async () => {
  await store.register(makeFeed({ id: 'f-put', etag: '"e1"' }));
  await store.put(
    makeFeed({ id: 'f-put', name: 'Renamed', enabled: false, pollIntervalMinutes: 60, etag: '"ignored"' }),
  );
  expect(await store.get('f-put')).toMatchObject({
    name: 'Renamed',
    enabled: false,
    pollIntervalMinutes: 60,
    etag: '"e1"',
  });
  await store.put(makeFeed({ id: 'f-put-new' }));
  expect(await store.get('f-put-new')).toEqual(makeFeed({ id: 'f-put-new' }));
});

it('listDue returns enabled feeds whose nextPollAt is not in the future', async () => {
  await store.register(makeFeed({ id: 'f-due-1', nextPollAt: '2025-05-01T00:00:00.000Z' }));
  await store.register(makeFeed({ id: 'f-due-2', nextPollAt: '2025-05-01T00:15:00.000Z' }));
  await store.register(makeFeed({ id: 'f-later', nextPollAt: '2025-05-01T00:15:00.001Z' }));
  await store.register(makeFeed({ id: 'f-off', enabled: false, nextPollAt: '2025-01-01T00:00:00.000Z' }));
  const due = (await store.listDue('2025-05-01T00:15:00.000Z')).map((f) => f.id);
  expect(due).toEqual(expect.arrayContaining(['f-due-1', 'f-due-2']));
  expect(due).not.toContain('f-later');
  expect(due).not.toContain('f-off');
  expect((await store.list()).map((f) => f.id)).toEqual(expect.arrayContaining(['f-due-1', 'f-later', 'f-off']));
});

it('recordPoll sets the given fields and adds counters', async () => {
  await store.register(makeFeed({ id: 'f-poll', etag: '"old"' }));
  await store.recordPoll('f-poll', {
    lastPolledAt: '2025-05-01T00:00:00.000Z',
    nextPollAt: '2025-05-01T00:15:00.000Z',
    consecutiveFailures: 0,
    lastError: null,
    etag: '"new"',
    add: { polls: 1, itemsSeen: 20, itemsQueued: 3 },
  });
  await store.recordPoll('f-poll', {
    lastPolledAt: '2025-05-01T00:15:00.000Z',
    nextPollAt: '2025-05-01T00:45:00.000Z',
    consecutiveFailures: 1,
    lastError: { code: 'TIMEOUT', message: 'timed out', at: '2025-05-01T00:15:00.000Z' },
    add: { polls: 1, failures: 1 },
  });
  expect(await store.get('f-poll')).toMatchObject({
    etag: '"new"', // absent from the second update: kept
    lastPolledAt: '2025-05-01T00:15:00.000Z',
    nextPollAt: '2025-05-01T00:45:00.000Z',
    consecutiveFailures: 1,
    lastError: { code: 'TIMEOUT', message: 'timed out', at: '2025-05-01T00:15:00.000Z' },
    counters: { polls: 2, failures: 1, itemsSeen: 20, itemsQueued: 3 },
  });
});

it('recordPoll on an unknown feed throws a non-retryable FEED_NOT_FOUND and creates nothing', async () => {
  await expect(
    store.recordPoll('f-ghost', {
      lastPolledAt: 'x',
      nextPollAt: 'y',
      consecutiveFailures: 0,
      lastError: null,
      add: { polls: 1 },
    }),
  ).rejects.toMatchObject({ code: 'FEED_NOT_FOUND', retryable: false });
  expect(await store.get('f-ghost')).toBeNull();
});

it('remove says whether there was a feed', async () => {
  await store.register(makeFeed({ id: 'f-rm' }));
  expect(await store.remove('f-rm')).toBe(true);
  expect(await store.remove('f-rm')).toBe(false);
});

it('recordPoll writes the publishing state when given and keeps it when absent; a feed without one has none', async () => {
  await store.register(makeFeed({ id: 'f-pub' }));
  expect(await store.get('f-pub')).not.toHaveProperty('publishing');
  const publishing = { since: '2025-05-01T00:00:00.000Z', lastPublishedAt: null, weightedItems: 0 };
  const poll = {
    lastPolledAt: '2025-05-01T00:00:00.000Z',
    nextPollAt: '2025-05-01T00:15:00.000Z',
    consecutiveFailures: 0,
    lastError: null,
    add: { polls: 1 },
  };
  await store.recordPoll('f-pub', { ...poll, publishing });
  expect((await store.get('f-pub'))?.publishing).toEqual(publishing);
  await store.recordPoll('f-pub', { ...poll, lastPolledAt: '2025-05-01T00:15:00.000Z' });
  expect((await store.get('f-pub'))?.publishing).toEqual(publishing);
  const later = { ...publishing, lastPublishedAt: '2025-05-01T00:30:00.000Z', weightedItems: 2.5 };
  await store.recordPoll('f-pub', { ...poll, publishing: later });
  expect((await store.list()).find((f) => f.id === 'f-pub')?.publishing).toEqual(later);
});

it('recordPoll writes lastFetchedAt when given and keeps it when absent; a feed never read in full has none', async () => {
  await store.register(makeFeed({ id: 'f-fetched' }));
  expect(await store.get('f-fetched')).not.toHaveProperty('lastFetchedAt');
  const poll = {
    lastPolledAt: '2025-05-01T00:00:00.000Z',
    nextPollAt: '2025-05-01T00:15:00.000Z',
    consecutiveFailures: 0,
    lastError: null,
    add: { polls: 1 },
  };
  await store.recordPoll('f-fetched', { ...poll, lastFetchedAt: '2025-05-01T00:00:00.000Z' });
  await store.recordPoll('f-fetched', { ...poll, lastPolledAt: '2025-05-01T00:15:00.000Z' });
  expect(await store.get('f-fetched')).toMatchObject({
    lastFetchedAt: '2025-05-01T00:00:00.000Z',
    lastPolledAt: '2025-05-01T00:15:00.000Z',
  });
});

it('stores a listing as 8 bytes a fingerprint and reads it back as the hex it was given; an old hex string reads as it is', async () => {
  const items = Array.from({ length: 50 }, (_, i) => ({ id: `u-${i}`, itemHash: `h${i}` }));
  const listed = encodeListing(items);
  await store.register(makeFeed({ id: 'f-listed' }));
  await store.recordPoll('f-listed', {
    lastPolledAt: '2025-05-01T00:00:00.000Z',
    nextPollAt: '2025-05-01T00:15:00.000Z',
    consecutiveFailures: 0,
    lastError: null,
    add: { polls: 1 },
    listed,
  });
  expect((await store.get('f-listed'))?.listed).toBe(listed);
  expect((await store.list()).find((f) => f.id === 'f-listed')?.listed).toBe(listed);
  const raw = await client.send(new GetCommand({ TableName: tables.feeds, Key: { id: 'f-listed' } }));
  expect(raw.Item?.listed).toBeInstanceOf(Uint8Array);
  expect((raw.Item?.listed as Uint8Array).byteLength).toBe(50 * 8);

  // Written by the earlier version: the hex string itself.
  await client.send(new PutCommand({ TableName: tables.feeds, Item: { ...makeFeed({ id: 'f-old-listed' }), listed } }));
  const old = await store.get('f-old-listed');
  expect(old?.listed).toBe(listed);
  expect(decodeListing(old?.listed)).toEqual(new Set(items.map(listingFingerprint)));

  // Registered with a listing (an import of exported state): stored as binary too.
  await store.register(makeFeed({ id: 'f-reg-listed', listed }));
  const reg = await client.send(new GetCommand({ TableName: tables.feeds, Key: { id: 'f-reg-listed' } }));
  expect(reg.Item?.listed).toBeInstanceOf(Uint8Array);
  expect((await store.get('f-reg-listed'))?.listed).toBe(listed);
});

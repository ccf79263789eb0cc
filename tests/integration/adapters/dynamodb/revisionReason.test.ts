/**
 * revisionReason on dynalite: revision 1 has none; a changed content hash is a `correction`, the same
 * content under another url is `moved`, and a re-parse (`reparseOf`) is `reparse` even with the same
 * content hash — but only while the revision it was parsed from is still the stored one.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { StorageError } from '../../../../lambdas/core/errors';
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

test('revision 1 has no reason; a changed hash is a correction; a new url only is moved', async () => {
  const r = makeRecord({ id: 'rr-1' });
  expect(await store.save(r, { contentHash: 'h1', itemHash: 'i1' })).toEqual({ outcome: 'created', revision: 1 });
  expect((await store.get('rr-1'))?.revisionReason).toBeNull();

  expect(await store.save({ ...r, title: 'Corrected' }, { contentHash: 'h2', itemHash: 'i2' })).toEqual({
    outcome: 'revised',
    revision: 2,
  });
  expect(await store.get('rr-1')).toMatchObject({ revision: 2, revisionReason: 'correction', title: 'Corrected' });

  const moved = { ...r, title: 'Corrected', url: 'https://www.prnewswire.com/news-releases/rr-1-moved.html' };
  expect(await store.save(moved, { contentHash: 'h2', itemHash: 'i2' })).toEqual({ outcome: 'revised', revision: 3 });
  expect(await store.get('rr-1')).toMatchObject({ revision: 3, revisionReason: 'moved', url: moved.url });
});

test('a re-parse is a new revision with reason reparse even when the content hash is the same', async () => {
  const r = makeRecord({ id: 'rr-2' });
  await store.save(r, { contentHash: 'h1', itemHash: 'item-hash' });
  const reparsed = { ...r, place: { city: 'Austin', region: 'TX', country: 'US' }, parserVersion: '9.0.0' };
  expect(await store.save(reparsed, { contentHash: 'h1', itemHash: null, reparseOf: 1 })).toEqual({
    outcome: 'revised',
    revision: 2,
  });
  const got = await store.get('rr-2');
  expect(got).toMatchObject({ revision: 2, revisionReason: 'reparse', parserVersion: '9.0.0' });
  expect(got?.place?.region).toBe('TX');
  // The item hash the poll step compares against survives a re-parse (which read no feed item).
  const item = (await client.send(new GetCommand({ TableName: table, Key: { id: 'rr-2' } }))).Item;
  expect(item?.itemHash).toBe('item-hash');
  expect((await store.seenItems(['rr-2'])).get('rr-2')?.itemHash).toBe('item-hash');
});

test('a re-parse of a revision that is no longer stored writes nothing', async () => {
  const r = makeRecord({ id: 'rr-3' });
  await store.save(r, { contentHash: 'h1', itemHash: 'i1' });
  await store.save({ ...r, title: 'Corrected' }, { contentHash: 'h2', itemHash: 'i2' });
  const stale = store.save({ ...r, parserVersion: '9.0.0' }, { contentHash: 'h1', itemHash: null, reparseOf: 1 });
  await expect(stale).rejects.toThrow(StorageError);
  await expect(stale).rejects.toMatchObject({ code: 'REPARSE_SUPERSEDED', retryable: true });
  expect(await store.get('rr-3')).toMatchObject({ revision: 2, title: 'Corrected', revisionReason: 'correction' });

  const missing = store.save(makeRecord({ id: 'rr-none' }), { contentHash: 'h', itemHash: null, reparseOf: 1 });
  await expect(missing).rejects.toMatchObject({ code: 'REPARSE_SUPERSEDED' });
  expect(await store.get('rr-none')).toBeNull();
});

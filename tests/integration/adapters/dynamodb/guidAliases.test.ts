/**
 * GUID aliases in the Articles table: a release saved with a feed and a GUID records an alias item
 * (feed id + GUID → release id) that poll-feed reads in one batch; alias items carry no index key,
 * so no query ever returns or counts them. A release whose url moved (same content) is a revision.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { guidAliasId } from '../../../../lambdas/adapters/dynamodb/indexItems';
import { ARTICLES_TABLE, ATTR, INDEX } from '../../../../lambdas/adapters/dynamodb/tableDesign';
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

const raw = async (id: string) =>
  (await client.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }))).Item;

test('a save with feed and GUID records the alias; lookups are per feed and skip unknown GUIDs', async () => {
  await store.save(makeRecord({ id: 'u-alias-1', guid: 'prn-1' }), { contentHash: 'c1', itemHash: 'i1' });
  await store.save(makeRecord({ id: 'u-alias-2', guid: ' prn-2 ' }), { contentHash: 'c1', itemHash: 'i1' });
  await store.save(makeRecord({ id: 'u-alias-3', guid: null }), { contentHash: 'c1', itemHash: 'i1' });

  const found = await store.releaseIdsByGuid('f-feed1', ['prn-1', 'prn-2', 'prn-unknown']);
  expect(found).toEqual(
    new Map([
      ['prn-1', 'u-alias-1'],
      ['prn-2', 'u-alias-2'],
    ]),
  );
  expect(await store.releaseIdsByGuid('f-other', ['prn-1'])).toEqual(new Map());
  expect(await store.releaseIdsByGuid('f-feed1', [])).toEqual(new Map());

  const alias = await raw(guidAliasId('f-feed1', 'prn-1'));
  expect(alias).toEqual({ id: guidAliasId('f-feed1', 'prn-1'), itemType: 'guidAlias', releaseId: 'u-alias-1' });
  // No index key attribute: the alias is in no index.
  for (const ix of ARTICLES_TABLE.indexes) expect(alias).not.toHaveProperty(ix.partitionKey);
  expect(alias).not.toHaveProperty(ATTR.sortKey);
  // Not a release: get() does not return it, and it is not a "seen" release id.
  expect(await store.get(guidAliasId('f-feed1', 'prn-1'))).toBeNull();
});

test('alias items never show up in a query, raw index read or store query', async () => {
  await store.save(makeRecord({ id: 'u-alias-q', guid: 'prn-q' }), { contentHash: 'c1', itemHash: 'i1' });
  const index = async (name: string, pk: string, value: string) =>
    (
      await client.send(
        new QueryCommand({
          TableName: table,
          IndexName: name,
          KeyConditionExpression: '#pk = :v',
          ExpressionAttributeNames: { '#pk': pk },
          ExpressionAttributeValues: { ':v': value },
        }),
      )
    ).Items ?? [];
  const byFeed = await index(INDEX.byFeed, ATTR.feedId, 'f-feed1');
  expect(byFeed.map((i) => String(i.id)).filter((id) => id.startsWith('guid#'))).toEqual([]);
  expect(byFeed.map((i) => i.id)).toContain('u-alias-q');

  const all = await store.query({ limit: 100 });
  const byFeedPage = await store.query({ feedId: 'f-feed1', limit: 100 });
  const bySource = await store.query({ source: 'Acme Robotics', limit: 100 });
  const byTicker = await store.query({ ticker: 'NASDAQ:ACME', limit: 100 });
  const byPlace = await store.query({ place: 'US', limit: 100 });
  for (const page of [all, byFeedPage, bySource, byTicker, byPlace]) {
    expect(page.items.length).toBeGreaterThan(0);
    for (const r of page.items) expect(r.id).toMatch(/^u-/);
  }
});

test('the same content under a moved url is revision 2 with the new url; the old message redelivered changes nothing', async () => {
  const before = makeRecord({ id: 'u-moved', guid: 'prn-m', url: 'https://wire.example.test/news/a.html' });
  const after = makeRecord({ id: 'u-moved', guid: 'prn-m', url: 'https://wire.example.test/news/2024/a-slug.html' });
  expect(await store.save(before, { contentHash: 'c1', itemHash: 'i1' })).toEqual({ outcome: 'created', revision: 1 });
  expect(await store.save(after, { contentHash: 'c1', itemHash: 'i2' })).toEqual({ outcome: 'revised', revision: 2 });
  expect((await store.get('u-moved'))?.url).toBe('https://wire.example.test/news/2024/a-slug.html');
  expect(await store.save(after, { contentHash: 'c1', itemHash: 'i2' })).toEqual({ outcome: 'unchanged', revision: 2 });
  expect(await store.save(before, { contentHash: 'c1', itemHash: 'i1' })).toEqual({
    outcome: 'unchanged',
    revision: 2,
  });
  expect((await store.get('u-moved'))?.url).toBe('https://wire.example.test/news/2024/a-slug.html');
});

test('a new GUID for unchanged content is recorded as an alias too', async () => {
  const r = makeRecord({ id: 'u-guid-changed', guid: 'old-guid' });
  await store.save(r, { contentHash: 'c1', itemHash: 'i1' });
  expect(await store.save({ ...r, guid: 'new-guid' }, { contentHash: 'c1', itemHash: 'i2' })).toEqual({
    outcome: 'unchanged',
    revision: 1,
  });
  expect(await store.releaseIdsByGuid('f-feed1', ['old-guid', 'new-guid'])).toEqual(
    new Map([
      ['old-guid', 'u-guid-changed'],
      ['new-guid', 'u-guid-changed'],
    ]),
  );
});

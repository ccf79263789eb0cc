/**
 * A release too large for one DynamoDB item (400 KB): its body goes to the archive (a folder
 * archive here, the S3 archive deployed), the item keeps a pointer, and get / query return the
 * whole record. dynalite enforces the item limit like DynamoDB, so the test would fail without it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { FolderRawArchive } from '../../../../lambdas/adapters/archive/folderArchive';
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { itemSizeBytes, MAX_ITEM_BYTES } from '../../../../lambdas/adapters/dynamodb/itemSize';
import type { PressReleaseRecord } from '../../../../lambdas/core/record';
import type { LocalDynamo } from '../../../../lambdas/local/dynamoServer';
import { makeTempDir } from '../../../helpers/tempDir';
import { makeRecord, startDynamoWithTables } from './helpers';

let dynamo: LocalDynamo;
let client: Awaited<ReturnType<typeof startDynamoWithTables>>['client'];
let table: string;
let store: DynamoArticleStore;
const tmp = makeTempDir('newswire-overflow');

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  client = started.client;
  table = started.tables.articles;
  store = new DynamoArticleStore({ client, tableName: table, archive: new FolderRawArchive({ dir: tmp.dir }) });
});
afterAll(async () => {
  await dynamo?.close();
  tmp.remove();
});

/**
 * A release whose paragraphs hold about `bytes` bytes (its body text as many again: the item keeps
 * only the paragraphs, storedBody.ts).
 */
function bigRelease(id: string, bytes: number, marker: string): PressReleaseRecord {
  const paragraph = `${marker} — Ünïcödé paragraph of a very long release about grids and robots. `.repeat(40);
  const paragraphs = Array.from({ length: Math.ceil(bytes / paragraph.length) }, (_, i) => `${i}: ${paragraph}`);
  const text = paragraphs.join('\n\n');
  return makeRecord({
    id,
    source: 'Tidewater Grid Storage, Inc.',
    body: { text, paragraphs, wordCount: text.split(/\s+/).length },
    about: [{ organization: 'Tidewater Grid Storage', text: 'About Tidewater. '.repeat(200) }],
  });
}

const rawItem = async (id: string) =>
  (await client.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }))).Item;

it('dynalite refuses an item over 400 KB, as DynamoDB does (the premise of the test)', async () => {
  await expect(
    client.send(new PutCommand({ TableName: table, Item: { id: 'u-too-big', blob: 'x'.repeat(MAX_ITEM_BYTES + 1) } })),
  ).rejects.toThrow(/size/i);
});

it('stores a 1 MB release with its body in the archive and returns it whole', async () => {
  const r = bigRelease('u-big-1', 1024 * 1024, 'first');
  expect(Buffer.byteLength(JSON.stringify(r))).toBeGreaterThan(1024 * 1024);
  expect(await store.save(r, { contentHash: 'big1', itemHash: null })).toEqual({ outcome: 'created', revision: 1 });

  const item = await rawItem('u-big-1');
  expect(item).toBeDefined();
  expect(item?.body).toBeUndefined();
  const overflow = item?.overflow as { key: string; fields: string[] };
  expect(overflow.key).toMatch(/^overflow\/u-big-1\/[0-9a-f]{64}\.json\.gz$/);
  expect(overflow.fields).toEqual(['body', 'about', 'contacts', 'links']);
  expect(existsSync(path.join(tmp.dir, ...overflow.key.split('/')))).toBe(true);
  expect(itemSizeBytes(item ?? {})).toBeLessThan(MAX_ITEM_BYTES);

  expect(await store.get('u-big-1')).toEqual(r);
  const page = await store.query({ source: 'Tidewater Grid Storage', limit: 5 });
  expect(page.items).toEqual([r]);
});

it('a revision of a large release keeps the previous body reachable from its history', async () => {
  const v1 = bigRelease('u-big-2', 600 * 1024, 'before');
  const v2 = bigRelease('u-big-2', 600 * 1024, 'after');
  await store.save(v1, { contentHash: 'b1', itemHash: null });
  const firstKey = ((await rawItem('u-big-2'))?.overflow as { key: string }).key;
  expect(await store.save(v2, { contentHash: 'b2', itemHash: null })).toEqual({ outcome: 'revised', revision: 2 });
  const item = await rawItem('u-big-2');
  expect((item?.overflow as { key: string }).key).not.toBe(firstKey);
  expect(item?.history).toEqual([expect.objectContaining({ revision: 1, overflowKey: firstKey })]);
  expect((await store.get('u-big-2'))?.body.text).toContain('after');
});

it('a small release stays whole in its item', async () => {
  await store.save(makeRecord({ id: 'u-small' }), { contentHash: 's', itemHash: null });
  const item = await rawItem('u-small');
  expect(item?.overflow).toBeUndefined();
  const { paragraphs, wordCount } = makeRecord({ id: 'u-small' }).body;
  expect(item?.body).toEqual({ paragraphs, wordCount });
});

it('without an archive a release over the limit fails with a named, non-retryable error', async () => {
  const bare = new DynamoArticleStore({ client, tableName: table });
  await expect(
    bare.save(bigRelease('u-big-3', 500 * 1024, 'x'), { contentHash: 'b3', itemHash: null }),
  ).rejects.toMatchObject({ code: 'RECORD_TOO_LARGE', retryable: false });
  expect(await rawItem('u-big-3')).toBeUndefined();
  // Refused before anything was written: not even its index items.
  expect(await rawItem('ticker#NASDAQ:ACME#u-big-3#1')).toBeUndefined();
});

it('itemSizeBytes agrees with the limit dynalite enforces, for nested maps, lists and numbers', async () => {
  // ASCII filler: dynalite counts UTF-16 code units where DynamoDB counts UTF-8 bytes (itemSizeBytes
  // follows DynamoDB, so for other text it measures at least what dynalite does).
  const shaped = (fill: number) => ({
    id: `u-size-${fill % 2}`, // same length for every fill
    n: 12345.678,
    flag: true,
    none: null,
    nested: { list: [1, 'two', { three: 'drei', ü: 'ü' }], empty: {}, none: [] },
    text: 'e'.repeat(fill),
  });
  const base = itemSizeBytes(shaped(0));
  const fitting = shaped(MAX_ITEM_BYTES - base - 4);
  const over = shaped(MAX_ITEM_BYTES - base + 5);
  expect(itemSizeBytes(fitting)).toBeLessThanOrEqual(MAX_ITEM_BYTES);
  expect(itemSizeBytes(over)).toBeGreaterThan(MAX_ITEM_BYTES);
  await expect(client.send(new PutCommand({ TableName: table, Item: fitting }))).resolves.toBeDefined();
  await expect(client.send(new PutCommand({ TableName: table, Item: over }))).rejects.toThrow(/size/i);
});

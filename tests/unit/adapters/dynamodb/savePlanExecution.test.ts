/**
 * DynamoArticleStore.save carries out the plan of core/savePlan.ts and, after losing a conditional
 * write, plans again from the winner's state (SDK mocked: the exact writes and their conditions).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { makeRecord } from '../fixtures';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const ddb = mockClient(doc);
const store = new DynamoArticleStore({
  client: doc,
  tableName: 'Articles',
  batchRetry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 4 },
});

const lost = () => Object.assign(new Error('conditional'), { name: 'ConditionalCheckFailedException', $metadata: {} });
const record = makeRecord({ id: 'a', tickers: [] });
const winner = (over: Record<string, unknown>) => ({
  id: 'a',
  itemType: 'release',
  revision: 1,
  contentHash: 'c1',
  itemHash: 'i1',
  url: record.url,
  history: [],
  tickerKeys: [],
  feedId: 'f-feed1',
  feeds: ['f-feed1'],
  sortKey: `${record.publishedAt}#a`,
  ...over,
});

beforeEach(() => {
  ddb.reset();
  ddb.on(BatchWriteCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
});

test('a lost create whose winner stored the same release is unchanged: one put, no revision', async () => {
  ddb.on(PutCommand).rejects(lost());
  ddb.on(GetCommand).resolves({ Item: winner({}) });
  expect(await store.save(record, { contentHash: 'c1', itemHash: 'i1' })).toEqual({
    outcome: 'unchanged',
    revision: 1,
  });
  expect(ddb.commandCalls(PutCommand)).toHaveLength(1);
  expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
});

test('a lost create through another feed adds that feed to the winner, conditional on the winner read', async () => {
  ddb.on(PutCommand).rejects(lost());
  ddb.on(GetCommand).resolves({ Item: winner({}) });
  const other = { ...record, feed: { id: 'f-feed2', url: 'https://example.com/2.rss' } };
  expect(await store.save(other, { contentHash: 'c1', itemHash: 'i1' })).toEqual({ outcome: 'unchanged', revision: 1 });
  const [update] = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
  expect(update).toMatchObject({
    Key: { id: 'a' },
    ConditionExpression: '#revision = :old AND size(#feeds) = :feedCount',
    ExpressionAttributeValues: { ':old': 1, ':feedCount': 1, ':add': ['f-feed2'] },
  });
});

test('a revision that loses to a new listing is planned again with the feeds the winner has', async () => {
  ddb
    .on(GetCommand)
    .resolvesOnce({ Item: winner({}) })
    .resolves({ Item: winner({ feeds: ['f-feed1', 'f-feed3'] }) });
  ddb.on(PutCommand).rejectsOnce(lost()).rejectsOnce(lost()).resolves({});
  expect(await store.save(record, { contentHash: 'c2', itemHash: 'i2' })).toEqual({
    outcome: 'revised',
    revision: 2,
  });
  const puts = ddb.commandCalls(PutCommand).map((c) => c.args[0].input);
  expect(puts.map((p) => p.ConditionExpression)).toEqual([
    'attribute_not_exists(#id)',
    '#revision = :old AND size(#feeds) = :feedCount',
    '#revision = :old AND size(#feeds) = :feedCount',
  ]);
  expect(puts[1]?.ExpressionAttributeValues).toEqual({ ':old': 1, ':feedCount': 1 });
  expect(puts[2]?.ExpressionAttributeValues).toEqual({ ':old': 1, ':feedCount': 2 });
  // The written revision keeps the feed listed meanwhile.
  expect(puts[2]?.Item).toMatchObject({ revision: 2, feeds: ['f-feed1', 'f-feed3'], revisionReason: 'correction' });
});

test('a re-parse of a revision no longer stored writes nothing', async () => {
  ddb.on(GetCommand).resolves({ Item: winner({ revision: 3 }) });
  await expect(store.save(record, { contentHash: 'c9', itemHash: null, reparseOf: 2 })).rejects.toMatchObject({
    code: 'REPARSE_SUPERSEDED',
  });
  expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(0);
});

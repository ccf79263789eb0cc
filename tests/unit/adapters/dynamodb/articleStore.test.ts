import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { StorageError } from '../../../../lambdas/core/errors';
import { makeRecord } from '../fixtures';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const ddb = mockClient(doc);
const store = new DynamoArticleStore({
  client: doc,
  tableName: 'Articles',
  batchRetry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 4 },
});

beforeEach(() => ddb.reset());

const awsError = (name: string, message: string) => Object.assign(new Error(message), { name, $metadata: {} });

describe('seenItems', () => {
  it('retries UnprocessedKeys until none are left', async () => {
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({
        Responses: { Articles: [{ id: 'a', itemHash: 'ha' }] },
        UnprocessedKeys: { Articles: { Keys: [{ id: 'b' }, { id: 'c' }] } },
      })
      .resolvesOnce({
        Responses: { Articles: [{ id: 'b', itemHash: null }] },
        UnprocessedKeys: { Articles: { Keys: [{ id: 'c' }] } },
      })
      .resolvesOnce({ Responses: { Articles: [{ id: 'c', itemHash: 'hc' }] }, UnprocessedKeys: {} });
    const seen = await store.seenItems(['a', 'b', 'c', 'd']);
    expect([...seen].map(([id, s]) => [id, s.itemHash])).toEqual([
      ['a', 'ha'],
      ['b', null],
      ['c', 'hc'],
    ]);
    const calls = ddb.commandCalls(BatchGetCommand);
    expect(calls).toHaveLength(3);
    expect(calls[1]?.args[0].input.RequestItems?.Articles?.Keys).toEqual([{ id: 'b' }, { id: 'c' }]);
    expect(calls[2]?.args[0].input.RequestItems?.Articles?.Keys).toEqual([{ id: 'c' }]);
  });

  it('sends at most 100 keys per call', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: { Articles: [] } });
    await store.seenItems(Array.from({ length: 250 }, (_, i) => `id-${i}`));
    expect(ddb.commandCalls(BatchGetCommand).map((c) => c.args[0].input.RequestItems?.Articles?.Keys?.length)).toEqual([
      100, 100, 50,
    ]);
  });

  it('throws a retryable StorageError instead of dropping keys that stay unprocessed', async () => {
    ddb.on(BatchGetCommand).resolves({ UnprocessedKeys: { Articles: { Keys: [{ id: 'x' }] } } });
    await expect(store.seenItems(['x'])).rejects.toMatchObject({ code: 'UNPROCESSED_KEYS', retryable: true });
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(4);
  });

  it('wraps throttling as a retryable StorageError', async () => {
    ddb
      .on(BatchGetCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const err = await store.seenItems(['x']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({ code: 'THROTTLED', retryable: true });
  });
});

describe('error mapping', () => {
  it.each(['ThrottlingException', 'RequestLimitExceeded'])('%s → retryable THROTTLED', async (name) => {
    ddb.on(GetCommand).rejects(awsError(name, 'throttled'));
    await expect(store.get('a')).rejects.toMatchObject({ code: 'THROTTLED', retryable: true });
  });

  it('ValidationException → non-retryable StorageError with the message', async () => {
    ddb.on(QueryCommand).rejects(awsError('ValidationException', 'One or more parameter values were invalid'));
    const err = await store.query({ source: 'Acme', limit: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({ code: 'VALIDATION', retryable: false });
    expect((err as Error).message).toContain('One or more parameter values were invalid');
  });

  it('throttling during save → retryable StorageError', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(BatchWriteCommand).resolves({});
    ddb.on(PutCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow', $metadata: {} }));
    await expect(store.save(makeRecord({ id: 'a' }), { contentHash: 'c', itemHash: null })).rejects.toMatchObject({
      code: 'THROTTLED',
      retryable: true,
    });
  });

  it('gives up with SAVE_CONFLICT when it keeps losing races', async () => {
    ddb.on(PutCommand).rejects(awsError('ConditionalCheckFailedException', 'conditional'));
    ddb.on(BatchWriteCommand).resolves({});
    ddb.on(GetCommand).resolves({ Item: { revision: 3, contentHash: 'other', history: [] } });
    await expect(store.save(makeRecord({ id: 'a' }), { contentHash: 'c', itemHash: null })).rejects.toMatchObject({
      code: 'SAVE_CONFLICT',
      retryable: true,
    });
    // The create is tried first (most ids are new), then 5 conditional revisions; each lost write
    // is followed by one read of the winner's state, which decides the next attempt.
    expect(ddb.commandCalls(PutCommand)).toHaveLength(6);
    expect(ddb.commandCalls(PutCommand)[0]?.args[0].input.ConditionExpression).toBe('attribute_not_exists(#id)');
    expect(ddb.commandCalls(GetCommand)).toHaveLength(6);
  });
});

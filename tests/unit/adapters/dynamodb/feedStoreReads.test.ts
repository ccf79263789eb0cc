import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoFeedStore } from '../../../../lambdas/adapters/dynamodb/feedStore';
import { StorageError } from '../../../../lambdas/core/errors';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const ddb = mockClient(doc);
const store = new DynamoFeedStore({ client: doc, tableName: 'Feeds' });

beforeEach(() => ddb.reset());

describe('get', () => {
  it('reads strongly consistent by default (the CLI reads what it just wrote)', async () => {
    ddb.on(GetCommand).resolves({});
    expect(await store.get('f-1')).toBeNull();
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({ Key: { id: 'f-1' }, ConsistentRead: true });
  });

  it('reads eventually consistent when asked (a poll: half the read units)', async () => {
    ddb.on(GetCommand).resolves({});
    await store.get('f-1', { consistent: false });
    expect(ddb.commandCalls(GetCommand)[0]?.args[0].input.ConsistentRead).toBe(false);
  });

  it('a failed read is a retryable StorageError either way', async () => {
    ddb.on(GetCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: {} }));
    const err = await store.get('f-1', { consistent: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).retryable).toBe(true);
  });
});

/**
 * CoalescingPutWriter against dynalite: a shared BatchWriteItem that DynamoDB refuses as invalid
 * (one caller's item is over the 400 KB item limit) fails that caller only; the puts of the callers
 * that shared the call are written.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { CoalescingPutWriter } from '../../../../lambdas/adapters/dynamodb/batchWrite';
import { startDynamoWithTables } from './helpers';

let env: Awaited<ReturnType<typeof startDynamoWithTables>>;
beforeAll(async () => {
  env = await startDynamoWithTables();
});
afterAll(async () => {
  await env.dynamo.close();
});

const stored = async (id: string) =>
  (await env.client.send(new GetCommand({ TableName: env.tables.articles, Key: { id }, ConsistentRead: true }))).Item;

test('one oversized item fails its own caller, not the neighbours that shared its BatchWriteItem', async () => {
  const writer = new CoalescingPutWriter(env.client, env.tables.articles, { baseDelayMs: 1, maxDelayMs: 2 });
  const results = await Promise.allSettled([
    writer.put([{ id: 'iso-a', n: 1 }]),
    writer.put([{ id: 'iso-big', body: 'x'.repeat(410 * 1024) }]),
    writer.put([{ id: 'iso-c', n: 3 }]),
  ]);

  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'VALIDATION', retryable: false });
  expect(await stored('iso-a')).toEqual({ id: 'iso-a', n: 1 });
  expect(await stored('iso-c')).toEqual({ id: 'iso-c', n: 3 });
  expect(await stored('iso-big')).toBeUndefined();
});

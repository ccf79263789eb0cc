/**
 * Throttling is retried in one place — the SDK client's retry strategy (clients.ts) — with backoff:
 * a proxy in front of dynalite answers the first requests with each throttling error DynamoDB
 * sends, and the store's calls still succeed. Past the attempts, the error is a retryable
 * StorageError (unit-tested in articleStore.test.ts) and the queue retries the message.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoArticleStore } from '../../../../lambdas/adapters/dynamodb/articleStore';
import { DYNAMO_MAX_ATTEMPTS, makeDocumentClient } from '../../../../lambdas/adapters/dynamodb/clients';
import type { LocalDynamo } from '../../../../lambdas/local/dynamoServer';
import { makeRecord, startDynamoWithTables } from './helpers';

let dynamo: LocalDynamo;
let proxy: Server;
let table: string;
/** Errors still to answer with, in order; then requests pass through. */
const throttles: string[] = [];
const seen: string[] = [];

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  table = started.tables.articles;
  started.client.destroy();
  const target = new URL(dynamo.endpoint);
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const error = throttles.shift();
      seen.push(error ? `${op}:${error}` : op);
      if (error) {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${error}`, message: 'slow down' }));
        return;
      }
      const up = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (upRes) => {
          res.writeHead(upRes.statusCode ?? 500, upRes.headers);
          upRes.pipe(res);
        },
      );
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    proxy.close(() => resolve());
    proxy.closeAllConnections();
  });
  await dynamo?.close();
});

it('retries each kind of throttling with backoff until the call goes through', async () => {
  const port = (proxy.address() as AddressInfo).port;
  const client = makeDocumentClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1' });
  const store = new DynamoArticleStore({ client, tableName: table });
  throttles.push('ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded');
  seen.length = 0;
  expect(await store.save(makeRecord({ id: 'u-throttled' }), { contentHash: 'c', itemHash: null })).toEqual({
    outcome: 'created',
    revision: 1,
  });
  // The first call (the index items' BatchWriteItem) was throttled three times, then answered.
  expect(seen.slice(0, 4)).toEqual([
    'BatchWriteItem:ProvisionedThroughputExceededException',
    'BatchWriteItem:ThrottlingException',
    'BatchWriteItem:RequestLimitExceeded',
    'BatchWriteItem',
  ]);
  expect(seen.slice(4)).toEqual(['PutItem']);
  expect(DYNAMO_MAX_ATTEMPTS).toBeGreaterThan(3);
  expect((await store.get('u-throttled'))?.id).toBe('u-throttled');
  client.destroy();
}, 20_000); // the SDK's throttling backoff: up to 0.5 + 1 + 2 s for three retries

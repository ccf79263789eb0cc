/**
 * poll-feed's batch as the handler runs it (lambdas/handlers/pollFeed.ts): 10 feeds of one host
 * polled at once, each first reading its feed state, then fetching through the HTTP client (2 at a
 * time per host) and HostSlotReuse over the DynamoDB host slots on dynalite. The host's item is read
 * and written as few times as the batching allows: one take of 2 slots, one give-back of both.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoFeedStore } from '../../../lambdas/adapters/dynamodb/feedStore';
import { DynamoHostSlots, leaseMsFor } from '../../../lambdas/adapters/dynamodb/hostSlots';
import { UndiciHttpClient } from '../../../lambdas/adapters/http/httpClient';
import { HostSlotReuse } from '../../../lambdas/pipeline/hostSlotReuse';
import type { LocalDynamo } from '../../../lambdas/local/dynamoServer';
import { makeFeed, startDynamoWithTables } from '../adapters/dynamodb/helpers';

let dynamo: LocalDynamo;
let started: Awaited<ReturnType<typeof startDynamoWithTables>>;
let server: Server;
let port = 0;
let inFlight = 0;
let peak = 0;

beforeAll(async () => {
  started = await startDynamoWithTables();
  dynamo = started.dynamo;
  server = createServer((_req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(304);
      res.end();
    }, 30);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  started?.client.destroy();
  await dynamo?.close();
});

test('a batch of 10 polls of one host reads the host item once and writes it twice (2 slots taken together, given back together)', async () => {
  const { client, tables } = started;
  const feeds = new DynamoFeedStore({ client, tableName: tables.feeds });
  for (let i = 0; i < 10; i++) await feeds.register(makeFeed({ id: `f-batch-${i}` }));
  const onHostItem: string[] = [];
  const spy = {
    send: (command: { constructor: { name: string }; input: { Key?: { id?: unknown } } }) => {
      if (String(command.input.Key?.id ?? '').startsWith('host#')) onHostItem.push(command.constructor.name);
      return (client.send as (c: unknown) => Promise<unknown>)(command);
    },
  } as unknown as typeof client;
  const fleet = new DynamoHostSlots({ client: spy, tableName: tables.feeds, limit: 4, leaseMs: leaseMsFor(15_000) });
  const slots = new HostSlotReuse(fleet, { leaseMs: leaseMsFor(15_000), requestMs: 15_000 });
  const http = new UndiciHttpClient({ allowHosts: [`127.0.0.1:${port}`], perHostConcurrency: 2, hostSlots: slots });
  try {
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await feeds.get(`f-batch-${i}`, { consistent: false });
        return (await http.fetch(`http://127.0.0.1:${port}/feed-${i}.rss`, { etag: '"e"' })).status;
      }),
    );
    expect(statuses).toEqual(Array(10).fill(304));
  } finally {
    await slots.flush();
    await http.close();
  }
  expect(peak).toBeLessThanOrEqual(2);
  expect(onHostItem).toEqual(['GetCommand', 'UpdateCommand', 'UpdateCommand']);
  expect(slots.counts).toEqual({ taken: 2, handedOn: 8 });
  const item = await client.send(new GetCommand({ TableName: tables.feeds, Key: { id: 'host#127.0.0.1' } }));
  expect(Object.keys(item.Item ?? {}).filter((k) => /^s\d+$/.test(k))).toEqual([]);
});

/**
 * The local runner takes the same fleet-wide host slots as the Lambdas (the DynamoDB adapter, on its
 * dynalite): two processes on one data dir together stay within the limit.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from '../../../lambdas/adapters/dynamodb/clients';
import { LOCAL_TABLES, openLocalRuntime, type LocalRuntime } from '../../../lambdas/local/runtime';
import { silentLog } from '../../helpers/fakes';

let server: Server;
let port = 0;
let inFlight = 0;
let peak = 0;
let rt: LocalRuntime;

beforeAll(async () => {
  server = createServer((_req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight--;
      res.end('ok');
    }, 40);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  rt = await openLocalRuntime({
    dataDir: null,
    allowHosts: [`127.0.0.1:${port}`],
    fetch: { perHostConcurrency: 8 },
    maxRequestsPerHost: 2,
    log: silentLog,
  });
});
afterAll(async () => {
  await rt?.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

test('the local HTTP client holds a slot in the local Feeds table around each request, and keeps to the limit', async () => {
  // This process alone would allow 8 at once; the slots allow 2.
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) => rt.http.fetch(`http://127.0.0.1:${port}/page-${i}`)),
  );
  expect(results.every((r) => r.status === 200)).toBe(true);
  expect(peak).toBeLessThanOrEqual(2);
  expect(peak).toBe(2);
  const client = makeDocumentClient({ endpoint: rt.dynamoEndpoint, region: 'local' });
  try {
    const item = await client.send(
      new GetCommand({ TableName: LOCAL_TABLES.feeds, Key: { id: 'host#127.0.0.1' }, ConsistentRead: true }),
    );
    // The host's item exists, and every slot was given back.
    expect(item.Item).toMatchObject({ id: 'host#127.0.0.1', host: '127.0.0.1' });
    expect(Object.keys(item.Item ?? {}).filter((k) => /^s\d+$/.test(k))).toEqual([]);
  } finally {
    client.destroy();
  }
});

/** The fleet-wide per-host semaphore on dynalite: slots, release, expiry, contention, bounded wait. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoFeedStore } from '../../../../lambdas/adapters/dynamodb/feedStore';
import {
  DynamoHostSlots,
  leaseMsFor,
  type DynamoHostSlotsProps,
} from '../../../../lambdas/adapters/dynamodb/hostSlots';
import { HostBusyError } from '../../../../lambdas/pipeline/hostBusy';
import type { LocalDynamo } from '../../../../lambdas/local/dynamoServer';
import { makeFeed, startDynamoWithTables } from './helpers';

let dynamo: LocalDynamo;
let client: Awaited<ReturnType<typeof startDynamoWithTables>>['client'];
let feedsTable: string;

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  client = started.client;
  feedsTable = started.tables.feeds;
});
afterAll(async () => {
  client?.destroy();
  await dynamo?.close();
});

let hostSeq = 0;
const freshHost = () => `host-${++hostSeq}.example.test`;
/** Another "function": its own adapter instance over the same table. */
const slots = (props: Partial<DynamoHostSlotsProps> = {}) =>
  new DynamoHostSlots({ client, tableName: feedsTable, limit: 2, leaseMs: 60_000, maxWaitMs: 300, ...props });

test('at most `limit` holders at once across instances; a released slot is taken by the next', async () => {
  const host = freshHost();
  const a = await slots().acquire(host);
  const b = await slots().acquire(host);
  const started = Date.now();
  // A third caller waits its bounded time, then gets HOST_BUSY (retryable), never a slot.
  const third = await slots({ maxWaitMs: 250 })
    .acquire(host)
    .catch((e: unknown) => e);
  expect(third).toBeInstanceOf(HostBusyError);
  expect(third).toMatchObject({ code: 'HOST_BUSY', retryable: true, host });
  expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  await a();
  const c = await slots().acquire(host);
  await b();
  await c();
  // Hosts do not share slots.
  const other = await slots({ limit: 1 }).acquire(freshHost());
  await other();
});

test('a waiter gets the slot as soon as a holder gives it back', async () => {
  const host = freshHost();
  const held = await slots({ limit: 1 }).acquire(host);
  const waiting = slots({ limit: 1, maxWaitMs: 5_000 }).acquire(host);
  setTimeout(() => void held(), 150);
  const release = await waiting;
  await release();
});

test('the slot of a holder that died (never released) frees itself when its lease ends', async () => {
  const host = freshHost();
  let clock = 1_000_000;
  const now = () => clock;
  await slots({ limit: 1, leaseMs: 5_000, now }).acquire(host); // dies holding it
  await expect(slots({ limit: 1, leaseMs: 5_000, now, maxWaitMs: 0 }).acquire(host)).rejects.toBeInstanceOf(
    HostBusyError,
  );
  clock += 5_001;
  const next = await slots({ limit: 1, leaseMs: 5_000, now, maxWaitMs: 0 }).acquire(host);
  await next();
});

test("a late release after expiry does not free the next holder's slot; releasing twice is harmless", async () => {
  const host = freshHost();
  let clock = 2_000_000;
  const now = () => clock;
  const stale = await slots({ limit: 1, leaseMs: 1_000, now }).acquire(host);
  clock += 1_001;
  const current = await slots({ limit: 1, leaseMs: 1_000, now }).acquire(host);
  await stale(); // the old holder wakes up and gives back what is no longer its slot
  await expect(slots({ limit: 1, leaseMs: 1_000, now, maxWaitMs: 0 }).acquire(host)).rejects.toBeInstanceOf(
    HostBusyError,
  );
  await current();
  await current();
  const after = await slots({ limit: 1, leaseMs: 1_000, now, maxWaitMs: 0 }).acquire(host);
  await after();
  const item = await client.send(new GetCommand({ TableName: feedsTable, Key: { id: `host#${host}` } }));
  expect(Object.keys(item.Item ?? {}).filter((k) => /^s\d+$/.test(k))).toEqual([]);
});

test('under contention (30 callers, limit 3) no more than 3 ever hold a slot, and every caller gets one', async () => {
  const host = freshHost();
  let holding = 0;
  let peak = 0;
  let served = 0;
  await Promise.all(
    Array.from({ length: 30 }, async () => {
      const release = await slots({ limit: 3, maxWaitMs: 20_000 }).acquire(host);
      holding++;
      peak = Math.max(peak, holding);
      await new Promise((r) => setTimeout(r, 20));
      holding--;
      served++;
      await release();
    }),
  );
  expect(served).toBe(30);
  expect(peak).toBeLessThanOrEqual(3);
  expect(peak).toBeGreaterThanOrEqual(2); // the slots were really used in parallel
}, 60_000);

test('the lease outlives the longest request the HTTP client lets run', () => {
  expect(leaseMsFor(15_000)).toBeGreaterThan(15_000);
  expect(() => slots({ limit: 0 })).toThrow(RangeError);
});

test("the hosts' slot items share the Feeds table but are never listed as feeds", async () => {
  const store = new DynamoFeedStore({ client, tableName: feedsTable });
  await store.register(makeFeed({ id: 'f-listed', nextPollAt: '2025-01-01T00:00:00.000Z' }));
  const release = await slots().acquire(freshHost());
  await release();
  const ids = (await store.list()).map((f) => f.id);
  expect(ids).toContain('f-listed');
  expect(ids.some((id) => id.startsWith('host#'))).toBe(false);
  expect((await store.listDue('2030-01-01T00:00:00.000Z')).some((f) => f.id.startsWith('host#'))).toBe(false);
});

test('releaseAll frees the slots a killed holder left taken (and only slot items: feeds stay)', async () => {
  const host = freshHost();
  await client.send(new PutCommand({ TableName: feedsTable, Item: { id: 'f-keep', url: 'https://keep.test/f.xml' } }));
  // A run that was SIGKILLed: both slots taken, never given back, leases an hour long.
  const dead = slots({ leaseMs: 3_600_000 });
  await dead.acquire(host);
  await dead.acquire(host);
  await expect(slots({ maxWaitMs: 100 }).acquire(host)).rejects.toBeInstanceOf(HostBusyError);

  expect(await slots().releaseAll()).toBeGreaterThanOrEqual(1);
  const next = slots({ maxWaitMs: 100 });
  const release = [await next.acquire(host), await next.acquire(host)];
  await Promise.all(release.map((r) => r()));
  const kept = await client.send(new GetCommand({ TableName: feedsTable, Key: { id: 'f-keep' } }));
  expect(kept.Item?.url).toBe('https://keep.test/f.xml');
});

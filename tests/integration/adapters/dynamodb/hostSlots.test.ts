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

describe('several slots in one write (acquireSome / giveBack, for poll-feed batches)', () => {
  /** An adapter whose table requests are counted, by command. */
  const counted = (props: Partial<DynamoHostSlotsProps> = {}) => {
    const sent: string[] = [];
    const spy = {
      send: (command: { constructor: { name: string } }) => {
        sent.push(command.constructor.name);
        return (client.send as (c: unknown) => Promise<unknown>)(command);
      },
    } as unknown as typeof client;
    return { sent, slots: slots({ client: spy, ...props }) };
  };
  const slotKeys = async (host: string) => {
    const item = await client.send(new GetCommand({ TableName: feedsTable, Key: { id: `host#${host}` } }));
    return Object.keys(item.Item ?? {}).filter((k) => /^s\d+$/.test(k));
  };

  test('takes as many free slots as wanted in one read and one write, and gives them back in one write', async () => {
    const host = freshHost();
    const { sent, slots: batch } = counted({ limit: 3 });
    const taken = await batch.acquireSome(host, () => 2);
    expect(taken).toHaveLength(2);
    expect(new Set(taken.map((s) => s.index)).size).toBe(2);
    expect(sent).toEqual(['GetCommand', 'UpdateCommand']);
    expect(await slotKeys(host)).toHaveLength(2);
    // The third slot is the only one left for another function.
    const other = await slots({ limit: 3, maxWaitMs: 0 }).acquire(host);
    await expect(slots({ limit: 3, maxWaitMs: 0 }).acquire(host)).rejects.toBeInstanceOf(HostBusyError);
    await batch.giveBack(taken);
    expect(sent).toEqual(['GetCommand', 'UpdateCommand', 'UpdateCommand']);
    expect(await slotKeys(host)).toHaveLength(1);
    await other();
    expect(await slotKeys(host)).toEqual([]);
  });

  test('fewer free than wanted: takes the free ones at once, without waiting for the rest', async () => {
    const host = freshHost();
    const held = await slots({ limit: 3 }).acquire(host);
    const sleeps: number[] = [];
    const { sent, slots: batch } = counted({
      limit: 3,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    });
    const taken = await batch.acquireSome(host, () => 3);
    expect(taken).toHaveLength(2);
    expect(sleeps).toEqual([]);
    expect(sent).toEqual(['GetCommand', 'UpdateCommand']);
    await batch.giveBack(taken);
    await held();
    expect(await slotKeys(host)).toEqual([]);
  });

  test('asks want() again before each attempt: none wanted any more, no write', async () => {
    const host = freshHost();
    const full = await slots({ limit: 1 }).acquire(host);
    let wanted = 1;
    const { sent, slots: batch } = counted({
      limit: 1,
      maxWaitMs: 5_000,
      sleep: () => {
        wanted = 0; // the request that waited was served otherwise (a slot handed on in this process)
        return Promise.resolve();
      },
    });
    expect(await batch.acquireSome(host, () => wanted)).toEqual([]);
    expect(sent).toEqual(['GetCommand']);
    await full();
  });

  test('a batch of slots given back after one expired and was taken by another frees only its own', async () => {
    const host = freshHost();
    let clock = 3_000_000;
    const now = () => clock;
    const stale = slots({ limit: 2, leaseMs: 1_000, now });
    const mine = await stale.acquireSome(host, () => 2);
    expect(mine).toHaveLength(2);
    clock += 1_001;
    // Both expired; another function takes one of them.
    const current = await slots({ limit: 2, leaseMs: 1_000, now, random: () => 0 }).acquireSome(host, () => 1);
    await stale.giveBack(mine); // the old holder wakes up: the one still holding its lease is removed
    const left = await slotKeys(host);
    expect(left).toEqual([`s${current[0]!.index}`]);
    // One slot free, the other still the current holder's.
    const next = await slots({ limit: 2, leaseMs: 1_000, now, maxWaitMs: 0 }).acquire(host);
    await expect(slots({ limit: 2, leaseMs: 1_000, now, maxWaitMs: 0 }).acquire(host)).rejects.toBeInstanceOf(
      HostBusyError,
    );
    await next();
    await slots({ limit: 2, now }).giveBack(current);
    expect(await slotKeys(host)).toEqual([]);
  });

  test('under contention (12 functions taking 2 at a time, limit 3) no more than 3 slots are ever held', async () => {
    const host = freshHost();
    let holding = 0;
    let peak = 0;
    let served = 0;
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        const fn = slots({ limit: 3, maxWaitMs: 20_000 });
        const taken = await fn.acquireSome(host, () => 2);
        holding += taken.length;
        peak = Math.max(peak, holding);
        await new Promise((r) => setTimeout(r, 20));
        holding -= taken.length;
        served += taken.length;
        await fn.giveBack(taken);
      }),
    );
    expect(served).toBeGreaterThanOrEqual(12);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThanOrEqual(2);
    expect(await slotKeys(host)).toEqual([]);
  }, 60_000);
});

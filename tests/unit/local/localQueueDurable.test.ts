/** A LocalQueue kept in a DurableQueueStore: what one process leaves, the next one opens and delivers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StorageError } from '../../../lambdas/core/errors';
import { MemoryDeadLetterStore } from '../../../lambdas/local/deadLetterStore';
import { DurableQueueStore } from '../../../lambdas/local/durableQueueStore';
import { drainQueue, LocalQueue } from '../../../lambdas/local/localQueue';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nw-durable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const reopen = async (store: DurableQueueStore | null) => {
  await store?.close();
  return DurableQueueStore.open(path.join(dir, 'queues'));
};

test('sent, in-flight and retry-waiting messages are all delivered again after a reopen; acked ones are not', async () => {
  let store = await reopen(null);
  const q = await LocalQueue.open<number>('article', { journal: store, retryDelayMs: 60_000 });
  await q.send([1, 2, 3, 4]);
  const [m1, m2, m3] = q.receive(3);
  await q.settle();
  q.ack(m1!.messageId); // done
  q.fail(m2!.messageId, new Error('flaky')); // waiting a minute for its retry
  void m3; // in flight when the process "dies"
  await q.settle();

  store = await reopen(store);
  const again = await LocalQueue.open<number>('article', { journal: store, retryDelayMs: 60_000 });
  expect(again.resumed).toBe(3);
  const got = again.receive(10).map((m) => [m.body, m.receiveCount]);
  // In flight and waiting: visible at once (their consumer is gone), receive counts kept.
  expect(got).toEqual([
    [2, 2],
    [3, 2],
    [4, 1],
  ]);
  await store.close();
});

test('a message received maxReceiveCount times that never settled is dead-lettered at the next open', async () => {
  let store = await reopen(null);
  const dlq = new MemoryDeadLetterStore();
  const opts = { maxReceiveCount: 2, deadLetterStore: { store: dlq, queue: 'article' as const } };
  const q = await LocalQueue.open<string>('article', { ...opts, journal: store });
  await q.send(['poison']);
  q.receive(1);
  await q.settle();
  store = await reopen(store); // "crash" 1
  const q2 = await LocalQueue.open<string>('article', { ...opts, journal: store });
  expect(q2.receive(1)[0]?.receiveCount).toBe(2);
  await q2.settle();
  store = await reopen(store); // "crash" 2
  const q3 = await LocalQueue.open<string>('article', { ...opts, journal: store });
  expect(q3.pending).toBe(0);
  expect((await dlq.list('article')).map((l) => [l.body, l.reason.code, l.receiveCount])).toEqual([
    ['"poison"', 'IN_FLIGHT_AT_EXIT', 2],
  ]);
  store = await reopen(store);
  expect(await store.load('article')).toEqual([]); // parked, then gone from the queue
  await store.close();
});

test('a drained queue leaves nothing behind; a permanent failure is parked once and removed from the queue', async () => {
  let store = await reopen(null);
  const dlq = new MemoryDeadLetterStore();
  const q = await LocalQueue.open<number>('article', {
    journal: store,
    retryDelayMs: 1,
    deadLetterStore: { store: dlq, queue: 'article' },
  });
  await q.send([1, 2, 3]);
  await drainQueue(q, async (n) => {
    if (n === 2) throw new StorageError('BAD', 'permanent', false);
  });
  expect((await dlq.list('article')).map((l) => l.body)).toEqual(['2']);
  store = await reopen(store);
  expect(await store.load('article')).toEqual([]);
  const q2 = await LocalQueue.open<number>('article', { journal: store });
  expect(q2.pending).toBe(0);
  await store.close();
});

test('queues share one store without seeing each other; order of sending is kept across a reopen', async () => {
  let store = await reopen(null);
  const a = await LocalQueue.open<string>('poll', { journal: store });
  const b = await LocalQueue.open<string>('article', { journal: store });
  await a.send(['p1']);
  await b.send(['a1', 'a2']);
  await a.send(['p2']);
  store = await reopen(store);
  const a2 = await LocalQueue.open<string>('poll', { journal: store });
  expect(a2.receive(10).map((m) => m.body)).toEqual(['p1', 'p2']);
  const b2 = await LocalQueue.open<string>('article', { journal: store });
  expect(b2.receive(10).map((m) => m.body)).toEqual(['a1', 'a2']);
  await a2.settle();
  await b2.settle();
  await store.close();
});

test('a second process cannot open the same queues', async () => {
  const store = await reopen(null);
  await expect(DurableQueueStore.open(path.join(dir, 'queues'))).rejects.toThrow(/in use by another newswire process/);
  await store.close();
});

test('in-process visibility timeout: a received message not settled in time is received again', async () => {
  const q = new LocalQueue<string>('q', { visibilityTimeoutMs: 100 });
  await q.send(['x']);
  const t0 = 1_000_000;
  expect(q.receive(1, t0)[0]?.receiveCount).toBe(1);
  expect(q.receive(1, t0 + 50)).toEqual([]);
  expect(q.nextVisibleIn(t0 + 50)).toBe(50);
  expect(q.receive(1, t0 + 100)[0]?.receiveCount).toBe(2);
});

/**
 * `npx tsx scripts/bench/durableQueue.ts [messages]` (default 2000)
 *
 * What crash safety costs the local queues: the same messages (1.5 KB bodies, sent 10 at a time)
 * sent and drained (4 workers, batches of 10, a handler that does nothing) through an in-memory
 * LocalQueue and through one kept in a DurableQueueStore (classic-level, synced batches) in a temp
 * dir. Prints one line per queue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DurableQueueStore } from '../../lambdas/local/durableQueueStore';
import { drainQueue, LocalQueue } from '../../lambdas/local/localQueue';

type Body = { i: number; pad: string };

async function run(durable: boolean, n: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nw-queue-bench-'));
  const store = durable ? await DurableQueueStore.open(path.join(dir, 'queues')) : null;
  const q = store ? await LocalQueue.open<Body>('article', { journal: store }) : new LocalQueue<Body>('article');
  try {
    const t0 = performance.now();
    for (let i = 0; i < n; i += 10) {
      await q.send(Array.from({ length: Math.min(10, n - i) }, (_, k) => ({ i: i + k, pad: 'x'.repeat(1500) })));
    }
    const t1 = performance.now();
    await drainQueue(q, async () => undefined, { concurrency: 4 });
    const t2 = performance.now();
    console.log(
      `${durable ? 'durable' : 'memory '}  ${n} messages: send ${(t1 - t0).toFixed(0)} ms, drain ${(t2 - t1).toFixed(0)} ms, ` +
        `${Math.round((n / (t2 - t0)) * 1000)} messages/s sent and drained`,
    );
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 2000);
  if (!Number.isInteger(n) || n < 1) throw new Error('usage: durableQueue.ts [messages]');
  await run(false, n);
  await run(true, n);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

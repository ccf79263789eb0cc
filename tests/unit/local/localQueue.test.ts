import { drainQueue, LocalQueue } from '../../../lambdas/local/localQueue';
import { NewswireError } from '../../../lambdas/core/errors';
import { HostCoolingDownError } from '../../../lambdas/adapters/http/httpClient';

test('messages are copies: changing a sent object does not change the message', async () => {
  const q = new LocalQueue<{ n: number }>('q');
  const m = { n: 1 };
  await q.send([m]);
  m.n = 2;
  expect(q.receive(10)[0]?.body).toEqual({ n: 1 });
});

test('a failing message is retried until maxReceiveCount, then dead-lettered with its error; the others succeed', async () => {
  const q = new LocalQueue<number>('q', { maxReceiveCount: 3, retryDelayMs: 1 });
  await q.send([1, 2, 3, 4, 5]);
  const calls: number[] = [];
  const done: number[] = [];
  await drainQueue(
    q,
    async (n) => {
      calls.push(n);
      if (n === 3) throw new NewswireError('BOOM', 'three always fails', true);
      return n * 10;
    },
    { batchSize: 2, concurrency: 2, onSuccess: (_n, r) => done.push(r) },
  );
  expect(done.sort((a, b) => a - b)).toEqual([10, 20, 40, 50]);
  expect(calls.filter((n) => n === 3)).toHaveLength(3);
  expect(q.deadLetters).toEqual([
    expect.objectContaining({ body: 3, receiveCount: 3, error: { code: 'BOOM', message: 'three always fails' } }),
  ]);
  expect(q.pending).toBe(0);
});

test('a permanent (not retryable) failure is dead-lettered at its first receive, with its code and message', async () => {
  const q = new LocalQueue<number>('q', { maxReceiveCount: 5, retryDelayMs: 1 });
  await q.send([1, 2]);
  const calls: number[] = [];
  const decisions: string[] = [];
  await drainQueue(
    q,
    async (n) => {
      calls.push(n);
      if (n === 2) throw new NewswireError('RECORD_INVALID', 'title is empty', false);
    },
    { onFailure: (_n, _err, decision) => decisions.push(decision) },
  );
  expect(calls.sort()).toEqual([1, 2]);
  expect(decisions).toEqual(['dead-letter']);
  expect(q.deadLetters).toEqual([
    expect.objectContaining({ body: 2, receiveCount: 1, error: { code: 'RECORD_INVALID', message: 'title is empty' } }),
  ]);
  expect(q.pending).toBe(0);
});

test('a queue that leaves permanent failures to the redrive count retries them maxReceiveCount times', async () => {
  const q = new LocalQueue<number>('poll', { maxReceiveCount: 3, retryDelayMs: 1, deadLetterPermanentAtOnce: false });
  await q.send([7]);
  let attempts = 0;
  await drainQueue(q, async () => {
    attempts++;
    throw new NewswireError('MESSAGE_INVALID', 'not a poll message', false);
  });
  expect(attempts).toBe(3);
  expect(q.deadLetters).toEqual([
    expect.objectContaining({
      body: 7,
      receiveCount: 3,
      error: { code: 'MESSAGE_INVALID', message: 'not a poll message' },
    }),
  ]);
});

test('a message that fails once and then succeeds is not dead-lettered', async () => {
  const q = new LocalQueue<string>('q', { maxReceiveCount: 2, retryDelayMs: 1 });
  await q.send(['flaky']);
  let attempts = 0;
  await drainQueue(q, async () => {
    if (++attempts === 1) throw new Error('transient');
  });
  expect(attempts).toBe(2);
  expect(q.deadLetters).toHaveLength(0);
});

test('like SQS, a message over 256 KiB is refused by name, and none of that call is queued', async () => {
  const q = new LocalQueue<string>('article queue');
  const big = 'x'.repeat(256 * 1024); // its JSON (with quotes) is 2 bytes over the limit
  await expect(q.send(['small', big])).rejects.toMatchObject({
    code: 'QUEUE_SEND_REJECTED',
    retryable: false,
    message: expect.stringMatching(/^article queue: a message of 262146 bytes is over SQS's 262144-byte limit/),
  });
  expect(q.pending).toBe(0);
  await q.send(['x'.repeat(256 * 1024 - 2)]); // exactly at the limit: accepted
  expect(q.pending).toBe(1);
});

test("a host's cooldown (Retry-After) delays the retry to its end instead of spending every receive inside it", async () => {
  // Found by `npm run chaos`: one 429 put the host in cooldown, every queued page of that host failed
  // at once with HOST_COOLING_DOWN, and 50 ms retries dead-lettered them all within the cooldown.
  const q = new LocalQueue<number>('q', { maxReceiveCount: 3, retryDelayMs: 1 });
  await q.send([1, 2, 3]);
  const until = new Date(Math.ceil((Date.now() + 1_000) / 1000) * 1000 + 1000); // whole second (HTTP-date)
  const attempts: number[] = [];
  const done: number[] = [];
  await drainQueue(
    q,
    async (n) => {
      attempts.push(n);
      if (Date.now() < until.getTime()) throw new HostCoolingDownError(`https://h.test/${n}`, 'h.test', until);
      return n;
    },
    { concurrency: 3, onSuccess: (_n, r) => done.push(r) },
  );
  expect(done.sort()).toEqual([1, 2, 3]);
  expect(q.deadLetters).toEqual([]);
  expect(attempts).toHaveLength(6); // each: once in the cooldown, once after it
});

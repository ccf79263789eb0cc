/** A LocalQueue given a DeadLetterStore parks each dead letter there too, with what `newswire dlq` shows. */
import { NewswireError } from '../../../lambdas/core/errors';
import { MemoryDeadLetterStore, type DeadLetterStore } from '../../../lambdas/local/deadLetterStore';
import { drainQueue, LocalQueue } from '../../../lambdas/local/localQueue';

test('a dead letter is written to the store under the queue name, with body, reason, receives and times', async () => {
  const store = new MemoryDeadLetterStore();
  const q = new LocalQueue<{ n: number }>('article', {
    maxReceiveCount: 2,
    retryDelayMs: 1,
    deadLetterStore: { store, queue: 'article' },
  });
  const before = Date.now();
  await q.send([{ n: 1 }, { n: 2 }]);
  await drainQueue(q, async (m) => {
    if (m.n === 2) throw new NewswireError('TIMEOUT', 'page took too long', true);
  });
  const [letter, ...rest] = await store.list('article');
  expect(rest).toEqual([]);
  expect(letter).toEqual({
    id: q.deadLetters[0]!.messageId,
    queue: 'article',
    body: '{"n":2}',
    reason: { code: 'TIMEOUT', message: 'page took too long' },
    receiveCount: 2,
    sentAt: expect.any(String),
    firstReceivedAt: expect.any(String),
    deadLetteredAt: expect.any(String),
  });
  const sent = Date.parse(letter!.sentAt);
  const first = Date.parse(letter!.firstReceivedAt!);
  const dead = Date.parse(letter!.deadLetteredAt);
  expect(sent).toBeGreaterThanOrEqual(before);
  expect(first).toBeGreaterThanOrEqual(sent);
  expect(dead).toBeGreaterThan(first); // retried once, at least retryDelayMs later
  expect(await store.list('poll')).toEqual([]);
});

test('a message sent with its own id keeps it, so a redriven message parked again replaces its entry', async () => {
  const store = new MemoryDeadLetterStore();
  const q = new LocalQueue<number>('poll', { maxReceiveCount: 1, deadLetterStore: { store, queue: 'poll' } });
  await q.sendWithIds([{ messageId: 'm-kept', body: 7 }]);
  await drainQueue(q, async () => {
    throw new Error('still broken');
  });
  expect((await store.list('poll')).map((l) => [l.id, l.reason.message])).toEqual([['m-kept', 'still broken']]);
});

test('a store that cannot write makes the drain fail: a dead letter is never lost in silence', async () => {
  const broken: DeadLetterStore = {
    append: () => Promise.reject(new Error('ENOSPC: no space left on device')),
    list: async () => [],
    get: async () => null,
    remove: async () => 0,
  };
  const q = new LocalQueue<number>('article', { deadLetterStore: { store: broken, queue: 'article' } });
  await q.send([1]);
  await expect(
    drainQueue(q, async () => {
      throw new NewswireError('RECORD_INVALID', 'title is empty', false);
    }),
  ).rejects.toThrow('ENOSPC');
  // It is still in the in-memory list the ingest report reads.
  expect(q.deadLetters).toHaveLength(1);
});

/**
 * A fetch that was never sent (its host cooling down after a 429/503, or all its slots taken) gives
 * the receive back: a host's repeated Retry-After must not spend the receives of every message queued
 * for it. Bounded in time: a message that is never sent still ends in the DLQ.
 */
import { HostCoolingDownError } from '../../../lambdas/adapters/http/httpClient';
import { NewswireError } from '../../../lambdas/core/errors';
import { drainQueue, LocalQueue } from '../../../lambdas/local/localQueue';
import { HostBusyError } from '../../../lambdas/pipeline/hostBusy';

/** A cooldown already over, so the retry is not held back by its Retry-After. */
const coolingDown = (n: number) =>
  new HostCoolingDownError(`https://h.test/${n}`, 'h.test', new Date(Date.now() - 1000));

test('not-sent failures do not use up maxReceiveCount; a failure of a sent request does', async () => {
  const q = new LocalQueue<string>('q', { maxReceiveCount: 3, retryDelayMs: 1 });
  await q.send(['cooling', 'busy', 'sent']);
  const attempts = new Map<string, number>();
  const done: string[] = [];
  await drainQueue(
    q,
    async (m) => {
      const n = (attempts.get(m) ?? 0) + 1;
      attempts.set(m, n);
      if (m === 'cooling' && n <= 5) throw coolingDown(n);
      if (m === 'busy' && n <= 5) throw new HostBusyError('h.test', 10);
      if (m === 'sent' && n <= 5) throw new NewswireError('HTTP_STATUS', 'HTTP 500', true);
      return m;
    },
    { onSuccess: (m) => done.push(m) },
  );
  // Five not-sent failures, then the sixth delivery succeeds (three receives would have dead-lettered it).
  expect(done.sort()).toEqual(['busy', 'cooling']);
  expect(attempts.get('cooling')).toBe(6);
  expect(attempts.get('busy')).toBe(6);
  expect(q.deadLetters.map((d) => [d.body, d.receiveCount, d.error.code])).toEqual([['sent', 3, 'HTTP_STATUS']]);
  expect(attempts.get('sent')).toBe(3);
});

test('past notSentGraceMs after its first receive, a not-sent failure counts: a host that never lets up ends in the DLQ', async () => {
  const q = new LocalQueue<string>('q', { maxReceiveCount: 3, retryDelayMs: 1, notSentGraceMs: 60_000 });
  await q.send(['never']);
  const t0 = Date.now();
  const failAt = (now: number) => {
    const [m] = q.receive(1, now);
    return q.fail(m!.messageId, coolingDown(1), now);
  };
  // Inside the grace: given back every time (ten times here, three would have dead-lettered it).
  for (let i = 0; i < 10; i++) expect(failAt(t0 + i * 1000)).toBe('retry');
  // Past it: counted, so the third such receive dead-letters it.
  expect(failAt(t0 + 61_000)).toBe('retry');
  expect(failAt(t0 + 62_000)).toBe('retry');
  expect(failAt(t0 + 63_000)).toBe('dead-letter');
  expect(q.deadLetters).toEqual([
    expect.objectContaining({
      body: 'never',
      receiveCount: 3,
      error: expect.objectContaining({ code: 'HOST_COOLING_DOWN' }),
    }),
  ]);
});

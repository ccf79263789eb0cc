/**
 * The one policy of a fetch that was never sent (pipeline/notSentGrace.ts), shared by the local
 * queues and the deployed process-article: which failures are given back, for how long after the
 * message's first receive, and how long a deferred message waits.
 */
import { HostCoolingDownError } from '../../../lambdas/adapters/http/httpClient';
import { FetchError, NewswireError } from '../../../lambdas/core/errors';
import { HostBusyError } from '../../../lambdas/pipeline/hostBusy';
import {
  DEFAULT_DEFER_SECONDS,
  deferSeconds,
  HOST_COOLING_DOWN,
  NOT_SENT_GRACE_MS,
  notSentWithinGrace,
} from '../../../lambdas/pipeline/notSentGrace';

const t0 = Date.parse('2025-03-03T14:00:00Z');
const failure = (err: NewswireError) => ({ code: err.code, retryable: err.retryable });

test('the codes are those of the errors the HTTP client and the host slots throw for a request never sent', () => {
  expect(new HostCoolingDownError('https://h.test/a', 'h.test', new Date(t0)).code).toBe(HOST_COOLING_DOWN);
  const cooling = failure(new HostCoolingDownError('https://h.test/a', 'h.test', new Date(t0)));
  const busy = failure(new HostBusyError('h.test', 10_000));
  expect(notSentWithinGrace(cooling, t0, t0)).toBe(true);
  expect(notSentWithinGrace(busy, t0, t0)).toBe(true);
});

test('a failure of a request that was sent, or a permanent one, is never given back', () => {
  expect(notSentWithinGrace(failure(new FetchError('HTTP_STATUS', 'HTTP 429', true, 'u', 429)), t0, t0)).toBe(false);
  expect(notSentWithinGrace(failure(new NewswireError('THROTTLED', 'Rate exceeded', true)), t0, t0)).toBe(false);
  expect(notSentWithinGrace({ code: HOST_COOLING_DOWN, retryable: false }, t0, t0)).toBe(false);
});

test('the grace is 10 minutes from the first receive, then the failure counts', () => {
  expect(NOT_SENT_GRACE_MS).toBe(10 * 60_000);
  const cooling = { code: HOST_COOLING_DOWN, retryable: true };
  expect(notSentWithinGrace(cooling, t0, t0 + NOT_SENT_GRACE_MS - 1)).toBe(true);
  expect(notSentWithinGrace(cooling, t0, t0 + NOT_SENT_GRACE_MS)).toBe(false);
  // A shorter grace (LocalQueue's notSentGraceMs) is honoured.
  expect(notSentWithinGrace(cooling, t0, t0 + 61_000, 60_000)).toBe(false);
});

test("a deferred message waits for the host's cooldown, else a minute; always 1-900 s", () => {
  const cooling = (ms: number) => new HostCoolingDownError('https://h.test/a', 'h.test', new Date(t0 + ms));
  expect(deferSeconds(cooling(120_000), t0)).toBe(120);
  expect(deferSeconds(cooling(2_000), t0)).toBe(2);
  expect(deferSeconds(cooling(1_000), t0)).toBe(1);
  expect(deferSeconds(cooling(3_600_000), t0)).toBe(900); // SQS's longest delay
  // A time already past reads as none (parseRetryAfter): the default, never a busy loop of re-sends.
  expect(deferSeconds(cooling(-5_000), t0)).toBe(DEFAULT_DEFER_SECONDS);
  expect(deferSeconds(new HostBusyError('h.test', 10_000), t0)).toBe(60);
  expect(deferSeconds(Object.assign(new Error('x'), { retryAfter: '0' }), t0)).toBe(60);
  expect(deferSeconds(Object.assign(new Error('x'), { retryAfter: '30' }), t0)).toBe(30);
});

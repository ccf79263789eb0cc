/**
 * process-article with the SDK mocked: a release page whose fetch was never sent (its host cooling
 * down after a 429/503 Retry-After, or every fleet-wide slot of it taken) within 10 minutes of the
 * message's first receive is sent again to the article queue — same body, delayed until the host may
 * be called, the first receive's time in an attribute — and the record is reported handled, so the
 * receive is not spent (pipeline/notSentGrace.ts, the local queues' policy). Past the window, or
 * when the re-send fails, or for any other retryable failure, the record fails as before (SQS
 * retries it, then redrives it to the DLQ).
 */
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
// Sets the functions' environment; must come before the handlers, which read it at load (cold start).
import { ARTICLE_QUEUE, lambdaContext as context } from './handlerEnv';
import { articleQueueRecord } from '../../helpers/articleQueueRecord';
import { HostCoolingDownError } from '../../../lambdas/adapters/http/httpClient';
import { FetchError } from '../../../lambdas/core/errors';
import { HostBusyError } from '../../../lambdas/pipeline/hostBusy';
import { handler } from '../../../lambdas/handlers/processArticle';
import { logger, metrics } from '../../../lambdas/handlers/runtime';

/** What the page fetch throws (the HTTP client is replaced: these tests are about the queue, not the fetch). */
let mockFetchError: Error = new Error('unset');
jest.mock('../../../lambdas/handlers/runtimeHttpOnFirstUse', () => ({
  httpClientOnFirstUse: () => ({
    fetch: () => Promise.reject(mockFetchError),
  }),
}));

const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);

/** A feed item with a summary only: its release page is fetched. */
const body = (id: string) =>
  JSON.stringify({
    feed: { id: 'f-feed1', url: 'https://h.test/feed.rss' },
    wire: 'PR Newswire',
    feedKey: null,
    item: {
      id,
      guid: null,
      link: `https://h.test/news/${id}.html`,
      title: 'Acme Robotics Unveils a Robot',
      summary: 'Acme Robotics unveiled a robot.',
      contentHtml: null,
      publishedAt: '2025-03-03T14:00:00.000Z',
      author: null,
      categories: [],
      itemHash: `ih-${id}`,
    },
  });

/** A record first received `firstReceivedAgoMs` ago, carrying `graceFrom` when it is a re-sent one. */
function record(id: string, firstReceivedAgoMs: number, graceFrom?: number): SQSRecord {
  const r = articleQueueRecord(`m-${id}`, body(id), 1);
  r.attributes.ApproximateFirstReceiveTimestamp = String(Date.now() - firstReceivedAgoMs);
  if (graceFrom !== undefined)
    r.messageAttributes = { notSentGraceFrom: { dataType: 'String', stringValue: String(graceFrom) } };
  return r;
}

const coolingDownFor = (ms: number) =>
  new HostCoolingDownError('https://h.test/news/x.html', 'h.test', new Date(Date.now() + ms));
const resends = () => sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
/**
 * Handles the records in one batch with a message that succeeds (its item carries the whole release,
 * nothing fetched): a batch whose every record fails is an error of its own in Powertools.
 */
function run(...records: SQSRecord[]) {
  const whole = JSON.parse(body('i-ok')) as { item: { summary: string | null; contentHtml: string | null } };
  whole.item.summary = null;
  whole.item.contentHtml = `<p>AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACME) today unveiled a robot. ${'It picks mixed totes. '.repeat(40)}</p>`;
  const ok = articleQueueRecord('m-ok', JSON.stringify(whole));
  return handler({ Records: [...records, ok] } as SQSEvent, context);
}
/** Metrics counted, but the succeeding message's. */
const countedNames = (spy: jest.SpyInstance) =>
  spy.mock.calls.map(([name]) => name as string).filter((n) => n !== 'ReleasesWritten');

beforeEach(() => {
  ddb.reset();
  sqs.reset();
  ddb.onAnyCommand().resolves({});
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0', MessageId: 'n-1', MD5OfMessageBody: '' }] });
  sqs.on(SendMessageCommand).resolves({ MessageId: 'dlq-1' });
});
afterEach(() => jest.restoreAllMocks());

test('a page not sent because its host is cooling down is sent again, delayed until the cooldown ends, and handled', async () => {
  // GIVEN a host that asked (429 Retry-After) to be left alone for two more minutes
  mockFetchError = coolingDownFor(120_000);
  const info = jest.spyOn(logger, 'info');
  const counted = jest.spyOn(metrics, 'addMetric');
  const firstReceived = Date.now() - 60_000;
  const r = record('i-1', 60_000);
  r.attributes.ApproximateFirstReceiveTimestamp = String(firstReceived);
  // WHEN its message is processed a minute after its first receive
  const res = await run(r);
  // THEN SQS deletes it (no batch item failure) ...
  expect(res).toEqual({ batchItemFailures: [] });
  // ... and the same body is on the article queue again, delayed ~120 s, with the first receive's time
  const sent = resends();
  expect(sent).toHaveLength(1);
  expect(sent[0]!.QueueUrl).toBe(ARTICLE_QUEUE);
  expect(sent[0]!.Entries).toHaveLength(1);
  const entry = sent[0]!.Entries![0]!;
  expect(entry.MessageBody).toBe(r.body);
  expect(entry.DelaySeconds).toBeGreaterThanOrEqual(118);
  expect(entry.DelaySeconds).toBeLessThanOrEqual(121);
  expect(entry.MessageAttributes).toEqual({
    notSentGraceFrom: { DataType: 'String', StringValue: String(firstReceived) },
  });
  // nothing went to the DLQ; it is logged and counted as deferred, not failed
  expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  expect(info).toHaveBeenCalledWith(
    'release deferred',
    expect.objectContaining({
      messageId: 'm-i-1',
      code: 'HOST_COOLING_DOWN',
      delaySeconds: entry.DelaySeconds,
      firstReceivedAt: new Date(firstReceived).toISOString(),
      itemId: 'i-1',
      feedId: 'f-feed1',
    }),
  );
  expect(countedNames(counted)).toEqual(['ReleasesDeferred']);
});

test('a page not sent because every slot of its host stayed taken waits a minute', async () => {
  mockFetchError = new HostBusyError('h.test', 10_000);
  await expect(run(record('i-2', 5_000))).resolves.toEqual({ batchItemFailures: [] });
  expect(resends().map((s) => s.Entries![0]!.DelaySeconds)).toEqual([60]);
});

test('a re-sent message carries the grace from its first receive: still within it, it is deferred again with the same time', async () => {
  mockFetchError = coolingDownFor(60_000);
  const original = Date.now() - 9 * 60_000;
  // Its own first receive was just now (a new message), the original one nine minutes ago.
  await expect(run(record('i-3', 1_000, original))).resolves.toEqual({ batchItemFailures: [] });
  expect(resends().map((s) => s.Entries![0]!.MessageAttributes)).toEqual([
    { notSentGraceFrom: { DataType: 'String', StringValue: String(original) } },
  ]);
});

test('past 10 minutes from the original first receive, a not-sent failure fails as before: retried, then redriven', async () => {
  mockFetchError = coolingDownFor(60_000);
  const errors = jest.spyOn(logger, 'error');
  // A re-sent message received a second ago whose original was first received eleven minutes ago
  const res = await run(record('i-4', 1_000, Date.now() - 11 * 60_000));
  expect(res).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-i-4' }] });
  expect(resends()).toHaveLength(0);
  expect(errors).toHaveBeenCalledWith(
    'release failed',
    expect.objectContaining({ messageId: 'm-i-4', code: 'HOST_COOLING_DOWN', retryable: true, deadLettered: false }),
  );
});

test('past 10 minutes from its own first receive (never re-sent), the same', async () => {
  mockFetchError = new HostBusyError('h.test', 10_000);
  await expect(run(record('i-5', 10 * 60_000 + 1_000))).resolves.toEqual({
    batchItemFailures: [{ itemIdentifier: 'm-i-5' }],
  });
  expect(resends()).toHaveLength(0);
});

test('when the re-send fails, the record fails (SQS retries it): nothing is lost', async () => {
  mockFetchError = coolingDownFor(60_000);
  sqs.on(SendMessageBatchCommand).rejects(Object.assign(new Error('SQS down'), { name: 'ServiceUnavailable' }));
  const warnings = jest.spyOn(logger, 'warn');
  const counted = jest.spyOn(metrics, 'addMetric');
  await expect(run(record('i-6', 1_000))).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: 'm-i-6' }] });
  expect(warnings).toHaveBeenCalledWith(
    'deferred re-send failed; the message will be retried',
    expect.objectContaining({ messageId: 'm-i-6' }),
  );
  expect(countedNames(counted)).toEqual(['ReleasesFailed']);
});

test('a failure of a request that was sent (HTTP 429 itself, a timeout) is not deferred', async () => {
  for (const [i, err] of [
    new FetchError('HTTP_STATUS', 'HTTP 429', true, 'https://h.test/news/x.html', 429),
    new FetchError('TIMEOUT', 'no response within 10000 ms', true, 'https://h.test/news/x.html'),
  ].entries()) {
    mockFetchError = err;
    await expect(run(record(`i-7${i}`, 1_000))).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: `m-i-7${i}` }],
    });
  }
  expect(resends()).toHaveLength(0);
  expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
});

test("a re-sent message that fails for good is dead-lettered with the original message's first receive", async () => {
  mockFetchError = new FetchError('HTTP_STATUS', 'HTTP 404', false, 'https://h.test/news/x.html', 404);
  const original = Date.now() - 5 * 60_000;
  await expect(run(record('i-8', 1_000, original))).resolves.toEqual({ batchItemFailures: [] });
  const letters = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
  expect(letters).toHaveLength(1);
  expect(letters[0]!.MessageAttributes?.['firstReceivedAt']).toEqual({
    DataType: 'String',
    StringValue: new Date(original).toISOString(),
  });
  expect(resends()).toHaveLength(0);
});

/**
 * poll-feed with the SDK mocked: a poll whose fetch was never sent (every fleet-wide slot of its host
 * taken: HOST_BUSY, which pipeline/pollFeed.ts does not record as the feed's failure) within 10
 * minutes of the message's first receive is sent again to the poll queue — same body, delayed a
 * minute, the first receive's time in an attribute — and the record is reported handled, so the
 * receive is not spent and a busy host does not park polls in the poll DLQ (handlers/deferNotSent.ts,
 * as process-article; pipeline/notSentGrace.ts, the local queues' policy). Past the window, or when
 * the re-send fails, the record fails as before (SQS retries it, then redrives it to the DLQ); a
 * feed's own failure (HOST_COOLING_DOWN included) is still recorded on the feed and handled.
 */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
// Sets the functions' environment; must come before the handlers, which read it at load (cold start).
import { POLL_QUEUE, lambdaContext as context } from './handlerEnv';
import { HostCoolingDownError } from '../../../lambdas/adapters/http/httpClient';
import { HostBusyError } from '../../../lambdas/pipeline/hostBusy';
import { makeFeed } from '../adapters/fixtures';
import { handler } from '../../../lambdas/handlers/pollFeed';
import { logger, metrics } from '../../../lambdas/handlers/runtime';

/** What the feed fetch throws, by feed URL (the HTTP client is replaced: these tests are about the queue). */
const mockFetchErrors = new Map<string, Error>();
jest.mock('../../../lambdas/adapters/http/httpClient', () => {
  const actual = jest.requireActual<typeof import('../../../lambdas/adapters/http/httpClient')>(
    '../../../lambdas/adapters/http/httpClient',
  );
  return {
    ...actual,
    UndiciHttpClient: class {
      fetch(url: string) {
        return Promise.reject(mockFetchErrors.get(url) ?? new Error(`unexpected fetch of ${url}`));
      }
    },
  };
});

const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);

const feedUrl = (feedId: string) => `https://${feedId}.test/feed.rss`;
const body = (feedId: string) => JSON.stringify({ feedId, dispatchedAt: '2025-01-01T00:00:00.000Z' });

/** A poll record of a registered feed, first received `firstReceivedAgoMs` ago, carrying `graceFrom` when it is a re-sent one. */
function record(feedId: string, firstReceivedAgoMs: number, graceFrom?: number): SQSRecord {
  ddb.on(GetCommand, { Key: { id: feedId } }).resolves({ Item: makeFeed({ id: feedId, url: feedUrl(feedId) }) });
  return rawRecord(`m-${feedId}`, body(feedId), firstReceivedAgoMs, graceFrom);
}
function rawRecord(messageId: string, text: string, firstReceivedAgoMs: number, graceFrom?: number): SQSRecord {
  return {
    messageId,
    body: text,
    receiptHandle: 'h',
    attributes: {
      ApproximateReceiveCount: '1',
      ApproximateFirstReceiveTimestamp: String(Date.now() - firstReceivedAgoMs),
    },
    messageAttributes:
      graceFrom === undefined ? {} : { notSentGraceFrom: { dataType: 'String', stringValue: String(graceFrom) } },
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:poll',
    awsRegion: 'us-east-1',
  } as unknown as SQSRecord;
}

const busy = (feedId: string) => mockFetchErrors.set(feedUrl(feedId), new HostBusyError(`${feedId}.test`, 10_000));
const resends = () => sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
/**
 * Handles the records in one batch with a message that succeeds (an unregistered feed: skipped): a
 * batch whose every record fails is an error of its own in Powertools.
 */
const run = (...records: SQSRecord[]) =>
  handler({ Records: [...records, rawRecord('m-ok', body('f-gone'), 1_000)] } as SQSEvent, context);
/** Metrics counted, but the per-poll FeedItemsQueued. */
const countedNames = (spy: jest.SpyInstance) =>
  spy.mock.calls.map(([name]) => name as string).filter((n) => n !== 'FeedItemsQueued');

beforeEach(() => {
  ddb.reset();
  sqs.reset();
  mockFetchErrors.clear();
  ddb.onAnyCommand().resolves({});
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0', MessageId: 'n-1', MD5OfMessageBody: '' }] });
});
afterEach(() => jest.restoreAllMocks());

test('a poll not sent because every slot of its host stayed taken is sent again to the poll queue, delayed a minute, and handled', async () => {
  // GIVEN a feed whose host's fleet-wide slots all stay taken
  busy('f-busy1');
  const info = jest.spyOn(logger, 'info');
  const counted = jest.spyOn(metrics, 'addMetric');
  const r = record('f-busy1', 60_000);
  const firstReceived = Number(r.attributes.ApproximateFirstReceiveTimestamp);
  // WHEN its poll message is handled a minute after its first receive
  const res = await run(r);
  // THEN SQS deletes it (no batch item failure) ...
  expect(res).toEqual({ batchItemFailures: [] });
  // ... and the same body is on the poll queue again, delayed 60 s, with the first receive's time
  const grace = { notSentGraceFrom: { DataType: 'String', StringValue: String(firstReceived) } };
  expect(resends()).toEqual([
    {
      QueueUrl: POLL_QUEUE,
      Entries: [expect.objectContaining({ MessageBody: r.body, DelaySeconds: 60, MessageAttributes: grace })],
    },
  ]);
  // the feed is not recorded as failing; the poll is logged and counted as deferred
  expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  expect(info).toHaveBeenCalledWith(
    'feed poll deferred',
    expect.objectContaining({
      messageId: 'm-f-busy1',
      feedId: 'f-busy1',
      code: 'HOST_BUSY',
      reason: expect.stringContaining('Not sent'),
      delaySeconds: 60,
      firstReceivedAt: new Date(firstReceived).toISOString(),
    }),
  );
  expect(countedNames(counted)).toEqual(['PollsDeferred']);
});

test('the grace runs from the original first receive: within it a re-sent poll is deferred again with the same time, past it (re-sent or not) the poll fails as before', async () => {
  for (const id of ['f-again', 'f-late', 'f-old']) busy(id);
  const original = Date.now() - 9 * 60_000;
  const res = await run(
    // a re-sent message, just received, whose original was first received nine minutes ago
    record('f-again', 1_000, original),
    // a re-sent message whose original was first received eleven minutes ago
    record('f-late', 1_000, Date.now() - 11 * 60_000),
    // never re-sent, first received over ten minutes ago
    record('f-old', 10 * 60_000 + 1_000),
  );
  expect(res).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-f-late' }, { itemIdentifier: 'm-f-old' }] });
  expect(
    resends().map((s) => [JSON.parse(s.Entries![0]!.MessageBody!).feedId, s.Entries![0]!.MessageAttributes]),
  ).toEqual([['f-again', { notSentGraceFrom: { DataType: 'String', StringValue: String(original) } }]]);
});

test('when the re-send fails, the record fails (SQS retries it): nothing is lost', async () => {
  busy('f-busy2');
  sqs.on(SendMessageBatchCommand).rejects(Object.assign(new Error('SQS down'), { name: 'ServiceUnavailable' }));
  const warnings = jest.spyOn(logger, 'warn');
  const counted = jest.spyOn(metrics, 'addMetric');
  await expect(run(record('f-busy2', 1_000))).resolves.toEqual({
    batchItemFailures: [{ itemIdentifier: 'm-f-busy2' }],
  });
  expect(warnings).toHaveBeenCalledWith(
    'deferred re-send failed; the message will be retried',
    expect.objectContaining({ messageId: 'm-f-busy2', code: 'ServiceUnavailable' }),
  );
  expect(countedNames(counted)).toEqual([]);
});

test("other failures are as before: a feed's cooling-down host is the feed's failure (recorded, handled), a bad message fails; only the busy poll is deferred", async () => {
  busy('f-busy3');
  mockFetchErrors.set(
    feedUrl('f-cool'),
    new HostCoolingDownError(feedUrl('f-cool'), 'f-cool.test', new Date(Date.now() + 120_000)),
  );
  const counted = jest.spyOn(metrics, 'addMetric');
  const res = await run(record('f-busy3', 1_000), record('f-cool', 1_000), rawRecord('m-bad', 'not json', 1_000));
  expect(res).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-bad' }] });
  // HOST_COOLING_DOWN on a feed: recorded in the feed's state (docs/fetching.md), not re-sent
  const updates = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
  expect(updates).toHaveLength(1);
  expect(updates[0]).toMatchObject({ Key: { id: 'f-cool' } });
  expect(resends().map((s) => JSON.parse(s.Entries![0]!.MessageBody!).feedId)).toEqual(['f-busy3']);
  expect(countedNames(counted).sort()).toEqual(['FeedPollFailures', 'PollsDeferred']);
});

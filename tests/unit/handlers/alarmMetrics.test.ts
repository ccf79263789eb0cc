/**
 * The custom metrics the issue 12 §3 alarms watch are emitted by the handlers under the names the
 * stack alarms on (ALARM_METRICS): PollSucceeded per successful poll (the stalled alarm would fire
 * on a fleet that polls fine if it were not), SilentFeeds and FeedsEnabled from the hourly check.
 * AWS SDK mocked; the feed is served from 127.0.0.1.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBDocumentClient, GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { ALARM_METRICS } from '../../../lambdas/handlers/metricNames';

const ddb = mockClient(DynamoDBDocumentClient);
const context = { functionName: 'test', awsRequestId: 'r', getRemainingTimeInMillis: () => 30_000 } as Context;
const HOUR = 3600 * 1000;

let server: http.Server;
let feedUrl = '';
let status = 304;
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/rss+xml' });
    res.end(status === 304 ? undefined : '<rss version="2.0"><channel><title>x</title></channel></rss>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  feedUrl = `http://127.0.0.1:${port}/feed.rss`;
  Object.assign(process.env, {
    FEEDS_TABLE: 'feeds',
    ARTICLES_TABLE: 'articles',
    RAW_BUCKET: 'raw',
    ARTICLE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/article',
    // poll-feed's own queue (a poll whose fetch was never sent is re-sent there)
    POLL_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/poll',
    NEWSWIRE_FETCH_ALLOW_HOSTS: `127.0.0.1:${port}`,
    SILENT_FEED_HOURS: '24',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => ddb.reset());

const feedItem = (over: Record<string, unknown> = {}) => ({
  id: 'f-0000000000000001',
  url: feedUrl,
  name: 'Local',
  wire: null,
  enabled: true,
  pollIntervalMinutes: 15,
  etag: '"v1"',
  lastModified: null,
  lastPolledAt: null,
  nextPollAt: '2020-01-01T00:00:00.000Z',
  consecutiveFailures: 0,
  lastError: null,
  counters: { polls: 1, failures: 0, itemsSeen: 0, itemsQueued: 0 },
  createdAt: '2020-01-01T00:00:00.000Z',
  ...over,
});

async function pollOnce(): Promise<string[]> {
  const { handler } = await import('../../../lambdas/handlers/pollFeed.js');
  const { metrics } = await import('../../../lambdas/handlers/runtime.js');
  const added = jest.spyOn(metrics, 'addMetric');
  ddb.on(GetCommand).resolves({});
  ddb.on(GetCommand, { Key: { id: 'f-0000000000000001' } }).resolves({ Item: feedItem() });
  ddb.on(UpdateCommand).resolves({ Attributes: {} });
  const event = {
    Records: [
      {
        messageId: 'm',
        body: JSON.stringify({ feedId: 'f-0000000000000001', dispatchedAt: new Date().toISOString() }),
      },
    ],
  } as SQSEvent;
  const res = await handler(event, context);
  expect(res.batchItemFailures).toEqual([]);
  const names = added.mock.calls.map((c) => String(c[0]));
  added.mockRestore();
  return names;
}

test('poll-feed emits PollSucceeded for a poll the feed answered (304), not for a failed one', async () => {
  status = 304;
  expect(await pollOnce()).toContain(ALARM_METRICS.pollSucceeded);
  status = 503;
  const failed = await pollOnce();
  expect(failed).toContain('FeedPollFailures');
  expect(failed).not.toContain(ALARM_METRICS.pollSucceeded);
});

test('the silent-feed check emits SilentFeeds and FeedsEnabled with the counts it found', async () => {
  const { handler } = await import('../../../lambdas/handlers/checkSilentFeeds.js');
  const { metrics } = await import('../../../lambdas/handlers/runtime.js');
  const added = jest.spyOn(metrics, 'addMetric');
  const now = Date.now();
  // 24 items a day for 10 days, the last one 30 hours ago: silent
  const silent = feedItem({
    id: 'f-silent',
    publishing: {
      since: new Date(now - 270 * HOUR).toISOString(),
      lastPublishedAt: new Date(now - 30 * HOUR).toISOString(),
      weightedItems: 150,
    },
  });
  ddb
    .on(ScanCommand)
    .resolves({ Items: [silent, feedItem({ id: 'f-new' }), feedItem({ id: 'f-off', enabled: false })] });

  await expect(handler()).resolves.toEqual({ enabledFeeds: 2, silentFeeds: 1 });
  expect(added.mock.calls.map((c) => [c[0], c[2]])).toEqual([
    [ALARM_METRICS.silentFeeds, 1],
    [ALARM_METRICS.feedsEnabled, 2],
  ]);
  added.mockRestore();
});

/**
 * process-article with the SDK mocked: a permanent failure goes straight to the article DLQ with its
 * reason as message attributes and is reported handled; a retryable one is reported failed (SQS
 * retries it, then redrives it); when the DLQ send fails, the permanent failure is reported failed too.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
// Sets the functions' environment; must come before the handlers, which read it at load (cold start).
import { ARTICLE_DLQ, lambdaContext as context } from './handlerEnv';
import { articleQueueRecord } from '../../helpers/articleQueueRecord';
import { handler } from '../../../lambdas/handlers/processArticle';
import { logger, metrics } from '../../../lambdas/handlers/runtime';

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const sqs = mockClient(SQSClient);

const article = (id: string) => ({
  feed: { id: 'f-feed1', url: 'https://example.com/feed.rss' },
  wire: 'PR Newswire',
  feedKey: null,
  item: {
    id,
    guid: null,
    link: `https://example.com/news/${id}.html`,
    title: 'Acme Robotics Unveils a Robot',
    summary: null,
    // Long enough to be the whole release: nothing is fetched.
    contentHtml: `<p>AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACME) today unveiled a robot. ${'It picks mixed totes. '.repeat(40)}</p>`,
    publishedAt: '2025-03-03T14:00:00.000Z',
    author: null,
    categories: [],
    itemHash: 'ih',
  },
});
const NOT_AN_ARTICLE = JSON.stringify({ not: 'an article' }); // MESSAGE_INVALID: not retryable

const sqsRecord = (messageId: string, body: string): SQSRecord => articleQueueRecord(messageId, body);

/** Storage works, except for writes of the item `i-throttled` (a retryable THROTTLED failure; writes of a batch go together). */
function storageThrottling(): void {
  ddb.onAnyCommand().callsFake((input: unknown) => {
    if (JSON.stringify(input).includes('i-throttled'))
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} });
    return {};
  });
  s3.onAnyCommand().resolves({});
}

const dlqSends = () => sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
const loggedFailures = (spy: jest.SpyInstance) =>
  spy.mock.calls.filter(([m]) => m === 'release failed').map(([, extra]) => extra as Record<string, unknown>);

beforeEach(() => {
  ddb.reset();
  s3.reset();
  sqs.reset();
});
afterEach(() => jest.restoreAllMocks());

test('a permanent failure goes to the DLQ with its reason and is handled; a retryable one is reported failed', async () => {
  storageThrottling();
  sqs.on(SendMessageCommand).resolves({ MessageId: 'dlq-1' });
  const errors = jest.spyOn(logger, 'error');
  const counted = jest.spyOn(metrics, 'addMetric');
  const event: SQSEvent = {
    Records: [sqsRecord('m-bad', NOT_AN_ARTICLE), sqsRecord('m-throttled', JSON.stringify(article('i-throttled')))],
  };

  // Only the retryable failure goes back to SQS.
  await expect(handler(event, context)).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: 'm-throttled' }] });

  // The permanent one was sent to the DLQ, body unchanged, reason attached.
  expect(dlqSends()).toEqual([
    {
      QueueUrl: ARTICLE_DLQ,
      MessageBody: NOT_AN_ARTICLE,
      MessageAttributes: {
        errorCode: { DataType: 'String', StringValue: 'MESSAGE_INVALID' },
        errorMessage: { DataType: 'String', StringValue: expect.any(String) },
        sourceMessageId: { DataType: 'String', StringValue: 'm-bad' },
        failedAt: { DataType: 'String', StringValue: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) },
        // What the article queue said of it (this record carries the receive count only).
        receiveCount: { DataType: 'Number', StringValue: '1' },
      },
    },
  ]);
  expect(loggedFailures(errors)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ messageId: 'm-bad', code: 'MESSAGE_INVALID', retryable: false, deadLettered: true }),
      expect.objectContaining({ messageId: 'm-throttled', code: 'THROTTLED', retryable: true, deadLettered: false }),
    ]),
  );
  expect(counted.mock.calls.filter(([name]) => name === 'ReleasesFailed')).toHaveLength(2);
});

test('a batch of permanent failures only is handled whole: nothing goes back to the source queue', async () => {
  sqs.on(SendMessageCommand).resolves({ MessageId: 'dlq-1' });
  const event: SQSEvent = { Records: [sqsRecord('m-bad1', NOT_AN_ARTICLE), sqsRecord('m-bad2', 'not json')] };
  await expect(handler(event, context)).resolves.toEqual({ batchItemFailures: [] });
  expect(dlqSends().map((s) => s.MessageAttributes?.sourceMessageId?.StringValue)).toEqual(['m-bad1', 'm-bad2']);
  expect(ddb.calls()).toHaveLength(0);
});

test('when the DLQ send fails, the permanent failure is reported failed (retry, then redrive): nothing is lost', async () => {
  storageThrottling();
  sqs.on(SendMessageCommand).rejects(Object.assign(new Error('Access denied'), { name: 'AccessDenied' }));
  const errors = jest.spyOn(logger, 'error');
  const warnings = jest.spyOn(logger, 'warn');
  const event: SQSEvent = {
    Records: [sqsRecord('m-ok', JSON.stringify(article('i-ok'))), sqsRecord('m-bad', NOT_AN_ARTICLE)],
  };

  await expect(handler(event, context)).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: 'm-bad' }] });
  expect(dlqSends()).toHaveLength(1);
  expect(loggedFailures(errors)).toEqual([
    expect.objectContaining({ messageId: 'm-bad', code: 'MESSAGE_INVALID', deadLettered: false }),
  ]);
  expect(warnings).toHaveBeenCalledWith(
    expect.stringContaining('dead-letter send failed'),
    expect.objectContaining({ messageId: 'm-bad', code: 'DLQ_SEND_FAILED' }),
  );
});

/**
 * process-article with the SDK mocked: a message that fails leaves a log line with its message id,
 * error code and reason; a retryable failure is reported as failed, a permanent one is dead-lettered
 * (processArticleDeadLetter.test.ts covers the DLQ send itself).
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
// Sets the functions' environment; must come before the handlers, which read it at load (cold start).
import { lambdaContext as context } from './handlerEnv';
import { articleQueueRecord } from '../../helpers/articleQueueRecord';
import { handler } from '../../../lambdas/handlers/processArticle';
import { logger } from '../../../lambdas/handlers/runtime';

const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);

const message = (id: string) => ({
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

const sqsRecord = (messageId: string, body: unknown): SQSRecord =>
  articleQueueRecord(messageId, JSON.stringify(body), 3);

beforeEach(() => {
  ddb.reset();
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({ MessageId: 'dlq-1' });
});

test('a permanent storage failure is logged with the message id, code and reason, and dead-lettered', async () => {
  const errors = jest.spyOn(logger, 'error');
  ddb
    .onAnyCommand()
    .rejects(
      Object.assign(new Error('Item size has exceeded the maximum'), { name: 'ValidationException', $metadata: {} }),
    );
  const event: SQSEvent = { Records: [sqsRecord('m-1', message('i-1'))] };
  await expect(handler(event, context)).resolves.toEqual({ batchItemFailures: [] });
  expect(errors).toHaveBeenCalledWith(
    'release failed',
    expect.objectContaining({
      messageId: 'm-1',
      receiveCount: 3,
      code: 'VALIDATION',
      reason: expect.stringContaining('Item size has exceeded the maximum'),
      retryable: false,
      deadLettered: true,
      itemId: 'i-1',
      feedId: 'f-feed1',
    }),
  );
});

test('each failed message of a batch logs its own code and reason', async () => {
  const errors = jest.spyOn(logger, 'error');
  ddb.onAnyCommand().rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} }));
  const event: SQSEvent = {
    Records: [sqsRecord('m-bad', { not: 'an article' }), sqsRecord('m-throttled', message('i-2'))],
  };
  // The permanent failure is dead-lettered; only the retryable one goes back to SQS.
  await expect(handler(event, context)).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: 'm-throttled' }] });
  const logged = errors.mock.calls.map(([, extra]) => extra as unknown as Record<string, unknown>);
  expect(logged).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ messageId: 'm-bad', code: 'MESSAGE_INVALID', retryable: false, deadLettered: true }),
      expect.objectContaining({ messageId: 'm-throttled', code: 'THROTTLED', retryable: true, deadLettered: false }),
    ]),
  );
});

afterEach(() => jest.restoreAllMocks());

/**
 * The Lambda handlers as AWS calls them, with the AWS SDK mocked (aws-sdk-client-mock): dispatch
 * sends one message per due feed; the queue consumers report only the failed messages of a batch.
 */
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
// Sets the functions' environment; must come before the handlers, which read it at load (cold start).
import { ARTICLE_DLQ, POLL_QUEUE } from './handlerEnv';
import { handler as dispatchHandler } from '../../../lambdas/handlers/dispatch';
import { handler as pollFeedHandler } from '../../../lambdas/handlers/pollFeed';
import { handler as processArticleHandler } from '../../../lambdas/handlers/processArticle';

const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
const context = {
  functionName: 'test',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

beforeEach(() => {
  ddb.reset();
  sqs.reset();
});

const record = (messageId: string, body: string): SQSRecord =>
  ({
    messageId,
    body,
    receiptHandle: 'h',
    attributes: {},
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:q',
    awsRegion: 'us-east-1',
  }) as SQSRecord;

test('dispatch sends one poll message per due feed', async () => {
  const due = ['f-1', 'f-2', 'f-3'].map((id) => ({ id, enabled: true, nextPollAt: '2020-01-01T00:00:00.000Z' }));
  ddb.on(ScanCommand).resolves({ Items: due });
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });

  await expect(dispatchHandler()).resolves.toEqual({ dispatched: 3 });

  const sent = sqs.commandCalls(SendMessageBatchCommand).flatMap((c) => c.args[0].input.Entries ?? []);
  expect(sqs.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.QueueUrl).toBe(POLL_QUEUE);
  expect(sent.map((e) => JSON.parse(e.MessageBody!).feedId)).toEqual(['f-1', 'f-2', 'f-3']);
});

test('poll-feed reports only the failed message of a batch', async () => {
  ddb.on(GetCommand).resolves({}); // an unregistered feed: skipped, a success
  const event: SQSEvent = {
    Records: [
      record('m-ok', JSON.stringify({ feedId: 'f-gone', dispatchedAt: '2025-01-01T00:00:00.000Z' })),
      record('m-bad', 'not json'),
    ],
  };

  await expect(pollFeedHandler(event, context)).resolves.toEqual({ batchItemFailures: [{ itemIdentifier: 'm-bad' }] });
  expect(ddb.commandCalls(GetCommand)[0]?.args[0].input).toMatchObject({ TableName: 'feeds', Key: { id: 'f-gone' } });
});

test('process-article dead-letters a message that is not an article message, without touching storage', async () => {
  sqs.on(SendMessageCommand).resolves({ MessageId: 'dlq-1' });
  const event: SQSEvent = { Records: [record('m-1', JSON.stringify({ feedId: 'x' }))] };
  // Not retryable: straight to the DLQ with its reason, and handled (deleted from the source queue).
  await expect(processArticleHandler(event, context)).resolves.toEqual({ batchItemFailures: [] });
  const sent = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
  expect(sent).toEqual([
    expect.objectContaining({
      QueueUrl: ARTICLE_DLQ,
      MessageBody: JSON.stringify({ feedId: 'x' }),
      MessageAttributes: expect.objectContaining({ errorCode: { DataType: 'String', StringValue: 'MESSAGE_INVALID' } }),
    }),
  ]);
  expect(ddb.calls()).toHaveLength(0);
});

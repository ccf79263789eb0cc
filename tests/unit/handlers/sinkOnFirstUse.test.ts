/**
 * poll-feed's article queue and process-article's dead-letter queue are made by their first send
 * (the SQS client is not loaded at a cold start: tests/infra/handlerBundles.test.ts); made, they are
 * the SQS adapters on the function's queue, and a missing queue setting still fails at init.
 */
import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
// Sets the functions' environment; must come before the handler modules.
import { ARTICLE_DLQ, POLL_QUEUE } from './handlerEnv';
import { env } from '../../../lambdas/handlers/runtime';
import { deadLetterSinkOnFirstUse, sinkOnFirstUse } from '../../../lambdas/handlers/runtimeQueuesOnFirstUse';
import { ENV } from '../../../lambdas/adapters/dynamodb/tableDesign';

const sqs = mockClient(SQSClient);
beforeEach(() => sqs.reset());

test('the first send queues the messages on the queue, each with its delay', async () => {
  // GIVEN a sink made on first use, not used yet
  const queue = sinkOnFirstUse<{ n: number }>(env.pollQueueUrl, ENV.pollQueueUrl);
  expect(sqs.calls()).toHaveLength(0);
  // WHEN it sends two messages, the second delayed
  sqs.on(SendMessageBatchCommand).resolves({
    Successful: [
      { Id: '0', MessageId: 'm0', MD5OfMessageBody: '' },
      { Id: '1', MessageId: 'm1', MD5OfMessageBody: '' },
    ],
  });
  await queue.send([{ n: 1 }, { n: 2 }], [0, 30]);
  // THEN one SendMessageBatch went to that queue with both bodies
  const batches = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
  expect(batches).toEqual([
    {
      QueueUrl: POLL_QUEUE,
      Entries: [
        { Id: '0', MessageBody: '{"n":1}' },
        { Id: '1', MessageBody: '{"n":2}', DelaySeconds: 30 },
      ],
    },
  ]);
});

test('a dead letter made on first use goes to the DLQ with its reason', async () => {
  sqs.on(SendMessageCommand).resolves({ MessageId: 'd1' });
  const deadLetters = deadLetterSinkOnFirstUse(env.articleDlqUrl, ENV.articleDlqUrl);
  await deadLetters.send({
    body: '{"x":1}',
    sourceMessageId: 'src-1',
    error: { code: 'PARSE_FAILED', message: 'no title' },
    failedAt: new Date('2026-12-06T20:00:00Z'),
  });
  const sent = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ QueueUrl: ARTICLE_DLQ, MessageBody: '{"x":1}' });
  expect(sent[0]!.MessageAttributes?.['errorCode']).toEqual({ DataType: 'String', StringValue: 'PARSE_FAILED' });
});

test('a missing queue setting fails when the sink is made, naming the variable', () => {
  expect(() => sinkOnFirstUse(null, ENV.articleQueueUrl)).toThrow('ARTICLE_QUEUE_URL is not set');
  expect(() => deadLetterSinkOnFirstUse(null, ENV.articleDlqUrl)).toThrow('ARTICLE_DLQ_URL is not set');
});

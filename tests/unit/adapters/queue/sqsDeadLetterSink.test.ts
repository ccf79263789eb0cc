import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import {
  attributeText,
  MAX_ERROR_MESSAGE_CHARS,
  SqsDeadLetterSink,
} from '../../../../lambdas/adapters/queue/sqsDeadLetterSink';

const sqs = mockClient(SQSClient);
const DLQ = 'https://sqs.us-east-1.amazonaws.com/123456789012/article-dlq';
const sink = () => new SqsDeadLetterSink({ client: new SQSClient({}), queueUrl: DLQ });
const letter = (message = 'record failed schema v1: title is empty') => ({
  body: '{"item":{"id":"i-1"}}',
  sourceMessageId: 'm-1',
  error: { code: 'RECORD_INVALID', message },
  failedAt: new Date('2026-11-29T14:00:00.000Z'),
});

beforeEach(() => sqs.reset());

test('the original body goes to the DLQ with the reason as String message attributes', async () => {
  sqs.on(SendMessageCommand).resolves({ MessageId: 'dlq-1' });
  await sink().send(letter());
  const calls = sqs.commandCalls(SendMessageCommand);
  expect(calls).toHaveLength(1);
  expect(calls[0]!.args[0].input).toEqual({
    QueueUrl: DLQ,
    MessageBody: '{"item":{"id":"i-1"}}',
    MessageAttributes: {
      errorCode: { DataType: 'String', StringValue: 'RECORD_INVALID' },
      errorMessage: { DataType: 'String', StringValue: 'record failed schema v1: title is empty' },
      sourceMessageId: { DataType: 'String', StringValue: 'm-1' },
      failedAt: { DataType: 'String', StringValue: '2026-11-29T14:00:00.000Z' },
    },
  });
});

test('a long reason is truncated; characters SQS refuses are replaced; an empty one is not sent empty', async () => {
  sqs.on(SendMessageCommand).resolves({});
  await sink().send(letter(`bad\u0000byte ${'x'.repeat(5000)}`));
  const sent = sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageAttributes!.errorMessage!.StringValue!;
  expect(Array.from(sent)).toHaveLength(MAX_ERROR_MESSAGE_CHARS);
  expect(sent.startsWith('bad\uFFFDbyte xxx')).toBe(true);
  expect(sent.endsWith('…')).toBe(true);
  expect(attributeText('')).toBe('-');
  // A cut never splits a surrogate pair.
  expect(attributeText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
});

test('a failing send surfaces as an error (the caller then keeps the message for retry)', async () => {
  sqs.on(SendMessageCommand).rejects(Object.assign(new Error('Access denied'), { name: 'AccessDenied' }));
  await expect(sink().send(letter())).rejects.toMatchObject({
    code: 'DLQ_SEND_FAILED',
    message: expect.stringContaining('Access denied'),
  });
});

test("the source queue's receive count and times go along when known (newswire dlq list shows them)", async () => {
  sqs.on(SendMessageCommand).resolves({});
  await sink().send({
    ...letter(),
    receiveCount: 2,
    sentAt: new Date('2026-11-29T13:58:00.000Z'),
    firstReceivedAt: new Date('2026-11-29T13:58:01.000Z'),
  });
  expect(sqs.commandCalls(SendMessageCommand)[0]!.args[0].input.MessageAttributes).toMatchObject({
    receiveCount: { DataType: 'Number', StringValue: '2' },
    sentAt: { DataType: 'String', StringValue: '2026-11-29T13:58:00.000Z' },
    firstReceivedAt: { DataType: 'String', StringValue: '2026-11-29T13:58:01.000Z' },
  });
});

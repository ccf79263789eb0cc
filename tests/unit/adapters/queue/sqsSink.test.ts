import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { SqsMessageSink } from '../../../../lambdas/adapters/queue/sqsSink';

const sqs = mockClient(SQSClient);
const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/q';
const sink = () =>
  new SqsMessageSink<{ n: number }>({ client: new SQSClient({}), queueUrl: QUEUE, sleep: async () => {} });
const bodies = () =>
  sqs
    .commandCalls(SendMessageBatchCommand)
    .map((c) => (c.args[0].input.Entries ?? []).map((e) => JSON.parse(e.MessageBody!).n));

beforeEach(() => sqs.reset());

test('messages go out in batches of ten, in order', async () => {
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  await sink().send(Array.from({ length: 23 }, (_, n) => ({ n })));
  expect(bodies().map((b) => b.length)).toEqual([10, 10, 3]);
  expect(bodies().flat()).toEqual(Array.from({ length: 23 }, (_, n) => n));
});

test('entries SQS could not take are sent again, and only those', async () => {
  sqs
    .on(SendMessageBatchCommand)
    .resolvesOnce({ Successful: [], Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }] })
    .resolves({ Successful: [], Failed: [] });
  await sink().send([{ n: 0 }, { n: 1 }, { n: 2 }]);
  expect(bodies()).toEqual([[0, 1, 2], [1]]);
});

test('an entry SQS keeps refusing is an error, never a silent drop', async () => {
  sqs
    .on(SendMessageBatchCommand)
    .resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
  await expect(sink().send([{ n: 0 }])).rejects.toMatchObject({ code: 'QUEUE_SEND_FAILED', retryable: true });
  expect(bodies()).toHaveLength(5);
});

test('a message SQS rejects as malformed fails at once, not retryable', async () => {
  sqs
    .on(SendMessageBatchCommand)
    .resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InvalidMessageContents', SenderFault: true }] });
  await expect(sink().send([{ n: 0 }])).rejects.toMatchObject({ code: 'QUEUE_SEND_REJECTED', retryable: false });
  expect(bodies()).toHaveLength(1);
});

test('a batch never passes the 256 KiB request limit of SQS: large messages go in smaller batches', async () => {
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  const big = (i: number) => ({ i, pad: 'x'.repeat(100 * 1024) }); // ~100 KiB each
  const large = new SqsMessageSink<{ i: number; pad: string }>({ client: new SQSClient({}), queueUrl: QUEUE });
  await large.send(Array.from({ length: 5 }, (_, i) => big(i)));
  const batches = sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries ?? []);
  expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
  for (const b of batches) {
    expect(b.reduce((n, e) => n + Buffer.byteLength(e.MessageBody ?? ''), 0)).toBeLessThanOrEqual(256 * 1024);
  }
  expect(batches.flat().map((e) => JSON.parse(e.MessageBody ?? '{}').i)).toEqual([0, 1, 2, 3, 4]);
});

test('each message carries its own DelaySeconds (whole seconds, clamped to 0–900); none when no delays are given', async () => {
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  await sink().send([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }], [0, 12.7, 5000, -3]);
  await sink().send([{ n: 4 }]);
  const delays = sqs
    .commandCalls(SendMessageBatchCommand)
    .map((c) => (c.args[0].input.Entries ?? []).map((e) => e.DelaySeconds));
  expect(delays).toEqual([[undefined, 12, 900, undefined], [undefined]]);
});

test("a message's attributes go out as String MessageAttributes beside its body and delay; the others carry none", async () => {
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  await sink().send([{ n: 0 }, { n: 1 }], [120, 0], [{ firstReceivedAt: '1741010400000' }, undefined]);
  expect(sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries)).toEqual([
    [
      {
        Id: '0',
        MessageBody: '{"n":0}',
        DelaySeconds: 120,
        MessageAttributes: { firstReceivedAt: { DataType: 'String', StringValue: '1741010400000' } },
      },
      { Id: '1', MessageBody: '{"n":1}' },
    ],
  ]);
});

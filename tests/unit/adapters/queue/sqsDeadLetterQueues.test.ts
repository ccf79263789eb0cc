import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { SqsDeadLetterQueues, type DeployedDlqs } from '../../../../lambdas/adapters/queue/sqsDeadLetterQueues';

const sqs = mockClient(SQSClient);
const Q = 'https://sqs.us-east-1.amazonaws.com/123456789012';
const QUEUES: DeployedDlqs = {
  poll: [{ name: 'PollDlq', url: `${Q}/poll-dlq`, sourceUrl: `${Q}/poll` }],
  article: [{ name: 'ArticleDlq', url: `${Q}/article-dlq`, sourceUrl: `${Q}/article` }],
  schedule: [
    { name: 'ScheduleDlq', url: `${Q}/schedule-dlq`, sourceUrl: null },
    { name: 'DispatchFailures', url: `${Q}/dispatch-failures`, sourceUrl: null },
  ],
};
const dlqs = () =>
  new SqsDeadLetterQueues({ client: new SQSClient({}), queues: QUEUES, where: 'stack Newswire-test-Ingest' });

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const str = (v: string) => ({ DataType: 'String', StringValue: v });
const articleBody = (n: number) =>
  JSON.stringify({
    feed: { id: 'f-0123456789abcdef', url: 'https://x.test/feed' },
    item: { id: `u-${n}`, link: `https://x.test/${n}.html` },
  });
/** A message as ReceiveMessage returns it; receiveCount includes the receive that returned it. */
const msg = (id: string, over: Partial<Message> = {}, receiveCount = 6): Message => ({
  MessageId: id,
  ReceiptHandle: `rh-${id}`,
  Body: articleBody(Number(id.replace(/\D/g, '') || 0)),
  Attributes: {
    SentTimestamp: String(T0),
    ApproximateFirstReceiveTimestamp: String(T0 + 1000),
    ApproximateReceiveCount: String(receiveCount),
  },
  ...over,
});
/** process-article's own send: the reason in message attributes. */
const parkedBySink = (id: string) =>
  msg(
    id,
    {
      MessageAttributes: {
        errorCode: str('HTTP_STATUS'),
        errorMessage: str('404 for https://x.test/1.html'),
        sourceMessageId: str(`src-${id}`),
        failedAt: str('2026-12-01T10:05:00.000Z'),
        receiveCount: { DataType: 'Number', StringValue: '1' },
        sentAt: str('2026-12-01T10:04:00.000Z'),
        firstReceivedAt: str('2026-12-01T10:04:30.000Z'),
      },
    },
    1,
  );

/** Answers ReceiveMessage for `url` from `messages`, MaxNumberOfMessages (≤ 10) at a time, then empty. */
function serve(url: string, messages: Message[]) {
  let i = 0;
  sqs.on(ReceiveMessageCommand, { QueueUrl: url }).callsFake((input: { MaxNumberOfMessages?: number }) => {
    const page = messages.slice(i, i + Math.min(10, input.MaxNumberOfMessages ?? 1));
    i += page.length;
    return { Messages: page };
  });
}

beforeEach(() => {
  sqs.reset();
  sqs.on(ReceiveMessageCommand).resolves({ Messages: [] });
  sqs.on(ChangeMessageVisibilityBatchCommand).resolves({ Successful: [], Failed: [] });
});

describe('list', () => {
  test('reads every message with its attributes, hides each only briefly, and makes them visible again at once', async () => {
    const messages = Array.from({ length: 13 }, (_, n) => msg(`m${n}`));
    serve(QUEUES.article[0]!.url, messages);
    const listed = await dlqs().list('article');

    expect(listed).toHaveLength(13);
    const receives = sqs.commandCalls(ReceiveMessageCommand).map((c) => c.args[0].input);
    expect(receives[0]).toMatchObject({
      QueueUrl: QUEUES.article[0]!.url,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 30,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    });
    expect(receives).toHaveLength(3); // 10, 3, then an empty answer ends it
    const released = sqs
      .commandCalls(ChangeMessageVisibilityBatchCommand)
      .flatMap((c) => c.args[0].input.Entries ?? []);
    expect(released.map((e) => e.ReceiptHandle).sort()).toEqual(messages.map((m) => m.ReceiptHandle).sort());
    expect(released.every((e) => e.VisibilityTimeout === 0)).toBe(true);
    expect(
      sqs.commandCalls(ChangeMessageVisibilityBatchCommand).every((c) => (c.args[0].input.Entries ?? []).length <= 10),
    ).toBe(true);
  });

  test('a message the redrive policy moved: "maxReceiveCount exceeded", its receives before this look, its times', async () => {
    serve(QUEUES.article[0]!.url, [msg('m1')]);
    const [m] = await dlqs().list('article');
    expect(m).toEqual({
      id: 'm1',
      queue: 'article',
      source: 'ArticleDlq',
      body: articleBody(1),
      reason: {
        code: 'MAX_RECEIVES_EXCEEDED',
        message: expect.stringMatching(/^maxReceiveCount exceeded \(received 5 times\).*m1/),
      },
      receiveCount: 5,
      sentAt: '2026-12-01T10:00:00.000Z',
      firstReceivedAt: '2026-12-01T10:00:01.000Z',
      deadLetteredAt: null,
    });
  });

  test('a message process-article parked itself: reason, times and receives from its attributes, not the DLQ copy', async () => {
    serve(QUEUES.article[0]!.url, [parkedBySink('m2')]);
    const [m] = await dlqs().list('article');
    expect(m).toMatchObject({
      reason: { code: 'HTTP_STATUS', message: '404 for https://x.test/1.html' },
      deadLetteredAt: '2026-12-01T10:05:00.000Z',
      receiveCount: 1,
      sentAt: '2026-12-01T10:04:00.000Z',
      firstReceivedAt: '2026-12-01T10:04:30.000Z',
    });
  });

  test('one parked by an older process-article, without those attributes: receives and times unknown', async () => {
    const old = parkedBySink('m3');
    for (const k of ['receiveCount', 'sentAt', 'firstReceivedAt']) delete old.MessageAttributes![k];
    serve(QUEUES.article[0]!.url, [old]);
    const [m] = await dlqs().list('article');
    expect(m).toMatchObject({
      receiveCount: null,
      sentAt: null,
      firstReceivedAt: null,
      deadLetteredAt: '2026-12-01T10:05:00.000Z',
    });
  });

  test('schedule lists both parking queues: EventBridge attributes and Lambda destination records', async () => {
    serve(QUEUES.schedule[0]!.url, [
      msg('e1', {
        Body: JSON.stringify({ 'detail-type': 'Scheduled Event', time: '2026-12-01T10:00:00Z' }),
        MessageAttributes: { ERROR_CODE: str('SDK_CLIENT_ERROR'), ERROR_MESSAGE: str('Lambda throttled the invoke') },
      }),
    ]);
    serve(QUEUES.schedule[1]!.url, [
      msg('d1', {
        Body: JSON.stringify({
          version: '1.0',
          timestamp: '2026-12-01T10:16:00.000Z',
          requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 },
          requestPayload: { 'detail-type': 'Scheduled Event', time: '2026-12-01T10:15:00Z' },
          responsePayload: { errorType: 'StorageError', errorMessage: 'Scan Feeds: throttled' },
        }),
        Attributes: { SentTimestamp: String(T0 + 60_000), ApproximateReceiveCount: '1' },
      }),
    ]);
    const listed = await dlqs().list('schedule');
    expect(listed.map((m) => [m.source, m.reason, m.deadLetteredAt])).toEqual([
      ['ScheduleDlq', { code: 'SDK_CLIENT_ERROR', message: 'Lambda throttled the invoke' }, null],
      ['DispatchFailures', { code: 'StorageError', message: 'Scan Feeds: throttled' }, '2026-12-01T10:16:00.000Z'],
    ]);
  });

  test('limit: reads no more than asked', async () => {
    serve(
      QUEUES.article[0]!.url,
      Array.from({ length: 30 }, (_, n) => msg(`m${n}`)),
    );
    expect(await dlqs().list('article', { limit: 12 })).toHaveLength(12);
    expect(sqs.commandCalls(ReceiveMessageCommand).map((c) => c.args[0].input.MaxNumberOfMessages)).toEqual([10, 2]);
  });
});

describe('redrive', () => {
  test('--all is one SQS message-move task from the DLQ to its source queue, both named by ARN', async () => {
    sqs.on(GetQueueAttributesCommand, { QueueUrl: QUEUES.article[0]!.url }).resolves({
      Attributes: { QueueArn: 'arn:aws:sqs:us-east-1:123456789012:article-dlq', ApproximateNumberOfMessages: '7' },
    });
    sqs.on(GetQueueAttributesCommand, { QueueUrl: QUEUES.article[0]!.sourceUrl! }).resolves({
      Attributes: { QueueArn: 'arn:aws:sqs:us-east-1:123456789012:article', ApproximateNumberOfMessages: '0' },
    });
    sqs.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-1' });
    const out = await dlqs().redrive('article', { all: true });
    expect(sqs.commandCalls(StartMessageMoveTaskCommand).map((c) => c.args[0].input)).toEqual([
      {
        SourceArn: 'arn:aws:sqs:us-east-1:123456789012:article-dlq',
        DestinationArn: 'arn:aws:sqs:us-east-1:123456789012:article',
      },
    ]);
    expect(out).toEqual({
      redriven: 7,
      succeeded: null,
      deadLetteredAgain: null,
      notFound: [],
      moveTaskHandle: 'task-1',
    });
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });

  test('by id: the body goes back to the source queue, then the message leaves the DLQ; the others are released', async () => {
    serve(QUEUES.article[0]!.url, [msg('m1'), msg('m2'), parkedBySink('m3')]);
    sqs.on(SendMessageCommand).resolves({ MessageId: 'new' });
    sqs.on(DeleteMessageCommand).resolves({});
    const out = await dlqs().redrive('article', { ids: ['m2', 'm3', 'nope'] });

    expect(out).toEqual({ redriven: 2, succeeded: null, deadLetteredAgain: null, notFound: ['nope'] });
    // Held long enough to send and delete them (not the 30 s of a look).
    expect(sqs.commandCalls(ReceiveMessageCommand)[0]!.args[0].input.VisibilityTimeout).toBe(120);
    expect(sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input)).toEqual([
      { QueueUrl: QUEUES.article[0]!.sourceUrl, MessageBody: articleBody(2) },
      { QueueUrl: QUEUES.article[0]!.sourceUrl, MessageBody: articleBody(3) },
    ]);
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input)).toEqual([
      { QueueUrl: QUEUES.article[0]!.url, ReceiptHandle: 'rh-m2' },
      { QueueUrl: QUEUES.article[0]!.url, ReceiptHandle: 'rh-m3' },
    ]);
    const released = sqs
      .commandCalls(ChangeMessageVisibilityBatchCommand)
      .flatMap((c) => c.args[0].input.Entries ?? []);
    expect(released.map((e) => e.ReceiptHandle)).toEqual(['rh-m1']);
  });

  test('by reason: the code, or words of the message', async () => {
    serve(QUEUES.article[0]!.url, [msg('m1'), parkedBySink('m2')]);
    sqs.on(SendMessageCommand).resolves({});
    sqs.on(DeleteMessageCommand).resolves({});
    expect(await dlqs().redrive('article', { reason: 'http_status' })).toMatchObject({ redriven: 1 });
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle)).toEqual(['rh-m2']);

    sqs.resetHistory();
    serve(QUEUES.article[0]!.url, [msg('m1'), parkedBySink('m2')]);
    expect(await dlqs().redrive('article', { reason: 'maxReceiveCount exceeded' })).toMatchObject({ redriven: 1 });
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle)).toEqual(['rh-m1']);
  });

  test('a send that fails stops the redrive and deletes nothing it did not send', async () => {
    serve(QUEUES.poll[0]!.url, [msg('m1'), msg('m2')]);
    sqs
      .on(SendMessageCommand)
      .resolvesOnce({})
      .rejects(Object.assign(new Error('Access to the resource is denied'), { name: 'AccessDenied' }));
    sqs.on(DeleteMessageCommand).resolves({});
    await expect(dlqs().redrive('poll', { ids: ['m1', 'm2'] })).rejects.toThrow(
      /redrive stopped after 1 of 2 message\(s\): Access to the resource is denied; the rest stay in PollDlq/,
    );
    expect(sqs.commandCalls(DeleteMessageCommand).map((c) => c.args[0].input.ReceiptHandle)).toEqual(['rh-m1']);
  });

  test('the schedule queues are never redriven (the next scheduled run dispatches again)', async () => {
    await expect(dlqs().redrive('schedule', { all: true })).rejects.toThrow(/schedule queue is not redriven/);
    expect(sqs.commandCalls(StartMessageMoveTaskCommand)).toHaveLength(0);
  });
});

test('purge: PurgeQueue on each queue of the name, the count from ApproximateNumberOfMessages before', async () => {
  sqs
    .on(GetQueueAttributesCommand, { QueueUrl: QUEUES.schedule[0]!.url })
    .resolves({ Attributes: { ApproximateNumberOfMessages: '2' } });
  sqs
    .on(GetQueueAttributesCommand, { QueueUrl: QUEUES.schedule[1]!.url })
    .resolves({ Attributes: { ApproximateNumberOfMessages: '3' } });
  sqs.on(PurgeQueueCommand).resolves({});
  expect(await dlqs().purge('schedule')).toBe(5);
  expect(sqs.commandCalls(PurgeQueueCommand).map((c) => c.args[0].input.QueueUrl)).toEqual([
    QUEUES.schedule[0]!.url,
    QUEUES.schedule[1]!.url,
  ]);
});

/**
 * A stand-in for the few SQS operations `newswire dlq --stack` calls (AWS JSON 1.0 protocol, as the
 * SDK speaks it), in memory on 127.0.0.1: ReceiveMessage (visibility timeout, receive counts,
 * attributes), ChangeMessageVisibilityBatch, DeleteMessage, SendMessage, SendMessageBatch (what
 * `reprocess --via-queue` calls), GetQueueAttributes,
 * PurgeQueue and StartMessageMoveTask (moves every message at once). Queue URLs are
 * `<endpoint>/123456789012/<name>`; point the CLI at it with AWS_ENDPOINT_URL_SQS. Anything else
 * answers 400 UnsupportedOperation, so a call the adapter should not make fails the test.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMessage {
  MessageId: string;
  Body: string;
  MessageAttributes?: Record<string, { DataType: string; StringValue: string }>;
  SentTimestamp: number;
  ReceiveCount: number;
  FirstReceiveTimestamp: number | null;
  /** Epoch ms until which it is invisible. */
  invisibleUntil: number;
  receipt: string | null;
}

export interface FakeSqs {
  endpoint: string;
  url(name: string): string;
  arn(name: string): string;
  queues: Map<string, FakeMessage[]>;
  /** Adds a message as if it had been sent (and received receiveCount times) earlier. */
  put(name: string, m: Partial<FakeMessage> & { Body: string }): FakeMessage;
  /** Operation names, in order. */
  readonly calls: string[];
  close(): Promise<void>;
}

const ACCOUNT = '123456789012';
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

export async function startFakeSqs(names: string[]): Promise<FakeSqs> {
  const queues = new Map<string, FakeMessage[]>(names.map((n) => [n, []]));
  const calls: string[] = [];
  const nameOf = (url: unknown) => String(url).split('/').pop() ?? '';
  const queue = (url: unknown) => {
    const q = queues.get(nameOf(url));
    if (!q)
      throw Object.assign(new Error(`no queue ${String(url)}`), { code: 'AWS.SimpleQueueService.NonExistentQueue' });
    return q;
  };
  const ops: Record<string, (input: Record<string, unknown>) => unknown> = {
    ReceiveMessage: (input) => {
      const now = Date.now();
      const max = Number(input.MaxNumberOfMessages ?? 1);
      const visibility = Number(input.VisibilityTimeout ?? 30);
      const out = queue(input.QueueUrl)
        .filter((m) => m.invisibleUntil <= now)
        .slice(0, max);
      for (const m of out) {
        m.ReceiveCount++;
        m.FirstReceiveTimestamp ??= now;
        m.invisibleUntil = now + visibility * 1000;
        m.receipt = randomUUID();
      }
      return {
        Messages: out.map((m) => ({
          MessageId: m.MessageId,
          ReceiptHandle: m.receipt,
          Body: m.Body,
          MD5OfBody: md5(m.Body),
          Attributes: {
            SentTimestamp: String(m.SentTimestamp),
            ApproximateReceiveCount: String(m.ReceiveCount),
            ApproximateFirstReceiveTimestamp: String(m.FirstReceiveTimestamp),
          },
          ...(m.MessageAttributes ? { MessageAttributes: m.MessageAttributes } : {}),
        })),
      };
    },
    ChangeMessageVisibilityBatch: (input) => {
      const q = queue(input.QueueUrl);
      const entries = input.Entries as { Id: string; ReceiptHandle: string; VisibilityTimeout: number }[];
      for (const e of entries) {
        const m = q.find((x) => x.receipt === e.ReceiptHandle);
        if (m) m.invisibleUntil = Date.now() + e.VisibilityTimeout * 1000;
      }
      return { Successful: entries.map((e) => ({ Id: e.Id })), Failed: [] };
    },
    DeleteMessage: (input) => {
      const q = queue(input.QueueUrl);
      const i = q.findIndex((m) => m.receipt === input.ReceiptHandle);
      if (i >= 0) q.splice(i, 1);
      return {};
    },
    SendMessage: (input) => {
      const m = put(nameOf(input.QueueUrl), { Body: String(input.MessageBody) });
      return { MessageId: m.MessageId, MD5OfMessageBody: md5(m.Body) };
    },
    SendMessageBatch: (input) => {
      const name = nameOf(input.QueueUrl);
      const entries = input.Entries as { Id: string; MessageBody: string }[];
      const sent = entries.map((e) => ({ Id: e.Id, m: put(name, { Body: String(e.MessageBody) }) }));
      return {
        Successful: sent.map(({ Id, m }) => ({ Id, MessageId: m.MessageId, MD5OfMessageBody: md5(m.Body) })),
        Failed: [],
      };
    },
    GetQueueAttributes: (input) => ({
      Attributes: {
        QueueArn: arn(nameOf(input.QueueUrl)),
        ApproximateNumberOfMessages: String(queue(input.QueueUrl).length),
      },
    }),
    PurgeQueue: (input) => {
      queue(input.QueueUrl).length = 0;
      return {};
    },
    StartMessageMoveTask: (input) => {
      const from = queue(String(input.SourceArn).split(':').pop());
      const to = queue(String(input.DestinationArn).split(':').pop());
      for (const m of from.splice(0)) to.push({ ...m, ReceiveCount: 0, invisibleUntil: 0, receipt: null });
      return { TaskHandle: `task-${randomUUID()}` };
    },
  };

  let endpoint = '';
  const url = (name: string) => `${endpoint}/${ACCOUNT}/${name}`;
  const arn = (name: string) => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;
  const put = (name: string, m: Partial<FakeMessage> & { Body: string }): FakeMessage => {
    const message: FakeMessage = {
      MessageId: randomUUID(),
      SentTimestamp: Date.now(),
      ReceiveCount: 0,
      FirstReceiveTimestamp: null,
      invisibleUntil: 0,
      receipt: null,
      ...m,
    };
    queue(url(name)).push(message);
    return message;
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '').replace(/^AmazonSQS\./, '');
      calls.push(op);
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      const handler = ops[op];
      try {
        if (!handler) throw Object.assign(new Error(`fake SQS does not do ${op}`), { code: 'UnsupportedOperation' });
        res.end(JSON.stringify(handler(JSON.parse(body || '{}') as Record<string, unknown>)));
      } catch (err) {
        res.statusCode = 400;
        res.end(
          JSON.stringify({
            __type: (err as { code?: string }).code ?? 'InternalError',
            message: (err as Error).message,
          }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    url,
    arn,
    queues,
    put,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The local queue against moto's SQS (moto_server on 127.0.0.1): one scenario — send, receive,
 * partial batch failure (the successes deleted, the failures left, as the Lambda event source does),
 * visibility timeout, redelivery with its receive count, maxReceiveCount → dead-letter queue via the
 * redrive policy — run on both must give the same deliveries.
 *
 * Where moto_server is not installed, the one test says so and checks nothing else.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { LocalQueue } from '../../lambdas/local/localQueue';

jest.setTimeout(30_000);

const VISIBILITY_MS = 1000;
const MAX_RECEIVES = 2;

/** What the scenario does to a queue: the same four operations on both. */
interface QueueUnderTest {
  send(bodies: string[]): Promise<void>;
  receive(): Promise<{ handle: string; body: string; receiveCount: number }[]>;
  delete(handle: string): Promise<void>;
  /** Bodies in the dead-letter queue. */
  deadLetters(): Promise<string[]>;
}

type Delivery = [round: number, body: string, receiveCount: number];

/** a succeeds at once; b fails once then succeeds; c always fails. */
async function scenario(q: QueueUnderTest): Promise<{ deliveries: Delivery[]; dead: string[] }> {
  await q.send(['a', 'b', 'c']);
  const deliveries: Delivery[] = [];
  for (let round = 1; round <= 3; round++) {
    const batch = await q.receive();
    for (const m of batch) deliveries.push([round, m.body, m.receiveCount]);
    // Partial batch failure: delete what succeeded, leave the failures for the visibility timeout.
    const succeeded = batch.filter((m) => m.body === 'a' || (m.body === 'b' && m.receiveCount >= 2));
    for (const m of succeeded) await q.delete(m.handle);
    await new Promise((r) => setTimeout(r, VISIBILITY_MS + 300));
  }
  deliveries.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
  return { deliveries, dead: (await q.deadLetters()).sort() };
}

function localQueue(): QueueUnderTest {
  const q = new LocalQueue<string>('main', { visibilityTimeoutMs: VISIBILITY_MS, maxReceiveCount: MAX_RECEIVES });
  return {
    send: (bodies) => q.send(bodies),
    receive: async () =>
      q.receive(10).map((m) => ({ handle: m.messageId, body: m.body, receiveCount: m.receiveCount })),
    delete: async (handle) => q.ack(handle),
    deadLetters: async () => q.deadLetters.map((d) => d.body),
  };
}

async function motoQueue(endpoint: string): Promise<QueueUnderTest> {
  const sqs = new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  const suffix = Date.now().toString(36);
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `dlq-${suffix}` }));
  const dlqArn = (
    await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))
  ).Attributes?.QueueArn;
  const main = await sqs.send(
    new CreateQueueCommand({
      QueueName: `main-${suffix}`,
      Attributes: {
        VisibilityTimeout: String(VISIBILITY_MS / 1000),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: String(MAX_RECEIVES) }),
      },
    }),
  );
  const receiveAll = async (url: string | undefined) => {
    const res = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    );
    return (res.Messages ?? []).map((m) => ({
      handle: m.ReceiptHandle ?? '',
      body: m.Body ?? '',
      receiveCount: Number(m.Attributes?.ApproximateReceiveCount),
    }));
  };
  return {
    send: async (bodies) => {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: main.QueueUrl,
          Entries: bodies.map((b, i) => ({ Id: String(i), MessageBody: b })),
        }),
      );
    },
    receive: () => receiveAll(main.QueueUrl),
    delete: async (handle) => {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: main.QueueUrl, ReceiptHandle: handle }));
    },
    deadLetters: async () => (await receiveAll(dlq.QueueUrl)).map((m) => m.body),
  };
}

/** moto_server on PATH or in pyenv's shims; null when absent. */
function findMoto(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const shim = path.join(homedir(), '.pyenv', 'shims', 'moto_server');
  if (existsSync(shim) && spawnSync(shim, ['--help'], { stdio: 'ignore' }).status === 0) return shim;
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('moto_server did not answer within 15 s');
}

const moto = findMoto();

describe(moto ? 'local queue and moto SQS deliver the same' : 'local queue vs moto SQS (moto_server absent)', () => {
  if (!moto) {
    test('moto_server is not installed: the comparison cannot run here', () => {
      console.log('sqsSemantics: moto_server not found on PATH or in ~/.pyenv/shims; comparison not run');
      expect(moto).toBeNull();
    });
    return;
  }

  let server: ChildProcess;
  let endpoint: string;
  beforeAll(async () => {
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    server = spawn(moto, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    await waitUntilUp(endpoint, server);
  });
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  test('send, partial batch failure, visibility timeout, redelivery, maxReceiveCount → DLQ', async () => {
    const [local, remote] = await Promise.all([scenario(localQueue()), scenario(await motoQueue(endpoint))]);
    const expected = {
      deliveries: [
        [1, 'a', 1],
        [1, 'b', 1],
        [1, 'c', 1],
        [2, 'b', 2],
        [2, 'c', 2],
      ],
      dead: ['c'],
    };
    expect(remote).toEqual(expected); // what SQS does (moto), spelled out
    expect(local).toEqual(remote);
  });
});

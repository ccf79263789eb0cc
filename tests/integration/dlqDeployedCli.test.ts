/**
 * `newswire dlq --stack`: the deployed DLQs, found through the ingest stack's outputs (a fake
 * CloudFormation) and read over the SQS API (a fake SQS) — nothing leaves 127.0.0.1.
 */
import { startFakeCloudFormation, type FakeCloudFormation } from '../helpers/fakeCloudFormation';
import { startFakeSqs, type FakeSqs } from '../helpers/fakeSqs';
import { newswire } from '../helpers/cli';

jest.setTimeout(60_000);

const NAMES = ['poll', 'article', 'poll-dlq', 'article-dlq', 'schedule-dlq', 'dispatch-failures'];
let sqs: FakeSqs;
let cfn: FakeCloudFormation;
let env: NodeJS.ProcessEnv;
const stack = ['--stack', 'Newswire-test', '--region', 'us-east-1'];
const body = (n: number) =>
  JSON.stringify({
    feed: { id: 'f-0123456789abcdef', url: 'https://x.test/feed' },
    item: { id: `u-${n}`, link: `https://x.test/${n}.html` },
  });

beforeAll(async () => {
  sqs = await startFakeSqs(NAMES);
  cfn = await startFakeCloudFormation({
    'Newswire-test-Ingest': {
      PollQueueUrl: sqs.url('poll'),
      ArticleQueueUrl: sqs.url('article'),
      PollDlqUrl: sqs.url('poll-dlq'),
      ArticleDlqUrl: sqs.url('article-dlq'),
      ScheduleDlqUrl: sqs.url('schedule-dlq'),
      DispatchFailuresUrl: sqs.url('dispatch-failures'),
    },
  });
  env = {
    AWS_ENDPOINT_URL_CLOUDFORMATION: cfn.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
});
afterAll(async () => {
  await sqs?.close();
  await cfn?.close();
});

test('list, redrive by reason, redrive all and purge on the deployed queues', async () => {
  const hourAgo = Date.now() - 3600_000;
  // One parked by the redrive policy (received 5 times, no reason), one by process-article itself.
  const moved = sqs.put('article-dlq', {
    Body: body(1),
    SentTimestamp: hourAgo,
    ReceiveCount: 5,
    FirstReceiveTimestamp: hourAgo,
  });
  const sent = sqs.put('article-dlq', {
    Body: body(2),
    SentTimestamp: hourAgo + 1000,
    MessageAttributes: {
      errorCode: { DataType: 'String', StringValue: 'HTTP_STATUS' },
      errorMessage: { DataType: 'String', StringValue: '404 for https://x.test/2.html' },
      failedAt: { DataType: 'String', StringValue: new Date(hourAgo + 2000).toISOString() },
      receiveCount: { DataType: 'Number', StringValue: '1' },
    },
  });

  const listed = await newswire(['dlq', 'list', '--queue', 'article', ...stack, '--json'], env);
  expect(listed.stderr).not.toMatch(/error/i);
  expect(listed.code).toBe(0);
  const rows = JSON.parse(listed.stdout) as {
    id: string;
    source: string;
    release: string;
    reason: { code: string };
    receiveCount: number;
    ageSeconds: number;
  }[];
  expect(rows.map((r) => [r.id, r.source, r.release, r.reason.code, r.receiveCount])).toEqual([
    [moved.MessageId, 'ArticleDlq', 'https://x.test/1.html', 'MAX_RECEIVES_EXCEEDED', 5],
    [sent.MessageId, 'ArticleDlq', 'https://x.test/2.html', 'HTTP_STATUS', 1],
  ]);
  expect(rows[0]!.ageSeconds).toBeGreaterThanOrEqual(3599);
  // Listing only looked: both are still there and visible.
  expect(sqs.queues.get('article-dlq')!.every((m) => m.invisibleUntil <= Date.now())).toBe(true);

  const byReason = await newswire(['dlq', 'redrive', '--queue', 'article', '--reason', 'HTTP_STATUS', ...stack], env);
  expect(byReason.code).toBe(0);
  expect(byReason.stdout).toMatch(/redriven\s+1/);
  expect(sqs.queues.get('article')!.map((m) => m.Body)).toEqual([body(2)]);
  expect(sqs.queues.get('article-dlq')!.map((m) => m.MessageId)).toEqual([moved.MessageId]);

  const all = await newswire(['dlq', 'redrive', '--queue', 'article', '--all', ...stack], env);
  expect(all.code).toBe(0);
  expect(all.stdout).toMatch(/started an SQS message move task for about 1 message/);
  expect(sqs.queues.get('article-dlq')).toEqual([]);
  expect(sqs.queues.get('article')!.map((m) => m.Body)).toEqual([body(2), body(1)]);

  sqs.put('schedule-dlq', { Body: '{"time":"2026-12-05T10:00:00Z"}' });
  sqs.put('dispatch-failures', { Body: '{"requestContext":{"condition":"RetriesExhausted"}}' });
  const purged = await newswire(['dlq', 'purge', '--queue', 'schedule', '--yes', ...stack], env);
  expect(purged.code).toBe(0);
  expect(purged.stdout).toContain('purged (about 2 message(s))');
  expect(sqs.queues.get('schedule-dlq')).toEqual([]);
  expect(sqs.queues.get('dispatch-failures')).toEqual([]);
});

test('--allow-host is refused with --stack; --region needs --stack', async () => {
  const mixed = await newswire(
    ['dlq', 'redrive', '--queue', 'poll', '--all', '--allow-host', '127.0.0.1:1', ...stack],
    env,
  );
  expect(mixed.code).toBe(2);
  expect(mixed.stderr).toContain('--allow-host is for a local redrive');
  const region = await newswire(['dlq', 'list', '--queue', 'poll', '--region', 'us-east-1'], env);
  expect(region.code).toBe(2);
  expect(region.stderr).toContain('--region and --profile need --stack');
});

/**
 * `newswire reprocess` as a user runs it, on the sample set ingested once into a temp data dir
 * (dynalite + folder archive): a fresh store re-parses unchanged; records an older parser left
 * behind (an older parserVersion, a wrong field — written into the table as it would have stored
 * them) become `reparse` revisions, `--dry-run` only counts them, `--parser-version-below` selects
 * them; a missing archive object fails its record (exit 1) with the reason; usage errors exit 2.
 * And with `--stack`: the deployed names from the stack outputs (fake CloudFormation), dynalite as
 * DynamoDB, the data dir's archive served as the S3 bucket, and `--via-queue` sending to a fake SQS
 * article queue — nothing leaves 127.0.0.1.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from '../../lambdas/adapters/dynamodb/clients';
import type { PressReleaseRecord } from '../../lambdas/core/record';
import { startLocalDynamo } from '../../lambdas/local/dynamoServer';
import { LOCAL_TABLES } from '../../lambdas/local/runtime';
import type { ReprocessSummary } from '../../lambdas/pipeline/reprocess';
import { freePort, newswire } from '../helpers/cli';
import { startFakeCloudFormation } from '../helpers/fakeCloudFormation';
import { startFakeS3 } from '../helpers/fakeS3';
import { startFakeSqs } from '../helpers/fakeSqs';
import { readSampleManifest } from '../helpers/sampleManifest';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(120_000);

const manifest = readSampleManifest();

/** The records of the releases a sample feed lists (a release two feeds list is in both: feed listings). */
function listedBy(feedUrl: string, all: PressReleaseRecord[]): PressReleaseRecord[] {
  const feedName = new URL(feedUrl).pathname.replace(/^.*\//, '').replace(/\.[a-z]+$/, '');
  const slugs = new Set(manifest.releases.filter((r) => r.feeds.includes(feedName)).map((r) => r.slug));
  return all.filter((r) => slugs.has((r.url ?? '').replace(/^.*\/news-releases\/(.*)\.html$/, '$1')));
}
let tmp: ReturnType<typeof makeTempDir>;
let records: PressReleaseRecord[];

async function reprocessJson(args: string[]): Promise<{ code: number; summary: ReprocessSummary; stderr: string }> {
  const res = await newswire(['reprocess', '--data-dir', tmp.dir, '--json', ...args]);
  return { code: res.code, summary: JSON.parse(res.stdout) as ReprocessSummary, stderr: res.stderr };
}

async function get(id: string): Promise<PressReleaseRecord> {
  const res = await newswire(['get', id, '--data-dir', tmp.dir]);
  expect(res.code).toBe(0);
  return JSON.parse(res.stdout) as PressReleaseRecord;
}

/** Writes fields into stored release items as an older parser would have left them (no new revision). */
async function storeAsOlderParser(changes: { id: string; set: Record<string, unknown> }[]): Promise<void> {
  const dynamo = await startLocalDynamo({ dir: path.join(tmp.dir, 'dynamodb') });
  const client = makeDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
  try {
    for (const { id, set } of changes) {
      const names = Object.fromEntries(Object.keys(set).map((k, i) => [`#f${i}`, k]));
      const values = Object.fromEntries(Object.values(set).map((v, i) => [`:v${i}`, v]));
      await client.send(
        new UpdateCommand({
          TableName: LOCAL_TABLES.articles,
          Key: { id },
          UpdateExpression:
            'SET ' +
            Object.keys(set)
              .map((_, i) => `#f${i} = :v${i}`)
              .join(', '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    }
  } finally {
    client.destroy();
    await dynamo.close();
  }
}

beforeAll(async () => {
  tmp = makeTempDir('newswire-reprocess-cli');
  const port = await freePort();
  const res = await newswire(['ingest', '--json', '--data-dir', tmp.dir, '--sample-port', String(port)]);
  expect(res.code).toBe(0);
  expect(JSON.parse(res.stdout)).toMatchObject({ written: manifest.releases.length, failed: 0 });
  const q = await newswire(['query', '--data-dir', tmp.dir, '--format', 'json', '--limit', '1000']);
  records = (JSON.parse(q.stdout) as { items: PressReleaseRecord[] }).items;
  expect(records).toHaveLength(manifest.releases.length);
});
afterAll(() => tmp?.remove());

test('re-parsing what the current parser stored changes nothing', async () => {
  const { code, summary, stderr } = await reprocessJson([]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(summary).toMatchObject({
    scanned: records.length,
    changed: 0,
    unchanged: records.length,
    degradedKept: 0,
    failed: 0,
    dryRun: false,
  });
});

test('records an older parser left behind become reparse revisions; --dry-run and --parser-version-below', async () => {
  const [a, b, c] = records.filter((r) => r.source !== null);
  await storeAsOlderParser([
    { id: a!.id, set: { parserVersion: '0.1.0', source: 'Old Parser Guess Inc.' } },
    { id: b!.id, set: { parserVersion: '0.2.0', place: null } },
    // An older parser whose output the current one repeats: selected, parsed, nothing written.
    { id: c!.id, set: { parserVersion: '0.1.5' } },
  ]);

  const dry = await reprocessJson(['--parser-version-below', '0.3.0', '--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.summary).toMatchObject({ scanned: 3, changed: 2, unchanged: 1, failed: 0, dryRun: true });
  expect(dry.summary.skipped).toBe(records.length - 3);
  expect(await get(a!.id)).toMatchObject({ revision: 1, source: 'Old Parser Guess Inc.' });

  // The table a person reads.
  const res = await newswire(['reprocess', '--data-dir', tmp.dir, '--parser-version-below', '0.3.0']);
  expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
  expect(res.stdout).toMatch(/^newswire reprocess — local \(/);
  expect(res.stdout).toMatch(/^ {2}scanned +3$/m);
  expect(res.stdout).toMatch(/^ {2}changed +2 {2}\(new revision, reason reparse\)$/m);
  expect(res.stdout).toMatch(/^ {2}unchanged +1$/m);
  expect(res.stdout).toMatch(/^ {2}failed +0$/m);

  const fixedA = await get(a!.id);
  expect(fixedA).toEqual({ ...a, revision: 2, revisionReason: 'reparse' });
  expect(await get(b!.id)).toEqual({ ...b, revision: 2, revisionReason: 'reparse' });
  expect(await get(c!.id)).toMatchObject({ revision: 1, revisionReason: null, parserVersion: '0.1.5' });

  // Done: parsing again changes nothing more.
  expect((await reprocessJson([])).summary).toMatchObject({ changed: 0, unchanged: records.length });
});

test('a record whose archived page is gone fails with the reason (exit 1); --feed narrows the run', async () => {
  const victim = records.find((r) => r.raw?.articleKey)!;
  const before = await get(victim.id);
  rmSync(path.join(tmp.dir, 'archive', victim.raw!.articleKey!));
  const { code, summary } = await reprocessJson(['--feed', victim.feed!.id]);
  expect(code).toBe(1);
  const ofFeed = listedBy(victim.feed!.url, records).length;
  expect(ofFeed).toBeLessThan(records.length);
  expect(summary).toMatchObject({ scanned: ofFeed, failed: 1, failedByCode: { ARCHIVE_MISSING: 1 } });
  expect(summary.failures).toEqual([
    { id: victim.id, code: 'ARCHIVE_MISSING', message: expect.stringContaining(victim.raw!.articleKey!) },
  ]);
  expect(await get(victim.id)).toEqual(before); // left as it was
});

test('usage errors exit 2 with one line', async () => {
  const cases: [string[], RegExp][] = [
    [['--parser-version-below', 'new'], /--parser-version-below must be a semver version/],
    [['--via-queue'], /--via-queue needs --stack/],
    [['--concurrency', '0'], /--concurrency must be a whole number from 1 to 64/],
    [['--since', '2025-03-02', '--until', '2025-03-01'], /--since .* is after --until/],
  ];
  for (const [args, message] of cases) {
    const res = await newswire(['reprocess', '--data-dir', tmp.dir, ...args]);
    expect({ args, code: res.code }).toEqual({ args, code: 2 });
    expect(res.stderr).toMatch(message);
  }
});

describe('--stack: the deployed tables, bucket and article queue, found through the stack outputs', () => {
  test('re-parses on the deployed names, or queues one message per record with --via-queue', async () => {
    const sqs = await startFakeSqs(['poll', 'article', 'poll-dlq', 'article-dlq', 'schedule-dlq', 'dispatch-failures']);
    const s3 = await startFakeS3('newswire-raw-test', path.join(tmp.dir, 'archive'));
    const cfn = await startFakeCloudFormation({
      'Newswire-test-Data': {
        ArticlesTableName: LOCAL_TABLES.articles,
        FeedsTableName: LOCAL_TABLES.feeds,
        RawBucketName: 'newswire-raw-test',
      },
      'Newswire-test-Ingest': {
        PollQueueUrl: sqs.url('poll'),
        ArticleQueueUrl: sqs.url('article'),
        PollDlqUrl: sqs.url('poll-dlq'),
        ArticleDlqUrl: sqs.url('article-dlq'),
        ScheduleDlqUrl: sqs.url('schedule-dlq'),
        DispatchFailuresUrl: sqs.url('dispatch-failures'),
      },
    });
    const dynamo = await startLocalDynamo({ dir: path.join(tmp.dir, 'dynamodb') });
    try {
      const env = {
        AWS_ENDPOINT_URL_CLOUDFORMATION: cfn.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        AWS_ENDPOINT_URL_S3: s3.endpoint,
        AWS_ENDPOINT_URL_SQS: sqs.endpoint,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_EC2_METADATA_DISABLED: 'true',
      };
      const stack = ['--stack', 'Newswire-test-Data', '--region', 'us-east-1'];
      const archived = (r: PressReleaseRecord) =>
        r.raw?.articleKey ? existsSync(path.join(tmp.dir, 'archive', r.raw.articleKey)) : true;
      const victim = records.find((r) => r.raw?.articleKey && r.feed?.id && archived(r))!;
      const feedArgs = ['--feed', victim.feed!.id];
      const ofFeed = listedBy(victim.feed!.url, records);
      // The page an earlier test deleted fails here too, read from the "bucket".
      const gone = ofFeed.filter((r) => !archived(r)).length;

      const run = await newswire(['reprocess', ...stack, ...feedArgs, '--dry-run', '--json'], env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(gone ? 1 : 0);
      expect(JSON.parse(run.stdout)).toMatchObject({ scanned: ofFeed.length, failed: gone, dryRun: true });
      // Every page came from the bucket (the feed bodies too): nothing was fetched from the web.
      expect(s3.requests).toContain(`GET ${victim.raw!.articleKey}`);
      expect(s3.requests).toContain(`GET ${victim.raw!.feedKey}`);

      const queued = await newswire(['reprocess', ...stack, ...feedArgs, '--via-queue', '--json'], env);
      expect(queued.stderr).toBe('');
      expect(queued.code).toBe(0);
      expect(JSON.parse(queued.stdout)).toEqual({ queued: ofFeed.length, skipped: 0, queue: sqs.url('article') });
      const bodies = (sqs.queues.get('article') ?? []).map((m) => JSON.parse(m.Body) as unknown);
      expect(bodies).toHaveLength(ofFeed.length);
      expect(bodies).toContainEqual({ reprocess: { id: victim.id } });
      expect(sqs.calls.every((op) => op === 'SendMessageBatch')).toBe(true);
      expect([...sqs.queues].filter(([, q]) => q.length > 0).map(([name]) => name)).toEqual(['article']);

      const refused = await newswire(['reprocess', ...stack, '--via-queue', '--dry-run'], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--dry-run cannot go with --via-queue/);
    } finally {
      await dynamo.close();
      await cfn.close();
      await s3.close();
      await sqs.close();
    }
  });
});

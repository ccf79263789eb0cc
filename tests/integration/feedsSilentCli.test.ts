/**
 * `newswire feeds list --silent` as an operator runs it (issue 12 §3): a real process against a
 * local data dir whose Feeds table holds feeds with publishing histories written through the store.
 */
import path from 'node:path';
import { recordPublications, type FeedPublishing } from '../../lambdas/core/feedPublishing';
import { startLocalDynamo } from '../../lambdas/local/dynamoServer';
import { LOCAL_TABLES, openLocalRuntime } from '../../lambdas/local/runtime';
import { newFeedState } from '../../lambdas/pipeline/registerFeeds';
import { newswire } from '../helpers/cli';
import { startFakeCloudFormation } from '../helpers/fakeCloudFormation';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(120_000);

const HOUR = 3600 * 1000;
let tmp: ReturnType<typeof makeTempDir>;
let dataDir: string;
const ids: Record<string, string> = {};

/** Tracked 10 days ago, a new item every hour until `silentHours` ago. */
function busyUntil(now: number, silentHours: number): FeedPublishing {
  let p = recordPublications(null, new Date(now - 240 * HOUR), 20) as FeedPublishing;
  for (let h = 239; h >= silentHours; h--) p = recordPublications(p, new Date(now - h * HOUR), 1) as FeedPublishing;
  return p;
}

beforeAll(async () => {
  tmp = makeTempDir('newswire-feeds-silent');
  dataDir = path.join(tmp.dir, 'data');
  const rt = await openLocalRuntime({ dataDir, log: { debug() {}, info() {}, warn() {}, error() {} } });
  try {
    const now = Date.now();
    const add = async (name: string, silentHours: number, enabled = true, failures = 0) => {
      const f = newFeedState({ url: `https://feeds.example.test/${name}.rss`, name }, new Date(now - 300 * HOUR));
      await rt.feeds.register({ ...f, enabled });
      await rt.feeds.recordPoll(f.id, {
        lastPolledAt: new Date(now - HOUR).toISOString(),
        nextPollAt: new Date(now).toISOString(),
        consecutiveFailures: failures,
        lastError: failures ? { code: 'HTTP_STATUS', message: '503', at: new Date(now - HOUR).toISOString() } : null,
        add: { polls: 1 },
        publishing: busyUntil(now, silentHours),
      });
      ids[name] = f.id;
    };
    await add('quiet-30h', 30);
    await add('failing-60h', 60, true, 4);
    await add('busy', 0);
    await add('off-60h', 60, false);
  } finally {
    await rt.close();
  }
});
afterAll(() => tmp?.remove());

test('--silent lists the enabled daily feeds with nothing new for 24 h, longest silent first', async () => {
  const res = await newswire(['feeds', 'list', '--silent', '--data-dir', dataDir]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  const lines = res.stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^id\s+silent\s+last new item \(UTC\)\s+usual\/day\s+fails\s+last error\s+name \/ url$/);
  expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual([ids['failing-60h'], ids['quiet-30h']]);
  expect(lines[1]).toMatch(
    /\s60h\s.*\s4\s+HTTP_STATUS\s+failing-60h <https:\/\/feeds\.example\.test\/failing-60h\.rss>$/,
  );
  expect(lines[2]).toMatch(/\s30h\s.*\s0\s+—\s+quiet-30h </);
});

test('--json prints the silent feeds with their usual rate and poll state; --silent-hours moves the line', async () => {
  const res = await newswire(['feeds', 'list', '--silent-hours', '48', '--json', '--data-dir', dataDir]);
  expect(res.code).toBe(0);
  const silent = JSON.parse(res.stdout) as Record<string, unknown>[];
  expect(silent).toHaveLength(1);
  expect(silent[0]).toMatchObject({
    id: ids['failing-60h'],
    silentHours: 60,
    consecutiveFailures: 4,
    lastErrorCode: 'HTTP_STATUS',
  });
  expect(silent[0]?.usualItemsPerDay).toBeGreaterThan(20);
  expect(silent[0]?.usualItemsPerDay).toBeLessThan(28);
});

test('without --silent every feed is listed; a bad --silent-hours is a usage error', async () => {
  const all = await newswire(['feeds', 'list', '--json', '--data-dir', dataDir]);
  expect((JSON.parse(all.stdout) as { id: string }[]).map((f) => f.id).sort()).toEqual(Object.values(ids).sort());
  const bad = await newswire(['feeds', 'list', '--silent-hours', '0', '--data-dir', dataDir]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--silent-hours must be a whole number from 1 to 8760');
});

test('--stack reads the deployed Feeds table the data stack names', async () => {
  // The same tables served as "DynamoDB" behind a stand-in CloudFormation (127.0.0.1 only).
  const dynamo = await startLocalDynamo({ dir: path.join(dataDir, 'dynamodb') });
  const cfn = await startFakeCloudFormation({
    'Newswire-test-Data': {
      ArticlesTableName: LOCAL_TABLES.articles,
      FeedsTableName: LOCAL_TABLES.feeds,
      RawBucketName: 'newswire-raw-test',
    },
  });
  try {
    const env = {
      AWS_ENDPOINT_URL_CLOUDFORMATION: cfn.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const res = await newswire(
      ['feeds', 'list', '--silent', '--json', '--stack', 'Newswire-test-Data', '--region', 'us-east-1'],
      env,
    );
    expect(res.stderr).toBe('');
    expect((JSON.parse(res.stdout) as { id: string }[]).map((f) => f.id)).toEqual([
      ids['failing-60h'],
      ids['quiet-30h'],
    ]);
    expect(cfn.requested).toContain('Newswire-test-Data');
  } finally {
    await cfn.close();
    await dynamo.close();
  }
});

/**
 * `newswire query` and `newswire get` as a user runs them, on the sample set ingested once into a
 * temp data dir: every access pattern, every output format, paging, refused queries (exit 2),
 * `get --raw`, and the same commands with `--stack` against a deployed-looking stack (a fake
 * CloudFormation answering DescribeStacks and dynalite as DynamoDB, through the SDK's
 * AWS_ENDPOINT_URL_<SERVICE> variables — nothing leaves 127.0.0.1).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PressReleaseRecord } from '../../lambdas/core/record';
import { validateRecord } from '../../lambdas/core/recordSchema';
import { startLocalDynamo } from '../../lambdas/local/dynamoServer';
import { CSV_COLUMNS } from '../../lambdas/local/recordCsv';
import { LOCAL_TABLES } from '../../lambdas/local/runtime';
import { sampleFeedsDir } from '../../lambdas/local/sampleServer';
import { freePort, newswire } from '../helpers/cli';
import { parseCsv } from '../helpers/csv';
import { startFakeCloudFormation, type FakeCloudFormation } from '../helpers/fakeCloudFormation';
import { readSampleManifest } from '../helpers/sampleManifest';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(120_000);

const manifest = readSampleManifest();
let tmp: ReturnType<typeof makeTempDir>;
let port: number;

/** `newswire query --data-dir <tmp> …args --format json` → the page. */
async function page(args: string[]): Promise<{ items: PressReleaseRecord[]; cursor: string | null }> {
  const res = await newswire(['query', '--data-dir', tmp.dir, '--format', 'json', ...args]);
  expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(res.stdout) as { items: PressReleaseRecord[]; cursor: string | null };
}

const newestFirst = (rs: { publishedAt: string | null }[]) => {
  const dates = rs.map((r) => r.publishedAt ?? '');
  expect([...dates].sort().reverse()).toEqual(dates);
};

/** Slugs of the manifest's releases that match, newest first. */
const expected = (keep: (r: (typeof manifest.releases)[number]) => boolean) =>
  manifest.releases
    .filter(keep)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .map((r) => r.title);

beforeAll(async () => {
  tmp = makeTempDir('newswire-query-cli');
  port = await freePort();
  const res = await newswire(['ingest', '--json', '--data-dir', tmp.dir, '--sample-port', String(port)]);
  expect(res.code).toBe(0);
  expect(JSON.parse(res.stdout)).toMatchObject({ written: manifest.releases.length, failed: 0 });
});
afterAll(() => tmp?.remove());

describe('each access pattern, newest first', () => {
  test('--source finds an issuer under another spelling', async () => {
    const p = await page(['--source', 'halvorsen biotherapeutics inc']);
    expect(p.items.map((r) => r.title)).toEqual(expected((r) => r.source === 'Halvorsen Biotherapeutics, Inc.'));
    expect(p.items[0]?.source).toBe('Halvorsen Biotherapeutics, Inc.');
  });

  test('--since/--until: everything in a time range (whole days included)', async () => {
    const p = await page(['--since', '2025-06-01', '--until', '2025-06-30']);
    expect(p.items.map((r) => r.title)).toEqual(
      expected((r) => r.publishedAt >= '2025-06-01' && r.publishedAt < '2025-07-01'),
    );
    expect(p.items.length).toBeGreaterThanOrEqual(2);
  });

  test('--feed: the releases of one feed', async () => {
    const all = await page(['--limit', '100']);
    const tech = all.items.find((r) => r.title?.startsWith('Quillfeather'))?.feed?.id;
    expect(tech).toBeDefined();
    const p = await page(['--feed', tech!, '--limit', '100']);
    // Every release the feed lists, newest first — a release listed by both feeds too, whichever
    // feed's poll stored it (feed listings), and each once.
    const url = all.items.find((r) => r.feed?.id === tech)?.feed?.url;
    const feedName = new URL(url!).pathname.replace(/^.*\//, '').replace(/\.[a-z]+$/, '');
    expect(p.items.map((r) => r.title)).toEqual(expected((r) => r.feeds.includes(feedName)));
    expect(new Set(p.items.map((r) => r.id)).size).toBe(p.items.length);
    expect(p.items.map((r) => r.title)).toContain(expected((r) => r.source === 'Quillfeather')[0]);
    newestFirst(p.items);
    // The feed's URL works as well as its id.
    expect((await page(['--feed', url!, '--limit', '100'])).items).toEqual(p.items);
  });

  test('--ticker, in any case', async () => {
    const p = await page(['--ticker', 'nasdaq:hlvb']);
    expect(p.items.map((r) => r.title)).toEqual(expected((r) => r.tickers.includes('NASDAQ:HLVB')));
    const two = await page(['--ticker', 'OTCQX:NRKRF']);
    expect(two.items.map((r) => r.title)).toEqual(expected((r) => r.tickers.includes('OTCQX:NRKRF')));
  });

  test('--place: a country code, a city, a city within a country', async () => {
    const us = await page(['--place', 'us', '--limit', '100']);
    expect(us.items.map((r) => r.title)).toEqual(expected((r) => r.country === 'US'));
    const austin = await page(['--place', 'Austin']);
    expect(austin.items.map((r) => r.title)).toEqual(expected((r) => r.datelineLocation.startsWith('AUSTIN')));
    expect(austin.items).toHaveLength(2);
    expect((await page(['--place', 'Austin, US'])).items).toEqual(austin.items);
    expect((await page(['--place', 'Tokyo, JP'])).items.map((r) => r.source)).toEqual(['Hoshikawa Robotics Co., Ltd.']);
  });
});

describe('formats', () => {
  test('json: one object {items, cursor}; records validate', async () => {
    const res = await newswire(['query', '--data-dir', tmp.dir, '--limit', '3', '--format', 'json']);
    const out = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['cursor', 'items']);
    expect(typeof out.cursor).toBe('string');
    for (const r of out.items as unknown[]) validateRecord(r);
  });

  test('ndjson: one record per line, the cursor on stderr only', async () => {
    const res = await newswire(['query', '--data-dir', tmp.dir, '--limit', '2', '--format', 'ndjson']);
    expect(res.code).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    lines.forEach((l) => validateRecord(JSON.parse(l)));
    expect(res.stderr).toMatch(/^cursor: \S+\n$/);
  });

  test('csv: header + one RFC 4180 row per record; paging with --cursor covers every record once', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const args = ['query', '--data-dir', tmp.dir, '--limit', '10', '--format', 'csv'];
      if (cursor) args.push('--cursor', cursor);
      const res = await newswire(args);
      expect(res.code).toBe(0);
      const [header, ...rows] = parseCsv(res.stdout);
      expect(header).toEqual(CSV_COLUMNS.map((c) => c.name));
      ids.push(...rows.map((r) => r[0]!));
      cursor = /^cursor: (\S+)$/m.exec(res.stderr)?.[1] ?? null;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(manifest.releases.length / 10));
    expect(new Set(ids).size).toBe(manifest.releases.length);
    expect(ids).toHaveLength(manifest.releases.length);
  });

  test('table: a line per record and the next page’s --cursor', async () => {
    const res = await newswire(['query', '--data-dir', tmp.dir, '--limit', '2']);
    expect(res.stdout).toMatch(/published\s+source\s+dateline\s+title\s+id/);
    expect(res.stdout).toMatch(/more: --cursor \S+/);
  });
});

describe('refused queries exit 2 and say what is supported', () => {
  test('two key filters together', async () => {
    const res = await newswire(['query', '--data-dir', tmp.dir, '--source', 'Kestrel Pay', '--ticker', 'NASDAQ:HLVB']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--source with --ticker/);
    // One line with one prefix (not "query: query: …") and the hint.
    expect(res.stderr).toMatch(/^newswire query: (?!query:)/);
    expect(res.stderr.trimEnd().split('\n').at(-1)).toBe("Run 'newswire query --help' for usage.");
    expect(res.stderr).toMatch(/supported: one of --source, --feed, --ticker/);
    expect(res.stdout).toBe('');
  });

  test('a cursor of another query', async () => {
    const first = await page(['--limit', '1']);
    const res = await newswire(['query', '--data-dir', tmp.dir, '--ticker', 'NASDAQ:HLVB', '--cursor', first.cursor!]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/cursor/);
  });

  test('an unknown format is refused by the option parser', async () => {
    const res = await newswire(['query', '--data-dir', tmp.dir, '--format', 'xml']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/table, json, ndjson, csv/);
  });
});

describe('get', () => {
  test('--raw writes the release page byte for byte as the server sent it', async () => {
    const release = manifest.releases.find((r) => r.source === 'Kestrel Pay')!;
    const [record] = (await page(['--source', 'Kestrel Pay'])).items;
    const res = await newswire(['get', record!.id, '--raw', '--data-dir', tmp.dir]);
    expect(res.code).toBe(0);
    const served = readFileSync(path.join(sampleFeedsDir(), 'releases', `${release.slug}.html`), 'utf8').replaceAll(
      '{{BASE_URL}}',
      `http://127.0.0.1:${port}`,
    );
    expect(res.bytes.equals(Buffer.from(served, 'utf8'))).toBe(true);
  });

  test('an unknown id: exit 1 with a clear message, with and without --raw', async () => {
    for (const extra of [[], ['--raw']]) {
      const res = await newswire(['get', 'u-0000', ...extra, '--data-dir', tmp.dir]);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('no record with id u-0000');
      expect(res.stdout).toBe('');
    }
  });

  test('--region without --stack is refused', async () => {
    const res = await newswire(['get', 'u-0000', '--region', 'eu-west-1', '--data-dir', tmp.dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--region and --profile need --stack');
  });
});

describe('--stack: the deployed tables, found through the stack outputs', () => {
  let cfn: FakeCloudFormation;

  beforeAll(async () => {
    cfn = await startFakeCloudFormation({
      'Newswire-test-Data': {
        ArticlesTableName: LOCAL_TABLES.articles,
        FeedsTableName: LOCAL_TABLES.feeds,
        RawBucketName: 'newswire-raw-test',
      },
    });
  });
  afterAll(async () => {
    await cfn?.close();
  });

  test('query and get read the tables named by the outputs', async () => {
    // The ingested tables, served as "DynamoDB" (the data dir is free: no other command runs now).
    const dynamo = await startLocalDynamo({ dir: path.join(tmp.dir, 'dynamodb') });
    try {
      const env = {
        AWS_ENDPOINT_URL_CLOUDFORMATION: cfn.endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_EC2_METADATA_DISABLED: 'true',
      };
      const stack = ['--stack', 'Newswire-test', '--region', 'us-east-1'];
      const q = await newswire(['query', ...stack, '--ticker', 'NASDAQ:HLVB', '--format', 'ndjson'], env);
      expect(q.stderr).toBe('');
      expect(q.code).toBe(0);
      const [record] = q.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as PressReleaseRecord);
      expect(record?.source).toBe('Halvorsen Biotherapeutics, Inc.');
      // `Newswire-test` is tried as given, then as the data stack `Newswire-test-Data`.
      expect(cfn.requested).toEqual(['Newswire-test', 'Newswire-test-Data']);

      const g = await newswire(['get', record!.id, ...stack], env);
      expect(g.code).toBe(0);
      expect(JSON.parse(g.stdout)).toEqual(record);

      const none = await newswire(['query', '--stack', 'Nope-Data', '--region', 'us-east-1'], env);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/no newswire data stack found: tried Nope-Data \(no such stack\)/);
    } finally {
      await dynamo.close();
    }
  });
});

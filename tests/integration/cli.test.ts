/**
 * The CLI as a user runs it (`npx newswire …` → bin/newswire.cjs): real processes, the embedded
 * DynamoDB persisted in a temp data dir, the sample feeds on a free port of 127.0.0.1.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { RECORD_FIELDS } from '../../lambdas/core/record';
import { validateRecord } from '../../lambdas/core/recordSchema';
import { readSampleManifest } from '../helpers/sampleManifest';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(ROOT, 'tests/fixtures/releases/seed/liaoning-prnewswire-2024-03-07.txt');

function newswire(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin/newswire.cjs'), ...args],
      { cwd: ROOT, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

let tmp: ReturnType<typeof makeTempDir>;
let port: number;
beforeAll(async () => {
  tmp = makeTempDir('newswire-cli');
  port = await freePort();
});
afterAll(() => tmp?.remove());

test('ingest stores the sample set, and a second ingest writes nothing', async () => {
  const manifest = readSampleManifest();
  const args = ['ingest', '--json', '--data-dir', tmp.dir, '--sample-port', String(port)];

  const first = await newswire(args);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  const s1 = JSON.parse(first.stdout) as Record<string, number>;
  expect(Object.keys(s1).sort()).toEqual([
    'durationMs',
    'failed',
    'feeds',
    'items',
    'itemsSeen',
    'resumed',
    'unchanged',
    'written',
  ]);
  expect(s1).toMatchObject({ feeds: 2, written: manifest.releases.length, failed: 0 });

  const second = await newswire(args);
  expect(JSON.parse(second.stdout)).toMatchObject({ feeds: 2, written: 0, failed: 0 });

  const human = await newswire(['ingest', '--data-dir', tmp.dir, '--sample-port', String(port)]);
  // stderr is a pipe here, not a terminal: no progress bar, nothing on stderr.
  expect(human.stderr).toBe('');
  expect(human.stdout).toContain('written       0');
  expect(human.stdout).toContain('Nothing new');
  expect(human.stdout).toContain('Five newest records');
});

test('query --source finds the seed release, and get prints it whole', async () => {
  const q = await newswire(['query', '--data-dir', tmp.dir, '--source', 'chinadaily.com.cn', '--format', 'ndjson']);
  expect(q.code).toBe(0);
  const lines = q.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const record = validateRecord(JSON.parse(lines[0]!));
  expect(record).toMatchObject({ source: 'chinadaily.com.cn', dateline: { location: 'BEIJING', date: '2024-03-07' } });

  const got = await newswire(['get', record.id, '--data-dir', tmp.dir]);
  expect(got.code).toBe(0);
  expect(JSON.parse(got.stdout)).toEqual(record);

  const missing = await newswire(['get', 'u-doesnotexist', '--data-dir', tmp.dir]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('no record with id u-doesnotexist');
});

test('query pages with a cursor through every record, newest first, without repeats', async () => {
  const ids: string[] = [];
  const dates: string[] = [];
  let cursor: string | null = null;
  do {
    const args = ['query', '--data-dir', tmp.dir, '--limit', '10', '--format', 'json'];
    if (cursor) args.push('--cursor', cursor);
    const page = JSON.parse((await newswire(args)).stdout) as {
      items: { id: string; publishedAt: string }[];
      cursor: string | null;
    };
    ids.push(...page.items.map((r) => r.id));
    dates.push(...page.items.map((r) => r.publishedAt));
    cursor = page.cursor;
  } while (cursor);
  expect(new Set(ids).size).toBe(readSampleManifest().releases.length);
  expect(ids).toHaveLength(new Set(ids).size);
  expect([...dates].sort().reverse()).toEqual(dates);
});

test('parse prints one schema-v1 record per file, fields in contract order', async () => {
  const res = await newswire(['parse', SEED, SEED]);
  expect(res.code).toBe(0);
  const lines = res.stdout.trim().split('\n');
  expect(lines).toHaveLength(2);
  const record = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(Object.keys(record)).toEqual([...RECORD_FIELDS]);
  expect(validateRecord(record)).toMatchObject({
    wire: { name: 'PR Newswire', tag: 'PRNewswire' },
    source: 'chinadaily.com.cn',
    attribution: 'A news report from chinadaily.com.cn:',
  });
  expect(lines[1]).toBe(lines[0]);
});

test('a bad feeds file is refused with a message that names the problem', async () => {
  const file = path.join(tmp.dir, 'feeds.json');
  writeFileSync(file, JSON.stringify([{ url: 'ftp://example.test/feed' }]));
  const res = await newswire(['ingest', '--feeds', file, '--data-dir', tmp.dir]);
  expect(res.code).toBe(1);
  expect(res.stderr).toMatch(/feeds file .*\[0\.url\] must be an http\(s\) URL/);
});

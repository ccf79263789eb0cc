/**
 * `newswire parse FILE…` as a user runs it (bin/newswire.cjs in a real process): one NDJSON record
 * per file in the order given, every input shape told apart by content, bad files reported on
 * stderr without stopping the others, exit code 1 at the end when any file failed.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RECORD_FIELDS } from '../../lambdas/core/record';
import { validateRecord } from '../../lambdas/core/recordSchema';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');
const CASES = path.join(ROOT, 'tests/fixtures/releases/cases');
const SEED = path.join(ROOT, 'tests/fixtures/releases/seed/liaoning-prnewswire-2024-03-07.txt');

function newswire(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, 'bin/newswire.cjs'), ...args],
      { cwd: ROOT, timeout: 50_000, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

function records(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => validateRecord(JSON.parse(l)) as unknown as Record<string, unknown>);
}

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('newswire-parse');
});
afterAll(() => tmp?.remove());

test('one record per file, in order, for text, markdown, HTML page and saved feed item', async () => {
  const files = [
    SEED,
    path.join(CASES, 'prn-markdown-orchidia.md'),
    path.join(CASES, 'bw-page-brackenridge.html'),
    path.join(CASES, 'feed-item-marrowfield.xml'),
    path.join(CASES, 'newsfile-flattened-ironwood.txt'),
  ];
  const res = await newswire(['parse', ...files]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  const out = records(res.stdout);
  expect(out).toHaveLength(files.length);
  for (const r of out) expect(Object.keys(r)).toEqual([...RECORD_FIELDS]);
  expect(out.map((r) => (r['wire'] as { name: string } | null)?.name)).toEqual([
    'PR Newswire',
    'PR Newswire',
    'Business Wire',
    'PR Newswire',
    'Newsfile',
  ]);
  expect(out[0]).toMatchObject({ source: 'chinadaily.com.cn', url: null, title: null });
  // The HTML page gives its headline and canonical URL; the feed item its link and GUID.
  expect(out[2]?.['title']).toBe('Brackenridge Software Reports Fourth Quarter and Fiscal Year 2024 Results');
  expect(out[2]?.['url']).toMatch(/^https:\/\/www\.businesswire\.com\//);
  expect(out[3]).toMatchObject({ guid: '302000003' });
  expect(out[3]?.['url']).toMatch(/^https:\/\/www\.prnewswire\.com\//);
});

test('a file that cannot be read is reported on stderr, the others still print, and the exit code is 1', async () => {
  const dir = path.join(tmp.dir, 'a-directory');
  mkdirSync(dir);
  const binary = path.join(tmp.dir, 'random.bin');
  writeFileSync(binary, Buffer.from([0, 255, 1, 254, 0x3c, 0x70, 0x3e, 0xc3, 0x28, 10, 0, 0]));
  const missing = path.join(tmp.dir, 'missing.txt');
  const res = await newswire(['parse', missing, SEED, dir, binary]);
  expect(res.code).toBe(1);
  expect(res.stderr).toContain(`cannot read ${missing}`);
  expect(res.stderr).toContain(`cannot read ${dir}`);
  // Binary input (NUL characters) is refused, not parsed as what text it holds; the seed prints.
  expect(res.stderr).toContain(`cannot read ${binary}: binary input`);
  const out = records(res.stdout);
  expect(out).toHaveLength(1);
  expect(out[0]?.['source']).toBe('chinadaily.com.cn');
});

test('a file in which the parser finds neither title nor body is named on stderr with why, without a record; exit 1', async () => {
  const blank = path.join(tmp.dir, 'blank.html');
  writeFileSync(blank, '<!doctype html><html><body></body></html>');
  const navOnly = path.join(tmp.dir, 'nav-only.html');
  writeFileSync(
    navOnly,
    '<html><head><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>',
  );
  // A title alone is a parsed release (no body, said by its warnings): printed.
  const titleOnly = path.join(tmp.dir, 'title-only.html');
  writeFileSync(titleOnly, '<html><head><title>Acme Opens a Plant</title></head><body></body></html>');
  const res = await newswire(['parse', blank, SEED, navOnly, titleOnly]);
  expect(res.code).toBe(1);
  expect(res.stderr.split('\n').filter(Boolean)).toEqual([
    `newswire parse: cannot parse ${blank}: no title and no body found in it`,
    `newswire parse: cannot parse ${navOnly}: no title and no body found in it`,
  ]);
  const out = records(res.stdout);
  expect(out.map((r) => r['title'])).toEqual([null, 'Acme Opens a Plant']);
  expect(out[0]?.['source']).toBe('chinadaily.com.cn');
  expect(out[1]?.['warnings']).toContain('no-body');
});

test('--url sets the url and a URL-based id; stdin is read with `-`; a bad --url is refused', async () => {
  const url = 'https://www.prnewswire.com/news-releases/liaoning-302000000.html?utm_source=x#top';
  const res = await newswire(['parse', '--url', url, '-'], 'BEIJING, March 7, 2024 /PRNewswire/ -- Text of it.');
  expect(res.code).toBe(0);
  const [record] = records(res.stdout);
  expect(record?.['url']).toBe('https://www.prnewswire.com/news-releases/liaoning-302000000.html');
  expect(record?.['id']).toMatch(/^u-[0-9a-f]{32}$/);
  expect(record?.['dateline']).toEqual({
    text: 'BEIJING, March 7, 2024 /PRNewswire/',
    location: 'BEIJING',
    date: '2024-03-07',
  });

  const bad = await newswire(['parse', '--url', 'not a url', SEED]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('expected an absolute http(s) URL');
  expect(bad.stdout).toBe('');

  // Several files with one --url would all get the same id: a usage error, before any is read.
  const several = await newswire(['parse', '--url', url, SEED, SEED]);
  expect(several.code).toBe(2);
  expect(several.stdout).toBe('');
  expect(several.stderr).toMatch(/^newswire parse: --url names one release page, but 2 files were given/);
});

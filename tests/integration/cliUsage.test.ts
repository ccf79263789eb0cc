/**
 * Usage errors and hostile CLI input, as a user meets them (bin/newswire.cjs in a real process):
 * one line and a --help hint with exit 2 for usage errors, exit 1 for failures, bounded reads of
 * `parse` / `feed parse` input, and URLs with credentials refused without repeating them.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { newswire } from '../helpers/cli';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(90_000);

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('newswire-usage');
});
afterAll(() => tmp?.remove());

/** Exit 2, nothing on stdout, and exactly two stderr lines: what was wrong, then the hint. */
function expectUsageError(res: { code: number; stdout: string; stderr: string }, cmd: string, what: RegExp): void {
  expect(res.code).toBe(2);
  expect(res.stdout).toBe('');
  const lines = res.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(new RegExp(`^${cmd}: `));
  expect(lines[0]).toMatch(what);
  expect(lines[0]).not.toMatch(/^(\S+: )\1/); // no doubled prefix ("query: query: …")
  expect(lines[1]).toBe(`Run '${cmd} --help' for usage.`);
}

describe('usage errors: one line, a hint, exit 2', () => {
  test.each([
    [['quer'], 'newswire', /unknown command 'quer' \(Did you mean query\?\)/],
    [['query', '--limt', '3'], 'newswire query', /unknown option '--limt'/],
    [['query', '--limit', '0'], 'newswire query', /--limit must be a whole number from 1 to 1000, got "0"/],
    [['query', '--limit', '1001'], 'newswire query', /from 1 to 1000/],
    [['query', '--since', '2024-02-30'], 'newswire query', /February 2024 has 29 days/],
    [['query', '--since', '1'], 'newswire query', /expected an ISO 8601 date \(2024-03-07\)/],
    [['query', '--until', '2024-13-01'], 'newswire query', /no month 13/],
    [['query', '--since', '2024-03-08', '--until', '2024-03-07'], 'newswire query', /--since .* is after --until/],
    [['query', '--format', 'xml'], 'newswire query', /table, json, ndjson, csv/],
    [['query', '--source', ' '], 'newswire query', /--source is empty/],
    [['query', '--region', 'eu-west-1'], 'newswire query', /--region and --profile need --stack/],
    [['get', ''], 'newswire get', /the record id is empty/],
    [['get'], 'newswire get', /missing required argument 'id'/],
    [['feeds', 'show', '  '], 'newswire feeds show', /the feed id is empty/],
    [['feeds', 'add', 'ftp://example.test/x'], 'newswire feeds add', /expected an absolute http\(s\) URL/],
    [['parse', '--url', 'https://example.test/a.html', 'a.txt', 'b.txt'], 'newswire parse', /same id/],
    [['local', 'dynamodb', '--port', '70000'], 'newswire local dynamodb', /from 0 to 65535/],
    [['parse', '--max-input-bytes', 'lots', 'a.txt'], 'newswire parse', /--max-input-bytes must be a whole number/],
    [['run', '--tick', '0'], 'newswire run', /--tick must be a whole number from 1 to 3600, got "0"/],
    [['run', '--allow-host', 'localhost'], 'newswire run', /--allow-host takes host:port/],
  ])('newswire %j', async (args, cmd, what) => {
    expectUsageError(await newswire(args), cmd, what);
  });

  test('a --data-dir that is a file says so', async () => {
    const file = path.join(tmp.dir, 'a-file');
    writeFileSync(file, 'x');
    expectUsageError(
      await newswire(['query', '--data-dir', file]),
      'newswire query',
      /a-file is a file, not a directory/,
    );
  });

  test('help and version still exit 0', async () => {
    const help = await newswire(['query', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--limit <n>\s+records per page \(1–1000\)/);
    expect((await newswire(['--version'])).code).toBe(0);
    const fetchHelp = await newswire(['feed', 'fetch', '--help']);
    expect(fetchHelp.stdout).toContain('--allow-host-redirects <host:port>');
    expect(fetchHelp.stdout).toMatch(/NOT a redirect from/);
  });
});

describe('URLs with credentials are refused, never repeated', () => {
  test.each([
    ['feed', 'fetch', 'http://reader:s3cret@example.test/feed.xml'],
    ['parse', '--url', 'https://reader:s3cret@example.test/a.html', '-'],
    ['feeds', 'add', 'https://reader:s3cret@example.test/feed.xml'],
  ])('newswire %s %s %s', async (...args) => {
    const res = await newswire(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/credentials \(user:password@\)/);
    expect(res.stderr + res.stdout).not.toMatch(/s3cret|reader/);
  });
});

describe('an empty data directory', () => {
  test('query says nothing was ingested and suggests npm start', async () => {
    const res = await newswire(['query', '--data-dir', path.join(tmp.dir, 'empty')]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/no records in .*empty: nothing has been ingested there yet\. Run `npm start`/);
    const json = await newswire(['query', '--data-dir', path.join(tmp.dir, 'empty'), '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({ items: [], cursor: null });
  });
});

describe('parse and feed parse input: bounded, not empty, not binary (exit 1)', () => {
  test('parse /dev/zero stops at the cap, at once and in bounded memory', async () => {
    const started = Date.now();
    const res = await newswire(['parse', '/dev/zero']);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/cannot read \/dev\/zero: larger than 15728640 bytes \(read; stopped there\)/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test('the cap is configurable by flag and by NEWSWIRE_MAX_INPUT_BYTES', async () => {
    const file = path.join(tmp.dir, 'release.txt');
    writeFileSync(file, 'BEIJING, March 7, 2024 /PRNewswire/ -- ' + 'Text of it. '.repeat(200));
    const flag = await newswire(['parse', '--max-input-bytes', '1000', file]);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/larger than 1000 bytes/);
    const env = await newswire(['parse', file], { NEWSWIRE_MAX_INPUT_BYTES: '1000' });
    expect(env.stderr).toMatch(/larger than 1000 bytes/);
    const fits = await newswire(['parse', file], { NEWSWIRE_MAX_INPUT_BYTES: '100000' });
    expect(fits.code).toBe(0);
    expect(JSON.parse(fits.stdout)).toMatchObject({ dateline: { location: 'BEIJING' } });
  });

  test('empty and NUL-laden input is refused with the reason; the other files still print', async () => {
    const empty = path.join(tmp.dir, 'empty.txt');
    writeFileSync(empty, '');
    const blank = path.join(tmp.dir, 'blank.txt');
    writeFileSync(blank, ' \n\t\n');
    const binary = path.join(tmp.dir, 'random.bin');
    writeFileSync(binary, Buffer.from([0x3c, 0x70, 0x3e, 0, 255, 1, 254, 0xc3, 0x28, 10, 0, 0]));
    const good = path.join(tmp.dir, 'good.txt');
    writeFileSync(good, 'BEIJING, March 7, 2024 /PRNewswire/ -- Text of it.');
    const res = await newswire(['parse', empty, blank, binary, good]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`cannot read ${empty}: empty input (0 bytes)`);
    expect(res.stderr).toContain(`cannot read ${blank}: empty input (4 bytes of white space)`);
    expect(res.stderr).toContain(`cannot read ${binary}: binary input: a NUL character`);
    expect(res.stdout.trim().split('\n')).toHaveLength(1);
  });

  test('feed parse: the same limits, as named errors per file', async () => {
    const empty = path.join(tmp.dir, 'empty.xml');
    writeFileSync(empty, '');
    const binary = path.join(tmp.dir, 'binary.xml');
    writeFileSync(binary, Buffer.concat([Buffer.from('<rss>'), Buffer.alloc(64)]));
    const res = await newswire(['feed', 'parse', '--max-input-bytes', '100000', empty, binary, '/dev/zero']);
    expect(res.code).toBe(1);
    const out = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok: boolean; error: { code: string } });
    expect(out.map((o) => o.error.code)).toEqual(['INPUT_EMPTY', 'INPUT_BINARY', 'INPUT_TOO_LARGE']);
  });
});

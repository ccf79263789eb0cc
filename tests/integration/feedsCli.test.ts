/**
 * `newswire feeds …` and `newswire feed …` as an operator runs them: real processes
 * (bin/newswire.cjs), the embedded DynamoDB persisted in a temp data dir, a feed server on a free
 * port of 127.0.0.1.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { feedId } from '../../lambdas/core/ids';
import { startLocalDynamo } from '../../lambdas/local/dynamoServer';
import { LOCAL_TABLES } from '../../lambdas/local/runtime';
import { startFakeCloudFormation } from '../helpers/fakeCloudFormation';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../..');

function newswire(
  args: string[],
  stdin?: Buffer,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, 'bin/newswire.cjs'), ...args],
      { cwd: ROOT, timeout: 60_000, env: { ...process.env, NO_COLOR: '1', ...env } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const RSS = `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Société News</title><link>https://news.example.test/</link>
<item><title>Acme &amp; Co wins award</title><link>https://news.example.test/acme-award-1.html?utm_source=rss</link><guid isPermaLink="false">acme-1</guid>
<pubDate>Thu, 07 Mar 2024 03:00:00 EST</pubDate><description>&lt;p&gt;Acme won.&lt;/p&gt;</description><dc:creator>Jane</dc:creator><category>Awards</category></item>
<item><title>Café opens</title><link>/cafe-2.html</link><pubDate>sometime</pubDate></item>
</channel></rss>`;

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('newswire-feeds-cli');
});
afterAll(() => tmp?.remove());

describe('newswire feeds', () => {
  const url = 'https://feeds.example.test/releases.rss';
  const id = feedId(url);

  test('add, list, show, disable, enable, remove — against the local tables', async () => {
    const dataDir = ['--data-dir', path.join(tmp.dir, 'data')];
    // --no-check: the example URL is not fetched (no test leaves 127.0.0.1); the check is tested below.
    const added = await newswire([
      'feeds',
      'add',
      url,
      '--name',
      'Example releases',
      '--interval',
      '30',
      '--no-check',
      ...dataDir,
    ]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`added ${id}`);

    const again = await newswire([
      'feeds',
      'add',
      url,
      '--interval',
      '45',
      '--wire',
      'PR Newswire',
      '--json',
      '--no-check',
      ...dataDir,
    ]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      id,
      name: 'Example releases',
      wire: 'PR Newswire',
      pollIntervalMinutes: 45,
    });

    const list = await newswire(['feeds', 'list', '--json', ...dataDir]);
    const feeds = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(feeds).toHaveLength(1);
    expect(feeds[0]).toMatchObject({
      id,
      url,
      enabled: true,
      consecutiveFailures: 0,
      lastError: null,
      counters: { polls: 0, failures: 0, itemsSeen: 0, itemsQueued: 0 },
    });
    expect(typeof feeds[0]?.nextPollAt).toBe('string');
    const table = await newswire(['feeds', 'list', ...dataDir]);
    expect(table.stdout).toMatch(new RegExp(`${id}\\s+enabled\\s+45m`));

    expect((await newswire(['feeds', 'disable', id, ...dataDir])).stdout).toContain(`disabled ${id}`);
    const shown = await newswire(['feeds', 'show', url, ...dataDir]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^enabled\s+false$/m);
    expect(shown.stdout).toMatch(/^lastError\s+—$/m);
    expect(shown.stdout).toMatch(/^counters\.polls\s+0$/m);
    expect(shown.stdout).toMatch(/^nextPollAt\s+\d{4}-\d{2}-\d{2}T/m);

    expect((await newswire(['feeds', 'enable', id, ...dataDir])).stdout).toContain(`enabled ${id}`);
    const json = await newswire(['feeds', 'show', id, '--json', ...dataDir]);
    expect(JSON.parse(json.stdout)).toMatchObject({ id, enabled: true, pollIntervalMinutes: 45 });

    expect((await newswire(['feeds', 'remove', id, ...dataDir])).stdout).toContain(`removed ${id}`);
    const gone = await newswire(['feeds', 'show', id, ...dataDir]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`no feed ${id}`);
    expect(JSON.parse((await newswire(['feeds', 'list', '--json', ...dataDir])).stdout)).toEqual([]);
  });

  test('bad input is refused with a message: exit 2 for a bad value, 1 for an unknown feed', async () => {
    const dataDir = ['--data-dir', path.join(tmp.dir, 'data-bad')];
    const notHttp = await newswire(['feeds', 'add', 'ftp://example.test/x', ...dataDir]);
    expect(notHttp.code).toBe(2);
    expect(notHttp.stderr).toContain('http(s) URL');
    const badInterval = await newswire(['feeds', 'add', url, '--interval', '0', ...dataDir]);
    expect(badInterval.code).toBe(2);
    expect(badInterval.stderr).toContain('--interval');
    expect((await newswire(['feeds', 'remove', 'f-nope', ...dataDir])).code).toBe(1);
    expect((await newswire(['feeds', 'enable', 'f-nope', ...dataDir])).code).toBe(1);
  });
});

describe('newswire feeds --stack: the deployed Feeds table, found through the data stack outputs', () => {
  test('add, list, disable and remove go to the table the stack names', async () => {
    const url = 'https://feeds.example.test/deployed.rss';
    const dir = path.join(tmp.dir, 'deployed');
    // Create the tables once locally, then serve them as "DynamoDB" behind a stand-in CloudFormation.
    expect((await newswire(['feeds', 'list', '--data-dir', dir])).code).toBe(0);
    const dynamo = await startLocalDynamo({ dir: path.join(dir, 'dynamodb') });
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
      const stack = ['--stack', 'Newswire-test-Data', '--region', 'us-east-1'];
      const added = await newswire(['feeds', 'add', url, '--name', 'Deployed', '--no-check', ...stack], undefined, env);
      expect(added.stderr).toBe('');
      expect(added.stdout).toContain(`added ${feedId(url)}`);
      expect((await newswire(['feeds', 'disable', url, ...stack], undefined, env)).code).toBe(0);
      const list = await newswire(['feeds', 'list', '--json', ...stack], undefined, env);
      expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ url, name: 'Deployed', enabled: false })]);
      expect((await newswire(['feeds', 'remove', url, ...stack], undefined, env)).stdout).toContain('removed');
      expect(cfn.requested.every((n) => n === 'Newswire-test-Data')).toBe(true);
    } finally {
      await cfn.close();
      await dynamo.close();
    }
  });
});

describe('newswire feed parse', () => {
  test('one JSON object per file, in order; failures are named and make the exit code 1', async () => {
    const good = path.join(tmp.dir, 'good.rss');
    writeFileSync(good, iconv.encode(RSS, 'latin1'));
    const json = path.join(tmp.dir, 'feed.json');
    writeFileSync(
      json,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        items: [{ id: 'j1', url: 'https://example.test/j1', title: 'J one', tags: ['x'] }],
      }),
    );
    const page = path.join(tmp.dir, 'page.html');
    writeFileSync(page, '<!doctype html><html><head><title>Moved</title></head><body>gone</body></html>');
    const truncated = path.join(tmp.dir, 'truncated.xml');
    writeFileSync(truncated, RSS.slice(0, 300));
    const missing = path.join(tmp.dir, 'missing.xml');

    const res = await newswire(['feed', 'parse', good, json, page, truncated, missing]);
    expect(res.code).toBe(1);
    const out = lines(res.stdout);
    expect(out.map((o) => [o.file, o.ok])).toEqual([
      [good, true],
      [json, true],
      [page, false],
      [truncated, false],
      [missing, false],
    ]);
    expect(out[0]).toEqual({
      file: good,
      ok: true,
      format: 'rss2',
      title: 'Société News',
      items: [
        {
          id: expect.stringMatching(/^u-[0-9a-f]{32}$/),
          title: 'Acme & Co wins award',
          link: 'https://news.example.test/acme-award-1.html?utm_source=rss',
          guid: 'acme-1',
          publishedAt: '2024-03-07T08:00:00.000Z',
          summary: 'Acme won.',
          author: 'Jane',
          categories: ['Awards'],
        },
        {
          id: expect.stringMatching(/^u-/),
          title: 'Café opens',
          link: 'https://news.example.test/cafe-2.html',
          guid: null,
          publishedAt: null,
          summary: null,
          author: null,
          categories: [],
        },
      ],
    });
    expect(out[1]).toMatchObject({ format: 'json', items: [{ guid: 'j1', categories: ['x'] }] });
    expect(out.slice(2).map((o) => (o.error as { code: string }).code)).toEqual([
      'FEED_UNRECOGNIZED',
      'FEED_MALFORMED',
      'FILE_UNREADABLE',
    ]);
  });

  test("exit 0 when every file reads; gzip-compressed files and '-' (standard input) too", async () => {
    const good = path.join(tmp.dir, 'only-good.rss');
    writeFileSync(good, iconv.encode(RSS, 'latin1'));
    const res = await newswire(['feed', 'parse', good]);
    expect(res.code).toBe(0);
    expect(lines(res.stdout)).toHaveLength(1);
    const gz = path.join(tmp.dir, 'archived.xml.gz');
    writeFileSync(gz, gzipSync(iconv.encode(RSS, 'latin1')));
    expect(lines((await newswire(['feed', 'parse', gz])).stdout)[0]).toMatchObject({ ok: true, format: 'rss2' });
    const piped = await newswire(['feed', 'parse', '-'], iconv.encode(RSS, 'latin1'));
    expect(piped.code).toBe(0);
    expect(lines(piped.stdout)[0]).toMatchObject({ file: '-', ok: true, title: 'Société News' });
  });
});

describe('newswire feed fetch', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/to-metadata') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' });
      res.end(iconv.encode(RSS, 'latin1'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('through the real client: loopback is refused unless allowed, then the feed is printed', async () => {
    const url = `http://127.0.0.1:${port}/feed.rss`;
    const blocked = await newswire(['feed', 'fetch', url]);
    expect(blocked.code).toBe(1);
    expect(lines(blocked.stdout)[0]).toMatchObject({ url, ok: false, error: { code: 'BLOCKED_ADDRESS' } });

    const ok = await newswire(['feed', 'fetch', url, '--allow-host', `127.0.0.1:${port}`]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const out = lines(ok.stdout)[0];
    expect(out).toMatchObject({ url, ok: true, format: 'rss2', title: 'Société News' });
    // Relative links resolve against the URL the feed came from.
    expect((out?.items as { link: string }[])[1]?.link).toBe(`http://127.0.0.1:${port}/cafe-2.html`);
  });

  test('a redirect to the cloud metadata address is refused by the guard', async () => {
    const res = await newswire([
      'feed',
      'fetch',
      `http://127.0.0.1:${port}/to-metadata`,
      '--allow-host',
      `127.0.0.1:${port}`,
    ]);
    expect(res.code).toBe(1);
    expect(lines(res.stdout)[0]).toMatchObject({ ok: false, error: { code: 'BLOCKED_ADDRESS' } });
  });
});

describe('newswire feeds add checks the URL once, warns, and registers it anyway', () => {
  let server: http.Server;
  let host: string;
  let base: string;
  const requests: string[] = [];
  const EMPTY_RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      const send = (type: string, body: string | Buffer) => res.writeHead(200, { 'content-type': type }).end(body);
      if (req.url === '/feed.rss') return send('application/rss+xml; charset=iso-8859-1', iconv.encode(RSS, 'latin1'));
      if (req.url === '/page.html')
        return send('text/html; charset=utf-8', '<!DOCTYPE html><html><body>News</body></html>');
      if (req.url === '/empty.rss') return send('application/rss+xml', EMPTY_RSS);
      if (req.url === '/data.json') return send('application/json', '{"releases": []}');
      if (req.url === '/feed.rss.gz') return send('application/gzip', gzipSync(RSS));
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    base = `http://${host}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const add = (dataDir: string, url: string, ...more: string[]) =>
    newswire(['feeds', 'add', url, '--data-dir', dataDir, ...more]);
  const registered = async (dataDir: string) =>
    (JSON.parse((await newswire(['feeds', 'list', '--json', '--data-dir', dataDir])).stdout) as { url: string }[]).map(
      (f) => f.url,
    );

  test('a feed: no warning, and what was found on the line; not fetched again when re-added', async () => {
    const dataDir = path.join(tmp.dir, 'check-ok');
    const res = await add(dataDir, `${base}/feed.rss`, '--allow-host', host);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(
      /^added f-[0-9a-f]+ http:\/\/127\.0\.0\.1:\d+\/feed\.rss \(every 15 min\): an RSS 2\.0 feed, 2 items$/m,
    );

    // Re-adding it to change a setting does not fetch it again.
    const fetched = requests.filter((r) => r === '/feed.rss').length;
    const again = await add(dataDir, `${base}/feed.rss`, '--interval', '30', '--allow-host', host);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^updated f-[0-9a-f]+ .* \(every 30 min\)$/m);
    expect(requests.filter((r) => r === '/feed.rss')).toHaveLength(fetched);
  });

  test('not a feed, no items, a failed fetch: a warning saying what it saw, exit 0, registered', async () => {
    const dataDir = path.join(tmp.dir, 'check-warnings');
    const cases: [string, RegExp][] = [
      ['/page.html', /not a feed: served as text\/html; charset=utf-8, an HTML page \(FEED_UNRECOGNIZED: /],
      ['/data.json', /not a feed: served as application\/json, JSON \(FEED_/],
      ['/feed.rss.gz', /not a feed: served as application\/gzip, binary data \(FEED_/],
      ['/empty.rss', /: an RSS 2\.0 feed with no items \(served as application\/rss\+xml, XML with a <rss> root\)/],
      ['/missing.rss', /could not fetch it: HTTP_STATUS: .*404/],
    ];
    for (const [route, warning] of cases) {
      const url = `${base}${route}`;
      const res = await add(dataDir, url, '--allow-host', host);
      expect(res.code).toBe(0);
      expect(res.stderr).toMatch(new RegExp(`^newswire feeds add: warning: ${url.replace(/[.?+]/g, '\\$&')}: `));
      expect(res.stderr).toMatch(warning);
      expect(res.stderr).toMatch(/; registered anyway\n$/);
      expect(res.stdout).toMatch(/^added f-[0-9a-f]+ .* \(every 15 min\)$/m);
    }
    expect((await registered(dataDir)).sort()).toEqual(cases.map(([route]) => `${base}${route}`).sort());
  });

  test('a loopback host without --allow-host: warned as a private address, not fetched, registered', async () => {
    const dataDir = path.join(tmp.dir, 'check-private');
    const url = `${base}/feed.rss?private`;
    const res = await add(dataDir, url);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/warning: .*: its host is a private or loopback address, which polls refuse/);
    expect(res.stderr).toContain(`pass --allow-host ${host}`);
    expect(requests).not.toContain('/feed.rss?private');
    expect(await registered(dataDir)).toEqual([url]);
  });

  test('a refused connection is named; --no-check fetches nothing and says nothing', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedHost = `127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dataDir = path.join(tmp.dir, 'check-refused');
    const refused = await add(dataDir, `http://${closedHost}/feed.rss`, '--allow-host', closedHost);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toMatch(/could not fetch it: [A-Z_]+: .*ECONNREFUSED/);

    const before = requests.length;
    const unchecked = await add(dataDir, `${base}/page.html?unchecked`, '--no-check', '--allow-host', host);
    expect(unchecked.stderr).toBe('');
    expect(unchecked.code).toBe(0);
    expect(requests.length).toBe(before);
    expect(await registered(dataDir)).toHaveLength(2);
  });

  test('a bad --allow-host is a usage error (exit 2), nothing registered', async () => {
    const dataDir = path.join(tmp.dir, 'check-usage');
    const res = await add(dataDir, `${base}/feed.rss`, '--allow-host', 'localhost');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--allow-host takes host:port');
  });
});

/**
 * The whole local chain against real parts: the sample feeds over HTTP on 127.0.0.1, the real HTTP
 * client, the parser, dynalite persisted on disk, the folder archive, the in-process queues.
 */
import { consoleLog } from '../../../lambdas/local/consoleLog';
import { runIngest, type IngestReport } from '../../../lambdas/local/ingest';
import { openLocalRuntime, type LocalRuntime } from '../../../lambdas/local/runtime';
import { startSampleServer, type SampleServer } from '../../../lambdas/local/sampleServer';
import { validateRecord } from '../../../lambdas/core/recordSchema';
import { readSampleManifest } from '../../helpers/sampleManifest';
import { makeTempDir } from '../../helpers/tempDir';

jest.setTimeout(60_000);

const manifest = readSampleManifest();
let server: SampleServer;
let rt: LocalRuntime;
let tmp: ReturnType<typeof makeTempDir>;
let first: IngestReport;

const feedSpecs = () => server.feeds.map((f) => ({ url: f.url, name: f.name, wire: 'PR Newswire' }));
const open = () =>
  openLocalRuntime({ dataDir: tmp.dir, log: consoleLog('silent'), allowHosts: [new URL(server.baseUrl).host] });

beforeAll(async () => {
  tmp = makeTempDir('newswire-ingest');
  server = await startSampleServer({ port: 0 });
  rt = await open();
  first = await runIngest(rt, { feeds: feedSpecs() });
});

afterAll(async () => {
  await rt?.close();
  await server?.close();
  tmp?.remove();
});

test('the first run writes exactly the sample set, once per release', async () => {
  const distinct = manifest.releases.length;
  const itemsInFeeds = manifest.feeds.reduce((n, f) => n + f.items, 0);
  expect(distinct).toBeGreaterThanOrEqual(20);
  expect(first.failed).toBe(0);
  expect(first.deadLetters).toEqual([]);
  expect(first.feeds).toBe(manifest.feeds.length);
  expect(first.itemsSeen).toBe(itemsInFeeds);
  expect(first.written).toBe(distinct);
  expect(first.created).toBe(distinct);
  // Releases listed by two feeds are seen twice and stored once.
  expect(first.unchanged).toBe(itemsInFeeds - distinct);
});

test('every stored record carries the labelled fields of its release page and validates', async () => {
  const all = [];
  let cursor: string | null = null;
  do {
    const page = await rt.articles.query({ limit: 7, cursor });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  expect(all).toHaveLength(manifest.releases.length);

  for (const expected of manifest.releases) {
    const record = all.find((r) => r.url?.includes(`/news-releases/${expected.slug}.html`));
    expect(record).toBeDefined();
    if (!record) continue;
    expect(() => validateRecord(record)).not.toThrow();
    expect({
      slug: expected.slug,
      title: record.title,
      source: record.source,
      location: record.dateline?.location,
      date: record.dateline?.date,
      wire: record.wire,
      tickers: record.tickers.map((t) => `${t.exchange}:${t.symbol}`),
      country: record.place?.country ?? null,
      publishedAt: record.publishedAt,
    }).toEqual({
      slug: expected.slug,
      title: expected.title,
      source: expected.source,
      location: expected.datelineLocation,
      date: expected.datelineDate,
      wire: { name: 'PR Newswire', tag: expected.wireTag },
      tickers: expected.tickers,
      country: expected.country,
      publishedAt: expected.publishedAt,
    });
    expect(record.body.paragraphs.length).toBeGreaterThan(0);
    expect(record.body.text).not.toMatch(/^SOURCE /m);
    expect(record.raw?.articleKey).toMatch(/^articles\/.+\.html\.gz$/);
    expect(record.raw?.feedKey).toMatch(/^feeds\/f-[0-9a-f]+\/\d{4}\/\d\d\/\d\d\/.+\.xml\.gz$/);
    expect(record.revision).toBe(1);
    // The raw page is archived as fetched.
    const raw = await rt.archive.get(record.raw!.articleKey!);
    expect(Buffer.from(raw!).toString('utf8')).toContain('release-body');
  }
});

test('newest records come first in the report', () => {
  const dates = first.newest.map((r) => r.publishedAt ?? '');
  expect(first.newest).toHaveLength(5);
  expect([...dates].sort().reverse()).toEqual(dates);
  const newestInManifest = manifest.releases
    .map((r) => r.publishedAt)
    .sort()
    .reverse()
    .slice(0, 5);
  expect(dates).toEqual(newestInManifest);
});

test('the seed release is found by its source', async () => {
  const page = await rt.articles.query({ source: 'chinadaily.com.cn', limit: 10 });
  expect(page.items).toHaveLength(1);
  const seed = page.items[0]!;
  expect(seed.dateline).toEqual({
    text: 'BEIJING, March 7, 2024 /PRNewswire/',
    location: 'BEIJING',
    date: '2024-03-07',
  });
  expect(seed.attribution).toBe('A news report from chinadaily.com.cn:');
  expect(seed.body.paragraphs[0]).toMatch(/^A news report from chinadaily\.com\.cn:/);
});

test('a second run writes nothing: the server answers 304 to the conditional GET', async () => {
  const second = await runIngest(rt, { feeds: feedSpecs() });
  expect(second.written).toBe(0);
  expect(second.failed).toBe(0);
  expect(second.feedResults.map((f) => f.status)).toEqual(manifest.feeds.map(() => 'not-modified'));
});

test('a run without validators (server ignoring conditional GET) sees every item and still writes nothing', async () => {
  // Forget the validators, as after a server that lies about ETags: item ids must decide.
  for (const f of await rt.feeds.list()) {
    await rt.feeds.recordPoll(f.id, {
      etag: null,
      lastModified: null,
      lastPolledAt: new Date().toISOString(),
      nextPollAt: new Date().toISOString(),
      consecutiveFailures: 0,
      lastError: null,
      add: {},
    });
  }
  const third = await runIngest(rt, { feeds: feedSpecs() });
  const itemsInFeeds = manifest.feeds.reduce((n, f) => n + f.items, 0);
  expect(third.itemsSeen).toBe(itemsInFeeds);
  expect(third.written).toBe(0);
  expect(third.unchanged).toBe(itemsInFeeds);
});

test('the store survives a restart of the embedded DynamoDB (persisted under the data dir)', async () => {
  await rt.close();
  rt = await open();
  const page = await rt.articles.query({ limit: 100 });
  expect(page.items).toHaveLength(manifest.releases.length);
});

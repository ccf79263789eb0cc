/**
 * reprocess with in-memory ports: records stored by process-article (pages and feed bodies in the
 * archive) are parsed again from the archive — changed → a `reparse` revision, unchanged → no write,
 * degraded → the stored revision kept, missing bytes → failed with the reason — and the filters,
 * dry run, bounded concurrency and the queue messages.
 */
import { fallbackTextOnly, parseRelease } from '../../../lambdas/core/parser';
import type { PressReleaseRecord } from '../../../lambdas/core/record';
import type { ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { processArticle } from '../../../lambdas/pipeline/processArticle';
import { readFeed } from '../../../lambdas/pipeline/readFeed';
import {
  enqueueReprocess,
  reprocess,
  reprocessRecord,
  reprocessStoredId,
  versionBelow,
  type ReprocessArticleMessage,
  type ReprocessDeps,
} from '../../../lambdas/pipeline/reprocess';
import { ArraySink, FakeHttp, fixedClock, MemoryArchive, MemoryArticleStore, silentLog } from '../../helpers/fakes';

const NOW = '2025-06-02T12:00:00.000Z';

interface Release {
  slug: string;
  org: string;
  city: string;
  date: string; // YYYY-MM-DD
  /** Feed carries the whole release (content:encoded), so no page is fetched. */
  inFeed?: boolean;
}

const link = (r: Release) => `https://www.example.test/news-releases/${r.slug}.html`;
const releaseHtml = (r: Release) =>
  `<p><span class="xn-location">${r.city.toUpperCase()}</span>, <span class="xn-chron">June 2, 2025</span> /PRNewswire/ -- ` +
  `${r.org} (NASDAQ: ${r.slug.slice(0, 4).toUpperCase()}) today announced ${r.slug}, a product for field work that ` +
  `measures what it is pointed at and keeps the results for later review by the team on site and at home.</p>` +
  `<p>The product ships this month in every region where ${r.org} sells its instruments, at the price announced ` +
  `before, with the same warranty as before and a new option for teams that need more than one unit at once.</p>` +
  `<p>"We built it for the people who carry our instruments every day," said the chief executive of ${r.org}.</p>` +
  `<p>SOURCE ${r.org}</p>`;
const page = (r: Release) =>
  `<!DOCTYPE html><html><head><title>${r.slug}</title></head><body><h1>${r.org} announces ${r.slug}</h1>` +
  `<section class="release-body">${releaseHtml(r)}</section></body></html>`;
const feedXml = (feedUrl: string, releases: Release[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
  `<channel><title>Test feed</title><link>https://www.example.test/</link>` +
  releases
    .map(
      (r) =>
        `<item><title>${r.org} announces ${r.slug}</title><link>${link(r)}</link><guid>${link(r)}</guid>` +
        `<pubDate>${new Date(`${r.date}T14:00:00Z`).toUTCString()}</pubDate><description>${r.slug} summary</description>` +
        (r.inFeed ? `<content:encoded><![CDATA[${releaseHtml(r)}]]></content:encoded>` : '') +
        `</item>`,
    )
    .join('') +
  `</channel></rss>`;

/** Stores the releases through process-article, each feed's body archived under its feedKey. */
async function ingest(feeds: Record<string, Release[]>) {
  const articles = new MemoryArticleStore();
  const archive = new MemoryArchive();
  const routes: Record<string, { body: string; headers: Record<string, string> }> = {};
  for (const releases of Object.values(feeds)) {
    for (const r of releases) routes[link(r)] = { body: page(r), headers: { 'content-type': 'text/html' } };
  }
  const http = new FakeHttp(routes);
  const ids: Record<string, string> = {};
  for (const [feedId, releases] of Object.entries(feeds)) {
    const feedUrl = `https://www.example.test/${feedId}.rss`;
    const feedKey = `feeds/${feedId}/2025/06/02/120000000-${'0'.repeat(64)}.xml.gz`;
    const body = Buffer.from(feedXml(feedUrl, releases));
    await archive.put(feedKey, body, 'application/rss+xml');
    const feed = await readFeed({ body, contentType: null, url: feedUrl });
    for (const item of feed.items) {
      const msg: ProcessArticleMessage = { feed: { id: feedId, url: feedUrl }, wire: null, feedKey, item };
      const res = await processArticle({ articles, archive, http, clock: fixedClock(NOW), log: silentLog }, msg);
      ids[releases.find((r) => link(r) === item.link)!.slug] = res.id;
    }
  }
  const deps: ReprocessDeps = { articles, archive, log: silentLog };
  return { deps, articles, archive, ids, http };
}

const ACME: Release = { slug: 'acme-one', org: 'Acme Robotics', city: 'Austin', date: '2025-06-01' };
const ACME2: Release = { slug: 'acme-two', org: 'Acme Robotics', city: 'Austin', date: '2025-06-02' };
const BOLT: Release = { slug: 'bolt-one', org: 'Bolt Optics', city: 'Denver', date: '2025-05-20' };
const FULL: Release = { slug: 'full-one', org: 'Fullfeed Labs', city: 'Boston', date: '2025-06-02', inFeed: true };

/** Puts a stored record back as an older parser might have left it. */
function tamper(articles: MemoryArticleStore, id: string, change: Partial<PressReleaseRecord>) {
  const stored = articles.items.get(id)!;
  stored.record = { ...stored.record, ...change };
}

test('records the current parser reads the same are unchanged: nothing is written', async () => {
  const { deps, articles, ids, http } = await ingest({ 'f-a': [ACME, ACME2] });
  const fetched = http.requests.length;
  const before = structuredClone(articles.items.get(ids['acme-one']!));
  const summary = await reprocess(deps, {});
  expect(summary).toMatchObject({ scanned: 2, changed: 0, unchanged: 2, degradedKept: 0, failed: 0, skipped: 0 });
  expect(articles.items.get(ids['acme-one']!)).toEqual(before);
  expect(http.requests.length).toBe(fetched); // nothing fetched
});

test('a record that differs from the new parse becomes the next revision with reason reparse', async () => {
  const { deps, articles, ids } = await ingest({ 'f-a': [ACME, ACME2] });
  const id = ids['acme-one']!;
  const good = (await articles.get(id))!;
  tamper(articles, id, { source: 'Wrong Org', parserVersion: '0.0.1', place: null });
  const summary = await reprocess(deps, {});
  expect(summary).toMatchObject({ scanned: 2, changed: 1, unchanged: 1, failed: 0 });
  const now = (await articles.get(id))!;
  expect(now).toMatchObject({ revision: 2, revisionReason: 'reparse', source: good.source, place: good.place });
  expect(now.parserVersion).toBe(good.parserVersion);
  // The id, url, feed, raw bytes and fetch time are the stored ones: nothing was fetched again.
  expect({ ...now, revision: 1, revisionReason: null }).toEqual(good);

  // Parsed again: now the same, so no third revision.
  expect(await reprocess(deps, {})).toMatchObject({ changed: 0, unchanged: 2 });
  expect((await articles.get(id))!.revision).toBe(2);
});

test('a new parser whose output differs in a field outside the content hash still makes a revision', async () => {
  const { deps, articles, ids } = await ingest({ 'f-a': [ACME] });
  const better: ReprocessDeps = {
    ...deps,
    parse: (input) => {
      const p = parseRelease(input);
      return { ...p, place: p.place ? { ...p.place, region: 'TX' } : null };
    },
  };
  expect(await reprocess(better, {})).toMatchObject({ changed: 1 });
  expect(await articles.get(ids['acme-one']!)).toMatchObject({
    revision: 2,
    revisionReason: 'reparse',
    place: { region: 'TX' },
  });
});

test('--dry-run counts what would change and writes nothing', async () => {
  const { deps, articles, ids } = await ingest({ 'f-a': [ACME, ACME2] });
  tamper(articles, ids['acme-two']!, { title: 'Old title' });
  const before = structuredClone([...articles.items.entries()]);
  const summary = await reprocess(deps, {}, { dryRun: true });
  expect(summary).toMatchObject({ scanned: 2, changed: 1, unchanged: 1, dryRun: true });
  expect([...articles.items.entries()]).toEqual(before);
});

test('a degraded parse never replaces a stored revision that is not degraded', async () => {
  const { deps, articles, ids } = await ingest({ 'f-a': [ACME] });
  const before = structuredClone(articles.items.get(ids['acme-one']!));
  const summary = await reprocess({ ...deps, parse: fallbackTextOnly }, {});
  expect(summary).toMatchObject({ scanned: 1, degradedKept: 1, changed: 0, failed: 0 });
  expect(articles.items.get(ids['acme-one']!)).toEqual(before);
});

test('a degraded stored record is replaced by a proper parse', async () => {
  const { deps, articles, ids } = await ingest({ 'f-a': [ACME] });
  const id = ids['acme-one']!;
  await articles.save(
    { ...(await articles.get(id))!, warnings: ['fallback-text-only'], source: null },
    { contentHash: 'degraded', itemHash: null, reparseOf: 1 },
  );
  expect(await reprocess(deps, {})).toMatchObject({ changed: 1 });
  expect(await articles.get(id)).toMatchObject({ revision: 3, revisionReason: 'reparse', warnings: [] });
});

test('missing archived bytes fail that record with the reason; the others go on', async () => {
  const { deps, articles, archive, ids } = await ingest({ 'f-a': [ACME, ACME2], 'f-b': [FULL] });
  const gone = (await articles.get(ids['acme-one']!))!.raw!.articleKey!;
  archive.objects.delete(gone);
  tamper(articles, ids['acme-two']!, { raw: null });
  const summary = await reprocess(deps, {});
  expect(summary).toMatchObject({ scanned: 3, failed: 2, unchanged: 1 });
  expect(summary.failedByCode).toEqual({ ARCHIVE_MISSING: 1, NO_RAW: 1 });
  expect(summary.failures).toEqual(
    expect.arrayContaining([
      { id: ids['acme-one'], code: 'ARCHIVE_MISSING', message: expect.stringContaining(gone) },
      { id: ids['acme-two'], code: 'NO_RAW', message: expect.stringContaining('raw is null') },
    ]),
  );

  // The feed body gone: a release the feed carried whole cannot be read again.
  const feedKey = (await articles.get(ids['full-one']!))!.raw!.feedKey!;
  archive.objects.delete(feedKey);
  const again = await reprocess(deps, { feedId: 'f-b' });
  expect(again.failures).toEqual([
    { id: ids['full-one'], code: 'ARCHIVE_MISSING', message: expect.stringContaining(feedKey) },
  ]);
});

test('a release the feed carried whole is read again from the archived feed body', async () => {
  const { deps, articles, ids, http } = await ingest({ 'f-b': [FULL] });
  expect(http.requests).toEqual([]); // never fetched: the feed had it all
  const id = ids['full-one']!;
  expect((await articles.get(id))!.raw).toMatchObject({ articleKey: null });
  tamper(articles, id, { tickers: [] });
  expect(await reprocess(deps, {})).toMatchObject({ scanned: 1, changed: 1 });
  expect((await articles.get(id))!).toMatchObject({
    revisionReason: 'reparse',
    tickers: [{ exchange: 'NASDAQ', symbol: 'FULL' }],
    source: 'Fullfeed Labs',
  });
});

describe('filters', () => {
  const feeds = { 'f-a': [ACME, ACME2], 'f-b': [BOLT] };

  test('--feed, --source, --since/--until select through the store query', async () => {
    const { deps } = await ingest(feeds);
    expect(await reprocess(deps, { feedId: 'f-b' })).toMatchObject({ scanned: 1 });
    expect(await reprocess(deps, { source: 'acme robotics' })).toMatchObject({ scanned: 2 });
    expect(await reprocess(deps, { since: '2025-06-01T00:00:00.000Z' })).toMatchObject({ scanned: 2 });
    expect(await reprocess(deps, { until: '2025-05-31T23:59:59.999Z' })).toMatchObject({ scanned: 1 });
    expect(
      await reprocess(deps, { since: '2025-06-02T00:00:00.000Z', until: '2025-06-02T23:59:59.999Z' }),
    ).toMatchObject({ scanned: 1 });
  });

  test('--feed with --source: the store serves one, the other is applied to what it lists', async () => {
    const { deps } = await ingest(feeds);
    expect(await reprocess(deps, { feedId: 'f-a', source: 'Bolt Optics' })).toMatchObject({ scanned: 0, skipped: 2 });
    expect(await reprocess(deps, { feedId: 'f-a', source: 'Acme Robotics' })).toMatchObject({ scanned: 2 });
  });

  test('--parser-version-below selects records of older parsers only', async () => {
    const { deps, articles, ids } = await ingest(feeds);
    tamper(articles, ids['acme-one']!, { parserVersion: '0.1.0' });
    tamper(articles, ids['bolt-one']!, { parserVersion: '0.2.9' });
    tamper(articles, ids['acme-two']!, { parserVersion: '1.0.0' });
    const summary = await reprocess(deps, { parserVersionBelow: '0.3.0' });
    expect(summary).toMatchObject({ scanned: 2, skipped: 1 });
    // Same output as the stored records: nothing else differs, so nothing is written.
    expect(summary.unchanged).toBe(2);
  });
});

test('versionBelow compares semver, and counts a version that is not semver as below', () => {
  expect(versionBelow('0.2.9', '0.3.0')).toBe(true);
  expect(versionBelow('0.10.0', '0.9.0')).toBe(false);
  expect(versionBelow('0.3.0', '0.3.0')).toBe(false);
  expect(versionBelow('0.3.0-beta.1', '0.3.0')).toBe(true);
  expect(versionBelow('legacy', '0.3.0')).toBe(true);
});

test('--concurrency bounds the records parsed at once', async () => {
  const releases = Array.from({ length: 9 }, (_, i) => ({ ...ACME, slug: `acme-${i}` }));
  const { deps, archive } = await ingest({ 'f-a': releases });
  let inFlight = 0;
  let most = 0;
  const slow: ReprocessDeps = {
    ...deps,
    archive: {
      put: (k, b, t) => archive.put(k, b, t),
      get: async (key) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return archive.get(key);
      },
    },
  };
  const summary = await reprocess(slow, { feedId: 'f-a' }, { concurrency: 3, pageSize: 4 });
  expect(summary).toMatchObject({ scanned: 9, unchanged: 9 });
  expect(most).toBe(3);
  most = 0;
  await reprocess(slow, { feedId: 'f-a' }, { concurrency: 1 });
  expect(most).toBe(1);
});

test('a revision stored after the listing read the record is the one parsed again', async () => {
  const { deps, articles, ids } = await ingest({ 'f-a': [ACME] });
  const id = ids['acme-one']!;
  const listed = (await articles.get(id))!;
  // Meanwhile the wire corrected it (revision 2), and that revision is what an older parser got wrong.
  await articles.save({ ...listed, source: 'Wrong Org' }, { contentHash: 'corrected', itemHash: 'h2' });
  const res = await reprocessRecord(deps, { ...listed, source: 'Also wrong' });
  expect(res).toEqual({ id, outcome: 'changed', revision: 3 });
  expect(await articles.get(id)).toMatchObject({ revision: 3, revisionReason: 'reparse', source: listed.source });
});

test('progress is reported after every record', async () => {
  const { deps } = await ingest({ 'f-a': [ACME, ACME2] });
  const seen: number[] = [];
  await reprocess(deps, {}, { onProgress: (s) => seen.push(s.scanned) });
  expect(seen).toEqual([1, 2]);
});

describe('--via-queue', () => {
  test('one article-queue message per selected record, in batches', async () => {
    const releases = Array.from({ length: 150 }, (_, i) => ({ ...ACME, slug: `acme-${i}` }));
    const { articles } = await ingest({ 'f-a': releases, 'f-b': [BOLT] });
    const sink = new ArraySink<ReprocessArticleMessage>();
    const sends: number[] = [];
    const counting = { send: async (m: ReprocessArticleMessage[]) => (sends.push(m.length), sink.send(m)) };
    expect(await enqueueReprocess({ articles, sink: counting }, { feedId: 'f-a' })).toEqual({
      queued: 150,
      skipped: 0,
    });
    expect(sends).toEqual([100, 50]);
    expect(new Set(sink.sent.map((m) => m.reprocess.id)).size).toBe(150);
  });

  test('the Lambda side parses the stored id again, and throws what it failed with', async () => {
    const { deps, articles, archive, ids } = await ingest({ 'f-a': [ACME, ACME2] });
    tamper(articles, ids['acme-one']!, { title: 'Old' });
    expect(await reprocessStoredId(deps, ids['acme-one']!)).toBe('changed');
    expect(await reprocessStoredId(deps, ids['acme-one']!)).toBe('unchanged');
    await expect(reprocessStoredId(deps, 'u-nothing')).rejects.toMatchObject({ code: 'NOT_STORED', retryable: false });
    archive.objects.delete((await articles.get(ids['acme-two']!))!.raw!.articleKey!);
    await expect(reprocessStoredId(deps, ids['acme-two']!)).rejects.toMatchObject({ code: 'ARCHIVE_MISSING' });
  });
});

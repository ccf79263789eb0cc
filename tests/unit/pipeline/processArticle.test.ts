import { FetchError } from '../../../lambdas/core/errors';
import { releaseId } from '../../../lambdas/core/ids';
import { fallbackTextOnly } from '../../../lambdas/core/parser';
import type { ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { processArticle } from '../../../lambdas/pipeline/processArticle';
import { FakeHttp, fixedClock, MemoryArchive, MemoryArticleStore, silentLog } from '../../helpers/fakes';

const LINK = 'https://www.example.test/news-releases/peakline-ships-302000001.html';
const NOW = '2025-06-02T12:00:00.000Z';
const page = (lastSentence: string) => `<!DOCTYPE html><html><head><title>Peakline ships</title>
<meta property="article:published_time" content="2025-06-02T10:00:00-04:00"></head><body>
<nav>Home | News</nav>
<header><h1>Peakline ships its first field spectrometer</h1></header>
<section class="release-body">
<p><span class="xn-location">DENVER</span>, <span class="xn-chron">June 2, 2025</span> /PRNewswire/ -- Peakline Instruments (NASDAQ: PKLN) today shipped its first field spectrometer.</p>
<p>${lastSentence}</p>
<p>SOURCE Peakline Instruments</p>
</section></body></html>`;

function setup(body: string) {
  const msg: ProcessArticleMessage = {
    feed: { id: 'f-1', url: 'https://www.example.test/feed.rss' },
    wire: 'PR Newswire',
    feedKey: 'feeds/f-1/2025/06/02/120000000-abc.xml.gz',
    item: {
      id: releaseId({ url: LINK }),
      guid: LINK,
      link: LINK,
      title: 'Peakline ships',
      summary: 'Peakline shipped.',
      contentHtml: null,
      publishedAt: '2025-06-02T14:00:00.000Z',
      author: null,
      categories: [],
      itemHash: 'h1',
    },
  };
  const deps = {
    articles: new MemoryArticleStore(),
    archive: new MemoryArchive(),
    http: new FakeHttp({ [LINK]: { body, headers: { 'content-type': 'text/html; charset=utf-8' } } }),
    clock: fixedClock(NOW),
    log: silentLog,
  };
  return { deps, msg };
}

test('a release page becomes one valid record that points to its archived bytes', async () => {
  const { deps, msg } = setup(page('It weighs under two kilograms.'));
  const res = await processArticle(deps, msg);
  expect(res).toEqual({ id: msg.item.id, outcome: 'created', revision: 1 });
  const record = (await deps.articles.get(msg.item.id))!;
  expect(record).toMatchObject({
    id: msg.item.id,
    url: LINK,
    feed: msg.feed,
    title: 'Peakline ships its first field spectrometer',
    summary: 'Peakline shipped.',
    source: 'Peakline Instruments',
    tickers: [{ exchange: 'NASDAQ', symbol: 'PKLN' }],
    dateline: { location: 'DENVER', date: '2025-06-02' },
    publishedAt: '2025-06-02T14:00:00.000Z',
    fetchedAt: NOW,
    raw: { feedKey: msg.feedKey, articleKey: expect.stringMatching(/^articles\/u-[0-9a-f]+\/[0-9a-f]{64}\.html\.gz$/) },
  });
  const archived = await deps.archive.get(record.raw!.articleKey!);
  expect(Buffer.from(archived!).toString()).toBe(page('It weighs under two kilograms.'));
});

test('the same release again is unchanged; a corrected one becomes revision 2', async () => {
  const { deps, msg } = setup(page('It weighs under two kilograms.'));
  await processArticle(deps, msg);
  expect(await processArticle(deps, msg)).toMatchObject({ outcome: 'unchanged', revision: 1 });

  deps.http.routes[LINK] = { body: page('It weighs under 1.8 kilograms (corrected).') };
  expect(await processArticle(deps, msg)).toMatchObject({ outcome: 'revised', revision: 2 });
  expect((await deps.articles.get(msg.item.id))?.body.text).toContain('1.8 kilograms');
});

test('a page that cannot be fetched throws and stores nothing', async () => {
  const { deps, msg } = setup('');
  deps.http.routes[LINK] = new FetchError('TIMEOUT', 'no first byte after 10000 ms', true, LINK);
  await expect(processArticle(deps, msg)).rejects.toMatchObject({ code: 'TIMEOUT' });
  expect(deps.articles.items.size).toBe(0);
});

test('a feed that carries the whole release: an older message redelivered after a correction changes nothing', async () => {
  const { deps, msg } = setup('');
  const full = (lastSentence: string): ProcessArticleMessage => ({
    ...msg,
    item: { ...msg.item, contentHtml: page(lastSentence).replace(/[\s\S]*<section[^>]*>|<\/section>[\s\S]*/g, '') },
  });
  const filler = ' It has a rugged case, a sunlight-readable display and a battery that lasts a field day.'.repeat(8);
  const v1 = full(`It weighs under two kilograms.${filler}`);
  const v2 = full(`It weighs under 1.8 kilograms (corrected).${filler}`);
  expect(await processArticle(deps, v1)).toMatchObject({ outcome: 'created', revision: 1 });
  expect(await processArticle(deps, v2)).toMatchObject({ outcome: 'revised', revision: 2 });
  expect(await processArticle(deps, v1)).toMatchObject({ outcome: 'unchanged', revision: 2 });
  expect((await deps.articles.get(msg.item.id))?.body.text).toContain('1.8 kilograms');
  expect(deps.http.requests).toHaveLength(0); // the feed carried it: nothing fetched
});

describe('degraded parses (the parser failed and kept plain text only)', () => {
  test('never replace a stored revision that was parsed properly: it is kept, counted and logged', async () => {
    const { deps, msg } = setup(page('It weighs under two kilograms.'));
    await processArticle(deps, msg);
    const good = await deps.articles.get(msg.item.id);
    const warned: Record<string, unknown>[] = [];
    const degraded = {
      ...deps,
      parse: fallbackTextOnly,
      log: { ...silentLog, warn: (_m: string, extra?: Record<string, unknown>) => void warned.push(extra ?? {}) },
    };
    deps.http.routes[LINK] = { body: page('It weighs under 1.8 kilograms (corrected).') };
    expect(await processArticle(degraded, msg)).toEqual({ id: msg.item.id, outcome: 'kept-stored', revision: 1 });
    expect(await deps.articles.get(msg.item.id)).toEqual(good);
    expect(warned).toEqual([expect.objectContaining({ id: msg.item.id, storedRevision: 1 })]);
    expect(warned[0]?.warnings).toContain('fallback-text-only');
  });

  test('are stored, flagged, when nothing is stored yet, and replaced by the next good parse', async () => {
    const { deps, msg } = setup(page('It weighs under two kilograms.'));
    expect(await processArticle({ ...deps, parse: fallbackTextOnly }, msg)).toMatchObject({ outcome: 'created' });
    const stored = (await deps.articles.get(msg.item.id))!;
    expect(stored.warnings).toEqual(expect.arrayContaining(['fallback-text-only', 'no-dateline']));
    expect(stored.warnings).not.toContain('no-title'); // the feed item gave the title
    expect(stored.title).toBe('Peakline ships');
    expect(stored.body.text).toContain('Peakline Instruments (NASDAQ: PKLN) today shipped');
    expect(stored.body.text).not.toContain('<p>');

    expect(await processArticle(deps, msg)).toMatchObject({ outcome: 'revised', revision: 2 });
    expect((await deps.articles.get(msg.item.id))?.warnings).toEqual([]);
  });

  test('replace a degraded stored revision (nothing better is lost)', async () => {
    const { deps, msg } = setup(page('It weighs under two kilograms.'));
    await processArticle({ ...deps, parse: fallbackTextOnly }, msg);
    deps.http.routes[LINK] = { body: page('It weighs under 1.8 kilograms (corrected).') };
    expect(await processArticle({ ...deps, parse: fallbackTextOnly }, msg)).toMatchObject({ outcome: 'revised' });
  });
});

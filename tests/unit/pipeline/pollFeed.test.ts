import { HttpStatusError } from '../../../lambdas/adapters/http/httpClient';
import { FetchError } from '../../../lambdas/core/errors';
import { ITEM_FIELD_LIMITS } from '../../../lambdas/core/feed/fieldLimits';
import { feedId, releaseId } from '../../../lambdas/core/ids';
import { parseArticleMessage } from '../../../lambdas/handlers/sqsMessages';
import {
  fitArticleMessage,
  MAX_ARTICLE_MESSAGE_BYTES,
  restoreOmittedFields,
} from '../../../lambdas/pipeline/articleMessage';
import { DEFAULT_MAX_ITEMS_PER_POLL, pollFeed } from '../../../lambdas/pipeline/pollFeed';
import type { FeedState, ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { newFeedState } from '../../../lambdas/pipeline/registerFeeds';
import {
  ArraySink,
  FakeHttp,
  fixedClock,
  MemoryArchive,
  MemoryArticleStore,
  MemoryFeedStore,
  silentLog,
  type Route,
} from '../../helpers/fakes';
import { deepJsonFeed, deepXmlFeed, entityExpansionFeed, manyItemsFeed } from '../../../scripts/bench/hostileFeeds';

// The feed reader as it is, except for one URL whose body makes it throw what no reader code names
// (a library's TypeError): stands for any bug or input nobody foresaw.
jest.mock('../../../lambdas/pipeline/readFeed', () => {
  const actual = jest.requireActual('../../../lambdas/pipeline/readFeed');
  return {
    ...actual,
    readFeed: (src: { url: string | null }, opts?: unknown) =>
      src.url === 'https://feeds.example.test/reader-bug.rss'
        ? Promise.reject(new TypeError("Cannot read properties of undefined (reading 'channel')"))
        : actual.readFeed(src, opts),
  };
});

const FEED_URL = 'https://feeds.example.test/news.rss';
const NOW = '2025-06-02T12:00:00.000Z';
const rss = (items: { link: string; title: string; description?: string }[]) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>News</title><link>https://example.test</link><ttl>60</ttl>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><description>${i.description ?? 'summary'}</description><pubDate>Mon, 02 Jun 2025 10:00:00 -0400</pubDate></item>`).join('')}
</channel></rss>`;

function setup(route: Route) {
  const feeds = new MemoryFeedStore();
  const feed = newFeedState(
    { url: FEED_URL, name: 'News', wire: 'PR Newswire', pollIntervalMinutes: 15 },
    new Date('2025-06-01T00:00:00Z'),
  );
  feeds.items.set(feed.id, feed);
  const deps = {
    feeds,
    articles: new MemoryArticleStore(),
    archive: new MemoryArchive(),
    http: new FakeHttp({ [FEED_URL]: route }),
    articleQueue: new ArraySink<ProcessArticleMessage>(),
    clock: fixedClock(NOW),
    log: silentLog,
    random: () => 0.5,
  };
  return { deps, feed };
}

test('a poll reads its feed state eventually consistent (the previous poll wrote it a period ago)', async () => {
  const { deps, feed } = setup({ status: 304 });
  const get = jest.spyOn(deps.feeds, 'get');
  await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  expect(get.mock.calls).toEqual([[feed.id, { consistent: false }]]);
});

test('a fetched feed is archived, its new items queued once each, and its state and validators kept', async () => {
  const body = rss([
    { link: 'https://example.test/a.html', title: 'A' },
    { link: 'https://example.test/b.html', title: 'B' },
  ]);
  const { deps, feed } = setup({ body, headers: { etag: '"v1"', 'last-modified': 'Mon, 02 Jun 2025 10:00:00 GMT' } });

  const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });

  expect(res).toMatchObject({ status: 'fetched', itemsSeen: 2, queued: 2, unchanged: 0 });
  expect(deps.articleQueue.sent.map((m) => m.item.link)).toEqual([
    'https://example.test/a.html',
    'https://example.test/b.html',
  ]);
  expect(deps.articleQueue.sent[0]).toMatchObject({ feed: { id: feed.id, url: FEED_URL }, wire: 'PR Newswire' });
  expect(deps.articleQueue.sent[0]?.item.publishedAt).toBe('2025-06-02T14:00:00.000Z');
  const [key] = [...deps.archive.objects.keys()];
  expect(key).toMatch(new RegExp(`^feeds/${feed.id}/2025/06/02/120000000-[0-9a-f]{64}\\.xml\\.gz$`));
  expect(deps.articleQueue.sent[0]?.feedKey).toBe(key);
  const state = deps.feeds.items.get(feed.id)!;
  expect(state).toMatchObject({
    etag: '"v1"',
    consecutiveFailures: 0,
    lastPolledAt: NOW,
    counters: { polls: 1, itemsSeen: 2, itemsQueued: 2 },
  });
  // The feed's ttl (60) lengthens its 15-minute interval.
  expect(state.nextPollAt).toBe('2025-06-02T13:00:00.000Z');
});

test('items already stored with the same item hash are not queued again; changed ones are', async () => {
  const { deps, feed } = setup({
    body: rss([
      { link: 'https://example.test/a.html', title: 'A' },
      { link: 'https://example.test/b.html', title: 'B' },
    ]),
  });
  await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  for (const m of deps.articleQueue.sent) {
    // Stored as process-article would have stored it (only the item hash matters to poll-feed).
    const stored = { record: {} as never, contentHash: 'x', itemHash: m.item.itemHash, previous: [] };
    deps.articles.items.set(m.item.id, stored);
  }
  deps.articleQueue.sent.length = 0;

  deps.http.routes[FEED_URL] = {
    body: rss([
      { link: 'https://example.test/a.html', title: 'A' },
      { link: 'https://example.test/b.html', title: 'B (corrected)' },
    ]),
  };
  const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });

  expect(res).toMatchObject({ itemsSeen: 2, queued: 1, unchanged: 1 });
  expect(deps.articleQueue.sent.map((m) => m.item.title)).toEqual(['B (corrected)']);
});

test('the stored validators are sent, and a 304 queues nothing and counts a poll', async () => {
  const { deps, feed } = setup({ status: 304 });
  // The etag came with a 200 an hour ago (a 200 records lastFetchedAt; a day without one is a full fetch).
  Object.assign(deps.feeds.items.get(feed.id)!, { etag: '"v1"', lastFetchedAt: '2025-06-02T11:00:00.000Z' });
  const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  expect(res.status).toBe('not-modified');
  expect(deps.http.requests[0]?.req).toMatchObject({ etag: '"v1"' });
  expect(deps.articleQueue.sent).toHaveLength(0);
  expect(deps.archive.objects.size).toBe(0);
  expect(deps.feeds.items.get(feed.id)).toMatchObject({
    counters: { polls: 1 },
    nextPollAt: '2025-06-02T12:15:00.000Z',
  });
});

test('a fetch failure is recorded on the feed with backoff and does not throw', async () => {
  const { deps, feed } = setup(new FetchError('TIMEOUT', 'no first byte after 10000 ms', true, FEED_URL));
  deps.feeds.items.get(feed.id)!.consecutiveFailures = 2;
  const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  expect(res).toMatchObject({ status: 'failed', error: { code: 'TIMEOUT' } });
  const state = deps.feeds.items.get(feed.id)!;
  expect(state).toMatchObject({
    consecutiveFailures: 3,
    enabled: true,
    lastError: { code: 'TIMEOUT', at: NOW },
    counters: { failures: 1 },
  });
  // Third failure: 15 min × 2² = 60 min (random 0.5 → no jitter).
  expect(state.nextPollAt).toBe('2025-06-02T13:00:00.000Z');
});

test('a document that is not a feed is archived and recorded as FEED_UNRECOGNIZED', async () => {
  const { deps, feed } = setup({ body: '<html><body>Please log in</body></html>' });
  const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  expect(res).toMatchObject({ status: 'failed', error: { code: 'FEED_UNRECOGNIZED' } });
  expect(deps.archive.objects.size).toBe(1);
});

describe('hostile feeds (issue 11): each ends in a named error or a capped list, the batch goes on', () => {
  const hostile = {
    'deep-xml': { body: deepXmlFeed(40_000) },
    'deep-xml-100k': { body: deepXmlFeed(100_000) },
    'entity-expansion': { body: entityExpansionFeed(500_000) },
    'deep-json': { body: deepJsonFeed(100_000), headers: { 'content-type': 'application/feed+json' } },
    'reader-bug': { body: rss([{ link: 'https://example.test/a.html', title: 'A' }]) },
  } as const;
  const EXPECTED_CODES: Record<keyof typeof hostile, string> = {
    'deep-xml': 'FEED_TOO_DEEP',
    'deep-xml-100k': 'FEED_TOO_DEEP',
    'entity-expansion': 'FEED_ENTITY_EXPANSION',
    'deep-json': 'FEED_TOO_DEEP',
    'reader-bug': 'FEED_READ_FAILED',
  };
  const urlOf = (name: string) => `https://feeds.example.test/${name}.rss`;

  function batch(maxItemsPerPoll?: number) {
    const warnings: { message: string; extra?: Record<string, unknown> }[] = [];
    const { deps } = setup({ body: rss([{ link: 'https://example.test/healthy.html', title: 'Healthy' }]) });
    const names = [...Object.keys(hostile), 'many-items'];
    for (const name of names) {
      const state = newFeedState({ url: urlOf(name), name, pollIntervalMinutes: 15 }, new Date('2025-06-01T00:00:00Z'));
      deps.feeds.items.set(state.id, state);
    }
    for (const [name, route] of Object.entries(hostile)) deps.http.routes[urlOf(name)] = route;
    deps.http.routes[urlOf('many-items')] = { body: manyItemsFeed(1_200, { dated: true }) };
    const log = {
      ...silentLog,
      warn: (message: string, extra?: Record<string, unknown>) => warnings.push({ message, extra }),
    };
    return { deps: { ...deps, log, maxItemsPerPoll }, warnings, idOf: (name: string) => feedId(urlOf(name)) };
  }

  test('hostile feeds record a named error with backoff; the capped and the healthy feed are read', async () => {
    const { deps, warnings, idOf } = batch();
    const healthyId = [...deps.feeds.items.values()].find((f) => f.url === FEED_URL)!.id;
    // One message per feed, as poll-feed's batch handler runs them; the healthy feed comes last.
    const results = [];
    for (const name of [...Object.keys(hostile), 'many-items']) {
      results.push(await pollFeed(deps, { feedId: idOf(name), dispatchedAt: NOW }));
    }
    results.push(await pollFeed(deps, { feedId: healthyId, dispatchedAt: NOW }));

    for (const [name, code] of Object.entries(EXPECTED_CODES)) {
      expect(results.find((r) => r.feedId === idOf(name))).toMatchObject({ status: 'failed', error: { code } });
      const state = deps.feeds.items.get(idOf(name))!;
      expect(state).toMatchObject({ enabled: true, consecutiveFailures: 1, lastError: { code, at: NOW } });
      // Backoff: the next poll is after now (first failure: the 15-minute interval, random 0.5 → no jitter).
      expect(state.nextPollAt).toBe('2025-06-02T12:15:00.000Z');
    }
    expect(deps.feeds.items.get(idOf('reader-bug'))!.lastError!.message).toMatch(/TypeError: Cannot read properties/);

    // 1,200 items, the default cap of 500: the newest 500 are queued, and the cut is logged.
    expect(DEFAULT_MAX_ITEMS_PER_POLL).toBe(500);
    expect(results.find((r) => r.feedId === idOf('many-items'))).toMatchObject({
      status: 'fetched',
      itemsSeen: 500,
      queued: 500,
    });
    const many = deps.articleQueue.sent.filter((m) => m.feed.id === idOf('many-items'));
    expect(many).toHaveLength(500);
    const oldestKept = Math.min(...many.map((m) => Date.parse(m.item.publishedAt!)));
    expect(oldestKept).toBe(Date.UTC(2025, 0, 1) + 700 * 60_000); // minutes 700…1199 of 0…1199
    expect(warnings.filter((w) => w.message === 'feed items capped')).toEqual([
      {
        message: 'feed items capped',
        extra: expect.objectContaining({ feedId: idOf('many-items'), found: 1_200, kept: 500, maxItemsPerPoll: 500 }),
      },
    ]);

    expect(results.at(-1)).toMatchObject({ status: 'fetched', queued: 1 });
    expect(deps.feeds.items.get(healthyId)).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  test('the cap is an option: maxItemsPerPoll 20 queues the 20 newest', async () => {
    const { deps, warnings, idOf } = batch(20);
    const res = await pollFeed(deps, { feedId: idOf('many-items'), dispatchedAt: NOW });
    expect(res).toMatchObject({ status: 'fetched', itemsSeen: 20, queued: 20 });
    const minutes = deps.articleQueue.sent.map(
      (m) => (Date.parse(m.item.publishedAt!) - Date.UTC(2025, 0, 1)) / 60_000,
    );
    expect(minutes.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 1_180 + i));
    expect(warnings[0]?.extra).toMatchObject({ found: 1_200, kept: 20 });
  });

  test('a feed under the cap is not logged as cut', async () => {
    const { deps, feed } = setup({ body: rss([{ link: 'https://example.test/a.html', title: 'A' }]) });
    const warnings: string[] = [];
    const log = { ...silentLog, warn: (message: string) => warnings.push(message) };
    const res = await pollFeed({ ...deps, log, maxItemsPerPoll: 1 }, { feedId: feed.id, dispatchedAt: NOW });
    expect(res).toMatchObject({ status: 'fetched', queued: 1 });
    expect(warnings).toEqual([]);
  });
});

test('a storage failure throws, so the queue retries the message', async () => {
  const { deps, feed } = setup({ body: rss([{ link: 'https://example.test/a.html', title: 'A' }]) });
  deps.articles.seenItems = async () => {
    throw new Error('ProvisionedThroughputExceededException');
  };
  await expect(pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW })).rejects.toThrow('ProvisionedThroughput');
  expect(deps.feeds.items.get(feed.id)!.counters.polls).toBe(0);
});

test('a disabled or unknown feed is skipped without fetching', async () => {
  const { deps, feed } = setup({ body: '' });
  deps.feeds.items.get(feed.id)!.enabled = false;
  expect((await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW })).status).toBe('skipped');
  expect((await pollFeed(deps, { feedId: 'f-unknown', dispatchedAt: NOW })).status).toBe('skipped');
  expect(deps.http.requests).toHaveLength(0);
});

describe('politeness', () => {
  test('a 429 with Retry-After (seconds) puts the next poll no earlier than it', async () => {
    const { deps, feed } = setup(new HttpStatusError('HTTP 429 (Retry-After: 7200)', true, FEED_URL, 429, '7200'));
    const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(res).toMatchObject({ status: 'failed', error: { code: 'HTTP_STATUS' } });
    const state = deps.feeds.items.get(feed.id)!;
    // First failure alone would be 15 min; the server asked for two hours.
    expect(state).toMatchObject({ consecutiveFailures: 1, nextPollAt: '2025-06-02T14:00:00.000Z' });
  });

  test('a 503 with an HTTP-date Retry-After is honoured too', async () => {
    const { deps, feed } = setup(new HttpStatusError('HTTP 503', true, FEED_URL, 503, 'Mon, 02 Jun 2025 12:45:00 GMT'));
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(deps.feeds.items.get(feed.id)!.nextPollAt).toBe('2025-06-02T12:45:00.000Z');
  });

  test('Cache-Control max-age lengthens the interval of a 200 and of a 304', async () => {
    const { deps, feed } = setup({
      body: rss([{ link: 'https://example.test/a.html', title: 'A' }]).replace('<ttl>60</ttl>', ''),
      headers: { 'cache-control': 'public, max-age=5400' },
    });
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(deps.feeds.items.get(feed.id)!.nextPollAt).toBe('2025-06-02T13:30:00.000Z');

    deps.http.routes[FEED_URL] = { status: 304, headers: { 'cache-control': 'max-age=1800' } };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(deps.feeds.items.get(feed.id)!.nextPollAt).toBe('2025-06-02T12:30:00.000Z');
  });

  test('a failing feed is never given up: after many failures it is still enabled and polled within 24 h', async () => {
    const { deps, feed } = setup(new FetchError('NETWORK', 'ECONNREFUSED', true, FEED_URL));
    for (let i = 0; i < 30; i++) await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    const state = deps.feeds.items.get(feed.id)!;
    expect(state).toMatchObject({ enabled: true, consecutiveFailures: 30 });
    expect(Date.parse(state.nextPollAt) - Date.parse(NOW)).toBeLessThanOrEqual(24 * 3600_000);

    deps.http.routes[FEED_URL] = { body: rss([{ link: 'https://example.test/a.html', title: 'A' }]) };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(deps.feeds.items.get(feed.id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });
});

describe('article messages fit the queue', () => {
  const big = (n: number) => `<p>${'Lorem ipsum dolor sit amet. '.repeat(Math.ceil(n / 28))}</p>`;
  const feedWith = (items: { title: string; content: string }[]) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title><link>https://example.test</link>
${items.map((i, n) => `<item><title>${i.title}</title><link>https://example.test/${n}.html</link><description>short</description><content:encoded><![CDATA[${i.content}]]></content:encoded></item>`).join('')}
</channel></rss>`;

  test('a huge content:encoded is left out of the message and read back from the archive', async () => {
    const { deps, feed } = setup({
      body: feedWith([
        { title: 'Huge', content: big(900 * 1024) },
        { title: 'Small', content: big(2000) },
      ]),
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
    });
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });

    const [huge, small] = deps.articleQueue.sent;
    for (const m of deps.articleQueue.sent) {
      expect(Buffer.byteLength(JSON.stringify(m))).toBeLessThanOrEqual(MAX_ARTICLE_MESSAGE_BYTES);
    }
    expect(small?.omitted).toBeUndefined();
    expect(small?.item.contentHtml).toContain('Lorem ipsum');
    expect(huge?.omitted).toEqual({
      fields: ['contentHtml'],
      contentType: 'application/rss+xml; charset=utf-8',
      url: FEED_URL,
    });
    expect(huge?.item).toMatchObject({ contentHtml: null, title: 'Huge', link: 'https://example.test/0.html' });

    // The Lambda's message parser keeps the omitted list (a schema that stripped it would lose the content).
    expect(parseArticleMessage(JSON.stringify(huge))).toEqual(huge);
    const restored = await restoreOmittedFields(deps, huge!);
    expect(restored.contentHtml!.length).toBeGreaterThan(900 * 1024);
    expect(restored).toEqual({ ...huge!.item, contentHtml: restored.contentHtml });
  });

  test('a 300 KiB title is cut by the reader (2 KiB), so only the content travels through the archive', async () => {
    const title = 'T'.repeat(300 * 1024);
    const { deps, feed } = setup({ body: feedWith([{ title, content: big(300 * 1024) }]) });
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    const [m] = deps.articleQueue.sent;
    expect(Buffer.byteLength(JSON.stringify(m))).toBeLessThanOrEqual(MAX_ARTICLE_MESSAGE_BYTES);
    expect(m?.omitted?.fields).toEqual(['contentHtml']);
    expect(m?.item.title).toBe(`${'T'.repeat(ITEM_FIELD_LIMITS.title - 3)}…`);
    const restored = await restoreOmittedFields(deps, m!);
    expect(restored.title).toBe(m?.item.title);
    expect(restored.contentHtml).toContain('Lorem ipsum');
  });

  test('fields are left out one by one, in a fixed order, until the message fits', () => {
    const item = {
      id: 'u-1',
      guid: null,
      link: 'https://example.test/a.html',
      // A message built by hand: parsed items never carry a title this long (ITEM_FIELD_LIMITS).
      title: 'T'.repeat(185 * 1024),
      summary: 'S'.repeat(20 * 1024),
      contentHtml: 'C'.repeat(20 * 1024),
      publishedAt: null,
      author: null,
      categories: ['K'.repeat(20 * 1024)],
      itemHash: 'h',
    };
    const msg = { feed: { id: 'f-1', url: FEED_URL }, wire: null, feedKey: 'feeds/f-1/x.xml.gz', item };
    const fitted = fitArticleMessage(msg, { contentType: null, url: null });
    expect(fitted.omitted?.fields).toEqual(['contentHtml', 'summary', 'categories']);
    expect(fitted.item).toMatchObject({ contentHtml: null, summary: null, categories: [], title: item.title });
  });

  test('a message that fits is sent as is', () => {
    const msg = {
      feed: { id: 'f-1', url: FEED_URL },
      wire: null,
      feedKey: 'feeds/f-1/x.xml.gz',
      item: {
        id: 'u-1',
        guid: null,
        link: 'https://example.test/a.html',
        title: 'A',
        summary: 's',
        contentHtml: '<p>x</p>',
        publishedAt: null,
        author: null,
        categories: [],
        itemHash: 'h',
      },
    };
    expect(fitArticleMessage(msg, { contentType: null, url: null })).toBe(msg);
  });
});

test('once a day the validators are left out, so a server whose 304s lie is still read in full', async () => {
  const { deps, feed } = setup({ status: 304 });
  const state = deps.feeds.items.get(feed.id)!;
  state.etag = '"v1"';
  state.lastModified = 'Mon, 02 Jun 2025 10:00:00 GMT';
  // The last 200 was 23 h 59 min ago: conditional; 24 h ago: not; never recorded (state from before): not.
  state.lastFetchedAt = '2025-06-01T12:01:00.000Z';
  await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  state.lastFetchedAt = '2025-06-01T12:00:00.000Z';
  await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  delete state.lastFetchedAt;
  await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  expect(deps.http.requests.map((r) => r.req?.etag ?? null)).toEqual(['"v1"', null, null]);
  expect(deps.http.requests[1]?.req?.lastModified ?? null).toBeNull();
});

test('a 200 records when the feed was last read in full', async () => {
  const { deps, feed } = setup({ body: rss([{ link: 'https://example.test/a.html', title: 'A' }]) });
  await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  expect(deps.feeds.items.get(feed.id)!.lastFetchedAt).toBe(NOW);
});

describe('a quiet 304 (nothing to record, due at the next run anyway) is not written', () => {
  // GIVEN a 15-minute feed on a 15-minute schedule, polled successfully 15 minutes ago, now answering 304
  const PERIOD = 15 * 60;
  function quiet(over: Partial<FeedState> = {}, route: Route = { status: 304 }) {
    const { deps, feed } = setup(route);
    const state = deps.feeds.items.get(feed.id)!;
    Object.assign(state, {
      etag: '"v1"',
      lastPolledAt: '2025-06-02T11:45:00.000Z',
      lastFetchedAt: '2025-06-02T08:00:00.000Z',
      nextPollAt: '2025-06-02T12:00:00.000Z',
      publishing: { since: '2025-06-01T00:00:00.000Z', lastPublishedAt: null, weightedItems: 0 },
      ...over,
    });
    return { deps: { ...deps, schedulePeriodSeconds: PERIOD }, feed, before: structuredClone(state) };
  }

  test('the feed state stays as it was, and the next scheduled run still finds the feed due', async () => {
    const { deps, feed, before } = quiet();
    const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(res.status).toBe('not-modified');
    expect(deps.feeds.items.get(feed.id)).toEqual(before);
    // The run after this one (NOW + 15 min) sends it, as the written nextPollAt (NOW + 15 min) would have.
    expect((await deps.feeds.listDue('2025-06-02T12:15:00.000Z')).map((f) => f.id)).toEqual([feed.id]);
  });

  test.each<[string, Partial<FeedState>, Route, Partial<Parameters<typeof pollFeed>[1]>, number]>([
    [
      'lastPolledAt is an hour old (the heartbeat)',
      { lastPolledAt: '2025-06-02T11:00:00.000Z' },
      { status: 304 },
      {},
      0,
    ],
    [
      'a failure to clear',
      { consecutiveFailures: 1, lastError: { code: 'TIMEOUT', message: 'x', at: '2025-06-02T11:45:00.000Z' } },
      { status: 304 },
      {},
      0,
    ],
    ['publishing not tracked yet', { publishing: undefined }, { status: 304 }, {}, 0],
    [
      'a Cache-Control hint past the next run',
      {},
      { status: 304, headers: { 'cache-control': 'max-age=1800' } },
      {},
      0,
    ],
    ['a stored nextPollAt later than the new one', { nextPollAt: '2025-06-02T13:00:00.000Z' }, { status: 304 }, {}, 0],
    [
      'a redelivery long after its run (counted from the poll)',
      {},
      { status: 304 },
      { dispatchedAt: '2025-06-02T11:00:00.000Z' },
      0,
    ],
    ['no dispatch run in the message', {}, { status: 304 }, { dispatchedAt: undefined }, 0],
    ['no schedule period (local runs)', {}, { status: 304 }, {}, -1],
  ])('but it is written when %s', async (_what, over, route, msg, period) => {
    const { deps, feed, before } = quiet(over, route);
    await pollFeed(period < 0 ? { ...deps, schedulePeriodSeconds: undefined } : deps, {
      feedId: feed.id,
      dispatchedAt: NOW,
      ...msg,
    });
    expect(deps.feeds.items.get(feed.id)).toMatchObject({
      lastPolledAt: NOW,
      consecutiveFailures: 0,
      lastError: null,
      counters: { polls: before.counters.polls + 1 },
    });
  });
});

test('relative item links resolve against the URL the feed was fetched from', async () => {
  const { deps, feed } = setup({
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Rel</title>
<item><title>A</title><link>/news/a.html</link><description>s</description></item></channel></rss>`,
  });
  await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
  expect(deps.articleQueue.sent.map((m) => m.item.link)).toEqual(['https://feeds.example.test/news/a.html']);
});

describe('GUID aliases', () => {
  const withGuids = (items: { link: string; guid: string; title: string }[]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://example.test</link>${items
      .map(
        (i) =>
          `<item><title>${i.title}</title><link>${i.link}</link><guid isPermaLink="false">${i.guid}</guid><description>s</description></item>`,
      )
      .join('')}</channel></rss>`;

  /** Stores every queued item as process-article would (id, feed, guid, url, item hash), then clears the queue. */
  async function storeQueued(deps: ReturnType<typeof setup>['deps']) {
    for (const m of deps.articleQueue.sent) {
      const record = { id: m.item.id, feed: m.feed, guid: m.item.guid, url: m.item.link, revision: 1 } as never;
      await deps.articles.save(record, { contentHash: 'same', itemHash: m.item.itemHash });
    }
    const ids = deps.articleQueue.sent.map((m) => m.item.id);
    deps.articleQueue.sent.length = 0;
    return ids;
  }

  test('an item whose link moved but whose GUID stayed is queued under the stored id, once', async () => {
    const { deps, feed } = setup({
      body: withGuids([{ link: 'https://example.test/news/a.html', guid: 'prn-1', title: 'A' }]),
    });
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    const [storedId] = await storeQueued(deps);

    deps.http.routes[FEED_URL] = {
      body: withGuids([{ link: 'https://example.test/news/2024/a-with-slug.html', guid: 'prn-1', title: 'A' }]),
    };
    const moved = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(moved).toMatchObject({ itemsSeen: 1, queued: 1 });
    expect(deps.articleQueue.sent.map((m) => [m.item.id, m.item.link])).toEqual([
      [storedId, 'https://example.test/news/2024/a-with-slug.html'],
    ]);
    await storeQueued(deps);
    expect(deps.articles.items.size).toBe(1);
    expect(deps.articles.items.get(storedId as string)?.record).toMatchObject({
      revision: 2,
      url: 'https://example.test/news/2024/a-with-slug.html',
    });

    // Processed once: the next poll finds it by its alias and queues nothing.
    const again = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(again).toMatchObject({ itemsSeen: 1, queued: 0, unchanged: 1 });
  });

  test('a GUID two items of the document carry, or an alias of another feed, moves nothing', async () => {
    const { deps, feed } = setup({
      body: withGuids([{ link: 'https://example.test/news/a.html', guid: 'same', title: 'A' }]),
    });
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    const [storedId] = await storeQueued(deps);
    deps.http.routes[FEED_URL] = {
      body: withGuids([
        { link: 'https://example.test/news/b.html', guid: 'same', title: 'B' },
        { link: 'https://example.test/news/c.html', guid: 'same', title: 'C' },
      ]),
    };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(deps.articleQueue.sent.map((m) => m.item.id)).not.toContain(storedId);
    expect(deps.articleQueue.sent).toHaveLength(2);

    // The same GUID in another feed is another feed's business.
    deps.articleQueue.sent.length = 0;
    const otherUrl = 'https://other.example.test/feed.rss';
    const other = newFeedState({ url: otherUrl, name: 'Other', wire: null, pollIntervalMinutes: 15 }, new Date(NOW));
    deps.feeds.items.set(other.id, other);
    deps.http.routes[otherUrl] = {
      body: withGuids([{ link: 'https://example.test/news/d.html', guid: 'same', title: 'D' }]),
    };
    await pollFeed(deps, { feedId: other.id, dispatchedAt: NOW });
    expect(deps.articleQueue.sent.map((m) => m.item.id)).toEqual([
      releaseId({ url: 'https://example.test/news/d.html' }),
    ]);
  });

  test('an item whose link becomes a listing page shared with a new item stays on its record', async () => {
    const list = 'https://example.test/investors/press-releases';
    const { deps, feed } = setup({ body: withGuids([{ link: list, guid: 'p-1', title: 'One' }]) });
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    const [storedId] = await storeQueued(deps);
    expect(storedId).toBe(releaseId({ url: list }));

    // The link now names two different releases: ids fall to the GUIDs, the alias keeps One where it is.
    deps.http.routes[FEED_URL] = {
      body: withGuids([
        { link: list, guid: 'p-1', title: 'One' },
        { link: list, guid: 'p-2', title: 'Two' },
      ]),
    };
    const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(res).toMatchObject({ itemsSeen: 2, queued: 1, unchanged: 1 });
    expect(deps.articleQueue.sent.map((m) => [m.item.title, m.item.id])).toEqual([['Two', releaseId({ guid: 'p-2' })]]);
  });

  test('a moved item too large for its message is read back from the archive under the stored id', async () => {
    const huge = (link: string) =>
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title><link>https://example.test</link><item><title>H</title><link>${link}</link><guid isPermaLink="false">prn-h</guid><description>s</description><content:encoded><![CDATA[<p>${'Lorem ipsum. '.repeat(90_000)}</p>]]></content:encoded></item></channel></rss>`;
    const { deps, feed } = setup({
      body: huge('https://example.test/news/h.html'),
      headers: { 'content-type': 'application/rss+xml' },
    });
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    const [storedId] = await storeQueued(deps);
    deps.http.routes[FEED_URL] = {
      body: huge('https://example.test/news/moved/h.html'),
      headers: { 'content-type': 'application/rss+xml' },
    };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    const [moved] = deps.articleQueue.sent;
    expect(moved?.item.id).toBe(storedId);
    expect(moved?.omitted?.fields).toContain('contentHtml');
    const restored = await restoreOmittedFields(deps, moved!);
    expect(restored).toMatchObject({ id: storedId, link: 'https://example.test/news/moved/h.html' });
    expect(restored.contentHtml!.length).toBeGreaterThan(1_000_000);
  });

  test('an alias to a release that is not stored (a save that never finished) is not followed', async () => {
    const { deps, feed } = setup({
      body: withGuids([{ link: 'https://example.test/news/new.html', guid: 'prn-9', title: 'N' }]),
    });
    deps.articles.aliases.set(`${feed.id}\nprn-9`, 'u-missing');
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(deps.articleQueue.sent.map((m) => m.item.id)).not.toContain('u-missing');
    expect(deps.articleQueue.sent).toHaveLength(1);
  });
});

describe('a changed feed looks up only what it did not list unchanged at its last read', () => {
  const A = { link: 'https://example.test/a.html', title: 'A' };
  const B = { link: 'https://example.test/b.html', title: 'B' };
  const C = { link: 'https://example.test/c.html', title: 'C' };
  // GIVEN a deployed poll-feed (it knows the schedule period) and a feed read once (A, B queued,
  // validators kept), its seen-state reads recorded
  async function readOnce() {
    const given = setup({ body: rss([A, B]), headers: { etag: '"v1"' } });
    const { feed } = given;
    const deps = { ...given.deps, schedulePeriodSeconds: 15 * 60 };
    const lookedUp: string[][] = [];
    const seenItems = deps.articles.seenItems.bind(deps.articles);
    deps.articles.seenItems = async (ids: string[]) => {
      lookedUp.push([...ids]);
      return seenItems(ids);
    };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    // The release ids poll-feed gives the items (C's from a read of C alone, on a scratch feed).
    const ids = new Map(deps.articleQueue.sent.map((m) => [m.item.link, m.item.id]));
    const scratch = setup({ body: rss([C]) });
    await pollFeed(scratch.deps, { feedId: scratch.feed.id, dispatchedAt: NOW });
    for (const m of scratch.deps.articleQueue.sent) ids.set(m.item.link, m.item.id);
    deps.articleQueue.sent.length = 0;
    lookedUp.length = 0;
    const id = (link: string) => ids.get(link) as string;
    return { deps, feed, lookedUp, id };
  }
  const titles = (sent: ProcessArticleMessage[]) => sent.map((m) => m.item.title);

  test('a new item is looked up and queued; the ones listed unchanged last time are neither', async () => {
    const { deps, feed, lookedUp, id } = await readOnce();
    deps.http.routes[FEED_URL] = { body: rss([C, A, B]), headers: { etag: '"v2"' } };
    const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(lookedUp).toEqual([[id(C.link)]]);
    expect(titles(deps.articleQueue.sent)).toEqual(['C']);
    expect(res).toMatchObject({ itemsSeen: 3, queued: 1, unchanged: 2 });
  });

  test('an item changed since the last read is looked up and queued again', async () => {
    const { deps, feed, lookedUp, id } = await readOnce();
    deps.http.routes[FEED_URL] = { body: rss([A, { ...B, title: 'B (corrected)' }]) };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(lookedUp).toEqual([[id(B.link)]]);
    expect(titles(deps.articleQueue.sent)).toEqual(['B (corrected)']);
  });

  test('an item that left the feed and came back is looked up again (here: stored meanwhile, so not queued)', async () => {
    const { deps, feed, lookedUp, id } = await readOnce();
    deps.http.routes[FEED_URL] = { body: rss([B, C]) };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    const queuedA = { record: {} as never, contentHash: 'x', itemHash: 'unused', previous: [] };
    deps.articles.items.set(id(A.link), queuedA);
    lookedUp.length = 0;
    deps.http.routes[FEED_URL] = { body: rss([A, B, C]) };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(lookedUp).toEqual([[id(A.link)]]);
  });

  test('the daily unconditional read looks up every item, so one whose message was lost is queued again', async () => {
    const { deps, feed, lookedUp, id } = await readOnce();
    // A and B were queued but never stored (their messages purged from a DLQ, say); a day passes.
    deps.feeds.items.get(feed.id)!.lastFetchedAt = '2025-06-01T12:00:00.000Z';
    deps.http.routes[FEED_URL] = { body: rss([A, B]) };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(deps.http.requests.at(-1)?.req?.etag ?? null).toBeNull();
    expect(lookedUp).toEqual([[id(A.link), id(B.link)]]);
    expect(titles(deps.articleQueue.sent)).toEqual(['A', 'B']);
  });

  test('locally (no schedule period: re-running ingest retries what failed) every item is looked up', async () => {
    const { deps, feed, lookedUp, id } = await readOnce();
    deps.http.routes[FEED_URL] = { body: rss([C, A, B]) };
    await pollFeed({ ...deps, schedulePeriodSeconds: undefined }, { feedId: feed.id, dispatchedAt: NOW });
    expect(lookedUp).toEqual([[id(C.link), id(A.link), id(B.link)]]);
  });

  test('a feed state without a listing (from before it was kept) looks up every item', async () => {
    const { deps, feed, lookedUp, id } = await readOnce();
    delete deps.feeds.items.get(feed.id)!.listed;
    deps.http.routes[FEED_URL] = { body: rss([A, B]) };
    await pollFeed(deps, { feedId: feed.id, dispatchedAt: NOW });
    expect(lookedUp).toEqual([[id(A.link), id(B.link)]]);
  });
});

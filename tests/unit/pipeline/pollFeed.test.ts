import { FetchError } from '../../../lambdas/core/errors';
import { pollFeed } from '../../../lambdas/pipeline/pollFeed';
import type { ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
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

test('a fetched feed is archived, its new items queued once each, and its state and validators kept', async () => {
  const body = rss([
    { link: 'https://example.test/a.html', title: 'A' },
    { link: 'https://example.test/b.html', title: 'B' },
    { link: 'https://example.test/a.html?utm_source=rss', title: 'A' }, // the same release again
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
  for (const m of deps.articleQueue.sent)
    deps.articles.items.set(m.item.id, { record: {} as never, contentHash: 'x', itemHash: m.item.itemHash });
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
  deps.feeds.items.get(feed.id)!.etag = '"v1"';
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

test('a storage failure throws, so the queue retries the message', async () => {
  const { deps, feed } = setup({ body: rss([{ link: 'https://example.test/a.html', title: 'A' }]) });
  deps.articles.seenItemHashes = async () => {
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

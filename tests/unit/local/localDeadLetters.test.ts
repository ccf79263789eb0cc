/**
 * A local redrive runs the parked messages through their step now, with ingest's retry rules: a
 * poll message polls its feed (and the releases it queues are processed), a message that fails
 * again is parked again under its id with the new reason, a body that is no longer a message of
 * its queue stays parked without anything being opened.
 */
import { MemoryDeadLetterStore, type StoredDeadLetter } from '../../../lambdas/local/deadLetterStore';
import { LocalDeadLetterQueues } from '../../../lambdas/local/localDeadLetters';
import type { LocalRuntime } from '../../../lambdas/local/runtime';
import { newFeedState } from '../../../lambdas/pipeline/registerFeeds';
import {
  FakeHttp,
  fixedClock,
  MemoryArchive,
  MemoryArticleStore,
  MemoryFeedStore,
  silentLog,
  type Route,
} from '../../helpers/fakes';

const FEED_URL = 'https://feeds.example.test/news.rss';
const PAGE = 'https://www.example.test/news-releases/peakline-ships-302000001.html';
const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://www.example.test</link>
<item><title>Peakline ships</title><link>${PAGE}</link><pubDate>Mon, 02 Jun 2025 10:00:00 -0400</pubDate></item>
</channel></rss>`;
const page = `<!DOCTYPE html><html><head><title>Peakline ships</title></head><body><h1>Peakline ships its first field spectrometer</h1>
<p><span class="xn-location">DENVER</span>, <span class="xn-chron">June 2, 2025</span> /PRNewswire/ -- Peakline Instruments today shipped its first field spectrometer.</p>
<p>SOURCE Peakline Instruments</p></body></html>`;

function setup(routes: Record<string, Route>) {
  const store = new MemoryDeadLetterStore();
  const feeds = new MemoryFeedStore();
  const feed = newFeedState(
    { url: FEED_URL, name: 'News', wire: null, pollIntervalMinutes: 15 },
    new Date('2025-06-01T00:00:00Z'),
  );
  feeds.items.set(feed.id, feed);
  const articles = new MemoryArticleStore();
  let opened = 0;
  const runtime = (): LocalRuntime => ({
    feeds,
    articles,
    archive: new MemoryArchive(),
    deadLetters: store,
    http: new FakeHttp(routes),
    clock: fixedClock('2025-06-02T12:00:00.000Z'),
    log: silentLog,
    dynamoEndpoint: 'memory',
    releaseHostSlots: async () => 0,
    close: async () => {},
  });
  const queues = new LocalDeadLetterQueues({
    store,
    where: 'local (test)',
    openRuntime: async () => {
      opened++;
      return runtime();
    },
    maxReceiveCount: 2,
  });
  const letter = (id: string, body: unknown, over: Partial<StoredDeadLetter> = {}): StoredDeadLetter => ({
    id,
    queue: 'poll',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    reason: { code: 'ProvisionedThroughputExceededException', message: 'throttled' },
    receiveCount: 3,
    sentAt: '2025-06-02T11:00:00.000Z',
    firstReceivedAt: '2025-06-02T11:00:01.000Z',
    deadLetteredAt: '2025-06-02T11:00:05.000Z',
    ...over,
  });
  return { store, feeds, feed, articles, queues, letter, opened: () => opened };
}

test('a redriven poll message polls its feed, its release is stored, and it leaves the store', async () => {
  const { store, feed, articles, queues, letter } = setup({ [FEED_URL]: { body: rss }, [PAGE]: { body: page } });
  await store.append(letter('m-poll', { feedId: feed.id, dispatchedAt: '2025-06-02T11:00:00.000Z' }));

  const out = await queues.redrive('poll', { all: true });

  expect(out).toEqual({ redriven: 1, succeeded: 1, deadLetteredAgain: 0, notFound: [] });
  expect(await store.list('poll')).toEqual([]);
  const [stored] = (await articles.query({ limit: 5 })).items;
  expect(stored).toMatchObject({ url: PAGE, source: 'Peakline Instruments' });
});

test('a message that fails again is parked again under its id, body unchanged, with the new reason; others untouched', async () => {
  const { store, queues, letter } = setup({}); // every page answers 404
  // Keys in another order than the Lambda's schema reads them: the stored text must come back as it was.
  const body = JSON.stringify({
    item: {
      id: 'u-1',
      itemHash: 'h',
      link: PAGE,
      guid: null,
      title: 'T',
      summary: null,
      contentHtml: null,
      publishedAt: null,
      author: null,
      categories: [],
    },
    feedKey: null,
    wire: null,
    feed: { url: FEED_URL, id: 'f-1' },
  });
  await store.append(letter('m-a', body, { queue: 'article' }));
  await store.append(letter('m-b', body, { queue: 'article', reason: { code: 'TIMEOUT', message: 'slow' } }));

  const out = await queues.redrive('article', { ids: ['m-a', 'm-gone'] });

  expect(out).toEqual({ redriven: 1, succeeded: 0, deadLetteredAgain: 1, notFound: ['m-gone'] });
  const letters = await store.list('article');
  expect(letters.map((l) => [l.id, l.reason.code])).toEqual([
    ['m-b', 'TIMEOUT'],
    ['m-a', 'HTTP_STATUS'],
  ]);
  expect(letters[1]!.body).toBe(body);
});

test('a body that is not a message of its queue stays parked as MESSAGE_INVALID, and nothing is opened', async () => {
  const { store, queues, letter, opened } = setup({});
  await store.append(letter('m-bad', { feed: 'not a poll message' }));
  const out = await queues.redrive('poll', { reason: 'throttled' });
  expect(out).toMatchObject({ redriven: 1, succeeded: 0, deadLetteredAgain: 1 });
  expect((await store.list('poll')).map((l) => l.reason.code)).toEqual(['MESSAGE_INVALID']);
  expect(opened()).toBe(0);
});

test('nothing selected: nothing run; purge empties one queue only; schedule is empty and not redriven', async () => {
  const { store, queues, letter, opened } = setup({});
  await store.append(letter('m-1', '{}'));
  await store.append(letter('m-2', '{}', { queue: 'article' }));
  expect(await queues.redrive('poll', { reason: 'no such reason' })).toEqual({
    redriven: 0,
    succeeded: 0,
    deadLetteredAgain: 0,
    notFound: [],
  });
  expect(opened()).toBe(0);
  expect(await queues.purge('poll')).toBe(1);
  expect((await queues.list('article')).map((m) => m.id)).toEqual(['m-2']);
  expect(await queues.list('schedule')).toEqual([]);
  await expect(queues.redrive('schedule', { all: true })).rejects.toThrow(/not redriven/);
});

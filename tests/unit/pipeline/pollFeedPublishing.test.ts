/** poll-feed keeps what the silent-feed check reads: when a feed last published and how much (core/feedPublishing.ts). */
import { FetchError } from '../../../lambdas/core/errors';
import type { PressReleaseRecord } from '../../../lambdas/core/record';
import { pollFeed } from '../../../lambdas/pipeline/pollFeed';
import type { ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { newFeedState } from '../../../lambdas/pipeline/registerFeeds';
import {
  ArraySink,
  FakeHttp,
  MemoryArchive,
  MemoryArticleStore,
  MemoryFeedStore,
  silentLog,
  type Route,
} from '../../helpers/fakes';

const FEED_URL = 'https://feeds.example.test/news.rss';
const T0 = Date.parse('2025-06-02T12:00:00.000Z');
const HOUR = 3600 * 1000;
const rss = (items: { link: string; description?: string }[]) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>News</title><link>https://example.test</link>
${items.map((i) => `<item><title>T ${i.link}</title><link>${i.link}</link><description>${i.description ?? 'summary'}</description></item>`).join('')}
</channel></rss>`;

function setup() {
  const feeds = new MemoryFeedStore();
  const feed = newFeedState({ url: FEED_URL, name: 'News', pollIntervalMinutes: 15 }, new Date(T0 - 24 * HOUR));
  feeds.items.set(feed.id, feed);
  let now = T0;
  const http = new FakeHttp({});
  const deps = {
    feeds,
    articles: new MemoryArticleStore(),
    archive: new MemoryArchive(),
    http,
    articleQueue: new ArraySink<ProcessArticleMessage>(),
    clock: { now: () => new Date(now) },
    log: silentLog,
    random: () => 0.5,
  };
  /** Polls at `hours` after T0 with the feed answering `route`, then stores what was queued (as process-article would). */
  const pollAt = async (hours: number, route: Route) => {
    now = T0 + hours * HOUR;
    http.routes[FEED_URL] = route;
    const before = deps.articleQueue.sent.length;
    const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: new Date(now).toISOString() });
    for (const m of deps.articleQueue.sent.slice(before)) {
      deps.articles.items.set(m.item.id, {
        record: {} as PressReleaseRecord,
        contentHash: 'c',
        itemHash: m.item.itemHash,
      });
    }
    return res;
  };
  const state = () => structuredClone(feeds.items.get(feed.id)!);
  return { pollAt, state, feed };
}

const iso = (hours: number) => new Date(T0 + hours * HOUR).toISOString();

test('the first successful poll starts tracking without counting the items it lists (the backlog)', async () => {
  const { pollAt, state } = setup();
  expect(state().publishing).toBeUndefined();
  await pollAt(0, { body: rss([{ link: 'https://example.test/a.html' }, { link: 'https://example.test/b.html' }]) });
  expect(state().publishing).toEqual({ since: iso(0), lastPublishedAt: null, weightedItems: 0 });
});

test('a later poll counts only item ids never seen before: not known items, not revisions of them', async () => {
  const { pollAt, state } = setup();
  await pollAt(0, { body: rss([{ link: 'https://example.test/a.html' }, { link: 'https://example.test/b.html' }]) });
  const res = await pollAt(2, {
    body: rss([
      { link: 'https://example.test/a.html' },
      { link: 'https://example.test/b.html', description: 'corrected' },
      { link: 'https://example.test/c.html' },
    ]),
  });
  expect(res).toMatchObject({ status: 'fetched', queued: 2 }); // the revision of b and the new c
  expect(state().publishing).toEqual({ since: iso(0), lastPublishedAt: iso(2), weightedItems: 1 });
});

test('a poll with nothing new, a 304 and a failed poll leave the publishing state as it was', async () => {
  const { pollAt, state } = setup();
  await pollAt(0, { body: rss([{ link: 'https://example.test/a.html' }]) });
  await pollAt(1, { body: rss([{ link: 'https://example.test/a.html' }, { link: 'https://example.test/d.html' }]) });
  const after = state().publishing;
  expect(after).toMatchObject({ lastPublishedAt: iso(1), weightedItems: 1 });

  await pollAt(2, { body: rss([{ link: 'https://example.test/a.html' }, { link: 'https://example.test/d.html' }]) });
  expect(state().publishing).toEqual(after);
  await pollAt(3, { status: 304 });
  expect(state().publishing).toEqual(after);
  await pollAt(4, new FetchError('TIMEOUT', 'timed out', true, FEED_URL));
  expect(state()).toMatchObject({ consecutiveFailures: 1, publishing: after });
});

test('a feed first polled after this state existed starts tracking on a 304 too', async () => {
  const { pollAt, state } = setup();
  await pollAt(5, { status: 304 });
  expect(state().publishing).toEqual({ since: iso(5), lastPublishedAt: null, weightedItems: 0 });
});

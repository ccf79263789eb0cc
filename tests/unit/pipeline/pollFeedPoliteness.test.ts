import { FetchError } from '../../../lambdas/core/errors';
import { HostBusyError } from '../../../lambdas/pipeline/hostBusy';
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
const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>N</title></channel></rss>';

function setup(route: Route, now: string) {
  const feeds = new MemoryFeedStore();
  const feed = newFeedState({ url: FEED_URL, name: 'News', pollIntervalMinutes: 15 }, new Date('2025-06-01T00:00:00Z'));
  feeds.items.set(feed.id, feed);
  const deps = {
    feeds,
    articles: new MemoryArticleStore(),
    archive: new MemoryArchive(),
    http: new FakeHttp({ [FEED_URL]: route }),
    articleQueue: new ArraySink<ProcessArticleMessage>(),
    clock: fixedClock(now),
    log: silentLog,
    random: () => 0.5,
  };
  return { deps, feed };
}

test('a host with no free fleet-wide slot is not a failure of the feed: the message is retried, the state untouched', async () => {
  const busy = new HostBusyError('feeds.example.test', 10_000, FEED_URL);
  const { deps, feed } = setup(busy, '2025-06-02T12:00:00.000Z');
  await expect(pollFeed(deps, { feedId: feed.id, dispatchedAt: '2025-06-02T12:00:00.000Z' })).rejects.toMatchObject({
    code: 'HOST_BUSY',
    retryable: true,
  });
  expect(deps.feeds.items.get(feed.id)).toEqual(feed);
});

test('other fetch errors are still the feed’s failure, recorded with a backoff', async () => {
  const { deps, feed } = setup(new FetchError('TIMEOUT', 'slow', true, FEED_URL), '2025-06-02T12:00:00.000Z');
  const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: '2025-06-02T12:00:00.000Z' });
  expect(res.status).toBe('failed');
  expect(deps.feeds.items.get(feed.id)!.consecutiveFailures).toBe(1);
});

test('a poll delayed by its spread offset is due again at the next run, not a period later', async () => {
  // Dispatched at 12:00:05 with a 13-minute offset; polled at 12:13:20.
  const { deps, feed } = setup({ body: RSS }, '2025-06-02T12:13:20.000Z');
  const res = await pollFeed(deps, { feedId: feed.id, dispatchedAt: '2025-06-02T12:00:05.000Z' });
  expect(res.status).toBe('fetched');
  const state = deps.feeds.items.get(feed.id)!;
  expect(state.lastPolledAt).toBe('2025-06-02T12:13:20.000Z');
  // Counted from the run's minute: the run at 12:15 (which fires at 12:15:0x) finds it due.
  expect(state.nextPollAt).toBe('2025-06-02T12:15:00.000Z');
});

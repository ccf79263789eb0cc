/**
 * A poll whose article-queue send fails must leave the feed's state as it was: the message is
 * retried by the queue, and the retry must fetch the feed in full again and queue the same items.
 * Had the ETag / Last-Modified or nextPollAt been saved, the retry would get a 304 (or be skipped
 * as not due) and the items would be lost without a trace.
 */
import { StorageError } from '../../../lambdas/core/errors';
import { pollFeed } from '../../../lambdas/pipeline/pollFeed';
import type { MessageSink, ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { newFeedState } from '../../../lambdas/pipeline/registerFeeds';
import {
  ArraySink,
  FakeHttp,
  fixedClock,
  MemoryArchive,
  MemoryArticleStore,
  MemoryFeedStore,
  silentLog,
} from '../../helpers/fakes';

const FEED_URL = 'https://feeds.example.test/news.rss';
const NOW = '2025-06-02T12:00:00.000Z';
const BODY = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://example.test</link>
<item><title>A</title><link>https://example.test/a.html</link><pubDate>Mon, 02 Jun 2025 10:00:00 -0400</pubDate></item>
<item><title>B</title><link>https://example.test/b.html</link><pubDate>Mon, 02 Jun 2025 11:00:00 -0400</pubDate></item>
</channel></rss>`;

/** A sink that refuses every send, as SQS does when it is throttled or the queue is gone. */
class FailingSink implements MessageSink<ProcessArticleMessage> {
  attempts = 0;
  async send(): Promise<void> {
    this.attempts++;
    throw new StorageError('QUEUE_SEND_FAILED', '2 message(s) not accepted by SQS after 5 attempts');
  }
}

function setup() {
  const feeds = new MemoryFeedStore();
  const feed = newFeedState(
    { url: FEED_URL, name: 'News', wire: 'PR Newswire', pollIntervalMinutes: 15 },
    new Date('2025-06-01T00:00:00Z'),
  );
  feeds.items.set(feed.id, feed);
  const http = new FakeHttp({
    [FEED_URL]: { body: BODY, headers: { etag: '"v1"', 'last-modified': 'Mon, 02 Jun 2025 10:00:00 GMT' } },
  });
  const base = {
    feeds,
    articles: new MemoryArticleStore(),
    archive: new MemoryArchive(),
    http,
    clock: fixedClock(NOW),
    log: silentLog,
    random: () => 0.5,
  };
  return { base, feeds, feed, http };
}

test('a failed queue send throws and leaves the feed state (validators, schedule, counters, error) untouched', async () => {
  const { base, feeds, feed } = setup();
  const before = structuredClone(feeds.items.get(feed.id)!);
  const failing = new FailingSink();

  await expect(
    pollFeed({ ...base, articleQueue: failing }, { feedId: feed.id, dispatchedAt: NOW }),
  ).rejects.toMatchObject({ code: 'QUEUE_SEND_FAILED', retryable: true });

  expect(failing.attempts).toBe(1);
  const after = feeds.items.get(feed.id)!;
  expect(after).toEqual(before);
  expect(after.etag).toBeNull();
  expect(after.lastModified).toBeNull();
  expect(after.counters.polls).toBe(0);
});

test('the retry of that message fetches the feed unconditionally and queues the same items', async () => {
  const { base, feeds, feed, http } = setup();
  await expect(
    pollFeed({ ...base, articleQueue: new FailingSink() }, { feedId: feed.id, dispatchedAt: NOW }),
  ).rejects.toThrow('not accepted');

  const queue = new ArraySink<ProcessArticleMessage>();
  const res = await pollFeed({ ...base, articleQueue: queue }, { feedId: feed.id, dispatchedAt: NOW });

  expect(http.requests).toHaveLength(2);
  expect(http.requests[1]!.req).toMatchObject({ etag: null, lastModified: null });
  expect(res).toMatchObject({ status: 'fetched', queued: 2 });
  expect(queue.sent.map((m) => m.item.link).sort()).toEqual([
    'https://example.test/a.html',
    'https://example.test/b.html',
  ]);
  // Only now, with the items queued, does the feed keep the validators and count the poll.
  expect(feeds.items.get(feed.id)).toMatchObject({ etag: '"v1"', counters: { polls: 1 } });
});

/**
 * The errors process-article raises when the archived feed an oversized message points to cannot
 * give back the fields poll-feed left out: ARCHIVE_MISSING (retryable: the archive write happened
 * before the send, so a miss is a storage fault) and ITEM_NOT_IN_ARCHIVE (permanent: the body is
 * there but the item is not, so retrying cannot help and the message is dead-lettered at once).
 */
import { describeError } from '../../../lambdas/core/errors';
import { restoreOmittedFields } from '../../../lambdas/pipeline/articleMessage';
import type { ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { processArticle } from '../../../lambdas/pipeline/processArticle';
import { readFeed } from '../../../lambdas/pipeline/readFeed';
import { FakeHttp, fixedClock, MemoryArchive, MemoryArticleStore, silentLog } from '../../helpers/fakes';

const LINK = 'https://www.example.test/news-releases/peakline-ships-302000001.html';
const FEED_KEY = 'feeds/f-1/2025/06/02/120000000-abc.xml.gz';
const feedBody = (link: string, title: string) => `<?xml version="1.0"?><rss version="2.0"><channel>
<title>News</title><link>https://www.example.test</link>
<item><title>${title}</title><link>${link}</link><description>${'long content '.repeat(20)}</description></item>
</channel></rss>`;

function setup() {
  const msg: ProcessArticleMessage = {
    feed: { id: 'f-1', url: 'https://www.example.test/feed.rss' },
    wire: 'PR Newswire',
    feedKey: FEED_KEY,
    // What poll-feed sends for an item too large for SQS: the big fields left out and listed.
    omitted: { fields: ['contentHtml', 'summary'], contentType: 'application/rss+xml', url: null },
    item: {
      id: 'u-0123456789abcdef',
      guid: LINK,
      link: LINK,
      title: 'Peakline ships',
      summary: null,
      contentHtml: null,
      publishedAt: '2025-06-02T14:00:00.000Z',
      author: null,
      categories: [],
      itemHash: 'hash-of-the-item-as-polled',
    },
  };
  const deps = {
    articles: new MemoryArticleStore(),
    archive: new MemoryArchive(),
    http: new FakeHttp({}),
    clock: fixedClock('2025-06-02T12:00:00.000Z'),
    log: silentLog,
  };
  return { deps, msg };
}

test('ARCHIVE_MISSING: the archived feed is gone; retryable, nothing fetched or stored', async () => {
  const { deps, msg } = setup();
  const err = await processArticle(deps, msg).catch((e: unknown) => e);
  expect(describeError(err)).toMatchObject({ code: 'ARCHIVE_MISSING', retryable: true });
  expect(describeError(err).message).toContain(FEED_KEY);
  expect(deps.http.requests).toHaveLength(0);
  expect(await deps.articles.get(msg.item.id)).toBeNull();
});

test('ARCHIVE_MISSING: a message with omitted fields and no feedKey cannot be restored either', async () => {
  const { deps, msg } = setup();
  const err = await processArticle(deps, { ...msg, feedKey: null }).catch((e: unknown) => e);
  expect(describeError(err)).toMatchObject({ code: 'ARCHIVE_MISSING', retryable: true });
});

test('ITEM_NOT_IN_ARCHIVE: the archived feed no longer holds the item; permanent, nothing fetched or stored', async () => {
  const { deps, msg } = setup();
  // The archive holds a feed body, but its only item hashes differently from the message's.
  await deps.archive.put(
    FEED_KEY,
    Buffer.from(feedBody('https://www.example.test/other.html', 'Other')),
    'application/rss+xml',
  );
  const err = await processArticle(deps, msg).catch((e: unknown) => e);
  expect(describeError(err)).toMatchObject({ code: 'ITEM_NOT_IN_ARCHIVE', retryable: false });
  expect(describeError(err).message).toContain(msg.item.id);
  expect(deps.http.requests).toHaveLength(0);
  expect(await deps.articles.get(msg.item.id)).toBeNull();
});

test('the archived feed that does hold the item gives its fields back (so the two errors above are the misses only)', async () => {
  const { deps, msg } = setup();
  const body = Buffer.from(feedBody(LINK, 'Peakline ships'));
  const [item] = (await readFeed({ body, contentType: 'application/rss+xml', url: null })).items;
  await deps.archive.put(FEED_KEY, body, 'application/rss+xml');
  const restored = await restoreOmittedFields(deps, { ...msg, item: { ...msg.item, itemHash: item!.itemHash } });
  expect(restored.summary).toContain('long content');
});

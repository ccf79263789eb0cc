/**
 * On the DynamoDB adapters: a changed feed's poll reads the seen state (BatchGetItem of Articles,
 * charged by each stored release's full size) only for the items it did not list unchanged at its
 * last read — the listing kept in the feed's state (pipeline/feedListing.ts).
 */
import { DynamoArticleStore } from '../../../lambdas/adapters/dynamodb/articleStore';
import { DynamoFeedStore } from '../../../lambdas/adapters/dynamodb/feedStore';
import type { LocalDynamo } from '../../../lambdas/local/dynamoServer';
import { pollFeed } from '../../../lambdas/pipeline/pollFeed';
import type { ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { makeFeed, startDynamoWithTables } from '../adapters/dynamodb/helpers';
import { ArraySink, FakeHttp, fixedClock, MemoryArchive, silentLog } from '../../helpers/fakes';

const FEED_URL = 'https://feeds.example.test/listing.rss';
const rss = (
  n: number,
) => `<?xml version="1.0"?><rss version="2.0"><channel><title>L</title><link>https://example.test</link>
${Array.from({ length: n }, (_, i) => `<item><title>R${i}</title><link>https://example.test/r${i}.html</link><description>s</description></item>`).join('')}
</channel></rss>`;

let dynamo: LocalDynamo;
let feeds: DynamoFeedStore;
let articles: DynamoArticleStore;
/** Keys asked for by each BatchGetItem the client sends. */
const batchGetKeys: number[] = [];

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  started.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'BatchGetItemCommand') {
        const items = (args.input as { RequestItems: Record<string, { Keys: unknown[] }> }).RequestItems;
        batchGetKeys.push(Object.values(items).reduce((n, r) => n + r.Keys.length, 0));
      }
      return next(args);
    },
    { step: 'initialize', name: 'countBatchGetKeys' },
  );
  feeds = new DynamoFeedStore({ client: started.client, tableName: started.tables.feeds });
  articles = new DynamoArticleStore({
    client: started.client,
    tableName: started.tables.articles,
    archive: new MemoryArchive(),
  });
});
afterAll(async () => {
  await dynamo?.close();
});

test('the second read of a feed of 50 items with one new looks up 1 id, not 51; the listing is kept in the Feeds item', async () => {
  const feed = makeFeed({ id: 'f-listing', url: FEED_URL, pollIntervalMinutes: 5 });
  await feeds.register(feed);
  const http = new FakeHttp({ [FEED_URL]: { body: rss(50), headers: { etag: '"v1"' } } });
  const deps = {
    feeds,
    articles,
    archive: new MemoryArchive(),
    http,
    articleQueue: new ArraySink<ProcessArticleMessage>(),
    clock: fixedClock('2025-06-02T12:00:00.000Z'),
    log: silentLog,
    // Deployed: poll-feed knows the schedule period.
    schedulePeriodSeconds: 5 * 60,
  };
  await pollFeed(deps, { feedId: feed.id, dispatchedAt: '2025-06-02T12:00:00.000Z' });
  expect(batchGetKeys.reduce((a, b) => a + b, 0)).toBe(50);
  expect((await feeds.get(feed.id))?.listed).toMatch(/^[0-9a-f]{800}$/);

  batchGetKeys.length = 0;
  deps.articleQueue.sent.length = 0;
  http.routes[FEED_URL] = { body: rss(51), headers: { etag: '"v2"' } };
  await pollFeed(deps, { feedId: feed.id, dispatchedAt: '2025-06-02T12:05:00.000Z' });
  expect(batchGetKeys).toEqual([1]);
  expect(deps.articleQueue.sent.map((m) => m.item.title)).toEqual(['R50']);
  expect((await feeds.get(feed.id))?.listed).toMatch(/^[0-9a-f]{816}$/);
});

/**
 * A 304 that changes nothing is not written to the Feeds table (pollFeed.ts isQuietPoll), on the
 * DynamoDB adapters: the poll reads the feed and writes nothing, and the next scheduled run's
 * dispatch still sends the feed; an hour after the last write the poll is written again.
 */
import { DynamoArticleStore } from '../../../lambdas/adapters/dynamodb/articleStore';
import { DynamoFeedStore } from '../../../lambdas/adapters/dynamodb/feedStore';
import type { LocalDynamo } from '../../../lambdas/local/dynamoServer';
import { dispatch } from '../../../lambdas/pipeline/dispatch';
import { pollFeed } from '../../../lambdas/pipeline/pollFeed';
import type { PollFeedMessage, ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { recordCommands } from '../adapters/dynamodb/commandLog';
import { makeFeed, startDynamoWithTables } from '../adapters/dynamodb/helpers';
import { ArraySink, FakeHttp, fixedClock, MemoryArchive, silentLog } from '../../helpers/fakes';

const FEED_URL = 'https://feeds.example.test/quiet.rss';
const PERIOD_SECONDS = 5 * 60;

let dynamo: LocalDynamo;
let feeds: DynamoFeedStore;
let articles: DynamoArticleStore;
let commands: ReturnType<typeof recordCommands>;

beforeAll(async () => {
  const started = await startDynamoWithTables();
  dynamo = started.dynamo;
  commands = recordCommands(started.client);
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

const deps = (now: string) => ({
  feeds,
  articles,
  archive: new MemoryArchive(),
  http: new FakeHttp({ [FEED_URL]: { status: 304 } }),
  articleQueue: new ArraySink<ProcessArticleMessage>(),
  clock: fixedClock(now),
  log: silentLog,
  schedulePeriodSeconds: PERIOD_SECONDS,
});

test('a quiet 304 reads the feed and writes nothing; dispatch still sends it at the next run; the heartbeat writes', async () => {
  // GIVEN a 5-minute feed on a 5-minute schedule, written by its poll at 12:00 (read in full at 08:00)
  const feed = makeFeed({
    id: 'f-quiet',
    url: FEED_URL,
    pollIntervalMinutes: 5,
    etag: '"v1"',
    lastPolledAt: '2025-06-02T12:00:00.000Z',
    nextPollAt: '2025-06-02T12:05:00.000Z',
    publishing: { since: '2025-06-01T00:00:00.000Z', lastPublishedAt: null, weightedItems: 0 },
    lastFetchedAt: '2025-06-02T08:00:00.000Z',
  });
  await feeds.register(feed);
  const stored = await feeds.get(feed.id);

  // WHEN the 12:05 run's poll gets a 304
  commands.clear();
  const res = await pollFeed(deps('2025-06-02T12:05:20.000Z'), {
    feedId: feed.id,
    dispatchedAt: '2025-06-02T12:05:00.000Z',
  });
  // THEN one read of the feed and no write; the state is as it was
  expect(res.status).toBe('not-modified');
  expect(commands.names).toEqual(['GetItemCommand']);
  expect(await feeds.get(feed.id)).toEqual(stored);

  // AND the 12:10 run sends the feed, as it would have after a written poll
  const sent = new ArraySink<PollFeedMessage>();
  const run = await dispatch({ feeds, pollQueue: sent, clock: fixedClock('2025-06-02T12:10:00.000Z'), log: silentLog });
  expect(run.dispatched).toContain(feed.id);

  // AND the 13:00 run's 304, an hour after the last write, is written
  commands.clear();
  await pollFeed(deps('2025-06-02T13:00:10.000Z'), { feedId: feed.id, dispatchedAt: '2025-06-02T13:00:00.000Z' });
  expect(commands.names).toEqual(['GetItemCommand', 'UpdateItemCommand']);
  expect(await feeds.get(feed.id)).toMatchObject({
    lastPolledAt: '2025-06-02T13:00:10.000Z',
    nextPollAt: '2025-06-02T13:05:00.000Z',
    counters: { polls: (stored?.counters.polls ?? 0) + 1 },
  });
});

import { feedId } from '../../../lambdas/core/ids';
import { addFeed, registerFeeds, setFeedEnabled } from '../../../lambdas/pipeline/registerFeeds';
import { fixedClock, MemoryFeedStore } from '../../helpers/fakes';

const url = 'https://feeds.example.test/releases.rss';
const clock = fixedClock('2024-03-07T08:00:00.000Z');

test('addFeed registers a new feed, due at once, with zero counters', async () => {
  const feeds = new MemoryFeedStore();
  const { state, outcome } = await addFeed({ feeds, clock }, { url, name: 'R', pollIntervalMinutes: 30 });
  expect(outcome).toBe('added');
  expect(state).toMatchObject({
    id: feedId(url),
    name: 'R',
    enabled: true,
    pollIntervalMinutes: 30,
    nextPollAt: '2024-03-07T08:00:00.000Z',
    consecutiveFailures: 0,
    counters: { polls: 0, failures: 0, itemsSeen: 0, itemsQueued: 0 },
  });
  expect(await feeds.get(state.id)).toEqual(state);
});

test('addFeed on a registered feed applies only the given settings and keeps the fetch state', async () => {
  const feeds = new MemoryFeedStore();
  await addFeed({ feeds, clock }, { url, name: 'R', wire: 'PR Newswire' });
  const id = feedId(url);
  await feeds.recordPoll(id, {
    etag: '"v1"',
    lastPolledAt: '2024-03-07T08:00:00.000Z',
    nextPollAt: '2024-03-07T09:00:00.000Z',
    consecutiveFailures: 2,
    lastError: { code: 'HTTP_STATUS', message: '500', at: '2024-03-07T08:00:00.000Z' },
    add: { polls: 3, failures: 2 },
  });
  const same = await addFeed({ feeds, clock }, { url });
  expect(same.outcome).toBe('unchanged');
  const { state, outcome } = await addFeed({ feeds, clock }, { url, pollIntervalMinutes: 60 });
  expect(outcome).toBe('updated');
  expect(state).toMatchObject({
    name: 'R',
    wire: 'PR Newswire',
    pollIntervalMinutes: 60,
    etag: '"v1"',
    consecutiveFailures: 2,
    nextPollAt: '2024-03-07T09:00:00.000Z',
    counters: { polls: 3, failures: 2 },
  });
  expect(await feeds.get(id)).toEqual(state);
});

test('setFeedEnabled flips the flag, says when nothing changed, and null for an unknown feed', async () => {
  const feeds = new MemoryFeedStore();
  await registerFeeds({ feeds, clock }, [{ url }]);
  const id = feedId(url);
  expect(await setFeedEnabled({ feeds }, id, false)).toMatchObject({ changed: true, state: { enabled: false } });
  expect(await setFeedEnabled({ feeds }, id, false)).toMatchObject({ changed: false });
  expect((await feeds.get(id))?.enabled).toBe(false);
  expect(await setFeedEnabled({ feeds }, id, true)).toMatchObject({ changed: true, state: { enabled: true } });
  expect(await setFeedEnabled({ feeds }, 'f-none', true)).toBeNull();
});

import { dispatch, interleaveByHost } from '../../../lambdas/pipeline/dispatch';
import type { PollFeedMessage } from '../../../lambdas/pipeline/ports';
import { newFeedState } from '../../../lambdas/pipeline/registerFeeds';
import { ArraySink, fixedClock, MemoryFeedStore, silentLog } from '../../helpers/fakes';

const NOW = '2025-06-02T12:00:00.000Z';

function setup() {
  const feeds = new MemoryFeedStore();
  const add = (name: string, nextPollAt: string, enabled = true) => {
    const f = newFeedState({ url: `https://feeds.example.test/${name}.rss`, name }, new Date('2025-06-01T00:00:00Z'));
    feeds.items.set(f.id, { ...f, nextPollAt, enabled });
    return f.id;
  };
  const ids = {
    due: add('due', '2025-06-02T11:59:00.000Z'),
    dueNow: add('due-now', NOW),
    later: add('later', '2025-06-02T12:30:00.000Z'),
    backedOff: add('backed-off', '2025-06-03T09:00:00.000Z'), // a failing feed waiting out its backoff
    disabled: add('disabled', '2025-06-01T00:00:00.000Z', false),
  };
  const pollQueue = new ArraySink<PollFeedMessage>();
  return { deps: { feeds, pollQueue, clock: fixedClock(NOW), log: silentLog }, ids, pollQueue };
}

test('sends one message per enabled feed whose nextPollAt has come, and no other', async () => {
  const { deps, ids, pollQueue } = setup();
  const res = await dispatch(deps);
  expect(res.dispatched.sort()).toEqual([ids.due, ids.dueNow].sort());
  expect(pollQueue.sent).toHaveLength(2);
  expect(pollQueue.sent.every((m) => m.dispatchedAt === NOW)).toBe(true);
});

test('a feed in backoff is not sent before its nextPollAt, and is sent once it comes', async () => {
  const { deps, ids } = setup();
  expect((await dispatch(deps)).dispatched).not.toContain(ids.backedOff);
  const later = { ...deps, clock: fixedClock('2025-06-03T09:00:00.000Z') };
  expect((await dispatch(later)).dispatched).toContain(ids.backedOff);
});

test('all: every enabled feed whatever its schedule; only: exactly those (enabled) feeds', async () => {
  const { deps, ids } = setup();
  expect((await dispatch(deps, { all: true })).dispatched.sort()).toEqual(
    [ids.due, ids.dueNow, ids.later, ids.backedOff].sort(),
  );
  expect((await dispatch(deps, { only: [ids.later, ids.disabled, 'f-unknown'] })).dispatched).toEqual([ids.later]);
});

test('nothing due sends nothing', async () => {
  const { deps, pollQueue } = setup();
  const early = { ...deps, clock: fixedClock('2025-06-01T00:00:00.000Z') };
  expect((await dispatch(early)).dispatched).toEqual([]);
  expect(pollQueue.sent).toHaveLength(0);
});

test('messages alternate between hosts, so one batch does not wait on one host', () => {
  const feeds = ['a/1', 'a/2', 'a/3', 'b/1', 'c/1', 'c/2'].map((p) => {
    const [host, n] = p.split('/');
    return { url: `https://${host}.example.test/feed-${n}.rss`, name: p };
  });
  expect(interleaveByHost(feeds).map((f) => f.name)).toEqual(['a/1', 'b/1', 'c/1', 'a/2', 'c/2', 'a/3']);
  expect(interleaveByHost([])).toEqual([]);
});

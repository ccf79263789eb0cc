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

/** A sink that keeps each message with the delay it was sent with. */
class DelaySink<T> {
  readonly sent: { message: T; delay: number }[] = [];
  async send(messages: T[], delays?: readonly number[]) {
    messages.forEach((message, i) => this.sent.push({ message, delay: delays?.[i] ?? 0 }));
  }
}

describe('spreading a scheduled run over its period', () => {
  function oneHost(n: number) {
    const feeds = new MemoryFeedStore();
    for (let i = 0; i < n; i++) {
      const f = newFeedState(
        { url: `https://feeds.example.test/feed-${i}.rss`, name: `f${i}`, pollIntervalMinutes: 15 },
        new Date('2025-06-01T00:00:00Z'),
      );
      feeds.items.set(f.id, { ...f, nextPollAt: NOW });
    }
    const pollQueue = new DelaySink<PollFeedMessage>();
    return { feeds, pollQueue, clock: fixedClock(NOW), log: silentLog };
  }

  test("a due run delays each feed by its stable offset, so one host's feeds arrive over the period", async () => {
    const deps = { ...oneHost(200), periodSeconds: 900 };
    await dispatch(deps);
    const delays = deps.pollQueue.sent.map((s) => s.delay);
    expect(delays).toHaveLength(200);
    expect(delays.every((d) => d >= 0 && d < 900)).toBe(true);
    // Spread, not a burst: no minute of the 15 holds more than a quarter of the host's feeds.
    const perMinute = new Map<number, number>();
    for (const d of delays) perMinute.set(Math.floor(d / 60), (perMinute.get(Math.floor(d / 60)) ?? 0) + 1);
    expect(perMinute.size).toBe(15);
    expect(Math.max(...perMinute.values())).toBeLessThan(50);
    // The same feed gets the same delay on the next run.
    const first = new Map(deps.pollQueue.sent.map((s) => [s.message.feedId, s.delay]));
    deps.pollQueue.sent.length = 0;
    await dispatch(deps);
    expect(new Map(deps.pollQueue.sent.map((s) => [s.message.feedId, s.delay]))).toEqual(first);
  });

  test('an operator run (all / only) and a deployment without a period send every poll at once', async () => {
    const spread = { ...oneHost(20), periodSeconds: 900 };
    await dispatch(spread, { all: true });
    await dispatch(spread, { only: [...spread.feeds.items.keys()].slice(0, 3) });
    const plain = oneHost(20);
    await dispatch(plain);
    expect([...spread.pollQueue.sent, ...plain.pollQueue.sent].map((s) => s.delay).every((d) => d === 0)).toBe(true);
    expect(spread.pollQueue.sent).toHaveLength(23);
    expect(plain.pollQueue.sent).toHaveLength(20);
  });
});

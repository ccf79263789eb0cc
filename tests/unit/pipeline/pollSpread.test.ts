import { feedId } from '../../../lambdas/core/ids';
import {
  MAX_POLL_DELAY_SECONDS,
  pollDelaySeconds,
  scheduleBase,
  spreadSecondsFor,
} from '../../../lambdas/pipeline/pollSpread';

/** 500 feeds of one host, as the dispatcher sees them (ids from their URLs). */
const hostFeeds = Array.from({ length: 500 }, (_, i) => feedId(`https://feeds.example.test/feed/${i}.rss`));

test('a feed keeps its offset from one run to the next, and the offset is in [0, spread)', () => {
  for (const id of hostFeeds.slice(0, 50)) {
    const d = pollDelaySeconds(id, 900);
    expect(pollDelaySeconds(id, 900)).toBe(d);
    expect(Number.isInteger(d)).toBe(true);
    expect(d).toBeGreaterThanOrEqual(0);
    expect(d).toBeLessThan(900);
  }
});

test("one host's 500 feeds spread evenly over the period: every minute of 15 gets 33 ± 15", () => {
  const perMinute = new Array<number>(15).fill(0);
  for (const id of hostFeeds) perMinute[Math.floor(pollDelaySeconds(id, 900) / 60)]! += 1;
  expect(perMinute.reduce((a, b) => a + b, 0)).toBe(500);
  // Expected 33.3 per minute; a binomial(500, 1/15) stays within ±15 with overwhelming probability,
  // while sending every poll at once (the old behaviour) would put 500 in the first minute.
  for (const n of perMinute) {
    expect(n).toBeGreaterThanOrEqual(18);
    expect(n).toBeLessThanOrEqual(48);
  }
  // No second is a burst either: at most a handful of one host's 500 feeds share a second.
  const perSecond = new Map<number, number>();
  for (const id of hostFeeds) {
    const d = pollDelaySeconds(id, 900);
    perSecond.set(d, (perSecond.get(d) ?? 0) + 1);
  }
  expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(6);
});

test('different feeds get different offsets; a shorter spread scales them down', () => {
  const offsets = new Set(hostFeeds.slice(0, 100).map((id) => pollDelaySeconds(id, 900)));
  expect(offsets.size).toBeGreaterThan(85);
  for (const id of hostFeeds.slice(0, 20)) expect(pollDelaySeconds(id, 60)).toBeLessThan(60);
});

test('no spread means no delay; the spread never passes what SQS can delay', () => {
  expect(pollDelaySeconds(hostFeeds[0]!, 0)).toBe(0);
  expect(pollDelaySeconds(hostFeeds[0]!, -5)).toBe(0);
  expect(pollDelaySeconds(hostFeeds[0]!, Number.NaN)).toBe(0);
  expect(Math.max(...hostFeeds.map((id) => pollDelaySeconds(id, 86_400)))).toBeLessThan(MAX_POLL_DELAY_SECONDS);
  expect(spreadSecondsFor(3600, 60)).toBe(MAX_POLL_DELAY_SECONDS);
  expect(spreadSecondsFor(900, 15)).toBe(900);
  // A feed polled every 5 minutes while dispatch runs every 15 is spread over its own 5 minutes.
  expect(spreadSecondsFor(900, 5)).toBe(300);
});

test('a delayed poll counts from the minute of its dispatch run, so it is due again at the next run', () => {
  const run = '2025-06-02T12:00:07.412Z';
  expect(scheduleBase(run, new Date('2025-06-02T12:13:40Z')).toISOString()).toBe('2025-06-02T12:00:00.000Z');
  // A message redelivered long after its run (a retry), or with no readable time, counts from the poll.
  const late = new Date('2025-06-02T13:10:00Z');
  expect(scheduleBase(run, late)).toBe(late);
  expect(scheduleBase('not a date', late)).toBe(late);
  expect(scheduleBase(null, late)).toBe(late);
  // A dispatch time in the future (clock skew) is not trusted either.
  const early = new Date('2025-06-02T11:59:00Z');
  expect(scheduleBase(run, early)).toBe(early);
});

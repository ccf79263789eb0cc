import {
  findSilentFeeds,
  recordPublications,
  usualItemsPerDay,
  type FeedPublishing,
  type PublishingFeed,
} from '../../../lambdas/core/feedPublishing';

const START = Date.parse('2025-03-01T00:00:00.000Z');
const HOUR = 3600 * 1000;
const at = (hours: number) => new Date(START + hours * HOUR);

/** The state after tracking starts at hour 0 and `perPoll` new items arrive every `everyHours` until `untilHours`. */
function history(everyHours: number, untilHours: number, perPoll = 1): FeedPublishing {
  let p = recordPublications(null, at(0), 40) as FeedPublishing; // the backlog of the first poll
  for (let h = everyHours; h <= untilHours; h += everyHours) p = recordPublications(p, at(h), perPoll) ?? p;
  return p;
}

const feed = (publishing: FeedPublishing | null, over: Partial<PublishingFeed> = {}): PublishingFeed => ({
  id: 'f-0123456789abcdef',
  url: 'https://feeds.example.test/a.rss',
  name: 'A',
  enabled: true,
  publishing,
  ...over,
});

describe('recordPublications', () => {
  test('the first successful poll starts tracking and does not count the backlog it lists', () => {
    expect(recordPublications(null, at(0), 40)).toEqual({
      since: at(0).toISOString(),
      lastPublishedAt: null,
      weightedItems: 0,
    });
    expect(recordPublications(undefined, at(0), 0)).toMatchObject({ weightedItems: 0 });
  });

  test('a poll with no new item changes nothing (null: nothing to write)', () => {
    const p = history(6, 48);
    expect(recordPublications(p, at(50), 0)).toBeNull();
  });

  test('new items are added to the older ones, which fade by exp(-days / 7)', () => {
    const p1 = recordPublications(recordPublications(null, at(0), 3), at(24), 2) as FeedPublishing;
    expect(p1).toEqual({ since: at(0).toISOString(), lastPublishedAt: at(24).toISOString(), weightedItems: 2 });
    const p2 = recordPublications(p1, at(24 + 7 * 24), 1) as FeedPublishing;
    expect(p2.weightedItems).toBeCloseTo(2 * Math.exp(-1) + 1, 10);
    expect(p2.lastPublishedAt).toBe(at(24 + 7 * 24).toISOString());
  });
});

describe('usualItemsPerDay', () => {
  test.each([
    [1, 24, 1],
    [4, 6, 1],
    [12, 2, 1],
    [24, 1, 5],
  ])('a feed polled every %i h finding %i new item(s) … reads about its true rate', (every, per, weeks) => {
    const truth = (24 / every) * per;
    const rate = usualItemsPerDay(history(every, weeks * 7 * 24, per)) as number;
    // At the moment of a publication the estimate is at most ~7 % high (the latest items count in full).
    expect(rate).toBeGreaterThanOrEqual(truth * 0.99);
    expect(rate).toBeLessThan(truth * 1.1);
  });

  test('unknown with less than 3 days of history or no publication since tracking began', () => {
    expect(usualItemsPerDay(history(1, 71))).toBeNull();
    expect(usualItemsPerDay(history(1, 72))).toBeCloseTo(24, -1);
    expect(usualItemsPerDay(recordPublications(null, at(0), 5))).toBeNull();
    expect(usualItemsPerDay(null)).toBeNull();
  });

  test('a burst weeks ago has faded from the rate', () => {
    let p = recordPublications(null, at(0), 0) as FeedPublishing;
    p = recordPublications(p, at(1), 200) as FeedPublishing;
    const soon = usualItemsPerDay(recordPublications(p, at(24 * 3), 1));
    const later = usualItemsPerDay(recordPublications(p, at(24 * 30), 1));
    expect(soon as number).toBeGreaterThan(50);
    expect(later as number).toBeLessThan(3);
  });
});

describe('findSilentFeeds', () => {
  const busy = history(1, 10 * 24); // 24 a day for ten days, last item at hour 240
  const lastAt = at(240).toISOString();

  test('a feed of 24 a day is silent once nothing came for 24 h, not before', () => {
    expect(findSilentFeeds([feed(busy)], at(240 + 23.9))).toEqual([]);
    expect(findSilentFeeds([feed(busy)], at(240 + 30))).toEqual([
      {
        id: 'f-0123456789abcdef',
        url: 'https://feeds.example.test/a.rss',
        name: 'A',
        lastPublishedAt: lastAt,
        silentHours: 30,
        usualItemsPerDay: expect.closeTo(24, 0) as number,
      },
    ]);
  });

  test('the silence follows the configured hours', () => {
    expect(findSilentFeeds([feed(busy)], at(240 + 30), { silentHours: 48 })).toEqual([]);
    expect(findSilentFeeds([feed(busy)], at(240 + 48), { silentHours: 48 })).toHaveLength(1);
  });

  test('a feed of about one a day is silent only after it has missed 3 items (about 3 days), not at 24 h', () => {
    const daily = history(24, 14 * 24);
    const rate = usualItemsPerDay(daily) as number;
    expect(rate).toBeGreaterThanOrEqual(1);
    const threeMissed = (3 / rate) * 24; // about 67 h
    expect(findSilentFeeds([feed(daily)], at(14 * 24 + 30))).toEqual([]);
    expect(findSilentFeeds([feed(daily)], at(14 * 24 + threeMissed - 1))).toEqual([]);
    expect(findSilentFeeds([feed(daily)], at(14 * 24 + threeMissed + 1))).toHaveLength(1);
  });

  test('a feed that publishes less than daily is never silent; nor a disabled or untracked one', () => {
    const weekly = history(24 * 7, 8 * 7 * 24);
    expect(findSilentFeeds([feed(weekly)], at(8 * 7 * 24 + 24 * 30))).toEqual([]);
    expect(findSilentFeeds([feed(busy, { enabled: false })], at(240 + 48))).toEqual([]);
    expect(findSilentFeeds([feed(null), feed(undefined as unknown as null)], at(240 + 48))).toEqual([]);
    // tracked, but it has not published once since: no usual rate
    expect(findSilentFeeds([feed(recordPublications(null, at(0), 9))], at(24 * 30))).toEqual([]);
  });

  test('several silent feeds come longest silent first', () => {
    const older = history(1, 8 * 24);
    const out = findSilentFeeds(
      [feed(busy, { id: 'f-b', name: null }), feed(older, { id: 'f-a' }), feed(history(1, 12 * 24), { id: 'f-c' })],
      at(240 + 26),
    );
    expect(out.map((f) => [f.id, f.silentHours])).toEqual([
      ['f-a', 74],
      ['f-b', 26],
    ]);
  });
});

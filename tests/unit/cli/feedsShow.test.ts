import { formatFeedState } from '../../../bin/commands/feeds';
import { encodeListing } from '../../../lambdas/pipeline/feedListing';
import { newFeedState } from '../../../lambdas/pipeline/registerFeeds';

test('feeds show prints how many items the last read listed, not their fingerprints', () => {
  const feed = {
    ...newFeedState({ url: 'https://feeds.example.test/a.rss', name: 'A' }, new Date('2025-06-01T00:00:00Z')),
    lastFetchedAt: '2025-06-02T12:00:00.000Z',
    listed: encodeListing([
      { id: 'u-1', itemHash: 'a' },
      { id: 'u-2', itemHash: 'b' },
      { id: 'u-3', itemHash: 'c' },
    ]),
  };
  const text = formatFeedState(feed);
  expect(text).toMatch(/^listed +3 items at the last read$/m);
  expect(text).toMatch(/^lastFetchedAt +2025-06-02T12:00:00.000Z$/m);
  expect(text).not.toContain(feed.listed.slice(0, 16));
});

/** Where every item a run's polls found ended: per run and per feed, nothing unaccounted. */
import { itemTally, unaccounted } from '../../../lambdas/local/itemTally';
import type { DeadLetter } from '../../../lambdas/local/localQueue';
import type { ProcessArticleMessage } from '../../../lambdas/pipeline/ports';

const letter = (feedId: string) => ({ body: { feed: { id: feedId } } }) as unknown as DeadLetter<ProcessArticleMessage>;
const outcome = (feedId: string, o: 'created' | 'revised' | 'unchanged' | 'kept-stored') => ({
  feedId,
  result: { id: 'x', outcome: o, revision: 1 },
});

test('found = stored + dead-lettered + skipped, for the run and each feed', () => {
  const t = itemTally(
    [
      { feedId: 'f1', status: 'fetched', itemsSeen: 5, queued: 4, unchanged: 1 },
      { feedId: 'f2', status: 'fetched', itemsSeen: 2, queued: 2, unchanged: 0 },
    ],
    [outcome('f1', 'created'), outcome('f1', 'revised'), outcome('f1', 'kept-stored'), outcome('f2', 'unchanged')],
    [letter('f1'), letter('f2')],
  );
  expect(t.byFeed.f1).toEqual({
    found: 5,
    queued: 4,
    resumed: 0,
    stored: { created: 1, revised: 1 },
    deadLettered: 1,
    skipped: { unchangedAtPoll: 1, unchangedAtStore: 0, keptStored: 1 },
  });
  expect(t.byFeed.f2?.skipped.unchangedAtStore).toBe(1);
  expect(t.found).toBe(7);
  expect(t.deadLettered).toBe(2);
  expect([t, t.byFeed.f1!, t.byFeed.f2!].map(unaccounted)).toEqual([0, 0, 0]);
});

test('a queued item that never ended shows as unaccounted; messages of an earlier run as resumed', () => {
  const lost = itemTally(
    [{ feedId: 'f', status: 'fetched', itemsSeen: 3, queued: 3, unchanged: 0 }],
    [outcome('f', 'created')],
    [],
  );
  expect(unaccounted(lost)).toBe(2);
  const extra = itemTally([], [outcome('f', 'created'), outcome('f', 'unchanged')], []);
  expect(extra.resumed).toBe(2);
  expect(unaccounted(extra)).toBe(0);
});

/**
 * Where every item an ingest run's polls found ended: stored (new or revised), dead-lettered, or
 * skipped with a reason — for the run and per feed. An item the queues still held from a killed
 * earlier run is counted where it ended too, under `resumed` rather than `found`.
 */
import type { PollFeedResult } from '../pipeline/pollFeed';
import type { ProcessArticleMessage } from '../pipeline/ports';
import type { ProcessArticleResult } from '../pipeline/processArticle';
import type { DeadLetter } from './localQueue';

export interface ItemCounts {
  /** Items the polls of this run found (after the per-poll cap). */
  found: number;
  /** Items queued by this run's polls. */
  queued: number;
  /** Article messages handled beyond those: left by an earlier run, or queued again by a second poll. */
  resumed: number;
  stored: { created: number; revised: number };
  deadLettered: number;
  skipped: {
    /** Same id and item hash as stored: not queued. */
    unchangedAtPoll: number;
    /** Queued, parsed, and equal to the stored revision. */
    unchangedAtStore: number;
    /** A degraded parse not stored because a stored revision that is not degraded was kept. */
    keptStored: number;
  };
}
export interface ItemTally extends ItemCounts {
  byFeed: Record<string, ItemCounts>;
}

const empty = (): ItemCounts => ({
  found: 0,
  queued: 0,
  resumed: 0,
  stored: { created: 0, revised: 0 },
  deadLettered: 0,
  skipped: { unchangedAtPoll: 0, unchangedAtStore: 0, keptStored: 0 },
});

export function itemTally(
  polls: PollFeedResult[],
  outcomes: { feedId: string; result: ProcessArticleResult }[],
  deadLetters: DeadLetter<ProcessArticleMessage>[],
): ItemTally {
  const run = empty();
  const byFeed: Record<string, ItemCounts> = {};
  const both = (feedId: string, add: (c: ItemCounts) => void) => {
    add(run);
    add((byFeed[feedId] ??= empty()));
  };
  for (const p of polls) {
    both(p.feedId, (c) => {
      c.found += p.itemsSeen;
      c.queued += p.queued;
      c.skipped.unchangedAtPoll += p.unchanged;
    });
  }
  for (const { feedId, result } of outcomes) {
    both(feedId, (c) => {
      if (result.outcome === 'created') c.stored.created++;
      else if (result.outcome === 'revised') c.stored.revised++;
      else if (result.outcome === 'unchanged') c.skipped.unchangedAtStore++;
      else c.skipped.keptStored++;
    });
  }
  for (const d of deadLetters) both(d.body.feed.id, (c) => c.deadLettered++);
  for (const c of [run, ...Object.values(byFeed)]) {
    const handled =
      c.stored.created + c.stored.revised + c.deadLettered + c.skipped.unchangedAtStore + c.skipped.keptStored;
    c.resumed = Math.max(0, handled - c.queued);
  }
  return { ...run, byFeed };
}

/** Items found by this run's polls whose end is not counted (0 once the queues are drained). */
export function unaccounted(c: ItemCounts): number {
  const ended =
    c.stored.created +
    c.stored.revised +
    c.deadLettered +
    c.skipped.unchangedAtPoll +
    c.skipped.unchangedAtStore +
    c.skipped.keptStored;
  return c.found + c.resumed - ended;
}

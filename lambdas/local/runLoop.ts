/**
 * `newswire run`: the deployed pipeline's loop, locally. Every tick it dispatches the feeds that are
 * due (the same dispatch use-case and schedule as the scheduled Lambda: nextPollAt, backoff,
 * Retry-After), polls them and processes the articles they queue, through the same crash-safe
 * local queues as `newswire ingest`. Stopping (the signal) takes no new polls: the cycle under way
 * finishes what is queued and in flight, then the loop returns its totals.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { dispatch } from '../pipeline/dispatch';
import { pollFeed, type PollFeedResult } from '../pipeline/pollFeed';
import { processArticle, type ProcessArticleResult } from '../pipeline/processArticle';
import type { DurableQueueStore } from './durableQueueStore';
import { logFailure, openQueueJournal } from './ingest';
import { drainQueue, openPipelineQueues, pipelineQueues } from './localQueue';
import type { LocalRuntime } from './runtime';

export interface RunCounts {
  /** Feed polls done (fetched, not modified or failed). */
  polls: number;
  /** Items the polls found. */
  itemsSeen: number;
  /** Records stored: created + revised. */
  written: number;
  created: number;
  revised: number;
  /** Items unchanged since they were stored (at the poll, or once parsed). */
  unchanged: number;
  /** Failed polls and dead-lettered messages. */
  failed: number;
}

/** One tick's work. */
export interface RunCycle extends RunCounts {
  /** Ordinal of the cycle, from 1. */
  cycle: number;
  startedAt: string;
  /** Feeds dispatched because they were due (0 once stopping). */
  dispatched: number;
  /** Messages an earlier, killed process left in the queues and this cycle handled (the first cycle only). */
  resumed: number;
  durationMs: number;
}

export interface RunSummary extends RunCounts {
  cycles: number;
  durationMs: number;
}

export interface RunLoopOptions {
  /** Milliseconds from the start of one cycle to the start of the next (a longer cycle is followed at once). */
  tickMs: number;
  /** Aborted: no new dispatch; the cycle under way finishes its queued and in-flight work, then the loop returns. */
  signal: AbortSignal;
  /** One cycle, then return. */
  once?: boolean;
  /** Batches handled at once per queue (Lambda concurrency). @default 4 */
  concurrency?: number;
  /** @default 3 */
  maxReceiveCount?: number;
  /** Called after every cycle, idle ones included. */
  onCycle?: (c: RunCycle) => void;
}

const zero = (): RunCounts => ({ polls: 0, itemsSeen: 0, written: 0, created: 0, revised: 0, unchanged: 0, failed: 0 });

export async function runLoop(rt: LocalRuntime, opts: RunLoopOptions): Promise<RunSummary> {
  const journal = await openQueueJournal(rt);
  try {
    return await loop(rt, opts, journal);
  } finally {
    await journal?.close();
  }
}

async function loop(rt: LocalRuntime, opts: RunLoopOptions, journal: DurableQueueStore | null): Promise<RunSummary> {
  const started = Date.now();
  const { pollQueue, articleQueue } = journal
    ? await openPipelineQueues(rt.deadLetters, journal, opts.maxReceiveCount)
    : pipelineQueues(rt.deadLetters, opts.maxReceiveCount);
  const deps = { ...rt, pollQueue, articleQueue };
  const total = zero();
  let resumed = pollQueue.resumed + articleQueue.resumed;
  let cycles = 0;

  for (;;) {
    const cycleStart = Date.now();
    const startedAt = rt.clock.now().toISOString();
    // The due feeds only, as the scheduled dispatch Lambda sends them (no spread: the local queue has no delays).
    const dispatched = opts.signal.aborted ? 0 : (await dispatch(deps)).dispatched.length;
    const deadBefore = pollQueue.deadLetters.length + articleQueue.deadLetters.length;

    const feedResults: PollFeedResult[] = [];
    await drainQueue(pollQueue, (m) => pollFeed(deps, m), {
      concurrency: opts.concurrency,
      onSuccess: (_m, r) => feedResults.push(r),
      onFailure: (m, err, decision) => logFailure(rt, 'poll', m, err, decision),
    });
    const outcomes: ProcessArticleResult[] = [];
    await drainQueue(articleQueue, (m) => processArticle(deps, m), {
      concurrency: opts.concurrency,
      onSuccess: (_m, r) => outcomes.push(r),
      onFailure: (m, err, decision) => logFailure(rt, 'article', m, err, decision),
    });

    const count = (o: ProcessArticleResult['outcome']) => outcomes.filter((r) => r.outcome === o).length;
    const created = count('created');
    const revised = count('revised');
    const polled = feedResults.filter((r) => r.status !== 'skipped');
    const c: RunCycle = {
      cycle: ++cycles,
      startedAt,
      dispatched,
      resumed,
      polls: polled.length,
      itemsSeen: polled.reduce((n, r) => n + r.itemsSeen, 0),
      written: created + revised,
      created,
      revised,
      unchanged: polled.reduce((n, r) => n + r.unchanged, 0) + count('unchanged'),
      failed:
        pollQueue.deadLetters.length +
        articleQueue.deadLetters.length -
        deadBefore +
        polled.filter((r) => r.status === 'failed').length,
      durationMs: Date.now() - cycleStart,
    };
    resumed = 0;
    for (const k of Object.keys(total) as (keyof RunCounts)[]) total[k] += c[k];
    opts.onCycle?.(c);

    if (opts.once || opts.signal.aborted) break;
    const wait = cycleStart + opts.tickMs - Date.now();
    if (wait > 0) await sleep(wait, undefined, { signal: opts.signal }).catch(() => undefined);
    if (opts.signal.aborted) break;
  }
  return { ...total, cycles, durationMs: Date.now() - started };
}

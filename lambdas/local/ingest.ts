/**
 * One local ingest run: register the feeds of this run, dispatch them all, drain the poll queue,
 * then the article queue — the same use-cases the Lambdas run, through in-process queues with SQS
 * retry / DLQ semantics — and report what landed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeError } from '../core/errors';
import type { PressReleaseRecord } from '../core/record';
import { dispatch } from '../pipeline/dispatch';
import { pollFeed, type PollFeedResult } from '../pipeline/pollFeed';
import type { PollFeedMessage, ProcessArticleMessage } from '../pipeline/ports';
import { processArticle, type ProcessArticleResult } from '../pipeline/processArticle';
import { feedSpecListSchema, registerFeeds, type FeedSpec } from '../pipeline/registerFeeds';
import { FileDeadLetterStore } from './deadLetterStore';
import { DurableQueueStore, QUEUE_DIR } from './durableQueueStore';
import { itemTally, type ItemTally } from './itemTally';
import { drainQueue, openPipelineQueues, pipelineQueues, type DeadLetter } from './localQueue';
import type { LocalRuntime } from './runtime';

export interface IngestCounts {
  feeds: number;
  itemsSeen: number;
  written: number;
  unchanged: number;
  failed: number;
  durationMs: number;
}
export interface IngestReport extends IngestCounts {
  feedResults: PollFeedResult[];
  created: number;
  revised: number;
  /** Degraded parses not stored because a stored revision that is not degraded was kept. */
  keptStored: number;
  deadLetters: { queue: string; error: { code: string; message: string }; body: unknown }[];
  newest: PressReleaseRecord[];
  /** Messages a killed earlier run left in the data dir's queues, handled by this run. */
  resumed: { poll: number; article: number };
  /** Where every item this run's polls found ended, for the run and per feed. */
  items: ItemTally;
}
/** Progress of one run: reported at the start of each stage (done 0) and after every message handled. */
export interface IngestProgress {
  stage: 'poll' | 'process';
  done: number;
  total: number;
}

export interface IngestOptions {
  /** Feeds polled by this run (registered first if new). */
  feeds: FeedSpec[];
  /** @default 3 */
  maxReceiveCount?: number;
  concurrency?: number;
  /** Items one poll of a feed queues at most, newest first (poll-feed's MAX_ITEMS_PER_POLL); @default 500 */
  maxItemsPerPoll?: number;
  /**
   * Seconds between scheduled runs, as a deployment's poll-feed knows them: a 304 that changes
   * nothing is then not written (pollFeed.ts). `npm run cost -- --measure` counts such polls.
   * @default - every poll written
   */
  schedulePeriodSeconds?: number;
  onProgress?: (p: IngestProgress) => void;
}

/** Reads and validates a feeds file: a JSON array of {url, name?, wire?, pollIntervalMinutes?, enabled?}. */
export function readFeedsFile(file: string): FeedSpec[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read feeds file ${file}: ${(err as Error).message}`, { cause: err });
  }
  const res = feedSpecListSchema.safeParse(json);
  if (!res.success) {
    const issue = res.error.issues[0];
    throw new Error(
      `feeds file ${file}: ${issue ? `[${issue.path.join('.')}] ${issue.message}` : 'invalid'} — expected a JSON array of {"url": "https://…", "name"?, "wire"?, "pollIntervalMinutes"?}`,
    );
  }
  return res.data;
}

/**
 * The crash-safe queue store of the runtime's data dir (<data-dir>/queues/, beside its dead
 * letters), or null for a runtime without one (in-memory queues): a killed `ingest` or `run`
 * leaves what it had not done there, and the next one does it. Opening it takes the data dir's
 * queue lock, so no other local run uses these tables: a host slot still taken was left by a killed
 * run and would keep its host busy (HOST_BUSY) until its lease ran out — it is freed here.
 */
export async function openQueueJournal(rt: LocalRuntime): Promise<DurableQueueStore | null> {
  if (!(rt.deadLetters instanceof FileDeadLetterStore)) return null;
  const journal = await DurableQueueStore.open(path.join(path.dirname(rt.deadLetters.dir), QUEUE_DIR));
  try {
    const freed = await rt.releaseHostSlots();
    if (freed > 0) rt.log.info('host slots of an earlier run freed', { hosts: freed });
  } catch (err) {
    await journal.close();
    throw err;
  }
  return journal;
}

export async function runIngest(rt: LocalRuntime, opts: IngestOptions): Promise<IngestReport> {
  const journal = await openQueueJournal(rt);
  try {
    return await ingestWith(rt, opts, journal);
  } finally {
    await journal?.close();
  }
}

async function ingestWith(
  rt: LocalRuntime,
  opts: IngestOptions,
  journal: DurableQueueStore | null,
): Promise<IngestReport> {
  const started = Date.now();
  const { pollQueue, articleQueue } = journal
    ? await openPipelineQueues(rt.deadLetters, journal, opts.maxReceiveCount)
    : pipelineQueues(rt.deadLetters, opts.maxReceiveCount);
  const deps = {
    ...rt,
    pollQueue,
    articleQueue,
    maxItemsPerPoll: opts.maxItemsPerPoll,
    schedulePeriodSeconds: opts.schedulePeriodSeconds,
  };

  const { ids } = await registerFeeds(deps, opts.feeds);
  await dispatch(deps, { only: ids });

  const feedResults: PollFeedResult[] = [];
  const polls = pollQueue.pending;
  opts.onProgress?.({ stage: 'poll', done: 0, total: polls });
  await drainQueue(pollQueue, (m) => pollFeed(deps, m), {
    concurrency: opts.concurrency,
    onSuccess: (_m, r) => {
      feedResults.push(r);
      opts.onProgress?.({ stage: 'poll', done: feedResults.length, total: polls });
    },
    onFailure: (m, err, decision) => logFailure(rt, 'poll', m, err, decision),
  });

  const outcomes: { feedId: string; result: ProcessArticleResult }[] = [];
  const articles = articleQueue.pending;
  let handled = 0;
  opts.onProgress?.({ stage: 'process', done: 0, total: articles });
  await drainQueue(articleQueue, (m) => processArticle(deps, m), {
    concurrency: opts.concurrency,
    onSuccess: (m, r) => {
      outcomes.push({ feedId: m.feed.id, result: r });
      opts.onProgress?.({ stage: 'process', done: ++handled, total: articles });
    },
    onFailure: (m, err, decision) => {
      if (decision === 'dead-letter') opts.onProgress?.({ stage: 'process', done: ++handled, total: articles });
      logFailure(rt, 'article', m, err, decision);
    },
  });

  const deadLetters = [
    ...pollQueue.deadLetters.map((d) => dead('poll', d)),
    ...articleQueue.deadLetters.map((d) => dead('article', d)),
  ];
  const created = outcomes.filter((o) => o.result.outcome === 'created').length;
  const revised = outcomes.filter((o) => o.result.outcome === 'revised').length;
  const unchangedAtPoll = feedResults.reduce((n, r) => n + r.unchanged, 0);
  const newest = (await rt.articles.query({ limit: 5 })).items;
  return {
    feeds: polls,
    itemsSeen: feedResults.reduce((n, r) => n + r.itemsSeen, 0),
    written: created + revised,
    unchanged: unchangedAtPoll + outcomes.filter((o) => o.result.outcome === 'unchanged').length,
    failed: deadLetters.length + feedResults.filter((r) => r.status === 'failed').length,
    durationMs: Date.now() - started,
    created,
    revised,
    keptStored: outcomes.filter((o) => o.result.outcome === 'kept-stored').length,
    feedResults,
    deadLetters,
    newest,
    resumed: { poll: pollQueue.resumed, article: articleQueue.resumed },
    items: itemTally(feedResults, outcomes, articleQueue.deadLetters),
  };
}

function dead<T>(queue: string, d: DeadLetter<T>) {
  return { queue, error: d.error, body: d.body as unknown };
}

/** Logs a failed message: a warning while it will be retried, an error once dead-lettered. */
export function logFailure(rt: LocalRuntime, queue: string, body: unknown, err: unknown, decision: string): void {
  const { code, message } = describeError(err);
  const ctx =
    queue === 'poll'
      ? { feedId: (body as PollFeedMessage).feedId }
      : { feedId: (body as ProcessArticleMessage).feed.id, link: (body as ProcessArticleMessage).item.link };
  rt.log[decision === 'dead-letter' ? 'error' : 'warn'](
    decision === 'dead-letter' ? 'message dead-lettered' : 'message failed, will retry',
    { queue, code, reason: message, ...ctx },
  );
}

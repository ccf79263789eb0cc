/**
 * `newswire dlq` on the local data dir: the dead letters `newswire ingest` parked in the
 * DeadLetterStore (`<data-dir>/dead-letters/`).
 *
 * A redrive runs the selected messages through the same step that failed them, now — pollFeed for
 * the poll queue (and processArticle for the releases a poll queues), processArticle for the
 * article queue — through LocalQueues with ingest's retry and dead-letter rules. There is no
 * long-lived local queue to put them back on (the local queues live for one run), so running them
 * is what "back on the queue" means here: what the next ingest would do with them, done at once,
 * with the outcome in front of the operator. A message that fails again is parked again under the
 * same id with its new reason; the others leave the store.
 */
import { describeError } from '../core/errors';
import { parseArticleMessage, parsePollMessage } from '../handlers/sqsMessages';
import {
  isSelected,
  messageSubject,
  REDRIVABLE,
  type DeadLetterQueues,
  type DlqName,
  type ParkedMessage,
  type RedriveOutcome,
  type RedriveSelector,
} from '../pipeline/deadLetters';
import { pollFeed } from '../pipeline/pollFeed';
import type { PollFeedMessage, ProcessArticleMessage } from '../pipeline/ports';
import { processArticle } from '../pipeline/processArticle';
import type { DeadLetterStore, LocalDlqName, StoredDeadLetter } from './deadLetterStore';
import { drainQueue, pipelineQueues, type LocalQueue } from './localQueue';
import type { LocalRuntime } from './runtime';

export interface LocalDeadLetterOptions {
  store: DeadLetterStore;
  where: string;
  /** Opens the runtime a redrive runs messages through (embedded tables, archive, HTTP client); closed after. */
  openRuntime: () => Promise<LocalRuntime>;
  /** Receives before a redriven message is parked again, as ingest. @default 3 */
  maxReceiveCount?: number;
}

export class LocalDeadLetterQueues implements DeadLetterQueues {
  readonly where: string;

  constructor(private readonly opts: LocalDeadLetterOptions) {
    this.where = opts.where;
  }

  async list(queue: DlqName, opts: { limit?: number } = {}): Promise<ParkedMessage[]> {
    if (queue === 'schedule') return []; // dispatch runs in the ingest process: nothing is parked for it
    const letters = (await this.opts.store.list(queue)).map(toParked);
    return opts.limit === undefined ? letters : letters.slice(0, opts.limit);
  }

  async redrive(queue: DlqName, selector: RedriveSelector): Promise<RedriveOutcome> {
    if (!REDRIVABLE.includes(queue) || queue === 'schedule') throw notRedrivable(queue);
    const letters = await this.opts.store.list(queue);
    const selected = letters.filter((l) => isSelected(toParked(l), selector));
    const notFound = 'ids' in selector ? selector.ids.filter((id) => !letters.some((l) => l.id === id)) : [];
    if (!selected.length) return { redriven: 0, succeeded: 0, deadLetteredAgain: 0, notFound };

    const again = await this.run(queue, selected);
    await this.opts.store.remove(
      queue,
      selected.filter((l) => !again.has(l.id)).map((l) => l.id),
    );
    return {
      redriven: selected.length,
      succeeded: selected.length - again.size,
      deadLetteredAgain: again.size,
      notFound,
    };
  }

  async purge(queue: DlqName): Promise<number> {
    if (queue === 'schedule') return 0;
    const letters = await this.opts.store.list(queue);
    return this.opts.store.remove(
      queue,
      letters.map((l) => l.id),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Runs the letters through their step (and what a poll queues through process-article); the ids parked again. */
  private async run(queue: LocalDlqName, letters: StoredDeadLetter[]): Promise<Set<string>> {
    const { store } = this.opts;
    const again = new Set<string>();
    // A body that is no longer a message of its queue cannot be run: it stays parked, with that reason.
    const runnable: { messageId: string; body: PollFeedMessage | ProcessArticleMessage }[] = [];
    for (const l of letters) {
      try {
        // Checked as the Lambda checks it, but sent as stored: the same text if it is parked again.
        if (queue === 'poll') parsePollMessage(l.body);
        else parseArticleMessage(l.body);
        runnable.push({ messageId: l.id, body: JSON.parse(l.body) as PollFeedMessage | ProcessArticleMessage });
      } catch (err) {
        const { code, message } = describeError(err);
        await store.append({ ...l, reason: { code, message }, deadLetteredAt: new Date().toISOString() });
        again.add(l.id);
      }
    }
    if (!runnable.length) return again;

    const rt = await this.opts.openRuntime();
    try {
      const { pollQueue, articleQueue } = pipelineQueues(store, this.opts.maxReceiveCount);
      const target = (queue === 'poll' ? pollQueue : articleQueue) as LocalQueue<
        PollFeedMessage | ProcessArticleMessage
      >;
      await target.sendWithIds(runnable);
      const deps = { ...rt, pollQueue, articleQueue };
      const onFailure = (q: LocalDlqName) => (m: unknown, err: unknown, decision: 'retry' | 'dead-letter') => {
        const { code, message } = describeError(err);
        const { feed, release } = messageSubject(q, JSON.stringify(m));
        rt.log[decision === 'dead-letter' ? 'error' : 'warn'](
          decision === 'dead-letter' ? 'message dead-lettered again' : 'message failed, will retry',
          { queue: q, code, reason: message, feedId: feed, ...(release ? { link: release } : {}) },
        );
      };
      await drainQueue(pollQueue, (m) => pollFeed(deps, m), { onFailure: onFailure('poll') });
      await drainQueue(articleQueue, (m) => processArticle(deps, m), { onFailure: onFailure('article') });
      const ids = new Set(runnable.map((r) => r.messageId));
      for (const d of target.deadLetters) if (ids.has(d.messageId)) again.add(d.messageId);
    } finally {
      await rt.close();
    }
    return again;
  }
}

/** A local dead letter as the operator sees it. */
export function toParked(l: StoredDeadLetter): ParkedMessage {
  return {
    id: l.id,
    queue: l.queue,
    source: `${l.queue}.jsonl`,
    body: l.body,
    reason: l.reason,
    receiveCount: l.receiveCount,
    sentAt: l.sentAt,
    firstReceivedAt: l.firstReceivedAt,
    deadLetteredAt: l.deadLetteredAt,
  };
}

function notRedrivable(queue: DlqName): Error {
  return new Error(
    `the ${queue} queue is not redriven: the next run dispatches every due feed again; purge it once the cause is fixed`,
  );
}

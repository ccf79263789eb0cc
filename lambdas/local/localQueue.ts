/**
 * An in-process queue with the SQS semantics the Lambdas get: messages are serialized on send (no
 * shared references), received in batches, a failed message becomes visible again after a delay,
 * and after maxReceiveCount receives it moves to the dead-letter list with its last error. A
 * permanent (not retryable) failure moves there at once, as process-article sends it to its DLQ.
 * Given a DeadLetterStore, a dead letter is also written there (`<data-dir>/dead-letters/`), so
 * `newswire dlq` finds it after the process is gone.
 */
import { randomUUID } from 'node:crypto';
import { MAX_BATCH_BYTES } from '../adapters/queue/sqsSink';
import { describeError, StorageError } from '../core/errors';
import type { MessageSink, PollFeedMessage, ProcessArticleMessage } from '../pipeline/ports';
import type { DeadLetterStore, LocalDlqName } from './deadLetterStore';

export interface LocalMessage<T> {
  messageId: string;
  body: T;
  receiveCount: number;
}
export interface DeadLetter<T> extends LocalMessage<T> {
  error: { code: string; message: string };
  deadAt: string;
  sentAt: string;
  firstReceivedAt: string | null;
}
export interface LocalQueueOptions {
  /** @default 3 */
  maxReceiveCount?: number;
  /** Delay before a failed message is visible again, × its receive count. @default 50 */
  retryDelayMs?: number;
  /**
   * Dead-letter a non-retryable failure at its first receive, as process-article does in AWS; false
   * for a queue whose consumer leaves every failure to the redrive policy (poll-feed). @default true
   */
  deadLetterPermanentAtOnce?: boolean;
  /** Also park dead letters in this store, as the named queue's (`newswire dlq` reads them there). */
  deadLetterStore?: { store: DeadLetterStore; queue: LocalDlqName };
}

interface Entry {
  messageId: string;
  json: string;
  receiveCount: number;
  visibleAt: number;
  sentAt: number;
  firstReceivedAt: number | null;
}

export class LocalQueue<T> implements MessageSink<T> {
  readonly deadLetters: DeadLetter<T>[] = [];
  private ready: Entry[] = [];
  private inFlight = new Map<string, Entry>();
  private readonly maxReceiveCount: number;
  private readonly retryDelayMs: number;
  private readonly deadLetterPermanentAtOnce: boolean;
  private readonly store: { store: DeadLetterStore; queue: LocalDlqName } | undefined;
  /** Writes of dead letters to the store not yet awaited (see flushDeadLetters). */
  private storing: Promise<void>[] = [];
  private storeError: unknown = null;
  sent = 0;

  constructor(
    readonly name: string,
    opts: LocalQueueOptions = {},
  ) {
    this.maxReceiveCount = opts.maxReceiveCount ?? 3;
    this.retryDelayMs = opts.retryDelayMs ?? 50;
    this.deadLetterPermanentAtOnce = opts.deadLetterPermanentAtOnce ?? true;
    this.store = opts.deadLetterStore;
  }

  /** Like SQS, refuses a message over 256 KiB (and then queues none of the call's messages). */
  async send(messages: T[]): Promise<void> {
    await this.sendWithIds(messages.map((body) => ({ messageId: randomUUID(), body })));
  }

  /** Sends messages under ids of their own: a redriven message keeps its id, as an SQS message move does. */
  async sendWithIds(messages: { messageId: string; body: T }[]): Promise<void> {
    const bodies = messages.map((m) => JSON.stringify(m.body));
    const tooLarge = bodies.find((b) => Buffer.byteLength(b, 'utf8') > MAX_BATCH_BYTES);
    if (tooLarge !== undefined)
      throw new StorageError(
        'QUEUE_SEND_REJECTED',
        `${this.name}: a message of ${Buffer.byteLength(tooLarge, 'utf8')} bytes is over SQS's ${MAX_BATCH_BYTES}-byte limit`,
        false,
      );
    const now = Date.now();
    bodies.forEach((json, i) => {
      const { messageId } = messages[i]!;
      this.ready.push({ messageId, json, receiveCount: 0, visibleAt: 0, sentAt: now, firstReceivedAt: null });
      this.sent++;
    });
  }

  /** Messages waiting or in flight (not yet deleted or dead-lettered). */
  get pending(): number {
    return this.ready.length + this.inFlight.size;
  }

  /** Up to max visible messages; each receive counts toward maxReceiveCount. */
  receive(max: number, now = Date.now()): LocalMessage<T>[] {
    const out: LocalMessage<T>[] = [];
    const keep: Entry[] = [];
    for (const e of this.ready) {
      if (out.length < max && e.visibleAt <= now) {
        e.receiveCount++;
        e.firstReceivedAt ??= now;
        this.inFlight.set(e.messageId, e);
        out.push({ messageId: e.messageId, body: JSON.parse(e.json) as T, receiveCount: e.receiveCount });
      } else keep.push(e);
    }
    this.ready = keep;
    return out;
  }

  /** Milliseconds until the next invisible message becomes visible, or null when none waits. */
  nextVisibleIn(now = Date.now()): number | null {
    if (!this.ready.length) return null;
    return Math.max(0, Math.min(...this.ready.map((e) => e.visibleAt)) - now);
  }

  /** The message was handled: delete it. */
  ack(messageId: string): void {
    this.inFlight.delete(messageId);
  }

  /**
   * The message failed: dead-letter it with its error when the error is permanent (not retryable) or
   * it has been received maxReceiveCount times; otherwise retry it later.
   */
  fail(messageId: string, err: unknown, now = Date.now()): 'retry' | 'dead-letter' {
    const e = this.inFlight.get(messageId);
    if (!e) return 'retry';
    this.inFlight.delete(messageId);
    const { code, message, retryable } = describeError(err);
    if ((!retryable && this.deadLetterPermanentAtOnce) || e.receiveCount >= this.maxReceiveCount) {
      const letter: DeadLetter<T> = {
        messageId: e.messageId,
        body: JSON.parse(e.json) as T,
        receiveCount: e.receiveCount,
        error: { code, message },
        deadAt: new Date(now).toISOString(),
        sentAt: new Date(e.sentAt).toISOString(),
        firstReceivedAt: e.firstReceivedAt === null ? null : new Date(e.firstReceivedAt).toISOString(),
      };
      this.deadLetters.push(letter);
      if (this.store) {
        this.storing.push(
          this.store.store
            .append({
              id: letter.messageId,
              queue: this.store.queue,
              body: e.json,
              reason: letter.error,
              receiveCount: letter.receiveCount,
              sentAt: letter.sentAt,
              firstReceivedAt: letter.firstReceivedAt,
              deadLetteredAt: letter.deadAt,
            })
            .catch((err: unknown) => {
              this.storeError ??= err; // surfaced by flushDeadLetters, never an unhandled rejection
            }),
        );
      }
      return 'dead-letter';
    }
    e.visibleAt = now + this.retryDelayMs * e.receiveCount;
    this.ready.push(e);
    return 'retry';
  }

  /** Waits until every dead letter so far is in the store; throws if a write failed (the letter would be lost). */
  async flushDeadLetters(): Promise<void> {
    const pending = this.storing;
    this.storing = [];
    await Promise.all(pending);
    const err = this.storeError;
    this.storeError = null;
    if (err !== null) throw err;
  }
}

export interface DrainOptions<T, R> {
  /** Messages per batch, as the Lambda event source mapping. @default 10 */
  batchSize?: number;
  /** Batches handled at once, as Lambda concurrency. @default 4 */
  concurrency?: number;
  onSuccess?: (body: T, result: R) => void;
  onFailure?: (body: T, err: unknown, decision: 'retry' | 'dead-letter') => void;
}

/**
 * Consumes the queue until it is empty, calling recordHandler per message — the same per-record
 * function the Lambda's partial-batch handler calls. Returns when every message was acked or
 * dead-lettered.
 */
export async function drainQueue<T, R>(
  queue: LocalQueue<T>,
  recordHandler: (body: T) => Promise<R>,
  opts: DrainOptions<T, R> = {},
): Promise<void> {
  const batchSize = opts.batchSize ?? 10;
  const worker = async (): Promise<void> => {
    for (;;) {
      const batch = queue.receive(batchSize);
      if (!batch.length) {
        const wait = queue.nextVisibleIn();
        if (wait === null) return;
        await new Promise((r) => setTimeout(r, Math.max(wait, 1)));
        continue;
      }
      await Promise.all(
        batch.map(async (m) => {
          try {
            const result = await recordHandler(m.body);
            queue.ack(m.messageId);
            opts.onSuccess?.(m.body, result);
          } catch (err) {
            const decision = queue.fail(m.messageId, err);
            opts.onFailure?.(m.body, err, decision);
          }
        }),
      );
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  } finally {
    await queue.flushDeadLetters();
  }
}

/**
 * The local poll and article queues, set up as their deployed counterparts behave: poll-feed leaves
 * every failure to the redrive policy, process-article dead-letters a permanent failure at once; both
 * park their dead letters in `store`. Used by `newswire ingest` and by a local `newswire dlq redrive`.
 */
export function pipelineQueues(
  store: DeadLetterStore,
  maxReceiveCount = 3,
): { pollQueue: LocalQueue<PollFeedMessage>; articleQueue: LocalQueue<ProcessArticleMessage> } {
  return {
    pollQueue: new LocalQueue<PollFeedMessage>('poll', {
      maxReceiveCount,
      deadLetterPermanentAtOnce: false,
      deadLetterStore: { store, queue: 'poll' },
    }),
    articleQueue: new LocalQueue<ProcessArticleMessage>('article', {
      maxReceiveCount,
      deadLetterStore: { store, queue: 'article' },
    }),
  };
}

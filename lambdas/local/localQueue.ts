/**
 * An in-process queue with the SQS semantics the Lambdas get: messages are serialized on send (no
 * shared references), received in batches, a failed message becomes visible again after a delay,
 * and after maxReceiveCount receives it moves to the dead-letter list with its last error. A
 * permanent (not retryable) failure moves there at once, as process-article sends it to its DLQ.
 * Given a DeadLetterStore, a dead letter is also written there (`<data-dir>/dead-letters/`), so
 * `newswire dlq` finds it after the process is gone.
 *
 * Given a QueueJournal (DurableQueueStore, `<data-dir>/queues/`), the queue is crash-safe: a send
 * resolves once its messages are on disk, a receive is on disk (receive count, visibility) before
 * drainQueue hands the message to its handler, and acks and retries are written as they happen.
 * LocalQueue.open loads what a killed process left: messages waiting, failed and waiting for a
 * retry, or in flight (visible again at once: the store's lock shows their consumer is gone; one
 * received maxReceiveCount times is dead-lettered, so a message that kills the process each time
 * ends in the DLQ instead of in a crash loop).
 */
import { randomUUID } from 'node:crypto';
import { MAX_BATCH_BYTES } from '../adapters/queue/sqsSink';
import { describeError, StorageError } from '../core/errors';
import { NOT_SENT_GRACE_MS, notSentWithinGrace, retryAfterOf } from '../pipeline/notSentGrace';
import type { MessageSink, PollFeedMessage, ProcessArticleMessage } from '../pipeline/ports';
import type { DeadLetterStore, LocalDlqName } from './deadLetterStore';
import type { QueueChange, QueueJournal, StoredQueueEntry } from './durableQueueStore';

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
  /**
   * A received message neither acked nor failed within this time is visible again (SQS's visibility
   * timeout). Unset: a message stays in flight until its handler settles it, as drainQueue does.
   */
  visibilityTimeoutMs?: number;
  /** Keep the messages here (crash-safe); open the queue with LocalQueue.open to load what is left. */
  journal?: QueueJournal;
  /**
   * For this long after a message's first receive, a failure before its request was sent
   * (HOST_COOLING_DOWN, HOST_BUSY) does not count as a receive. @default 10 minutes
   */
  notSentGraceMs?: number;
}

/** The visibility recorded on disk for a received message when no visibility timeout is set. */
const JOURNALED_VISIBILITY_MS = 30_000;

type Entry = StoredQueueEntry;

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
  /** Journal writes of receives, acks and retries not yet awaited (see settle). */
  private journaling: Promise<void>[] = [];
  private readonly visibilityTimeoutMs: number | undefined;
  private readonly journal: QueueJournal | undefined;
  private readonly notSentGraceMs: number;
  sent = 0;
  /** Messages a previous process left in the journal, loaded by open. */
  resumed = 0;

  constructor(
    readonly name: string,
    opts: LocalQueueOptions = {},
  ) {
    this.maxReceiveCount = opts.maxReceiveCount ?? 3;
    this.retryDelayMs = opts.retryDelayMs ?? 50;
    this.deadLetterPermanentAtOnce = opts.deadLetterPermanentAtOnce ?? true;
    this.store = opts.deadLetterStore;
    this.visibilityTimeoutMs = opts.visibilityTimeoutMs;
    this.journal = opts.journal;
    this.notSentGraceMs = opts.notSentGraceMs ?? NOT_SENT_GRACE_MS;
  }

  /**
   * A queue with its journal's messages loaded: what a killed process left is delivered again, and
   * a letter it was parking (or a message it received for the last allowed time) is dead-lettered.
   */
  static async open<T>(name: string, opts: LocalQueueOptions & { journal: QueueJournal }): Promise<LocalQueue<T>> {
    const q = new LocalQueue<T>(name, opts);
    const now = Date.now();
    for (const e of await opts.journal.load(name)) {
      q.resumed++;
      if (e.dead) {
        q.deadLetter(e, e.dead, e.dead.deadAt);
      } else if (e.receiveCount >= q.maxReceiveCount) {
        const reason = {
          code: 'IN_FLIGHT_AT_EXIT',
          message: `received ${e.receiveCount} times; the process handling it last ended before it was settled`,
        };
        q.deadLetter(e, reason, now);
      } else {
        e.visibleAt = Math.min(e.visibleAt, now);
        q.ready.push(e);
      }
    }
    await q.flushDeadLetters();
    return q;
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
    const entries: Entry[] = bodies.map((json, i) => ({
      messageId: messages[i]!.messageId,
      json,
      receiveCount: 0,
      visibleAt: 0,
      sentAt: now,
      firstReceivedAt: null,
      seq: this.journal?.nextSeq() ?? 0,
    }));
    // On disk before the sender goes on (poll-feed records the poll only after its send resolves).
    await this.journal?.write(
      this.name,
      entries.map((entry) => ({ type: 'put', entry: { ...entry } })),
    );
    this.ready.push(...entries);
    this.sent += entries.length;
  }

  /** Messages waiting or in flight (not yet deleted or dead-lettered). */
  get pending(): number {
    return this.ready.length + this.inFlight.size;
  }

  /** Up to max visible messages; each receive counts toward maxReceiveCount. */
  receive(max: number, now = Date.now()): LocalMessage<T>[] {
    if (this.visibilityTimeoutMs !== undefined) {
      for (const e of this.inFlight.values()) {
        if (e.visibleAt > now) continue;
        this.inFlight.delete(e.messageId);
        // Its visibility timed out: received again, or — received maxReceiveCount times already —
        // moved to the dead letters, as SQS's redrive policy does at the next receive.
        if (e.receiveCount >= this.maxReceiveCount) {
          const reason = { code: 'MAX_RECEIVES', message: `not deleted after ${e.receiveCount} receives` };
          this.deadLetter(e, reason, now);
        } else this.ready.push(e);
      }
    }
    const out: LocalMessage<T>[] = [];
    const keep: Entry[] = [];
    const changes: QueueChange[] = [];
    for (const e of this.ready) {
      if (out.length < max && e.visibleAt <= now) {
        e.receiveCount++;
        e.firstReceivedAt ??= now;
        e.visibleAt = now + (this.visibilityTimeoutMs ?? JOURNALED_VISIBILITY_MS);
        this.inFlight.set(e.messageId, e);
        changes.push({ type: 'put', entry: { ...e } });
        out.push({ messageId: e.messageId, body: JSON.parse(e.json) as T, receiveCount: e.receiveCount });
      } else keep.push(e);
    }
    this.ready = keep;
    this.journalWrite(changes);
    return out;
  }

  /** Waits until the receives, acks and retries so far are on disk; throws if a write failed. */
  async settle(): Promise<void> {
    const pending = this.journaling;
    this.journaling = [];
    await Promise.all(pending);
  }

  private journalWrite(changes: QueueChange[]): void {
    if (!this.journal || !changes.length) return;
    const write = this.journal.write(this.name, changes);
    write.catch(() => undefined); // awaited (and thrown) by settle
    this.journaling.push(write);
  }

  /** Milliseconds until the next invisible message becomes visible, or null when none waits. */
  nextVisibleIn(now = Date.now()): number | null {
    const waiting = [...this.ready];
    if (this.visibilityTimeoutMs !== undefined) waiting.push(...this.inFlight.values());
    if (!waiting.length) return null;
    return Math.max(0, Math.min(...waiting.map((e) => e.visibleAt)) - now);
  }

  /** The message was handled: delete it. */
  ack(messageId: string): void {
    if (this.inFlight.delete(messageId)) this.journalWrite([{ type: 'del', messageId }]);
  }

  /**
   * The message failed: dead-letter it with its error when the error is permanent (not retryable) or
   * it has been received maxReceiveCount times; otherwise retry it later. A failure before anything
   * was sent (HOST_COOLING_DOWN, HOST_BUSY) does not count as a receive, within notSentGraceMs of
   * the message's first receive.
   */
  fail(messageId: string, err: unknown, now = Date.now()): 'retry' | 'dead-letter' {
    const e = this.inFlight.get(messageId);
    if (!e) return 'retry';
    this.inFlight.delete(messageId);
    const { code, message, retryable } = describeError(err);
    // Not sent (host cooling down after a 429/503, or its slots all taken): the host never saw the
    // request, so the receive is given back — else a host's repeated Retry-After would spend the
    // receives of every message queued for it at once. Only within notSentGraceMs of the message's
    // first receive, so a host that never lets up still ends in the DLQ.
    // (pipeline/notSentGrace.ts: the policy the deployed process-article and poll-feed follow too.)
    if (notSentWithinGrace({ code, retryable }, e.firstReceivedAt ?? now, now, this.notSentGraceMs)) {
      e.receiveCount = Math.max(0, e.receiveCount - 1);
    }
    if ((!retryable && this.deadLetterPermanentAtOnce) || e.receiveCount >= this.maxReceiveCount) {
      this.deadLetter(e, { code, message }, now);
      return 'dead-letter';
    }
    // A host that asked to be left alone (429/503 Retry-After, or its cooldown in the HTTP client) is
    // retried after that time, not at once: in AWS the visibility timeout covers it; here the short
    // retry delay would spend every receive inside the cooldown and dead-letter the message.
    // Capped, so a host asking for an hour does not hold a local run that long (the receive counts).
    const hostWait = retryAfterOf(err, now);
    e.visibleAt = Math.max(
      now + this.retryDelayMs * Math.max(1, e.receiveCount),
      hostWait === null ? 0 : Math.min(hostWait, now + MAX_RETRY_AFTER_WAIT_MS),
    );
    this.ready.push(e);
    this.journalWrite([{ type: 'put', entry: { ...e } }]);
    return 'retry';
  }

  /**
   * Moves the message to the dead letters (and the store). With a journal: the letter is written
   * into the message's entry first and the entry deleted only once the store holds the letter, so
   * a crash in between parks it at the next open rather than losing it.
   */
  private deadLetter(e: Entry, error: { code: string; message: string }, now: number): void {
    const letter: DeadLetter<T> = {
      messageId: e.messageId,
      body: JSON.parse(e.json) as T,
      receiveCount: e.receiveCount,
      error,
      deadAt: new Date(now).toISOString(),
      sentAt: new Date(e.sentAt).toISOString(),
      firstReceivedAt: e.firstReceivedAt === null ? null : new Date(e.firstReceivedAt).toISOString(),
    };
    this.deadLetters.push(letter);
    const journal = this.journal;
    const marked = journal?.write(this.name, [{ type: 'put', entry: { ...e, dead: { ...error, deadAt: now } } }]);
    const store = this.store;
    const park = async (): Promise<void> => {
      await marked;
      await store?.store.append({
        id: letter.messageId,
        queue: store.queue,
        body: e.json,
        reason: letter.error,
        receiveCount: letter.receiveCount,
        sentAt: letter.sentAt,
        firstReceivedAt: letter.firstReceivedAt,
        deadLetteredAt: letter.deadAt,
      });
      await journal?.write(this.name, [{ type: 'del', messageId: e.messageId }]);
    };
    if (store || journal) {
      this.storing.push(
        park().catch((err: unknown) => {
          this.storeError ??= err; // surfaced by flushDeadLetters, never an unhandled rejection
        }),
      );
    }
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
      await queue.settle(); // the receive counts are on disk before any handler runs
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
    await queue.settle();
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

/**
 * pipelineQueues kept in `journal` (crash-safe): what a killed run left in them is loaded, to be
 * drained with this run's messages.
 */
export async function openPipelineQueues(
  store: DeadLetterStore,
  journal: QueueJournal,
  maxReceiveCount = 3,
): Promise<{ pollQueue: LocalQueue<PollFeedMessage>; articleQueue: LocalQueue<ProcessArticleMessage> }> {
  return {
    pollQueue: await LocalQueue.open<PollFeedMessage>('poll', {
      maxReceiveCount,
      deadLetterPermanentAtOnce: false,
      deadLetterStore: { store, queue: 'poll' },
      journal,
    }),
    articleQueue: await LocalQueue.open<ProcessArticleMessage>('article', {
      maxReceiveCount,
      deadLetterStore: { store, queue: 'article' },
      journal,
    }),
  };
}

/** Longest a local retry waits for a host's Retry-After. */
const MAX_RETRY_AFTER_WAIT_MS = 60_000;

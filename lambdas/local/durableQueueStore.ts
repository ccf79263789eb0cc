/**
 * Where the local queues keep their messages so a killed `newswire ingest` loses none: a LevelDB
 * (classic-level, prebuilt N-API binary, no build on Node 20) under `<data-dir>/queues/`. Every
 * change is written with `sync: true` (fsync before the promise resolves) and changes issued
 * together are committed as one atomic batch (group commit: one fsync for many sends or acks).
 *
 * One key per message, `<queue>!<messageId>`; its value is the message as the queue holds it
 * (body, receive count, visibility, …). A message about to be dead-lettered is first rewritten
 * with the letter (`dead`), then parked in the DeadLetterStore, then deleted: a crash between the
 * steps leaves the letter here, and the next open parks it (parking again under the same id
 * replaces the entry, so it is parked once).
 *
 * LevelDB locks its folder, so one process at a time holds the queues of a data dir; whatever
 * another process left in flight was held by a process that is gone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';

/** A message as a LocalQueue keeps it; the same shape in memory and on disk. */
export interface StoredQueueEntry {
  messageId: string;
  /** The body as JSON text, exactly as sent. */
  json: string;
  receiveCount: number;
  /** Epoch ms from which a receive may return it. */
  visibleAt: number;
  sentAt: number;
  firstReceivedAt: number | null;
  /** Order of sending within the store (FIFO when loaded again). */
  seq: number;
  /** Set once the message is being dead-lettered: the letter's reason and time. */
  dead?: { code: string; message: string; deadAt: number };
}

export type QueueChange = { type: 'put'; entry: StoredQueueEntry } | { type: 'del'; messageId: string };

/** What a LocalQueue needs to keep its messages: write changes durably, read them back on open. */
export interface QueueJournal {
  /** Resolves once the changes are on disk (fsync); changes are applied in the order written. */
  write(queue: string, changes: QueueChange[]): Promise<void>;
  /** The queue's messages, in the order they were sent. */
  load(queue: string): Promise<StoredQueueEntry[]>;
  /** A number greater than every seq in the store. */
  nextSeq(): number;
}

/** The folder of the queue store under a data dir. */
export const QUEUE_DIR = 'queues';

export class DurableQueueStore implements QueueJournal {
  private pending: { key: string; value: string | null }[] = [];
  private waiters: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;
  private seq = 0;

  private constructor(private readonly db: ClassicLevel<string, string>) {}

  /** Opens (creating) the store in `dir`; fails when another process holds it. */
  static async open(dir: string): Promise<DurableQueueStore> {
    mkdirSync(path.dirname(dir), { recursive: true });
    const db = new ClassicLevel<string, string>(dir, { valueEncoding: 'utf8' });
    try {
      await db.open();
    } catch (err) {
      const cause = (err as { cause?: Error }).cause ?? (err as Error);
      throw new Error(
        /lock/i.test(cause.message)
          ? `the local queues in ${dir} are in use by another newswire process; wait for it or pass --data-dir`
          : `could not open the local queues in ${dir}: ${cause.message}`,
        { cause: err },
      );
    }
    const store = new DurableQueueStore(db);
    for await (const value of db.values()) {
      store.seq = Math.max(store.seq, (JSON.parse(value) as StoredQueueEntry).seq + 1);
    }
    return store;
  }

  nextSeq(): number {
    return this.seq++;
  }

  write(queue: string, changes: QueueChange[]): Promise<void> {
    if (!changes.length) return Promise.resolve();
    for (const c of changes) {
      if (c.type === 'put') this.pending.push({ key: key(queue, c.entry.messageId), value: JSON.stringify(c.entry) });
      else this.pending.push({ key: key(queue, c.messageId), value: null });
    }
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.writing ??= this.flushLoop();
    return done;
  }

  async load(queue: string): Promise<StoredQueueEntry[]> {
    await this.writing;
    const out: StoredQueueEntry[] = [];
    for await (const value of this.db.values({ gt: `${queue}!`, lt: `${queue}!\uffff` })) {
      out.push(JSON.parse(value) as StoredQueueEntry);
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  async close(): Promise<void> {
    await this.writing;
    await this.db.close();
  }

  /** Commits what is pending as one synced batch, then whatever arrived meanwhile, until none is left. */
  private async flushLoop(): Promise<void> {
    while (this.pending.length) {
      const ops = this.pending;
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        await this.db.batch(
          ops.map((o) =>
            o.value === null
              ? { type: 'del' as const, key: o.key }
              : { type: 'put' as const, key: o.key, value: o.value },
          ),
          { sync: true },
        );
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.writing = null;
  }
}

function key(queue: string, messageId: string): string {
  return `${queue}!${messageId}`;
}

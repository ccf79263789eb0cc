/**
 * Where the local queues park their dead letters so they outlive the process: `newswire ingest`
 * appends, `newswire dlq` lists, redrives and purges. A small port (append / list / get / remove) so
 * a crash-safe queue store can take its place; FileDeadLetterStore keeps one JSON line per letter in
 * `<data-dir>/dead-letters/<queue>.jsonl`.
 *
 * The file is append-only between removals: a letter appended again with the same id (a redriven
 * message that failed again) replaces the earlier line when read — the last line of an id wins. A
 * removal rewrites the file to a temporary one and renames it over, so a crash leaves the old file
 * or the new one, never half of each; a torn last line (a crash mid-append) is skipped when read.
 */
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The local queues that park messages (dispatch runs in the process: there is no local schedule queue). */
export type LocalDlqName = 'poll' | 'article';

export interface StoredDeadLetter {
  /** The message id: kept when the message is redriven, so a second failure replaces the entry. */
  id: string;
  queue: LocalDlqName;
  /** The message body as JSON text, exactly as sent. */
  body: string;
  reason: { code: string; message: string };
  receiveCount: number;
  sentAt: string;
  firstReceivedAt: string | null;
  deadLetteredAt: string;
}

export interface DeadLetterStore {
  append(letter: StoredDeadLetter): Promise<void>;
  /** The queue's letters, oldest parked first. */
  list(queue: LocalDlqName): Promise<StoredDeadLetter[]>;
  get(queue: LocalDlqName, id: string): Promise<StoredDeadLetter | null>;
  /** Removes these ids; returns how many were there. */
  remove(queue: LocalDlqName, ids: readonly string[]): Promise<number>;
}

/** The folder under the data dir that holds the dead-letter files. */
export const DEAD_LETTER_DIR = 'dead-letters';

export class FileDeadLetterStore implements DeadLetterStore {
  /** Serializes this process's writes to a file (appends and rewrites must not interleave). */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  file(queue: LocalDlqName): string {
    return path.join(this.dir, `${queue}.jsonl`);
  }

  append(letter: StoredDeadLetter): Promise<void> {
    return this.serial(async () => {
      await mkdir(this.dir, { recursive: true });
      const file = this.file(letter.queue);
      // After a torn last line, start a new one: glued to it, this letter would be unreadable too.
      const lead = (await endsMidLine(file)) ? '\n' : '';
      // Synced before it resolves: a crash-safe queue deletes the message once this returns.
      const handle = await open(file, 'a');
      try {
        await handle.appendFile(`${lead}${JSON.stringify(letter)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
  }

  async list(queue: LocalDlqName): Promise<StoredDeadLetter[]> {
    await this.chain;
    return this.read(queue);
  }

  async get(queue: LocalDlqName, id: string): Promise<StoredDeadLetter | null> {
    return (await this.list(queue)).find((l) => l.id === id) ?? null;
  }

  remove(queue: LocalDlqName, ids: readonly string[]): Promise<number> {
    return this.serial(async () => {
      const letters = await this.read(queue);
      const drop = new Set(ids);
      const kept = letters.filter((l) => !drop.has(l.id));
      if (kept.length === letters.length) return 0;
      const file = this.file(queue);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, kept.map((l) => `${JSON.stringify(l)}\n`).join(''), 'utf8');
      await rename(tmp, file);
      return letters.length - kept.length;
    });
  }

  private async read(queue: LocalDlqName): Promise<StoredDeadLetter[]> {
    let text: string;
    try {
      text = await readFile(this.file(queue), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const byId = new Map<string, StoredDeadLetter>();
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let letter: StoredDeadLetter;
      try {
        letter = JSON.parse(line) as StoredDeadLetter;
      } catch {
        continue; // a line torn by a crash mid-append: the message it held was never acknowledged as parked
      }
      byId.delete(letter.id); // re-inserted: a replaced letter moves to where it was parked again
      byId.set(letter.id, letter);
    }
    return [...byId.values()];
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }
}

/** Whether the file's last byte is not a newline (a crash cut its last line); false when empty or absent. */
async function endsMidLine(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}

/** The same port in memory (a runtime without a data dir, and tests). */
export class MemoryDeadLetterStore implements DeadLetterStore {
  private readonly letters = new Map<string, StoredDeadLetter>();
  private key = (queue: string, id: string) => `${queue}\u0000${id}`;

  async append(letter: StoredDeadLetter): Promise<void> {
    const k = this.key(letter.queue, letter.id);
    this.letters.delete(k);
    this.letters.set(k, structuredClone(letter));
  }
  async list(queue: LocalDlqName): Promise<StoredDeadLetter[]> {
    return [...this.letters.values()].filter((l) => l.queue === queue).map((l) => structuredClone(l));
  }
  async get(queue: LocalDlqName, id: string): Promise<StoredDeadLetter | null> {
    const l = this.letters.get(this.key(queue, id));
    return l ? structuredClone(l) : null;
  }
  async remove(queue: LocalDlqName, ids: readonly string[]): Promise<number> {
    let n = 0;
    for (const id of ids) if (this.letters.delete(this.key(queue, id))) n++;
    return n;
  }
}

/**
 * The embedded DynamoDB of the local runtime: dynalite on 127.0.0.1, in memory or persisted under a
 * folder. Tables become ACTIVE at once (createTableMs 0) so a fresh start can write immediately.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

interface DynaliteOptions {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}
// dynalite ships no types; this is the one function we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (options: DynaliteOptions) => Server;

export interface LocalDynamoOptions {
  /** Persist the data under this folder. @default - in memory */
  readonly dir?: string;
  /** Port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
}

export interface LocalDynamo {
  /** `http://127.0.0.1:<port>` — pass it as the client endpoint. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops listening and closes the store (flushes a persisted store). */
  close(): Promise<void>;
}

interface LevelDb {
  open(): Promise<void>;
  close(): Promise<void>;
}
/** The LevelDB class dynalite persists with (resolved from dynalite itself, so it is the same copy). */
function levelOfDynalite(): new (location: string) => LevelDb {
  const fromDynalite = { paths: [path.dirname(require.resolve('dynalite'))] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(require.resolve('level', fromDynalite)) as { Level: new (location: string) => LevelDb }).Level;
}

/**
 * dynalite opens its store lazily: on a folder another process holds, it would listen, then crash
 * the process on the first request. Open the folder first, so a lock fails here, with a message.
 */
async function assertNotLocked(dir: string): Promise<void> {
  const Level = levelOfDynalite();
  const db = new Level(dir);
  try {
    await db.open();
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED') {
      throw new Error(`${dir} is locked by another process (LEVEL_LOCKED)`, { cause: err });
    }
    throw err;
  }
  await db.close();
}

/** Starts dynalite bound to 127.0.0.1 only. Throws (message mentions "locked") when another process holds `dir`. */
export async function startLocalDynamo(opts: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  if (opts.dir !== undefined) {
    await mkdir(opts.dir, { recursive: true });
    await assertNotLocked(opts.dir);
  }
  const server = dynalite({
    ...(opts.dir !== undefined ? { path: opts.dir } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets of SDK clients would otherwise hold close() open.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

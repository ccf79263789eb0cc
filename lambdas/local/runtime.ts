/**
 * The local runtime: the same adapters the Lambdas use, pointed at an embedded DynamoDB (dynalite,
 * persisted under the data dir) and a folder archive, plus in-process queues with SQS semantics.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FolderRawArchive } from '../adapters/archive/folderArchive';
import { DynamoArticleStore } from '../adapters/dynamodb/articleStore';
import { makeDocumentClient } from '../adapters/dynamodb/clients';
import { ensureTables } from '../adapters/dynamodb/createTables';
import { DynamoFeedStore } from '../adapters/dynamodb/feedStore';
import { DynamoHostSlots, leaseMsFor } from '../adapters/dynamodb/hostSlots';
import { DEFAULT_MAX_REQUESTS_PER_HOST } from '../adapters/dynamodb/tableDesign';
import { FETCH_DEFAULTS, type FetchSettings } from '../adapters/http/fetchDefaults';
import { UndiciHttpClient } from '../adapters/http/httpClient';
import type { ArticleStore, Clock, FeedStore, HttpClient, Log, RawArchive } from '../pipeline/ports';
import { DEAD_LETTER_DIR, FileDeadLetterStore, MemoryDeadLetterStore, type DeadLetterStore } from './deadLetterStore';
import { startLocalDynamo, type LocalDynamo } from './dynamoServer';

export const LOCAL_TABLES = { articles: 'newswire-articles', feeds: 'newswire-feeds' } as const;

export interface LocalRuntimeOptions {
  /**
   * Data folder: dynalite files under dynamodb/, raw archive under archive/, dead letters under
   * dead-letters/. Null = all in memory (tests).
   */
  dataDir: string | null;
  /** host:port pairs the HTTP guard lets through (the local sample server). */
  allowHosts?: string[];
  /** Settings of the HTTP client (timeouts, caps, per-host concurrency, User-Agent). @default FETCH_DEFAULTS */
  fetch?: Partial<FetchSettings>;
  /** Port for the embedded DynamoDB. @default 0 (a free port) */
  dynamoPort?: number;
  /**
   * A DynamoDB already running to use instead of starting the embedded one, closed with the
   * runtime (`npm run cost -- --measure` runs it in a child process, so its CPU time is not counted
   * as the pipeline's: deployed, DynamoDB's work is not the function's). @default - embedded
   */
  dynamo?: LocalDynamo;
  /**
   * Requests in flight to one host from every process using this data dir (slots in its Feeds
   * table, the same adapter as the Lambdas'). @default DEFAULT_MAX_REQUESTS_PER_HOST
   */
  maxRequestsPerHost?: number;
  log: Log;
}
export interface LocalRuntime {
  feeds: FeedStore;
  articles: ArticleStore;
  archive: RawArchive;
  /** Where the local queues park dead letters (`newswire dlq`). */
  deadLetters: DeadLetterStore;
  http: HttpClient;
  clock: Clock;
  log: Log;
  dynamoEndpoint: string;
  /** Frees the host request slots a killed run left taken (DynamoHostSlots.releaseAll); hosts freed. */
  releaseHostSlots(): Promise<number>;
  close(): Promise<void>;
}

export async function openLocalRuntime(opts: LocalRuntimeOptions): Promise<LocalRuntime> {
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const dynamo =
    opts.dynamo ??
    (await startLocalDynamo({
      dir: dataDir ? path.join(dataDir, 'dynamodb') : undefined,
      port: opts.dynamoPort ?? 0,
    }).catch((err: Error) => {
      throw new Error(
        /lock/i.test(err.message)
          ? `the data dir ${dataDir} is in use by another newswire process (${err.message}); wait for it or pass --data-dir`
          : `could not start the embedded DynamoDB: ${err.message}`,
        { cause: err },
      );
    }));
  const client = makeDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
  await ensureTables(client, LOCAL_TABLES);
  const archiveDir = dataDir
    ? path.join(dataDir, 'archive')
    : path.join(tmpdir(), `newswire-archive-${process.pid}-${Date.now()}`);
  const archive = new FolderRawArchive({ dir: archiveDir });
  const hostSlots = new DynamoHostSlots({
    client,
    tableName: LOCAL_TABLES.feeds,
    limit: opts.maxRequestsPerHost ?? DEFAULT_MAX_REQUESTS_PER_HOST,
    leaseMs: leaseMsFor(opts.fetch?.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs),
  });
  const http = new UndiciHttpClient({
    ...opts.fetch,
    hostSlots,
    allowHosts: [...(opts.fetch?.allowHosts ?? []), ...(opts.allowHosts ?? [])],
  });
  return {
    feeds: new DynamoFeedStore({ client, tableName: LOCAL_TABLES.feeds }),
    articles: new DynamoArticleStore({ client, tableName: LOCAL_TABLES.articles, archive }),
    archive,
    deadLetters: dataDir ? new FileDeadLetterStore(path.join(dataDir, DEAD_LETTER_DIR)) : new MemoryDeadLetterStore(),
    http,
    clock: { now: () => new Date() },
    log: opts.log,
    dynamoEndpoint: dynamo.endpoint,
    releaseHostSlots: () => hostSlots.releaseAll(),
    close: async () => {
      client.destroy();
      await http.close();
      await dynamo.close();
    },
  };
}

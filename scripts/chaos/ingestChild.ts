/**
 * One `ingest` run of the chaos harness, as its own process (the harness SIGKILLs it at random
 * points): the local runtime of lambdas/local/runtime.ts — the same adapters and runIngest — but
 * with DynamoDB reached through the harness's fault proxy (dynalite itself lives in the harness, so
 * a kill loses only what this process held) and the raw archive wrapped in FaultyArchive.
 * Settings come as one JSON argument; prints one JSON line of the run's counts. With mode
 * `redrive` it redrives the named dead letters instead, as `newswire dlq redrive` does.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { FolderRawArchive } from '../../lambdas/adapters/archive/folderArchive';
import { DynamoArticleStore } from '../../lambdas/adapters/dynamodb/articleStore';
import { makeDocumentClient } from '../../lambdas/adapters/dynamodb/clients';
import { DynamoFeedStore } from '../../lambdas/adapters/dynamodb/feedStore';
import { DynamoHostSlots, leaseMsFor } from '../../lambdas/adapters/dynamodb/hostSlots';
import { DEFAULT_MAX_REQUESTS_PER_HOST } from '../../lambdas/adapters/dynamodb/tableDesign';
import { UndiciHttpClient } from '../../lambdas/adapters/http/httpClient';
import { consoleLog } from '../../lambdas/local/consoleLog';
import { DEAD_LETTER_DIR, FileDeadLetterStore } from '../../lambdas/local/deadLetterStore';
import { readFeedsFile, runIngest } from '../../lambdas/local/ingest';
import { LocalDeadLetterQueues } from '../../lambdas/local/localDeadLetters';
import { LOCAL_TABLES, type LocalRuntime } from '../../lambdas/local/runtime';
import { FaultyArchive } from './faultyArchive';

export interface ChildSettings {
  dataDir: string;
  dynamoEndpoint: string;
  feedsFile: string;
  allowHost: string;
  archiveFaultRate: number;
  seed: number;
  faultLog: string;
  /** The HTTP client's total timeout; host-slot leases a killed run leaves behind last this + 10 s. */
  fetchTimeoutMs: number;
  /** Append the run's warnings and errors (JSON lines) here; unset: silent. */
  logFile?: string;
  /**
   * `redrive`: instead of an ingest, what an operator's `newswire dlq redrive poll|article --id …`
   * does — the letters of `redriveIds` run through their step again. @default 'ingest'
   */
  mode?: 'ingest' | 'redrive';
  redriveIds?: { poll: string[]; article: string[] };
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const s = JSON.parse(process.argv[2] ?? '{}') as ChildSettings;
  const client = makeDocumentClient({ endpoint: s.dynamoEndpoint, region: 'local' });
  const archive = new FaultyArchive(new FolderRawArchive({ dir: path.join(s.dataDir, 'archive') }), {
    seed: s.seed,
    faultRate: s.archiveFaultRate,
    faultLog: s.faultLog,
  });
  const hostSlots = new DynamoHostSlots({
    client,
    tableName: LOCAL_TABLES.feeds,
    limit: DEFAULT_MAX_REQUESTS_PER_HOST,
    leaseMs: leaseMsFor(s.fetchTimeoutMs),
  });
  const http = new UndiciHttpClient({
    totalTimeoutMs: s.fetchTimeoutMs,
    hostSlots,
    allowHosts: [s.allowHost],
  });
  const rt: LocalRuntime = {
    feeds: new DynamoFeedStore({ client, tableName: LOCAL_TABLES.feeds }),
    articles: new DynamoArticleStore({ client, tableName: LOCAL_TABLES.articles, archive }),
    archive,
    deadLetters: new FileDeadLetterStore(path.join(s.dataDir, DEAD_LETTER_DIR)),
    http,
    clock: { now: () => new Date() },
    log: s.logFile ? consoleLog('warn', (line) => appendFileSync(s.logFile!, line)) : consoleLog('silent'),
    dynamoEndpoint: s.dynamoEndpoint,
    releaseHostSlots: () => hostSlots.releaseAll(),
    close: async () => {
      client.destroy();
      await http.close();
    },
  };
  try {
    if (s.mode === 'redrive') {
      const dlq = new LocalDeadLetterQueues({
        store: rt.deadLetters,
        where: s.dataDir,
        openRuntime: () => Promise.resolve({ ...rt, close: () => Promise.resolve() }),
      });
      const poll = await dlq.redrive('poll', { ids: s.redriveIds?.poll ?? [] });
      const article = await dlq.redrive('article', { ids: s.redriveIds?.article ?? [] });
      console.log(JSON.stringify({ poll, article }));
      return;
    }
    const report = await runIngest(rt, { feeds: readFeedsFile(s.feedsFile) });
    const { feeds, itemsSeen, written, unchanged, failed, created, revised } = report;
    console.log(JSON.stringify({ feeds, itemsSeen, written, unchanged, failed, created, revised }));
  } finally {
    await rt.close();
  }
}

main().catch((err: unknown) => {
  console.error(`chaos ingest child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});

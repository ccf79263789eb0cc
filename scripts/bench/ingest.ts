/**
 * `npm run bench:ingest [-- --records N] [--seed S] [--json]`
 *
 * End-to-end ingest throughput of the local pipeline against the ceiling of its sink, in one run:
 * 1. a child process generates N releases (deterministic from the seed) and serves them over HTTP
 *    on 127.0.0.1 as RSS feeds + release pages;
 * 2. the real local pipeline (openLocalRuntime + runIngest: poll, fetch, parse, archive, exactly-once
 *    writes) ingests them into the embedded DynamoDB (dynalite, persisted in a temp dir);
 * 3. the sink ceiling: every item the store wrote (records and index items, read back as stored) is
 *    written again with BatchWriteItem straight into a fresh dynalite of the same kind;
 * 4. figures: records/s, ceiling/s, ratio (target ≥ 0.5), peak RSS, bytes and write units per
 *    record, and the estimated AWS cost per million releases (costModel.ts states prices and
 *    assumptions). Where the pipeline's time goes is printed too (summed latency per port call).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BatchWriteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ScanCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { makeDocumentClient } from '../../lambdas/adapters/dynamodb/clients';
import { ensureTables } from '../../lambdas/adapters/dynamodb/createTables';
import { consoleLog } from '../../lambdas/local/consoleLog';
import { startLocalDynamo } from '../../lambdas/local/dynamoServer';
import { runIngest } from '../../lambdas/local/ingest';
import { LOCAL_TABLES, openLocalRuntime } from '../../lambdas/local/runtime';
import { ASSUMPTIONS, costPerMillion, PRICES } from './costModel';
import { itemSize, writeUnits, type GsiShape, type RawItem } from './itemSize';
import { timePorts, type PortTimings } from './portTimings';
import { startReleaseServerProcess } from './releaseServerProcess';

interface Args {
  records: number;
  seed: number;
  json: boolean;
  concurrency: number | undefined;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { records: 10_000, seed: 20251129, json: false, concurrency: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${a} needs a positive whole number`);
      return n;
    };
    if (a === '--records') args.records = num();
    else if (a === '--seed') args.seed = num();
    else if (a === '--concurrency') args.concurrency = num();
    else if (a === '--json') args.json = true;
    else
      throw new Error(`unknown argument ${a}; usage: bench:ingest [--records N] [--seed S] [--concurrency C] [--json]`);
  }
  return args;
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) n += statSync(path.join(e.parentPath, e.name)).size;
  }
  return n;
}

async function scanAll(client: DynamoDBClient, table: string): Promise<RawItem[]> {
  const items: RawItem[] = [];
  let start: RawItem | undefined;
  do {
    const out = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...((out.Items ?? []) as RawItem[]));
    start = out.LastEvaluatedKey as RawItem | undefined;
  } while (start);
  return items;
}

async function gsiShapes(client: DynamoDBClient, table: string): Promise<{ key: string; gsis: GsiShape[] }> {
  const t = (await client.send(new DescribeTableCommand({ TableName: table }))).Table;
  const key = t?.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName ?? 'id';
  const gsis = (t?.GlobalSecondaryIndexes ?? []).map((g) => ({
    name: g.IndexName ?? '',
    partitionKey: g.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName ?? '',
    sortKey: g.KeySchema?.find((k) => k.KeyType === 'RANGE')?.AttributeName ?? null,
    projected:
      g.Projection?.ProjectionType === 'ALL'
        ? null
        : g.Projection?.ProjectionType === 'INCLUDE'
          ? (g.Projection.NonKeyAttributes ?? [])
          : [],
  }));
  return { key, gsis };
}

/** BatchWriteItem of items, 25 per request, `concurrency` requests in flight, UnprocessedItems retried. */
async function batchWriteAll(client: DynamoDBClient, table: string, items: RawItem[], concurrency: number) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + 25);
      next += 25;
      let pending: WriteRequest[] = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 10 * 2 ** attempt)));
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
        pending = out.UnprocessedItems?.[table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const DRAIN_CONCURRENCY_DEFAULT = 4;

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = parseArgs(process.argv.slice(2));
  const say = (s: string) => {
    if (!args.json) process.stderr.write(s + '\n');
  };
  const work = mkdtempSync(path.join(tmpdir(), 'newswire-bench-'));
  say(`generating and serving ${args.records} releases (seed ${args.seed}) …`);
  const { child, served } = await startReleaseServerProcess(args.records, args.seed);
  try {
    // ---- 1. the pipeline, end to end ----
    const rt = await openLocalRuntime({
      dataDir: path.join(work, 'pipeline'),
      log: consoleLog('silent'),
      allowHosts: [new URL(served.baseUrl).host],
    });
    let pipeline: { secs: number; pollSecs: number; written: number; failed: number; cpuMs: number; peakRssMb: number };
    let timings: PortTimings;
    let stored: RawItem[];
    let shapes: { key: string; gsis: GsiShape[] };
    try {
      const timed = timePorts(rt);
      timings = timed.timings;
      say(`ingesting through the local pipeline (${served.feeds.length} feeds) …`);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      let processStarted = 0;
      const report = await runIngest(timed.runtime, {
        feeds: served.feeds.map((f) => ({ url: f.url, name: f.name })),
        onProgress: (p) => {
          if (p.stage === 'process' && processStarted === 0) processStarted = performance.now();
        },
        ...(args.concurrency ? { concurrency: args.concurrency } : {}),
      });
      const secs = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      pipeline = {
        secs,
        pollSecs: ((processStarted || performance.now()) - t0) / 1000,
        written: report.written,
        failed: report.failed,
        cpuMs: (cpu.user + cpu.system) / 1000,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      };
      if (report.failed > 0 || report.written !== args.records) {
        process.stderr.write(
          `warning: written ${report.written} of ${args.records}, failed ${report.failed}` +
            (report.deadLetters[0]
              ? ` (first: ${report.deadLetters[0].error.code} ${report.deadLetters[0].error.message})`
              : '') +
            '\n',
        );
      }
      const raw = new DynamoDBClient({
        endpoint: rt.dynamoEndpoint,
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      stored = await scanAll(raw, LOCAL_TABLES.articles);
      shapes = await gsiShapes(raw, LOCAL_TABLES.articles);
      raw.destroy();
    } finally {
      await rt.close();
    }
    const archiveBytes = dirBytes(path.join(work, 'pipeline', 'archive'));

    // ---- 2. the sink ceiling: the same items, BatchWriteItem straight into a fresh dynalite ----
    say(`ceiling: BatchWriteItem of the ${stored.length} stored items into a fresh dynalite …`);
    const dynamo = await startLocalDynamo({ dir: path.join(work, 'ceiling') });
    let ceilingSecs: number;
    try {
      await ensureTables(makeDocumentClient({ endpoint: dynamo.endpoint, region: 'local' }), LOCAL_TABLES);
      const client = new DynamoDBClient({
        endpoint: dynamo.endpoint,
        region: 'local',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      const t0 = performance.now();
      await batchWriteAll(client, LOCAL_TABLES.articles, stored, args.concurrency ?? DRAIN_CONCURRENCY_DEFAULT);
      ceilingSecs = (performance.now() - t0) / 1000;
      client.destroy();
    } finally {
      await dynamo.close();
    }

    // ---- 3. figures ----
    const releaseItems = stored.filter(
      (i) => i.itemType?.S === 'release' || (!i.itemType && i.id?.S && !i.id.S.includes('#')),
    );
    const records = pipeline.written;
    const recordsPerSec = records / pipeline.secs;
    const ceilingPerSec = releaseItems.length / ceilingSecs;
    const totalBytes = stored.reduce((n, i) => n + itemSize(i), 0);
    const totalWcu = stored.reduce((n, i) => n + writeUnits(i, shapes.key, shapes.gsis), 0);
    const bytesPerRecord = totalBytes / Math.max(1, records);
    const writeUnitsPerRecord = totalWcu / Math.max(1, records);
    const cost = costPerMillion({
      writeUnitsPerRecord,
      bytesPerRecord,
      releaseItemBytes: releaseItems.reduce((n, i) => n + itemSize(i), 0) / Math.max(1, releaseItems.length),
      archiveBytesPerRecord: archiveBytes / Math.max(1, records),
      cpuMsPerRecord: pipeline.cpuMs / Math.max(1, records),
    });
    const summary = {
      records,
      recordsPerSec: round(recordsPerSec, 1),
      ceilingPerSec: round(ceilingPerSec, 1),
      ratio: round(recordsPerSec / ceilingPerSec, 3),
      peakRssMb: round(pipeline.peakRssMb, 1),
      bytesPerRecord: Math.round(bytesPerRecord),
      writeUnitsPerRecord: round(writeUnitsPerRecord, 2),
      costPerMillionUsd: round(cost.total, 2),
    };
    if (args.json) {
      console.log(JSON.stringify(summary));
      return;
    }
    const kinds = new Map<string, number>();
    for (const i of stored) kinds.set(i.itemType?.S ?? 'release', (kinds.get(i.itemType?.S ?? 'release') ?? 0) + 1);
    const lines = [
      `newswire bench:ingest — ${records} releases (seed ${args.seed}), ${served.feeds.length} feeds, ` +
        `${(served.pageBytes / records / 1024).toFixed(1)} KiB per page, served from 127.0.0.1`,
      `  pipeline        ${summary.recordsPerSec} records/s  (${pipeline.secs.toFixed(1)} s: polls ${pipeline.pollSecs.toFixed(1)} s, releases ${(pipeline.secs - pipeline.pollSecs).toFixed(1)} s; ${(pipeline.cpuMs / records).toFixed(2)} ms CPU per record; failed ${pipeline.failed})`,
      `  sink ceiling    ${summary.ceilingPerSec} records/s  (BatchWriteItem of ${stored.length} items in ${ceilingSecs.toFixed(1)} s)`,
      `  ratio           ${summary.ratio}  (target ≥ 0.5: ${summary.ratio >= 0.5 ? 'met' : 'NOT met'})`,
      `  peak RSS        ${summary.peakRssMb} MB  (pipeline + embedded DynamoDB; the release server is a child process)`,
      `  items           ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`,
      `  bytes/record    ${summary.bytesPerRecord}  (DynamoDB item bytes, record + index items)`,
      `  WCU/record      ${summary.writeUnitsPerRecord}  (1 per started KB of each item and of each GSI entry: ${shapes.gsis.map((g) => g.name).join(', ')})`,
      `  archive         ${(archiveBytes / records / 1024).toFixed(1)} KiB per record (gzip pages + feed bodies)`,
      `  cost/1M         $${summary.costPerMillionUsd}  = DynamoDB $${cost.dynamodb.toFixed(2)} + S3 $${cost.s3.toFixed(2)} + Lambda $${cost.lambda.toFixed(2)} + SQS $${cost.sqs.toFixed(2)}`,
      `                  (on-demand list prices ${PRICES.region}, ${PRICES.asOf}; ${ASSUMPTIONS.storageMonths} month of storage; assumptions in scripts/bench/costModel.ts)`,
      `  where the time goes (summed latency of concurrent calls, mean per call):`,
      ...timings.describe().map((l) => `    ${l}`),
    ];
    console.log(lines.join('\n'));
  } finally {
    child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

main().catch((err: unknown) => {
  console.error(`bench:ingest: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});

/**
 * `npm run cost -- --measure [--records N] [--seed S]` — refreshes scripts/cost/measured.json.
 *
 * Counts what the pipeline does per poll and per release in a small local run, for `npm run cost`:
 * 1. a child process serves N generated releases as RSS feeds + pages on 127.0.0.1 (ETag → 304);
 * 2. the real local pipeline ingests them (dynalite + folder archive), logging through the same
 *    Powertools Logger the Lambdas use; round 2 polls the same feeds again (nothing new: 304s);
 * 3. counted per phase: DynamoDB requests and the capacity units dynalite reports for them
 *    (ReturnConsumedCapacity=TOTAL added by a client middleware; dynalite charges the base table
 *    only, so GSI write units are added from the stored items, as bench:ingest computes them),
 *    archive PUTs and bytes, messages queued, bytes the logger prints, CPU and wall time;
 * 4. the deployed shape is read from the synthesized CDK app (memory sizes, alarms and the
 *    metrics they watch, dashboards, KMS keys, batch sizes, schedule rules).
 * Nothing here contacts any host but 127.0.0.1; nothing calls AWS.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DescribeTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { runIngest } from '../../lambdas/local/ingest';
import { LOCAL_TABLES, openLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import type { LocalDynamo } from '../../lambdas/local/dynamoServer';
import type { Log } from '../../lambdas/pipeline/ports';
import { HOST_SLOTS_ID_PREFIX } from '../../lambdas/adapters/dynamodb/tableDesign';
import { FETCH_DEFAULTS, FETCH_ENV } from '../../lambdas/adapters/http/fetchDefaults';
import { ALARM_METRICS, METRICS_ENV } from '../../lambdas/handlers/metricNames';
import { buildNewswireApp } from '../../lib/app';
import { NewswireFunction } from '../../lib/constructs/newswireFunction';
import { itemSize, writeUnits, type GsiShape, type RawItem } from '../bench/itemSize';
import { startReleaseServerProcess } from '../bench/releaseServerProcess';
import { DASHBOARD_METRICS, emptyPhase, type DeployedShape, type Measured, type PhaseCounts } from './monthlyCost';

export const MEASURED_FILE = path.join(__dirname, 'measured.json');

/** Running totals; a phase is the difference of two snapshots. */
class Counters {
  total = emptyPhase();
  snapshot(): PhaseCounts {
    return structuredClone(this.total);
  }
}

function diff(a: PhaseCounts, b: PhaseCounts, count: number): PhaseCounts {
  const req: Record<string, number> = {};
  for (const [k, v] of Object.entries(b.dynamoRequests)) {
    const d = v - (a.dynamoRequests[k] ?? 0);
    if (d) req[k] = d;
  }
  return {
    count,
    dynamoRequests: req,
    readUnits: b.readUnits - a.readUnits,
    writeUnits: b.writeUnits - a.writeUnits,
    hostSlotReadUnits: (b.hostSlotReadUnits ?? 0) - (a.hostSlotReadUnits ?? 0),
    hostSlotWriteUnits: (b.hostSlotWriteUnits ?? 0) - (a.hostSlotWriteUnits ?? 0),
    archivePuts: b.archivePuts - a.archivePuts,
    archiveBytes: b.archiveBytes - a.archiveBytes,
    messagesQueued: b.messagesQueued - a.messagesQueued,
    logBytes: b.logBytes - a.logBytes,
    cpuMs: b.cpuMs - a.cpuMs,
    wallMs: b.wallMs - a.wallMs,
  };
}

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };
const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);

/** Adds ReturnConsumedCapacity=TOTAL to every request of the client and sums what comes back. */
function countCapacity(client: DynamoDBDocumentClient, c: Counters): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      const input = args.input as Record<string, unknown>;
      if (name !== 'DescribeTableCommand' && name !== 'CreateTableCommand') input.ReturnConsumedCapacity = 'TOTAL';
      c.total.dynamoRequests[name] = (c.total.dynamoRequests[name] ?? 0) + 1;
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((n, x) => n + (x.CapacityUnits ?? 0), 0);
      // The fleet-wide host slots (`host#` items of Feeds): counted apart too, as poll-feed hands them on.
      const key = (input.Key as { id?: unknown } | undefined)?.id;
      const hostSlot = typeof key === 'string' && key.startsWith(HOST_SLOTS_ID_PREFIX);
      if (READS.has(name)) {
        c.total.readUnits += units;
        if (hostSlot) c.total.hostSlotReadUnits = (c.total.hostSlotReadUnits ?? 0) + units;
      } else {
        c.total.writeUnits += units;
        if (hostSlot) c.total.hostSlotWriteUnits = (c.total.hostSlotWriteUnits ?? 0) + units;
      }
      return out;
    },
    { step: 'initialize', name: 'costCountCapacity' },
  );
}

/** The shared document client of the local stores (a private field: this harness only). */
function clientOf(rt: LocalRuntime): DynamoDBDocumentClient {
  const client = (rt.feeds as unknown as { client?: DynamoDBDocumentClient }).client;
  if (!client?.middlewareStack) throw new Error('the local FeedStore no longer exposes its client');
  return client;
}

/** The runtime with archive PUTs counted. */
function countArchive(rt: LocalRuntime, c: Counters): LocalRuntime {
  const archive = rt.archive;
  return {
    ...rt,
    archive: new Proxy(archive, {
      get(target, prop) {
        const member: unknown = Reflect.get(target, prop, target);
        if (typeof member !== 'function') return member;
        if (prop !== 'put') return (member as (...a: unknown[]) => unknown).bind(target);
        return (key: string, body: Uint8Array, type: string) => {
          c.total.archivePuts++;
          c.total.archiveBytes += body.byteLength;
          return (member as (k: string, b: Uint8Array, t: string) => Promise<void>).call(target, key, body, type);
        };
      },
    }),
  };
}

/** The runtime with conditional-GET validators dropped: every feed comes back 200 with its full body. */
function withoutValidators(rt: LocalRuntime): LocalRuntime {
  const http = rt.http;
  return {
    ...rt,
    http: {
      fetch: (url, req) => http.fetch(url, req ? { ...req, etag: null, lastModified: null } : req),
    },
  };
}

/** Bytes written to stdout/stderr (what the Lambda runtime ships to CloudWatch Logs) while counting. */
function captureOutput(c: Counters): () => void {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const count = (chunk: unknown): boolean => {
    c.total.logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Uint8Array).byteLength;
    return true;
  };
  process.stdout.write = count as typeof process.stdout.write;
  process.stderr.write = count as typeof process.stderr.write;
  return () => {
    process.stdout.write = out;
    process.stderr.write = err;
  };
}

/** The Log port over a Powertools Logger, as lambdas/handlers/runtime.ts builds it. */
function powertoolsLog(serviceName: string): Log {
  const logger = new Logger({ serviceName });
  return {
    debug: (m, extra) => (extra ? logger.debug(m, extra) : logger.debug(m)),
    info: (m, extra) => (extra ? logger.info(m, extra) : logger.info(m)),
    warn: (m, extra) => (extra ? logger.warn(m, extra) : logger.warn(m)),
    error: (m, extra) => (extra ? logger.error(m, extra) : logger.error(m)),
  };
}

/** Bytes of the EMF line a handler's Metrics prints per invocation with `n` metrics. */
function emfBytes(serviceName: string, names: string[]): number {
  const c = new Counters();
  const restore = captureOutput(c);
  try {
    const m = new Metrics({ namespace: 'Newswire', serviceName });
    for (const n of names) m.addMetric(n, MetricUnit.Count, 1);
    m.publishStoredMetrics();
  } finally {
    restore();
  }
  return c.total.logBytes;
}

/** What the stack deploys, read from the synthesized templates (bundling skipped). */
export function deployedShape(): DeployedShape {
  const app = buildNewswireApp({ 'aws:cdk:bundling-stacks': [] });
  type Res = { Type: string; Properties?: Record<string, unknown> };
  const ingestTemplate = Template.fromStack(app.ingest).toJSON().Resources as Record<string, Res>;
  const ingest = Object.values(ingestTemplate);
  const data = Object.values(Template.fromStack(app.data).toJSON().Resources as Record<string, Res>);
  const all = [...ingest, ...data];
  const of = (type: string) => all.filter((r) => r.Type === type);
  const memoryOf = (fn: { fn: { node: { defaultChild?: unknown } } }) =>
    Number((fn.fn.node.defaultChild as { memorySize?: number }).memorySize);
  const mapped = (c: { fn: { fn: { node: { defaultChild?: unknown } } } }) => memoryOf(c.fn);
  const alarmMetrics = of('AWS::CloudWatch::Alarm').reduce((n, a) => {
    const metrics = a.Properties?.Metrics as { MetricStat?: unknown }[] | undefined;
    return n + (metrics ? metrics.filter((m) => m.MetricStat).length : 1);
  }, 0);
  // The SQS mapping and the environment of a queue consumer's function, by the function's logical id.
  const logicalIdOf = (fn: NewswireFunction) => app.ingest.getLogicalId(fn.fn.node.defaultChild as CfnElement);
  const mappingOf = (fn: NewswireFunction) => {
    const id = logicalIdOf(fn);
    const m = of('AWS::Lambda::EventSourceMapping').find(
      (r) => (r.Properties?.FunctionName as { Ref?: string } | undefined)?.Ref === id,
    );
    if (!m) throw new Error(`no SQS mapping invokes ${fn.serviceName}`);
    return {
      batch: Number(m.Properties?.BatchSize),
      window: Number(m.Properties?.MaximumBatchingWindowInSeconds ?? 0),
    };
  };
  const perHostOf = (fn: NewswireFunction) => {
    const env = (ingestTemplate[logicalIdOf(fn)]?.Properties?.Environment as { Variables?: Record<string, unknown> })
      ?.Variables;
    const v = Number(env?.[FETCH_ENV.perHostConcurrency] ?? FETCH_DEFAULTS.perHostConcurrency);
    return Number.isInteger(v) && v > 0 ? v : FETCH_DEFAULTS.perHostConcurrency;
  };
  const envOf = (fn: NewswireFunction) =>
    (ingestTemplate[logicalIdOf(fn)]?.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
      ?.Variables ?? {};
  const dashboardMetrics = app.ingest.node
    .findAll()
    .filter((c): c is NewswireFunction => c instanceof NewswireFunction)
    .filter((fn) => envOf(fn)[METRICS_ENV] !== 'alarmed')
    .reduce((n, fn) => n + (DASHBOARD_METRICS[fn.serviceName]?.length ?? 0), 0);
  const pollMapping = mappingOf(app.ingest.poll.fn);
  const articleMapping = mappingOf(app.ingest.articles.fn);
  return {
    functions: of('AWS::Lambda::Function').length,
    pollMemoryMb: mapped(app.ingest.poll),
    articleMemoryMb: mapped(app.ingest.articles),
    dispatchMemoryMb: memoryOf(app.ingest.dispatch),
    pollBatchSize: pollMapping.batch,
    articleBatchSize: articleMapping.batch,
    pollBatchingWindowSeconds: pollMapping.window,
    articleBatchingWindowSeconds: articleMapping.window,
    pollPerHostConcurrency: perHostOf(app.ingest.poll.fn),
    articlePerHostConcurrency: perHostOf(app.ingest.articles.fn),
    alarms: of('AWS::CloudWatch::Alarm').length,
    alarmMetrics,
    dashboards: of('AWS::CloudWatch::Dashboard').length,
    customMetrics: Object.keys(ALARM_METRICS).length + dashboardMetrics,
    customerManagedKmsKeys: of('AWS::KMS::Key').length,
    scheduleRules: of('AWS::Events::Rule').length,
    queues: of('AWS::SQS::Queue').length,
    tracingActive: of('AWS::Lambda::Function').every(
      (f) => (f.Properties?.TracingConfig as { Mode?: string } | undefined)?.Mode === 'Active',
    ),
  };
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

async function scanAll(client: DynamoDBClient, table: string): Promise<{ items: RawItem[]; readUnits: number }> {
  const items: RawItem[] = [];
  let readUnits = 0;
  let start: RawItem | undefined;
  do {
    const out = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }),
    );
    items.push(...((out.Items ?? []) as RawItem[]));
    readUnits += out.ConsumedCapacity?.CapacityUnits ?? 0;
    start = out.LastEvaluatedKey as RawItem | undefined;
  } while (start);
  return { items, readUnits };
}

/**
 * Rounds of polls that find nothing new: their counts are the same each round, their CPU time is
 * not (a busy machine), so the CPU per round is the median of the rounds.
 */
const UNCHANGED_ROUNDS = 9;

function unchangedRounds(at: (name: string) => PhaseCounts, feeds: number): PhaseCounts {
  // Each round from its first poll to its end: what the ingest run does between rounds is left out.
  const each = Array.from({ length: UNCHANGED_ROUNDS }, (_, i) => 2 + i / 100).map((r) =>
    diff(at(`poll${r}`), at(`end${r}`), feeds),
  );
  const all = each.reduce((sum, d) => {
    const dynamoRequests = { ...sum.dynamoRequests };
    for (const [k, v] of Object.entries(d.dynamoRequests)) dynamoRequests[k] = (dynamoRequests[k] ?? 0) + v;
    const add = (k: keyof PhaseCounts) => ((sum[k] as number | undefined) ?? 0) + ((d[k] as number | undefined) ?? 0);
    return {
      ...sum,
      count: sum.count + d.count,
      dynamoRequests,
      readUnits: add('readUnits'),
      writeUnits: add('writeUnits'),
      hostSlotReadUnits: add('hostSlotReadUnits'),
      hostSlotWriteUnits: add('hostSlotWriteUnits'),
      archivePuts: add('archivePuts'),
      archiveBytes: add('archiveBytes'),
      messagesQueued: add('messagesQueued'),
      logBytes: add('logBytes'),
    };
  }, emptyPhase());
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    ...all,
    cpuMs: median(each.map((d) => d.cpuMs)) * UNCHANGED_ROUNDS,
    wallMs: median(each.map((d) => d.wallMs)) * UNCHANGED_ROUNDS,
  };
}

/** The measured feeds' poll interval and schedule period (the profile's 5 minutes). */
const MEASURED_INTERVAL_MINUTES = 5;

/**
 * dynalite (in memory, on 127.0.0.1) in a child process: deployed, DynamoDB's work is not the
 * function's, so its CPU time must not be counted in the pipeline's (process.cpuUsage of this one).
 */
async function startDynamoProcess(): Promise<LocalDynamo> {
  const code = `const d = require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
d.listen(0, '127.0.0.1', () => process.stdout.write(d.address().port + '\\n'));`;
  const child = spawn(process.execPath, ['-e', code], {
    cwd: path.join(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (c) => reject(new Error(`the DynamoDB child process exited (${c}) before listening`)));
    child.stdout.on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs the local measurement and writes MEASURED_FILE. */
export async function measure(records = 300, seed = 20251129): Promise<Measured> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.stderr.write(`cost:measure: ${records} releases (seed ${seed}) …\n`);
  const work = mkdtempSync(path.join(tmpdir(), 'newswire-cost-'));
  const {
    child,
    served: { feeds, baseUrl },
  } = await startReleaseServerProcess(records, seed);
  const c = new Counters();
  const snaps = new Map<string, PhaseCounts>();
  const take = (name: string) => {
    const cpu = process.cpuUsage();
    c.total.cpuMs = (cpu.user + cpu.system) / 1000;
    c.total.wallMs = performance.now();
    if (!snaps.has(name)) snaps.set(name, c.snapshot());
  };
  let result: Measured;
  try {
    const base = await openLocalRuntime({
      dataDir: path.join(work, 'data'),
      dynamo: await startDynamoProcess(),
      log: powertoolsLog('newswire-local'),
      allowHosts: [new URL(baseUrl).host],
    });
    const raw = new DynamoDBClient({
      endpoint: base.dynamoEndpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      countCapacity(clientOf(base), c);
      const rt = countArchive(base, c);
      const counts = { articles: 0, releases: 0 };
      // 1: everything new; 2: the same feeds again (304s), UNCHANGED_ROUNDS times; 3: again without
      // validators (200, every item seen) as a local run does it, every listed item looked up; 4: the
      // same as deployed, only the items not listed unchanged at the last read looked up (none).
      const rounds = [1, ...Array.from({ length: UNCHANGED_ROUNDS }, (_, i) => 2 + i / 100), 3, 4];
      for (const round of rounds) {
        const restore = captureOutput(c);
        try {
          const report = await runIngest(round >= 3 ? withoutValidators(rt) : rt, {
            feeds: feeds.map((f) => ({ url: f.url, name: f.name, pollIntervalMinutes: MEASURED_INTERVAL_MINUTES })),
            // As deployed: poll-feed knows the schedule period (here the feeds' interval), so a 304
            // that changes nothing is not written and a 200 looks up only what it did not list
            // unchanged last time (round 3 leaves it out to price the look-up of one item).
            schedulePeriodSeconds: round === 3 ? undefined : MEASURED_INTERVAL_MINUTES * 60,
            onProgress: (p) => {
              if (p.stage === 'poll' && p.done === 0) take(`poll${round}`);
              if (p.stage === 'process' && p.done === 0) {
                take(`process${round}`);
                if (round === 1) counts.articles = p.total;
              }
              if (p.stage === 'process' && p.done === p.total) take(`end${round}`);
            },
          });
          if (round === 1) counts.releases = report.written;
          take(`end${round}`);
        } finally {
          restore();
        }
      }
      c.total.messagesQueued = counts.articles;
      const shapes = await gsiShapes(raw, LOCAL_TABLES.articles);
      const stored = await scanAll(raw, LOCAL_TABLES.articles);
      const withGsi = stored.items.reduce((n, i) => n + writeUnits(i, shapes.key, shapes.gsis), 0);
      const tableOnly = stored.items.reduce((n, i) => n + writeUnits(i, shapes.key, []), 0);
      const feedScan = await scanAll(raw, LOCAL_TABLES.feeds);
      const feedStateItems = feedScan.items.filter((i) => !String(i.id?.S ?? '').startsWith(HOST_SLOTS_ID_PREFIX));
      if (feedStateItems.length === 0) throw new Error('the local run left no feed items to size');
      const at = (name: string) => snaps.get(name)!;
      const releasePhase = diff(at('process1'), at('end1'), counts.releases);
      releasePhase.messagesQueued = counts.articles;
      result = {
        measuredAt: new Date().toISOString().slice(0, 10),
        command: `npm run cost -- --measure --records ${records} --seed ${seed}`,
        records,
        seed,
        feeds: feeds.length,
        releases: counts.releases,
        unchangedPoll: unchangedRounds(at, feeds.length),
        changedPoll: { ...diff(at('poll4'), at('end4'), feeds.length), itemsListed: counts.articles / feeds.length },
        seenLookupReadUnitsPerItem:
          (diff(at('poll3'), at('end3'), feeds.length).readUnits -
            diff(at('poll4'), at('end4'), feeds.length).readUnits) /
          Math.max(1, counts.articles),
        release: releasePhase,
        gsiWriteUnitsPerRelease: (withGsi - tableOnly) / Math.max(1, counts.releases),
        storedBytesPerRelease: stored.items.reduce((n, i) => n + itemSize(i), 0) / Math.max(1, counts.releases),
        feedScanReadUnitsPerFeed: feedScan.readUnits / Math.max(1, feeds.length),
        feedStateBytes: feedStateItems.reduce((n, i) => n + itemSize(i), 0) / feedStateItems.length,
        emfBytes: {
          poll: emfBytes('newswire-poll-feed', ['PollSucceeded', 'FeedItemsQueued']),
          article: emfBytes('newswire-process-article', ['ReleasesWritten']),
          dispatch: emfBytes('newswire-dispatch', ['FeedsDispatched']),
        },
        deployed: deployedShape(),
      };
    } finally {
      raw.destroy();
      await base.close();
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(MEASURED_FILE, JSON.stringify(result, null, 2) + '\n');
  process.stderr.write(`cost:measure: wrote ${path.relative(process.cwd(), MEASURED_FILE)}\n`);
  return result;
}

/**
 * `npm run chaos [-- --feeds N] [--releases N] [--crashes N] [--seed S] [--json]`
 *
 * Fault injection checked against a model: "nothing lost, nothing doubled". Everything on 127.0.0.1.
 * 1. a seeded world (world.ts): ≥ 200 feeds, ≥ 5,000 releases, with corrections, repeated GUIDs,
 *    moved pages, pages and feeds gone for good; served by chaosServer.ts with HTTP faults;
 * 2. dynalite in this process, reached by the pipeline through tests/helpers/dynamoFaultProxy.ts;
 *    the raw archive wrapped in faultyArchive.ts;
 * 3. the pipeline (ingestChild.ts: the local runtime's adapters + runIngest) run as a child
 *    process, SIGKILLed at seeded random points `--crashes` times and restarted; the corrections
 *    are published halfway through;
 * 4. faults healed, the pipeline run to quiescence (a run that writes nothing), then the stored
 *    state is checked (check.ts). Exit 1 unless duplicates = lost = mismatches = 0 and every dead
 *    letter is explained by an injected permanent fault.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { build } from 'esbuild';
import { FolderRawArchive } from '../../lambdas/adapters/archive/folderArchive';
import { DynamoArticleStore } from '../../lambdas/adapters/dynamodb/articleStore';
import { makeDocumentClient } from '../../lambdas/adapters/dynamodb/clients';
import { ensureTables } from '../../lambdas/adapters/dynamodb/createTables';
import { DEAD_LETTER_DIR, FileDeadLetterStore } from '../../lambdas/local/deadLetterStore';
import { startLocalDynamo } from '../../lambdas/local/dynamoServer';
import { LOCAL_TABLES } from '../../lambdas/local/runtime';
import { mulberry32 } from '../bench/releaseGenerator';
import { startDynamoFaultProxy } from '../../tests/helpers/dynamoFaultProxy';
import { HTTP_FAULTS, startChaosServer, type HttpFault } from './chaosServer';
import { checkAgainstModel, type Verdict } from './check';
import type { ChildSettings } from './ingestChild';
import { buildWorld } from './world';

export interface ChaosOptions {
  feeds: number;
  releases: number;
  crashes: number;
  seed: number;
  /** Share of URLs with a transient HTTP fault. @default 0.08 */
  httpFaultRate?: number;
  /** Kinds of transient HTTP fault injected. @default all of HTTP_FAULTS */
  httpFaults?: readonly HttpFault[];
  /** Share of DynamoDB data operations with a fault. @default 0.03 */
  dynamoFaultRate?: number;
  /** Share of archive writes that fail or are slow. @default 0.04 */
  archiveFaultRate?: number;
  /** A crash comes this long after a start, uniformly at random. @default [1000, 8000] ms */
  crashWindowMs?: [number, number];
  /** Progress lines. */
  say?: (s: string) => void;
  /** Keep the work dir (data dir, dynalite, child logs in child-N.log) and name it in the result, for a post-mortem. */
  keepWorkDir?: boolean;
}
export interface ChaosResult extends Verdict {
  seed: number;
  /**
   * Dead letters that a redrive after healing handled (their release then stored): messages whose
   * transient faults outlasted the retry budget. Not a failure — the Guarantees promise a redrive
   * recovers them — but reported, since each one is a release that waited for an operator.
   */
  redriven: number;
  /**
   * The reasons (error codes) of the letters sent to that redrive, counted: which transient faults
   * outlasted the budget. A never-sent fetch (HOST_COOLING_DOWN, HOST_BUSY) gives its receive back,
   * so it should never be among them.
   */
  redriveReasons: Record<string, number>;
  faults: Record<string, number>;
  runs: { started: number; killed: number; completed: number };
  secs: number;
  /** The work dir, when kept (keepWorkDir). */
  workDir?: string;
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosResult> {
  const say = opts.say ?? (() => undefined);
  const t0 = performance.now();
  const work = mkdtempSync(path.join(tmpdir(), 'newswire-chaos-'));
  const rand = mulberry32(opts.seed ^ 0xc4a05);
  const world = buildWorld(opts);
  const server = await startChaosServer(world, { faultRate: opts.httpFaultRate ?? 0.08, kinds: opts.httpFaults });
  const dynamo = await startLocalDynamo({ dir: path.join(work, 'dynamodb') });
  const proxy = await startDynamoFaultProxy({
    target: dynamo.endpoint,
    seed: opts.seed,
    faultRate: opts.dynamoFaultRate ?? 0.03,
  });
  const runs = { started: 0, killed: 0, completed: 0 };
  const faultLog = path.join(work, 'archive-faults.log');
  const dataDir = path.join(work, 'data');
  try {
    const setup = makeDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
    await ensureTables(setup, LOCAL_TABLES);
    setup.destroy();
    const feedsFile = path.join(work, 'feeds.json');
    writeFileSync(feedsFile, JSON.stringify(server.feedUrls));
    let archiveFaultRate = opts.archiveFaultRate ?? 0.04;
    // The child is started a dozen times and more: bundled once (packages left out), each start
    // loads one file instead of compiling every module through tsx — half the CPU on a busy machine.
    const childJs = path.join(work, 'ingestChild.cjs');
    await build({
      entryPoints: [path.join(__dirname, 'ingestChild.ts')],
      outfile: childJs,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      logLevel: 'error',
    });

    /** One child run; killed after killAfterMs unless it ends first. Resolves with its summary, or null if killed. */
    const runChild = (killAfterMs: number | null) =>
      runChildAs<{ written: number; failed: number }>(killAfterMs, 'ingest');
    const runChildAs = <R>(
      killAfterMs: number | null,
      mode: 'ingest' | 'redrive',
      redriveIds?: ChildSettings['redriveIds'],
    ) =>
      new Promise<R | null>((resolve, reject) => {
        const settings: ChildSettings = {
          dataDir,
          dynamoEndpoint: proxy.endpoint,
          feedsFile,
          allowHost: server.host,
          archiveFaultRate,
          seed: opts.seed + runs.started,
          faultLog,
          fetchTimeoutMs: 5000,
          mode,
          ...(redriveIds ? { redriveIds } : {}),
          ...(opts.keepWorkDir ? { logFile: path.join(work, `child-${runs.started + 1}.log`) } : {}),
        };
        runs.started++;
        const started = performance.now();
        const child = spawn(process.execPath, [childJs, JSON.stringify(settings)], {
          stdio: ['ignore', 'pipe', 'pipe'],
          // The bundle leaves packages out: they load from this repo's node_modules.
          env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        let killed = false;
        const timer =
          killAfterMs === null
            ? null
            : setTimeout(() => {
                killed = true;
                child.kill('SIGKILL');
              }, killAfterMs);
        child.on('exit', (code) => {
          if (timer) clearTimeout(timer);
          say(`  (run ${runs.started} lasted ${((performance.now() - started) / 1000).toFixed(1)} s)`);
          if (killed) {
            runs.killed++;
            return resolve(null);
          }
          const line = out.trim().split('\n').pop() ?? '';
          if (!line.startsWith('{')) return reject(new Error(`ingest child exited with ${code}: ${err.slice(-2000)}`));
          runs.completed++;
          resolve(JSON.parse(line) as R);
        });
      });

    const [lo, hi] = opts.crashWindowMs ?? [1000, 8000];
    // Phase 1: faults and crashes; the corrections are published halfway.
    for (let k = 0; k < opts.crashes; k++) {
      if (k === Math.floor(opts.crashes / 2)) {
        server.setEpoch(1);
        say(`corrections published (epoch 1)`);
      }
      const at = Math.round(lo + rand() * (hi - lo));
      const r = await runChild(at);
      say(
        `run ${runs.started}: ${r ? `completed before its kill at ${at} ms (written ${r.written})` : `SIGKILL at ${at} ms`}`,
      );
      if (r) k--; // a run that ended before its kill point does not count as a crash
      if (runs.started > opts.crashes * 4) break;
    }
    if (opts.crashes < 1) server.setEpoch(1);
    const faulty = await runChild(null);
    say(`run ${runs.started}: complete under faults, written ${faulty?.written ?? 0}, failed ${faulty?.failed ?? 0}`);
    // Phase 2: heal, then run to quiescence (a run that writes nothing).
    server.heal();
    proxy.heal();
    archiveFaultRate = 0;
    for (let i = 0; i < 5; i++) {
      const r = await runChild(null);
      say(`run ${runs.started}: healed, written ${r?.written ?? 0}, failed ${r?.failed ?? 0}`);
      if (r && r.written === 0) break;
    }
    // Phase 3: an operator's redrive. A message whose transient faults outlasted its receive budget
    // (maxReceiveCount) is parked like any other; its release is not stored, so it is not "seen" —
    // but a feed that answers 304 lists nothing again, so only a redrive (or the feed's next full
    // read) brings it back. The operator redrives every letter whose reason is not a page or feed
    // gone for good (HTTP 404 / 410), as `newswire dlq redrive --id …` would.
    const transient = await transientLetters(path.join(dataDir, DEAD_LETTER_DIR));
    let redriven = 0;
    const redriveReasons = transient.reasons;
    if (transient.poll.length + transient.article.length > 0) {
      const out = await runChildAs<Record<'poll' | 'article', { succeeded: number; deadLetteredAgain: number }>>(
        null,
        'redrive',
        transient,
      );
      redriven = (out?.poll.succeeded ?? 0) + (out?.article.succeeded ?? 0);
      const parked = transient.poll.length + transient.article.length;
      say(`run ${runs.started}: redrive of ${parked} dead letters not gone for good, ${redriven} now handled`);
      // A redriven message carries the item as it was then: a poll now compares it with the feed.
      for (let i = 0; redriven > 0 && i < 5; i++) {
        const r = await runChild(null);
        say(`run ${runs.started}: after the redrive, written ${r?.written ?? 0}, failed ${r?.failed ?? 0}`);
        if (r && r.written === 0) break;
      }
    }

    // Check against the model, straight on dynalite (no proxy).
    const client = makeDocumentClient({ endpoint: dynamo.endpoint, region: 'local' });
    const raw = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    let verdict: Verdict;
    try {
      verdict = await checkAgainstModel({
        world,
        baseUrl: server.baseUrl,
        articles: new DynamoArticleStore({
          client,
          tableName: LOCAL_TABLES.articles,
          archive: new FolderRawArchive({ dir: path.join(dataDir, 'archive') }),
        }),
        raw,
        table: LOCAL_TABLES.articles,
        deadLetters: new FileDeadLetterStore(path.join(dataDir, DEAD_LETTER_DIR)),
      });
    } finally {
      client.destroy();
      raw.destroy();
    }
    const faults: Record<string, number> = { ...server.faults, ...proxy.faults };
    if (existsSync(faultLog)) {
      for (const kind of readFileSync(faultLog, 'utf8').split('\n').filter(Boolean))
        faults[kind] = (faults[kind] ?? 0) + 1;
    }
    faults['sigkill'] = runs.killed;
    const secs = (performance.now() - t0) / 1000;
    return {
      seed: opts.seed,
      ...verdict,
      redriven,
      redriveReasons,
      faults,
      runs,
      secs,
      ...(opts.keepWorkDir ? { workDir: work } : {}),
    };
  } finally {
    await proxy.close();
    await server.close();
    await dynamo.close();
    if (!opts.keepWorkDir) rmSync(work, { recursive: true, force: true });
  }
}

/** Ids of the letters parked in a dead-letter dir whose reason is not a page or feed gone for good. */
async function transientLetters(
  dir: string,
): Promise<{ poll: string[]; article: string[]; reasons: Record<string, number> }> {
  const store = new FileDeadLetterStore(dir);
  const reasons: Record<string, number> = {};
  const ids = async (queue: 'poll' | 'article') => {
    const letters = (await store.list(queue)).filter((l) => !/^HTTP 4(04|10)\b/.test(l.reason.message));
    for (const l of letters) reasons[l.reason.code] = (reasons[l.reason.code] ?? 0) + 1;
    return letters.map((l) => l.id);
  };
  return { poll: await ids('poll'), article: await ids('article'), reasons };
}

export function passed(r: Verdict): boolean {
  return r.duplicates === 0 && r.lost === 0 && r.mismatches === 0 && r.explained === r.inDlq;
}

interface Args extends ChaosOptions {
  json: boolean;
}
function parseArgs(argv: string[]): Args {
  const args: Args = { feeds: 200, releases: 5000, crashes: 10, seed: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (min: number) => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < min) throw new Error(`${a} needs a whole number ≥ ${min}`);
      return n;
    };
    if (a === '--feeds') args.feeds = num(1);
    else if (a === '--releases') args.releases = num(1);
    else if (a === '--crashes') args.crashes = num(0);
    else if (a === '--seed') args.seed = num(0);
    else if (a === '--json') args.json = true;
    else if (a === '--http-faults') {
      const kinds = (argv[++i] ?? '').split(',').filter(Boolean);
      const bad = kinds.find((k) => !(HTTP_FAULTS as readonly string[]).includes(k));
      if (bad) throw new Error(`--http-faults: unknown kind ${bad}; kinds: ${HTTP_FAULTS.join(',')}`);
      args.httpFaults = kinds as HttpFault[];
    } else
      throw new Error(
        `unknown argument ${a}; usage: chaos [--feeds N] [--releases N] [--crashes N] [--seed S] [--http-faults k1,k2] [--json]`,
      );
  }
  return args;
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = parseArgs(process.argv.slice(2));
  const r = await runChaos({ ...args, say: args.json ? undefined : (s) => process.stderr.write(`  ${s}\n`) });
  const ok = passed(r);
  if (args.json) {
    const { seed, expected, stored, duplicates, lost, mismatches, inDlq, explained, redriven, faults } = r;
    console.log(
      JSON.stringify({ seed, expected, stored, duplicates, lost, mismatches, inDlq, explained, redriven, faults }),
    );
  } else {
    const row = (k: string, v: number | string, good?: boolean) =>
      `  ${k.padEnd(12)} ${String(v).padStart(8)}${good === undefined ? '' : good ? '  ok' : '  FAIL'}`;
    const lines = [
      `newswire chaos — seed ${r.seed}: ${args.feeds} feeds, ${args.releases} releases, ${r.runs.started} ingest runs (${r.runs.killed} SIGKILLed) in ${r.secs.toFixed(1)} s`,
      row('expected', r.expected),
      row('stored', r.stored),
      row('duplicates', r.duplicates, r.duplicates === 0),
      row('lost', r.lost, r.lost === 0),
      row('mismatches', r.mismatches, r.mismatches === 0),
      row('inDlq', r.inDlq),
      row('explained', r.explained, r.explained === r.inDlq),
      row('redriven', r.redriven),
      `  faults injected: ${Object.entries(r.faults)
        .sort()
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
      ...Object.entries(r.examples).flatMap(([k, xs]) => xs.map((x) => `  ${k}: ${x}`)),
      ok ? 'PASS: nothing lost, nothing doubled' : 'FAIL',
    ];
    console.log(lines.join('\n'));
  }
  if (!ok) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`chaos: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  });
}

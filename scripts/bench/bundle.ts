// Lambda bundles: each function of the app bundled as CDK bundles it (esbuild, with the very options its
// NewswireFunction passes to CDK: lib/constructs/newswireFunction.ts), its size, and its cold init: wall
// time of a fresh `node` process that requires the bundle (module top level: clients, logger, configuration), median of --runs
// (default 10), beside an empty bundle started the same way in the same run (the floor: Node's own start).
// The functions are found by building the CDK app with bundling skipped, so a new function is measured too.
// Run: npm run bench:bundle [-- --json] [--runs N] [--max-bytes N] [--node PATH]
//   --json prints one line {"functions":[{"name","bytes","initMs","ownInitMs","cpuMs","ownCpuMs"}],"baselineInitMs",
//   "baselineCpuMs","sdkOnlyInitMs","sdkOnlyCpuMs","sdkDynamoCpuMs","node"} (ownInitMs = initMs - baselineInitMs; cpuMs:
//   the process's own CPU time, user + system, steadier than wall time on a loaded machine; sdkOnlyInitMs and
//   sdkOnlyCpuMs: the four SDK clients alone, no code of ours; sdkDynamoCpuMs: the DynamoDB and document clients
//   alone, all poll-feed and process-article load of the runtime's SDK at a cold start).
//   --node: the node binary the processes run on (default: this one). Measure on the runtime's major version
//   (NEWSWIRE_RUNTIME, Node 24): under --enable-source-maps Node 20 reads and parses each bundle's .map at load,
//   Node 24 only when a stack trace is first mapped; Node 24 spends more on the rest (docs/performance.md).
//   process-article is also started and given one summary-only message (page fetched, archived, record stored;
//   AWS and the page answered by a stand-in on 127.0.0.1): CPU at the end of its init and for that message, since its
//   S3 and HTTP clients load with the first page it fetches (--json: "firstMessage").
//   Exits 1 when a bundle is larger than --max-bytes (default 1 MB = 1,000,000 bytes).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { ENV } from '../../lambdas/adapters/dynamodb/tableDesign';
import { buildNewswireApp } from '../../lib/app';
import { NEWSWIRE_NODE_OPTIONS, NewswireFunction, newswireBundling } from '../../lib/constructs/newswireFunction';

const ROOT = path.resolve(__dirname, '../..');
/** Lambda's limit is on the zip; this is the house target for one function's JavaScript. */
export const MAX_BUNDLE_BYTES = 1_000_000;

export interface FunctionEntry {
  /** Construct path below the stack, e.g. `Dispatch` or `Poll/Handler`. */
  name: string;
  /** Handler file relative to the project root. */
  entry: string;
  /** The bundling options the construct gives CDK. */
  bundling: BundlingOptions;
}

/** CDK's sourceMapMode as esbuild's `sourcemap` (DEFAULT: a linked .map file). */
function sourceMapOf(mode: BundlingOptions['sourceMapMode']): BuildOptions['sourcemap'] {
  return mode === undefined || mode === 'default' ? true : mode;
}

const SUPPORTED_ARG = '--supported:';

/**
 * esbuild's `alias` and `supported` from CDK's `esbuildArgs` (`--alias`: 'FROM=TO' or a list;
 * `--supported:FEATURE`: 'true' or 'false'); any other raw argument is refused.
 */
function esbuildArgsOf(args: BundlingOptions['esbuildArgs']): Pick<BuildOptions, 'alias' | 'supported'> {
  if (!args) return {};
  const alias: Record<string, string> = {};
  const supported: Record<string, boolean> = {};
  for (const [key, value] of Object.entries(args)) {
    if (key.startsWith(SUPPORTED_ARG) && (value === 'true' || value === 'false')) {
      supported[key.slice(SUPPORTED_ARG.length)] = value === 'true';
      continue;
    }
    if (key !== '--alias') throw new Error(`bench:bundle does not translate esbuildArgs ${key}`);
    for (const pair of Array.isArray(value) ? value : [value]) {
      const [from, to] = String(pair).split('=');
      if (!from || !to) throw new Error(`--alias expects FROM=TO (got ${String(pair)})`);
      alias[from] = to;
    }
  }
  return {
    ...(Object.keys(alias).length > 0 ? { alias } : {}),
    ...(Object.keys(supported).length > 0 ? { supported } : {}),
  };
}

/** The esbuild options CDK's NodejsFunction derives from these bundling options (the ones this project sets). */
export function esbuildOptionsOf(bundling: BundlingOptions, entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: bundling.target,
    format: bundling.format === 'esm' ? 'esm' : 'cjs',
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap ? sourceMapOf(bundling.sourceMapMode) : false,
    ...(bundling.sourcesContent === false ? { sourcesContent: false } : {}),
    keepNames: bundling.keepNames ?? false,
    external: [...(bundling.externalModules ?? ['@aws-sdk/*'])],
    ...(bundling.mainFields ? { mainFields: [...bundling.mainFields] } : {}),
    ...(bundling.banner ? { banner: { js: bundling.banner } } : {}),
    ...(bundling.define ? { define: { ...bundling.define } } : {}),
    ...esbuildArgsOf(bundling.esbuildArgs),
    logLevel: 'warning',
    absWorkingDir: ROOT,
    metafile: true,
  };
}

/** The app's functions (handler files), found by building the app (cdk.json's context by default) with bundling skipped. */
export function appFunctions(context?: Record<string, unknown>): FunctionEntry[] {
  context ??= (JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> })
    .context;
  const app = buildNewswireApp({ ...context, 'aws:cdk:bundling-stacks': [] });
  const out: FunctionEntry[] = [];
  for (const stack of [app.data, app.ingest]) {
    for (const c of stack.node.findAll()) {
      if (c instanceof NewswireFunction) {
        out.push({ name: c.node.path.split('/').slice(1).join('/'), entry: c.entry, bundling: c.bundling });
      }
    }
  }
  return out;
}

/** One function bundled in memory (nothing written): its size and the files it is made of (metafile inputs). */
export async function bundleInMemory(f: FunctionEntry): Promise<{ bytes: number; inputs: string[] }> {
  const res = await build({
    ...esbuildOptionsOf(f.bundling, f.entry, path.join(os.tmpdir(), 'newswire-bundle.js')),
    write: false,
  });
  const js = Object.entries(res.metafile!.outputs).find(([file]) => file.endsWith('.js'))!;
  return { bytes: js[1].bytes, inputs: Object.keys(js[1].inputs) };
}

/**
 * The SDK clients the functions use, loaded and made as at a cold start but with none of our code: the
 * part of a function's init that comes from the runtime-provided (external) AWS SDK.
 */
const SDK_ONLY_SOURCE = `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb');
const { SQSClient } = require('@aws-sdk/client-sqs');
const { S3Client } = require('@aws-sdk/client-s3');
DynamoDBDocumentClient.from(new DynamoDBClient({}));
new SQSClient({});
new S3Client({});
exports.handler = async () => {};
`;

/**
 * The runtime-provided DynamoDB and document clients alone: all of the SDK that poll-feed and
 * process-article load at a cold start (S3 and SQS wait for their first archive write and send).
 */
const SDK_DYNAMO_SOURCE = `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb');
DynamoDBDocumentClient.from(new DynamoDBClient({}));
exports.handler = async () => {};
`;

/** The same clients as SDK_ONLY_SOURCE, as a function that bundles the SDK carries them (newswireBundling's default). */
const SDK_BUNDLED_SOURCE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { S3Client } from '@aws-sdk/client-s3';
DynamoDBDocumentClient.from(new DynamoDBClient({}));
new SQSClient({});
new S3Client({});
export const handler = async () => {};
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The environment a function gets (dummy values for every setting), as in tests/infra/handlerColdStart.test.ts. */
export function lambdaLikeEnv(nodeOptions: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    POWERTOOLS_TRACE_ENABLED: 'false',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NODE_OPTIONS: nodeOptions,
    // An external @aws-sdk/* resolves as in the runtime, which provides it; here from the project's copy.
    NODE_PATH: path.join(ROOT, 'node_modules'),
  };
  for (const k of Object.values(ENV)) {
    env[k] = k.endsWith('_URL') ? 'https://sqs.us-east-1.amazonaws.com/123456789012/q' : '1000';
  }
  return env;
}

/** One start of a bundle: wall milliseconds from spawn to exit, and the process's own CPU milliseconds. */
export interface InitTime {
  wallMs: number;
  cpuMs: number;
}

const CPU_LINE = 'newswire-bench-cpu-us ';

/** `node -e "require(bundle)"` on `nodeBin`, `runs` times (the process must succeed). */
function initTimes(bundle: string, runs: number, env: NodeJS.ProcessEnv, nodeBin: string): InitTime[] {
  const times: InitTime[] = [];
  // The child reports its own CPU time (user + system, since it started) as it exits.
  const script = `require(${JSON.stringify(bundle)}); process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(${JSON.stringify(CPU_LINE)} + (u.user + u.system) + '\\n'); });`;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(nodeBin, ['-e', script], {
      cwd: path.dirname(bundle),
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const stderr = r.stderr.toString();
    if (r.status !== 0) throw new Error(`requiring ${bundle} exited ${r.status}: ${stderr}`);
    const cpu = stderr.split('\n').find((l) => l.startsWith(CPU_LINE));
    if (!cpu) throw new Error(`requiring ${bundle} reported no CPU time: ${stderr}`);
    times.push({ wallMs, cpuMs: Number(cpu.slice(CPU_LINE.length)) / 1000 });
  }
  return times;
}

/** The function whose first message is timed too (it loads its S3 and HTTP clients with the first page it fetches). */
export const FIRST_MESSAGE_FUNCTION = 'ProcessArticle/Handler';

const FIRST_MESSAGE_PAGE = `<html><head><title>Acme Robotics Unveils a Robot</title></head><body><article>
<h1>Acme Robotics Unveils a Robot</h1>
<p>AUSTIN, Texas, March 3, 2025 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACME) today unveiled a robot that
picks mixed totes. It ships in June.</p></article></body></html>`;

/**
 * One start of process-article's bundle that then handles one message as a summary-only feed's would
 * (no release text in the item: the page is fetched, archived and the record stored): the process's CPU
 * milliseconds at the end of init and spent on that first message. Every request goes to a stand-in on
 * 127.0.0.1 (AWS_ENDPOINT_URL: DynamoDB answers `{}`, S3 a 200; the page), so nothing leaves the machine.
 */
async function firstMessageTime(
  bundle: string,
  env: NodeJS.ProcessEnv,
  nodeBin: string,
): Promise<{ initCpuMs: number; messageCpuMs: number }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/news/'))
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FIRST_MESSAGE_PAGE);
      else if (req.headers['x-amz-target'])
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
      else res.writeHead(200, { etag: '"0"' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = JSON.stringify({
      feed: { id: 'f-bench', url: `http://${base}/feed.rss` },
      wire: 'PR Newswire',
      feedKey: null,
      item: {
        id: 'i-bench',
        guid: null,
        link: `http://${base}/news/release.html`,
        title: 'Acme Robotics Unveils a Robot',
        summary: 'Acme Robotics unveiled a robot.',
        contentHtml: null,
        publishedAt: '2025-03-03T14:00:00.000Z',
        author: null,
        categories: [],
        itemHash: 'ih-bench',
      },
    });
    const event = { Records: [{ messageId: 'm-bench', body, attributes: { ApproximateReceiveCount: '1' } }] };
    const context = { functionName: 'bench', awsRequestId: 'r' };
    const script = `const ms = (u) => (u.user + u.system) / 1000;
const { handler } = require(${JSON.stringify(bundle)});
const init = ms(process.cpuUsage());
handler(${JSON.stringify(event)}, { ...${JSON.stringify(context)}, getRemainingTimeInMillis: () => 30000 }).then((r) => {
  if (r.batchItemFailures.length) throw new Error('the message failed');
  process.stderr.write(${JSON.stringify(CPU_LINE)} + init + ' ' + (ms(process.cpuUsage()) - init) + '\\n');
});`;
    const child = spawn(nodeBin, ['-e', script], {
      cwd: path.dirname(bundle),
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...env,
        AWS_ENDPOINT_URL: `http://${base}`,
        NEWSWIRE_FETCH_ALLOW_HOSTS: base,
        POWERTOOLS_LOG_LEVEL: 'SILENT',
      },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const line = stderr.split('\n').find((l) => l.startsWith(CPU_LINE));
    if (status !== 0 || !line) throw new Error(`${bundle} and its first message exited ${status}: ${stderr}`);
    const [initCpuMs, messageCpuMs] = line.slice(CPU_LINE.length).split(' ').map(Number) as [number, number];
    return { initCpuMs, messageCpuMs };
  } finally {
    server.close();
  }
}

export interface BundleFigure {
  name: string;
  entry: string;
  bytes: number;
  mapBytes: number;
  /** The largest packages in the bundle, bytes of output each. */
  top: [string, number][];
}

/** Bundles every function into `dir` (sizes only). */
export async function bundleAll(functions: FunctionEntry[], dir: string): Promise<(BundleFigure & { file: string })[]> {
  const out: (BundleFigure & { file: string })[] = [];
  for (const { bundling, ...f } of functions) {
    const file = path.join(
      dir,
      f.name.replace(/[^A-Za-z0-9]+/g, '-'),
      bundling.format === 'esm' ? 'index.mjs' : 'index.js',
    );
    const res = await build(esbuildOptionsOf(bundling, f.entry, file));
    const byPackage = new Map<string, number>();
    for (const output of Object.values(res.metafile!.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const nm = input.split('node_modules/').pop()!;
        const key = input.includes('node_modules/')
          ? nm
              .split('/')
              .slice(0, nm.startsWith('@') ? 2 : 1)
              .join('/')
          : input.split('/').slice(0, 2).join('/');
        byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
      }
    }
    const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const mapFile = `${file}.map`;
    let mapBytes = 0;
    try {
      mapBytes = statSync(mapFile).size;
    } catch {
      /* no source map */
    }
    out.push({ ...f, file, bytes: statSync(file).size, mapBytes, top });
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      runs: { type: 'string', default: '10' },
      'max-bytes': { type: 'string', default: String(MAX_BUNDLE_BYTES) },
      node: { type: 'string', default: process.execPath },
    },
  });
  const nodeBin = values.node;
  const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!nodeVersion) throw new Error(`--node ${nodeBin}: no version`);
  const runs = Math.max(3, Number(values.runs) || 10);
  const maxBytes = Number(values['max-bytes']) || MAX_BUNDLE_BYTES;
  const functions = appFunctions();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newswire-bundles-'));
  try {
    const bundles = await bundleAll(functions, dir);
    const env = lambdaLikeEnv(NEWSWIRE_NODE_OPTIONS);
    const empty = path.join(dir, 'empty.js');
    writeFileSync(empty, 'exports.handler = async () => {};\n');
    const sdkOnly = path.join(dir, 'sdk-only.js');
    writeFileSync(sdkOnly, SDK_ONLY_SOURCE);
    const sdkDynamo = path.join(dir, 'sdk-dynamo.js');
    writeFileSync(sdkDynamo, SDK_DYNAMO_SOURCE);
    const sdkBundledEntry = path.join(dir, 'sdk-bundled-entry.mjs');
    writeFileSync(sdkBundledEntry, SDK_BUNDLED_SOURCE);
    const sdkBundled = path.join(dir, 'sdk-bundled', 'index.js');
    await build({
      ...esbuildOptionsOf(newswireBundling(false), sdkBundledEntry, sdkBundled),
      nodePaths: [path.join(ROOT, 'node_modules')],
    });
    // Interleaved rounds: a load spike on the shared machine hits the baseline and every bundle alike.
    const times = new Map<string, InitTime[]>([
      [empty, []],
      [sdkOnly, []],
      [sdkDynamo, []],
      [sdkBundled, []],
      ...bundles.map((b): [string, InitTime[]] => [b.file, []]),
    ]);
    initTimes(empty, 1, env, nodeBin); // warm the file cache once
    for (let i = 0; i < runs; i++) for (const [file, ts] of times) ts.push(...initTimes(file, 1, env, nodeBin));
    const wall = (file: string) => median(times.get(file)!.map((t) => t.wallMs));
    const cpu = (file: string) => median(times.get(file)!.map((t) => t.cpuMs));
    const baseline = wall(empty);
    const baselineCpu = cpu(empty);
    const sdkOnlyMs = wall(sdkOnly);
    const sdkBundledMs = wall(sdkBundled);
    const sdkOnlyCpu = cpu(sdkOnly);
    const sdkDynamoCpu = cpu(sdkDynamo);
    const sdkBundledCpu = cpu(sdkBundled);
    const rows = bundles.map((b) => ({ ...b, initMs: wall(b.file), cpuMs: cpu(b.file) }));
    const tenth = (ms: number) => Math.round(ms * 10) / 10;
    // process-article's init leaves its S3 and HTTP clients to the first page fetched: its first
    // message, as a summary-only feed's (every one fetches), shows what that moved (docs/performance.md).
    const firstOf = rows.find((r) => r.name === FIRST_MESSAGE_FUNCTION);
    let firstMessage: { name: string; initCpuMs: number; messageCpuMs: number; ownTotalCpuMs: number } | undefined;
    if (firstOf) {
      const firsts: { initCpuMs: number; messageCpuMs: number }[] = [];
      for (let i = 0; i < runs; i++) firsts.push(await firstMessageTime(firstOf.file, env, nodeBin));
      firstMessage = {
        name: firstOf.name,
        initCpuMs: tenth(median(firsts.map((f) => f.initCpuMs))),
        messageCpuMs: tenth(median(firsts.map((f) => f.messageCpuMs))),
        ownTotalCpuMs: tenth(median(firsts.map((f) => f.initCpuMs + f.messageCpuMs)) - baselineCpu),
      };
    }
    if (values.json) {
      console.log(
        JSON.stringify({
          functions: rows.map((r) => ({
            name: r.name,
            bytes: r.bytes,
            initMs: tenth(r.initMs),
            ownInitMs: tenth(r.initMs - baseline),
            cpuMs: tenth(r.cpuMs),
            ownCpuMs: tenth(r.cpuMs - baselineCpu),
          })),
          baselineInitMs: tenth(baseline),
          baselineCpuMs: tenth(baselineCpu),
          sdkOnlyInitMs: tenth(sdkOnlyMs),
          sdkOnlyCpuMs: tenth(sdkOnlyCpu),
          sdkDynamoCpuMs: tenth(sdkDynamoCpu),
          ...(firstMessage ? { firstMessage } : {}),
          node: nodeVersion,
        }),
      );
    } else {
      console.log(
        `Lambda bundles (esbuild as CDK runs it; cold init = fresh node ${nodeVersion} requiring the bundle, median of ${runs}; load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')})`,
      );
      console.log(`empty bundle (baseline): ${baseline.toFixed(1)} ms wall, ${baselineCpu.toFixed(1)} ms CPU`);
      console.log(
        `the AWS SDK alone (DynamoDB, document, SQS and S3 clients made, as the runtime provides them): ${sdkOnlyMs.toFixed(1)} ms, ${(sdkOnlyMs - baseline).toFixed(1)} over empty; CPU ${sdkOnlyCpu.toFixed(1)} ms, ${(sdkOnlyCpu - baselineCpu).toFixed(1)} over empty`,
      );
      console.log(
        `its DynamoDB and document clients alone (all poll-feed and process-article load of it at a cold start): CPU ${sdkDynamoCpu.toFixed(1)} ms, ${(sdkDynamoCpu - baselineCpu).toFixed(1)} over empty`,
      );
      console.log(
        `the four clients bundled (as a function with awsSdk 'bundled' carries them, ${statSync(sdkBundled).size} bytes): ${sdkBundledMs.toFixed(1)} ms, ${(sdkBundledMs - baseline).toFixed(1)} over empty; CPU ${sdkBundledCpu.toFixed(1)} ms, ${(sdkBundledCpu - baselineCpu).toFixed(1)} over empty`,
      );
      console.log(
        `${'function'.padEnd(24)} ${'bytes'.padStart(10)} ${'map bytes'.padStart(10)} ${'init ms'.padStart(8)} ${'- empty'.padStart(8)} ${'x empty'.padStart(8)} ${'CPU ms'.padStart(8)} ${'- empty'.padStart(8)}  largest parts`,
      );
      for (const r of rows) {
        console.log(
          `${r.name.padEnd(24)} ${String(r.bytes).padStart(10)} ${String(r.mapBytes).padStart(10)} ${r.initMs.toFixed(1).padStart(8)} ${(r.initMs - baseline).toFixed(1).padStart(8)} ${(r.initMs / baseline).toFixed(2).padStart(8)} ${r.cpuMs.toFixed(1).padStart(8)} ${(r.cpuMs - baselineCpu).toFixed(1).padStart(8)}  ${r.top.map(([k, v]) => `${k} ${Math.round(v / 1000)}k`).join(', ')}`,
        );
      }
      if (firstMessage) {
        console.log(
          `${firstMessage.name} and its first message (a summary-only item: page fetched, archived, stored; AWS answered on 127.0.0.1), median of ${runs}: CPU ${firstMessage.initCpuMs} ms at the end of init + ${firstMessage.messageCpuMs} ms for the message, ${firstMessage.ownTotalCpuMs} ms over an empty start`,
        );
      }
    }
    const over = rows.filter((r) => r.bytes > maxBytes);
    if (over.length) {
      console.error(`over ${maxBytes} bytes: ${over.map((r) => `${r.name} (${r.bytes})`).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

/**
 * `npm run bench:fetch [-- --feeds 1000] [--items 3] [--ignore-every 10] [--per-host 16] [--repeat 3] [--json]`
 *
 * Feed polling throughput of the real pipeline, and what a second poll costs:
 * 1. serves N feeds on 127.0.0.1 (tests/helpers/faultServer: RSS 2.0, ETag + conditional GET,
 *    every `ignore-every`-th feed ignoring If-None-Match and always sending the full body);
 * 2. opens the real local runtime (dynalite in memory, folder archive in a temp dir, the real HTTP
 *    client with its address guard and per-host limit) and registers the feeds;
 * 3. pass 1: dispatch every feed → poll-feed for each (timed: feeds/s, items/s) → process-article
 *    for every queued item (REAL processing: parse, validate, exactly-once write; timed apart);
 * 4. pass 2, same feeds: counts the full bodies the server sent (target: only the feeds that
 *    ignore conditional GET), the 304s, and the items queued for processing again (target: 0).
 * With --repeat R the whole thing runs R times on fresh servers and stores; medians are printed.
 *
 * All feeds are served by one host here, so the per-host limit (which exists to spare real
 * servers) is raised to --per-host for the bench.
 */
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { consoleLog } from '../../lambdas/local/consoleLog';
import { drainQueue, LocalQueue } from '../../lambdas/local/localQueue';
import { openLocalRuntime, type LocalRuntime } from '../../lambdas/local/runtime';
import { dispatch } from '../../lambdas/pipeline/dispatch';
import { pollFeed, type PollFeedResult } from '../../lambdas/pipeline/pollFeed';
import type { PollFeedMessage, ProcessArticleMessage } from '../../lambdas/pipeline/ports';
import { processArticle } from '../../lambdas/pipeline/processArticle';
import { registerFeeds } from '../../lambdas/pipeline/registerFeeds';
import { startFaultServer, type FaultServer } from '../../tests/helpers/faultServer';

interface Args {
  feeds: number;
  items: number;
  ignoreEvery: number;
  perHost: number;
  repeat: number;
  json: boolean;
}

interface PassFigures {
  pollSeconds: number;
  feedsPerSecond: number;
  itemsPerSecond: number;
  itemsSeen: number;
  /** Full feed bodies the server sent. */
  bodiesDownloaded: number;
  notModified: number;
  failedFeeds: number;
  /** Items poll-feed queued for process-article. */
  itemsQueued: number;
  processSeconds: number;
  recordsWritten: number;
}

function readArgs(): Args {
  const { values } = parseArgs({
    options: {
      feeds: { type: 'string', default: '1000' },
      items: { type: 'string', default: '3' },
      'ignore-every': { type: 'string', default: '10' },
      'per-host': { type: 'string', default: '16' },
      repeat: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
  });
  const int = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min} (got ${v})`);
    return n;
  };
  return {
    feeds: int('feeds', values.feeds, 1),
    items: int('items', values.items, 1),
    ignoreEvery: int('ignore-every', values['ignore-every'], 0),
    perHost: int('per-host', values['per-host'], 1),
    repeat: int('repeat', values.repeat, 1),
    json: values.json ?? false,
  };
}

async function pass(rt: LocalRuntime, server: FaultServer, ids: string[]): Promise<PassFigures> {
  server.resetStats();
  const pollQueue = new LocalQueue<PollFeedMessage>('poll');
  const articleQueue = new LocalQueue<ProcessArticleMessage>('article');
  const deps = { ...rt, pollQueue, articleQueue };
  await dispatch(deps, { only: ids });

  const results: PollFeedResult[] = [];
  const pollStart = performance.now();
  await drainQueue(pollQueue, (m) => pollFeed(deps, m), { onSuccess: (_m, r) => results.push(r) });
  const pollSeconds = (performance.now() - pollStart) / 1000;
  const totals = server.totals();

  let written = 0;
  const processStart = performance.now();
  await drainQueue(articleQueue, (m) => processArticle(deps, m), {
    onSuccess: (_m, r) => {
      if (r.outcome !== 'unchanged') written++;
    },
  });
  const processSeconds = (performance.now() - processStart) / 1000;

  const itemsSeen = results.reduce((n, r) => n + r.itemsSeen, 0);
  return {
    pollSeconds,
    feedsPerSecond: results.length / pollSeconds,
    itemsPerSecond: itemsSeen / pollSeconds,
    itemsSeen,
    bodiesDownloaded: totals.bodies,
    notModified: totals.notModified,
    failedFeeds: results.filter((r) => r.status === 'failed').length + pollQueue.deadLetters.length,
    itemsQueued: results.reduce((n, r) => n + r.queued, 0),
    processSeconds,
    recordsWritten: written,
  };
}

async function runOnce(args: Args): Promise<{ first: PassFigures; second: PassFigures; ignoring: number }> {
  const server = await startFaultServer({ itemsPerFeed: args.items });
  let ignoring = 0;
  const specs = Array.from({ length: args.feeds }, (_, i) => {
    const name = `bench-${String(i).padStart(5, '0')}`;
    if (args.ignoreEvery > 0 && i % args.ignoreEvery === 0) {
      server.setFault(name, 'ignore-conditional');
      ignoring++;
    }
    return { url: server.feedUrl(name), name };
  });
  const rt = await openLocalRuntime({
    dataDir: null,
    log: consoleLog('silent'),
    allowHosts: [server.host],
    fetch: { perHostConcurrency: args.perHost },
  });
  try {
    const { ids } = await registerFeeds(rt, specs);
    const first = await pass(rt, server, ids);
    const second = await pass(rt, server, ids);
    return { first, second, ignoring };
  } finally {
    await rt.close();
    await server.close();
    // The in-memory runtime archives into a temp folder named after this process.
    for (const d of readdirSync(tmpdir())) {
      if (d.startsWith(`newswire-archive-${process.pid}-`))
        rmSync(path.join(tmpdir(), d), { recursive: true, force: true });
    }
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const args = readArgs();
  const runs: Awaited<ReturnType<typeof runOnce>>[] = [];
  for (let r = 0; r < args.repeat; r++) {
    runs.push(await runOnce(args));
    if (!args.json && args.repeat > 1) process.stderr.write(`run ${r + 1}/${args.repeat} done\n`);
  }
  const m = (pick: (x: (typeof runs)[number]) => number) => median(runs.map(pick));
  const summary = {
    feeds: args.feeds,
    itemsPerFeed: args.items,
    feedsIgnoringConditionalGet: runs[0]!.ignoring,
    perHostConcurrency: args.perHost,
    runs: args.repeat,
    articleProcessing: 'real',
    pass1: {
      pollSeconds: round(
        m((x) => x.first.pollSeconds),
        2,
      ),
      feedsPerSecond: round(m((x) => x.first.feedsPerSecond)),
      itemsPerSecond: round(m((x) => x.first.itemsPerSecond)),
      bodiesDownloaded: m((x) => x.first.bodiesDownloaded),
      itemsQueued: m((x) => x.first.itemsQueued),
      failedFeeds: m((x) => x.first.failedFeeds),
      processSeconds: round(
        m((x) => x.first.processSeconds),
        2,
      ),
      recordsWritten: m((x) => x.first.recordsWritten),
    },
    pass2: {
      pollSeconds: round(
        m((x) => x.second.pollSeconds),
        2,
      ),
      feedsPerSecond: round(m((x) => x.second.feedsPerSecond)),
      itemsPerSecond: round(m((x) => x.second.itemsPerSecond)),
      bodiesDownloaded: m((x) => x.second.bodiesDownloaded),
      notModified: m((x) => x.second.notModified),
      itemsReprocessed: m((x) => x.second.itemsQueued),
      recordsWritten: m((x) => x.second.recordsWritten),
      failedFeeds: m((x) => x.second.failedFeeds),
    },
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const p1 = summary.pass1;
  const p2 = summary.pass2;
  const lines = [
    `bench:fetch — ${summary.feeds} feeds × ${summary.itemsPerFeed} items on 127.0.0.1, ${summary.feedsIgnoringConditionalGet} ignoring conditional GET; per-host limit ${summary.perHostConcurrency}; article processing: real${args.repeat > 1 ? `; medians of ${args.repeat} runs` : ''}`,
    `pass 1  poll      ${p1.pollSeconds} s   ${p1.feedsPerSecond} feeds/s   ${p1.itemsPerSecond} items/s   bodies ${p1.bodiesDownloaded}   queued ${p1.itemsQueued}   failed feeds ${p1.failedFeeds}`,
    `        process   ${p1.processSeconds} s   records written ${p1.recordsWritten}`,
    `pass 2  poll      ${p2.pollSeconds} s   ${p2.feedsPerSecond} feeds/s   ${p2.itemsPerSecond} items/s   failed feeds ${p2.failedFeeds}`,
    `        bodies downloaded ${p2.bodiesDownloaded} (target: ${summary.feedsIgnoringConditionalGet}, the feeds that ignore conditional GET)   304s ${p2.notModified}`,
    `        items re-processed ${p2.itemsReprocessed} (target: 0)   records written ${p2.recordsWritten}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:fetch failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

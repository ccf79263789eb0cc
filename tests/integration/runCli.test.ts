/**
 * `newswire run`: the pipeline's loop, locally — registered feeds polled when due, until stopped.
 * A real process (bin/newswire.cjs) against a feed server on 127.0.0.1 serving the bundled sample
 * Technology feed and its release pages, one of them held back ~1 s: Ctrl-C while that page is in
 * flight must finish it (its record stored), exit 0 and print the summary; a feed polled less than
 * its interval ago is not polled again; and (in process, with a clock that jumps) a feed is polled
 * again once it is due.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runLoop, type RunCycle } from '../../lambdas/local/runLoop';
import { openLocalRuntime } from '../../lambdas/local/runtime';
import { sampleFeedsDir } from '../../lambdas/local/sampleServer';
import { addFeed } from '../../lambdas/pipeline/registerFeeds';
import { newswire, spawnNewswire } from '../helpers/cli';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(60_000);

const FEED_PATH = '/feeds/prnewswire-technology.xml';
const RELEASE_ROUTE = /^\/news-releases\/([a-z0-9-]+)\.html$/;
/** How long the slow page's response is held (unless a test sets FeedServer.holdMs). */
const SLOW_MS = 1000;

interface FeedServer {
  baseUrl: string;
  host: string;
  feedUrl: string;
  /** Release pages of the feed, in feed order; the first one is the slow one. */
  pageUrls: string[];
  /** GET requests per path. */
  hits: Map<string, number>;
  /** Resolves when the slow page's request has arrived (its response is then held SLOW_MS). */
  slowRequested: Promise<void>;
  /** Resolves at the next request of the slow page. */
  slowRequest(): Promise<void>;
  /** Whether the slow page's response was sent in full. */
  slowServed: () => boolean;
  /** How long the slow page's response is held from now on; @default SLOW_MS */
  holdMs: number;
  close(): Promise<void>;
}

/** The sample Technology feed and its pages, the feed's first page answered SLOW_MS (holdMs) late. */
async function startFeedServer(): Promise<FeedServer> {
  const dir = sampleFeedsDir();
  const hits = new Map<string, number>();
  let baseUrl = '';
  let served = false;
  let waiting: (() => void)[] = [];
  const slowRequest = () => new Promise<void>((r) => waiting.push(r));
  const slowRequested = slowRequest();
  const feedXml = () => readFileSync(path.join(dir, 'feeds', 'prnewswire-technology.xml'), 'utf8');
  const pageUrls = () =>
    [...feedXml().matchAll(/<link>\{\{BASE_URL\}\}(\/news-releases\/[^<]+\.html)<\/link>/g)].map(
      (m) => `${baseUrl}${m[1]}`,
    );
  let slowPath = '';
  const held = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0]!;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    const send = (type: string, text: string) => {
      res.writeHead(200, { 'content-type': type });
      res.end(text.replaceAll('{{BASE_URL}}', baseUrl));
    };
    const release = RELEASE_ROUTE.exec(p);
    if (p === FEED_PATH) return send('application/rss+xml; charset=utf-8', feedXml());
    if (!release) {
      res.writeHead(404).end();
      return;
    }
    const html = readFileSync(path.join(dir, 'releases', `${release[1]}.html`), 'utf8');
    if (p !== slowPath) return send('text/html; charset=utf-8', html);
    for (const w of waiting) w();
    waiting = [];
    const timer = setTimeout(() => {
      held.delete(timer);
      if (res.destroyed) return; // its client is gone (a test exited it)
      send('text/html; charset=utf-8', html);
      served = true;
    }, feedServer.holdMs);
    held.add(timer);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  const pages = pageUrls();
  slowPath = new URL(pages[0]!).pathname;
  const feedServer: FeedServer = {
    holdMs: SLOW_MS,
    baseUrl,
    host: `127.0.0.1:${port}`,
    feedUrl: `${baseUrl}${FEED_PATH}`,
    pageUrls: pages,
    hits,
    slowRequested,
    slowRequest,
    slowServed: () => served,
    close: () =>
      new Promise<void>((r) => {
        for (const t of held) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return feedServer;
}

/** stdout and stderr of a spawned CLI, and its exit code. */
function collect(child: ChildProcess): { out: () => string; err: () => string; exit: Promise<number | null> } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { out: () => out, err: () => err, exit };
}

const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Resolves once `test` holds for what the child printed so far (checked every 50 ms). */
async function until(what: string, test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let server: FeedServer;
let tmp: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  server = await startFeedServer();
  tmp = makeTempDir('newswire-run');
});
afterAll(async () => {
  await server?.close();
  tmp?.remove();
});

describe('newswire run', () => {
  test('Ctrl-C while a page is in flight: that page is finished and stored, then exit 0 with the summary', async () => {
    const added = await newswire(['feeds', 'add', server.feedUrl, '--interval', '1', '--data-dir', tmp.dir]);
    expect(added.code).toBe(0);

    const child = spawnNewswire(['run', '--data-dir', tmp.dir, '--allow-host', server.host, '--tick', '1', '--json']);
    const run = collect(child);
    await server.slowRequested;
    expect(server.slowServed()).toBe(false);
    child.kill('SIGINT');
    const code = await run.exit;

    expect(code).toBe(0);
    expect(server.slowServed()).toBe(true);
    expect(run.err()).toMatch(/SIGINT: stopping — finishing the work in flight/);
    const events = jsonLines(run.out());
    expect(events[0]).toMatchObject({ event: 'start', feeds: 1, tickSeconds: 1 });
    const pages = server.pageUrls.length;
    expect(events.at(-1)).toMatchObject({ event: 'stopped', polls: 1, written: pages, created: pages, failed: 0 });
    expect(events.filter((e) => e.event === 'cycle')).toEqual([
      expect.objectContaining({ cycle: 1, dispatched: 1, polls: 1, itemsSeen: pages, written: pages }),
    ]);

    const stored = await newswire(['query', '--data-dir', tmp.dir, '--format', 'json', '--limit', '100']);
    expect(stored.code).toBe(0);
    const urls = (JSON.parse(stored.stdout) as { items: { url: string | null }[] }).items.map((r) => r.url);
    expect(urls).toContain(server.pageUrls[0]);
    expect(urls.sort()).toEqual([...server.pageUrls].sort());
  });

  test('a feed polled before it is due again (interval, or the feed ttl when longer) is not polled: ticks go by idle', async () => {
    const feedHits = server.hits.get(FEED_PATH);
    expect(feedHits).toBe(1); // the first test's poll
    const child = spawnNewswire(['run', '--data-dir', tmp.dir, '--allow-host', server.host, '--tick', '1', '--json']);
    const run = collect(child);
    await until('three cycles', () => (run.out().match(/"event":"cycle"/g) ?? []).length >= 3);
    child.kill('SIGTERM');
    expect(await run.exit).toBe(0);

    expect(server.hits.get(FEED_PATH)).toBe(feedHits);
    const cycles = jsonLines(run.out()).filter((e) => e.event === 'cycle');
    expect(cycles.length).toBeGreaterThanOrEqual(3);
    for (const c of cycles) expect(c).toMatchObject({ dispatched: 0, polls: 0, written: 0 });
    expect(jsonLines(run.out()).at(-1)).toMatchObject({ event: 'stopped', polls: 0, written: 0 });
  });

  test('a second Ctrl-C exits at once; the next run resumes what was left in the queues and stores it', async () => {
    const dir = makeTempDir('newswire-run-twice');
    try {
      // Held until the second Ctrl-C has ended the process, however slow the machine.
      server.holdMs = 60_000;
      const slow = server.slowRequest();
      expect((await newswire(['feeds', 'add', server.feedUrl, '--no-check', '--data-dir', dir.dir])).code).toBe(0);
      const child = spawnNewswire(['run', '--data-dir', dir.dir, '--allow-host', server.host, '--tick', '1', '--json']);
      const run = collect(child);
      await slow;
      child.kill('SIGINT');
      await until('the first signal to be taken', () => /SIGINT: stopping/.test(run.err()));
      child.kill('SIGINT');
      expect(await run.exit).toBe(130);
      expect(run.err()).toMatch(/SIGINT again: exiting now \(the queues keep what was not done\)/);
      expect(run.out()).not.toMatch(/"event":"stopped"/);
      server.holdMs = SLOW_MS;

      const resumed = await newswire(['run', '--data-dir', dir.dir, '--allow-host', server.host, '--once', '--json']);
      expect(resumed.code).toBe(0);
      const [cycle] = jsonLines(resumed.stdout).filter((e) => e.event === 'cycle');
      // The feed is not due again; the page in flight at the exit (at least) is still queued, and done now.
      expect(cycle).toMatchObject({ dispatched: 0, polls: 0, failed: 0 });
      expect(cycle?.resumed).toBeGreaterThanOrEqual(1);
      expect(cycle?.written).toBeGreaterThanOrEqual(1);
      const stored = await newswire(['query', '--data-dir', dir.dir, '--format', 'json', '--limit', '100']);
      const urls = (JSON.parse(stored.stdout) as { items: { url: string | null }[] }).items.map((r) => r.url);
      expect(urls.sort()).toEqual([...server.pageUrls].sort());
    } finally {
      dir.remove();
    }
  });

  test('the summary in words, and an empty registry is refused with what to do', async () => {
    const once = await newswire(['run', '--data-dir', tmp.dir, '--allow-host', server.host, '--once']);
    expect(once.code).toBe(0);
    expect(once.stdout).toMatch(/^running: 1 registered feed of .*, polled when due, checked every 30 seconds/);
    expect(once.stdout).toMatch(/stopped after 1 cycle in \d+\.\d s: 0 polls, 0 records written \(0 new, 0 revised\)/);

    const empty = makeTempDir('newswire-run-empty');
    try {
      const res = await newswire(['run', '--data-dir', empty.dir, '--once']);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/no enabled feeds registered in .*: register one with `newswire feeds add URL`/);
    } finally {
      empty.remove();
    }
  });
});

describe('runLoop', () => {
  test('polls a feed again once it is due, on the dispatch schedule (a clock that jumps past the feed ttl)', async () => {
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    const rt = await openLocalRuntime({ dataDir: null, log: quiet, allowHosts: [server.host] });
    let shiftMs = 0;
    const clock = { now: () => new Date(Date.now() + shiftMs) };
    const before = server.hits.get(FEED_PATH) ?? 0;
    const stop = new AbortController();
    const cycles: RunCycle[] = [];
    try {
      await addFeed({ feeds: rt.feeds, clock }, { url: server.feedUrl, pollIntervalMinutes: 1 });
      const summary = await runLoop(
        { ...rt, clock },
        {
          tickMs: 20,
          signal: stop.signal,
          onCycle: (c) => {
            cycles.push(c);
            // The feed asks for 15 minutes (<ttl>15</ttl>, longer than its 1-minute interval): the next cycle comes after that.
            if (c.cycle === 1) shiftMs = 16 * 60_000;
            if (c.cycle === 3) stop.abort();
          },
        },
      );
      expect(cycles.map((c) => c.dispatched)).toEqual([1, 1, 0]);
      expect(server.hits.get(FEED_PATH)).toBe(before + 2);
      const pages = server.pageUrls.length;
      expect(cycles[0]).toMatchObject({ polls: 1, written: pages, failed: 0 });
      expect(cycles[1]).toMatchObject({ polls: 1, written: 0, unchanged: pages, failed: 0 });
      expect(summary).toMatchObject({ cycles: 3, polls: 2, written: pages, unchanged: pages, failed: 0 });
    } finally {
      await rt.close();
    }
  });
});

/**
 * Issue 12 §4: polite to each host across the whole fleet. 500 feeds on ONE local server, polled by
 * 20 concurrent "functions" (each its own HTTP client and its own HostSlots adapter, as separate
 * Lambda containers have) running the real poll step against the real lease adapter on dynalite.
 * The dispatcher spreads the run over the period (stable per-feed delays, here a 15-minute period
 * played back 75× faster); the server counts the requests in flight and which feeds it served.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeDocumentClient } from '../../../lambdas/adapters/dynamodb/clients';
import { ensureTables } from '../../../lambdas/adapters/dynamodb/createTables';
import { DynamoHostSlots, leaseMsFor } from '../../../lambdas/adapters/dynamodb/hostSlots';
import { UndiciHttpClient } from '../../../lambdas/adapters/http/httpClient';
import { dispatch } from '../../../lambdas/pipeline/dispatch';
import { isHostBusy } from '../../../lambdas/pipeline/hostBusy';
import { pollFeed } from '../../../lambdas/pipeline/pollFeed';
import type { Clock, HostSlots, PollFeedMessage, ProcessArticleMessage } from '../../../lambdas/pipeline/ports';
import { newFeedState } from '../../../lambdas/pipeline/registerFeeds';
import { ArraySink, MemoryArchive, MemoryArticleStore, MemoryFeedStore, silentLog } from '../../helpers/fakes';

jest.setTimeout(90_000);

const FEEDS = 500;
const FUNCTIONS = 20;
const LIMIT = 4;
/** How long the server takes to answer each request: long enough for requests to overlap. */
const SERVER_MS = 50;
const PERIOD_S = 15 * 60;
/** The 15-minute period is played in 25 s. */
const SPEEDUP = 36;
const T0 = Date.parse('2025-06-02T12:00:00.000Z');

/** One host: counts requests in flight (and their peak) and which feed paths it served. */
class CountingServer {
  inFlight = 0;
  peak = 0;
  readonly served = new Map<string, number>();
  readonly startedAt: number[] = [];
  private server: Server | undefined;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.inFlight++;
      this.peak = Math.max(this.peak, this.inFlight);
      this.startedAt.push(Date.now());
      const path = req.url ?? '';
      setTimeout(() => {
        this.served.set(path, (this.served.get(path) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>${path}</title><link>http://example.test/</link></channel></rss>`,
        );
        this.inFlight--;
      }, SERVER_MS);
    });
    const server = this.server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    this.port = (server.address() as AddressInfo).port;
  }

  reset(): void {
    this.peak = 0;
    this.served.clear();
    this.startedAt.length = 0;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    const server = this.server;
    await new Promise<void>((r) => server.close(() => r()));
  }
}

/** SQS as the functions see it: a message is received once its delay is over; a failed one comes back. */
class DelayedQueue {
  private readonly waiting: { body: PollFeedMessage; visibleAt: number }[] = [];
  private open = 0;
  returned = 0;

  constructor(messages: PollFeedMessage[], delaysMs: number[], start: number) {
    messages.forEach((body, i) => this.waiting.push({ body, visibleAt: start + (delaysMs[i] ?? 0) }));
    this.open = messages.length;
  }
  receive(): PollFeedMessage | null {
    const now = Date.now();
    const i = this.waiting.findIndex((m) => m.visibleAt <= now);
    return i < 0 ? null : this.waiting.splice(i, 1)[0]!.body;
  }
  done(): void {
    this.open--;
  }
  giveBack(body: PollFeedMessage, afterMs: number): void {
    this.returned++;
    this.waiting.push({ body, visibleAt: Date.now() + afterMs });
  }
  get finished(): boolean {
    return this.open === 0;
  }
}

/**
 * dynalite in a child process, as DynamoDB is a service apart from the functions: the 20 functions
 * and the server then do not share one event loop (and one core) with the table.
 */
async function startDynaliteProcess(): Promise<{ endpoint: string; child: ChildProcess }> {
  const script =
    "const d=require('dynalite')({createTableMs:0});d.listen(0,'127.0.0.1',()=>process.send(d.address().port))";
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve(Number(m)));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dynalite exited (${code})`)));
  });
  return { endpoint: `http://127.0.0.1:${port}`, child };
}

let child: ChildProcess;
let env: { client: ReturnType<typeof makeDocumentClient>; tables: { articles: string; feeds: string } };
const server = new CountingServer();

beforeAll(async () => {
  const started = await startDynaliteProcess();
  child = started.child;
  const client = makeDocumentClient({ endpoint: started.endpoint, region: 'us-east-1' });
  const tables = { articles: 'Articles', feeds: 'Feeds' };
  await ensureTables(client, tables);
  env = { client, tables };
  await server.start();
});
afterAll(async () => {
  await server.close();
  env?.client.destroy();
  child?.kill();
});

const feedUrl = (n: number, prefix: string) => `http://127.0.0.1:${server.port}/${prefix}/${n}.rss`;

/**
 * The Feeds registry the functions share. In memory: what is under test is the lease adapter on
 * dynalite and the poll step, and a table of feeds on the same dynalite would only slow the run
 * (this machine's dynalite does some tens of operations a second under load).
 */
const feeds = new MemoryFeedStore();
const articles = new MemoryArticleStore();

async function registerFeeds(prefix: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = newFeedState({ url: feedUrl(i, prefix), pollIntervalMinutes: 15 }, new Date(T0));
    expect(await feeds.register(f)).toBe(true);
    ids.push(f.id);
  }
  return ids;
}

/** `functions` workers, each one message at a time, like Lambda containers with batch size 1. */
async function runFunctions(queue: DelayedQueue, clock: Clock, slots: (() => HostSlots) | null): Promise<void> {
  const fn = async (): Promise<void> => {
    const http = new UndiciHttpClient({
      allowHosts: [`127.0.0.1:${server.port}`],
      ...(slots ? { hostSlots: slots() } : {}),
    });
    const deps = {
      feeds,
      articles,
      archive: new MemoryArchive(),
      http,
      articleQueue: new ArraySink<ProcessArticleMessage>(),
      clock,
      log: silentLog,
    };
    try {
      while (!queue.finished) {
        const msg = queue.receive();
        if (!msg) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        try {
          const res = await pollFeed(deps, msg);
          if (res.status !== 'fetched') throw new Error(`${msg.feedId}: ${res.status} ${res.error?.message ?? ''}`);
          queue.done();
        } catch (err) {
          // No slot of the host within the wait: the message goes back to the queue (its visibility).
          if (!isHostBusy(err)) throw err;
          queue.giveBack(msg, 200);
        }
      }
    } finally {
      await http.close();
    }
  };
  await Promise.all(Array.from({ length: FUNCTIONS }, fn));
}

test('without the fleet-wide limit, 20 functions put more than 4 requests on one host at once (the control)', async () => {
  server.reset();
  const ids = await registerFeeds('control', 100);
  const queue = new DelayedQueue(
    ids.map((feedId) => ({ feedId, dispatchedAt: new Date(T0).toISOString() })),
    ids.map(() => 0),
    Date.now(),
  );
  await runFunctions(queue, { now: () => new Date(T0) }, null);
  expect(server.served.size).toBe(100);
  expect(server.peak).toBeGreaterThan(LIMIT);
  console.log(
    `fleet politeness, control: 100 feeds at once, ${FUNCTIONS} functions, no fleet limit: peak ${server.peak}`,
  );
});

test(`500 feeds of one host, 20 functions, limit ${LIMIT}: never more than ${LIMIT} requests in flight, every feed polled once in the period`, async () => {
  server.reset();
  const ids = await registerFeeds('feed', FEEDS);

  // The scheduled run at T0 sends every due feed with its stable delay.
  const sent: { messages: PollFeedMessage[]; delays: number[] } = { messages: [], delays: [] };
  const pollQueue = {
    async send(messages: PollFeedMessage[], delays?: readonly number[]) {
      sent.messages.push(...messages);
      sent.delays.push(...messages.map((_, i) => delays?.[i] ?? 0));
    },
  };
  const mine = new Set(ids);
  await dispatch({ feeds, pollQueue, clock: { now: () => new Date(T0) }, log: silentLog, periodSeconds: PERIOD_S });
  const ours = sent.messages.map((m, i) => ({ m, d: sent.delays[i]! })).filter(({ m }) => mine.has(m.feedId));
  expect(ours).toHaveLength(FEEDS);
  expect(Math.max(...ours.map((o) => o.d))).toBeGreaterThan(PERIOD_S * 0.9);

  // Simulated time runs SPEEDUP× faster from the run's start; leases keep real time.
  const start = Date.now();
  const clock = { now: () => new Date(T0 + (Date.now() - start) * SPEEDUP) };
  const queue = new DelayedQueue(
    ours.map((o) => o.m),
    ours.map((o) => (o.d * 1000) / SPEEDUP),
    start,
  );
  const slots = () =>
    new DynamoHostSlots({
      client: env.client,
      tableName: env.tables.feeds,
      limit: LIMIT,
      leaseMs: leaseMsFor(15_000),
    });
  await runFunctions(queue, clock, slots);
  const elapsed = Date.now() - start;

  // Polite: the host never saw more than LIMIT requests at once, from all 20 functions together.
  expect(server.peak).toBeLessThanOrEqual(LIMIT);
  expect(server.peak).toBeGreaterThanOrEqual(2);
  // Complete: each of the 500 feeds was fetched exactly once.
  expect(server.served.size).toBe(FEEDS);
  expect([...server.served.values()].every((n) => n === 1)).toBe(true);
  // Spread: the polls came over the period, not in one burst at its start.
  const simMinute = (t: number) => Math.floor(((t - start) * SPEEDUP) / 60_000);
  const minutes = new Set(server.startedAt.map(simMinute));
  expect(minutes.size).toBeGreaterThanOrEqual(13);

  // Once per period: each feed's next poll is the next run (T0 + 15 min), not earlier, not later.
  const states = await feeds.list();
  const polled = states.filter((f) => mine.has(f.id));
  expect(polled.every((f) => f.counters.polls === 1 && f.consecutiveFailures === 0)).toBe(true);
  expect(new Set(polled.map((f) => f.nextPollAt))).toEqual(new Set(['2025-06-02T12:15:00.000Z']));
  const dueAt = async (iso: string) => (await feeds.listDue(iso)).filter((f) => mine.has(f.id)).length;
  expect(await dueAt('2025-06-02T12:14:59.000Z')).toBe(0);
  expect(await dueAt('2025-06-02T12:15:00.000Z')).toBe(FEEDS);

  console.log(
    `fleet politeness: ${FEEDS} feeds, ${FUNCTIONS} functions, limit ${LIMIT}: peak ${server.peak} in flight, ` +
      `${server.served.size} feeds polled once each, ${queue.returned} HOST_BUSY returns, ${elapsed} ms ` +
      `(${PERIOD_S / 60}-minute period played in ${(PERIOD_S * 1000) / SPEEDUP / 1000} s)`,
  );
});

test('a burst (an operator run: every poll at once, no spread) still never puts more than the limit on the host', async () => {
  server.reset();
  const ids = await registerFeeds('burst', 200);
  const queue = new DelayedQueue(
    ids.map((feedId) => ({ feedId, dispatchedAt: new Date(T0).toISOString() })),
    ids.map(() => 0),
    Date.now(),
  );
  const started = Date.now();
  await runFunctions(queue, { now: () => new Date(T0) }, () => {
    return new DynamoHostSlots({
      client: env.client,
      tableName: env.tables.feeds,
      limit: LIMIT,
      leaseMs: leaseMsFor(15_000),
    });
  });
  // The same burst without slots went past the limit (the control above); with them it cannot.
  expect(server.peak).toBeLessThanOrEqual(LIMIT);
  expect(server.peak).toBe(LIMIT);
  expect(server.served.size).toBe(200);
  expect([...server.served.values()].every((n) => n === 1)).toBe(true);
  console.log(
    `fleet politeness, burst: 200 feeds at once, ${FUNCTIONS} functions, limit ${LIMIT}: peak ${server.peak}, ` +
      `${queue.returned} HOST_BUSY returns, ${Date.now() - started} ms`,
  );
});

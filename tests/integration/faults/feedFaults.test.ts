/**
 * Feed fetching against a badly behaved server, through the real local pipeline (dynalite + the
 * real HTTP client + dispatch/poll-feed/process-article): every fault ends in its named error, the
 * feed's state in the Feeds table shows it, the other feeds of the same run are stored, nothing
 * connects to a refused address, and the next poll recovers once the server is healthy.
 */
import diagnostics from 'node:diagnostics_channel';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UndiciHttpClient } from '../../../lambdas/adapters/http/httpClient';
import { feedId } from '../../../lambdas/core/ids';
import { consoleLog } from '../../../lambdas/local/consoleLog';
import { runIngest, type IngestReport } from '../../../lambdas/local/ingest';
import { openLocalRuntime, type LocalRuntime } from '../../../lambdas/local/runtime';
import type { FeedState } from '../../../lambdas/pipeline/ports';
import { deepJsonFeed, deepXmlFeed, entityExpansionFeed } from '../../../scripts/bench/hostileFeeds';
import { releaseHtml, rssFeed, startFaultServer, type FaultServer, type FeedFault } from '../../helpers/faultServer';

jest.setTimeout(30_000);

const RETRY_AFTER_S = 120;
const ITEMS = 2;

/** What each fault must end in: a named error code, or a successful read. */
const EXPECTED: [FeedFault, string | null][] = [
  ['http-500', 'HTTP_STATUS'],
  ['http-429', 'HTTP_STATUS'],
  ['http-503-date', 'HTTP_STATUS'],
  ['reset', 'CONNECTION_RESET'],
  ['truncated-body', 'TRUNCATED_BODY'],
  ['drip', 'TIMEOUT'],
  ['endless', 'TOO_LARGE'],
  ['truncated-xml', 'FEED_MALFORMED'],
  ['redirect-loop', 'REDIRECT_LOOP'],
  ['redirect-metadata', 'BLOCKED_ADDRESS'],
  ['redirect-private', 'BLOCKED_ADDRESS'],
  ['gzip-bomb', 'DECOMPRESSION_BOMB'],
  ['entity-bomb', 'FEED_ENTITY_BOMB'],
  // These are read: a lying charset header and a server without conditional GET are survivable.
  ['wrong-charset', null],
  ['ignore-conditional', null],
];
const FAILING = EXPECTED.filter(([, code]) => code !== null).map(([f]) => f);

let server: FaultServer;
// 429 and 503 each come from a host of their own: the client leaves a host that sent Retry-After
// alone (HOST_COOLING_DOWN), which would otherwise hold up every other feed of this run.
let throttled429: FaultServer;
let throttled503: FaultServer;
let rt: LocalRuntime;
let first: IngestReport;
let firstStartedAt: number;
const connectAttempts: string[] = [];
const onBeforeConnect = (m: unknown) =>
  connectAttempts.push((m as { connectParams: { hostname: string } }).connectParams.hostname);

const serverFor = (name: string) =>
  name === 'http-429' ? throttled429 : name === 'http-503-date' ? throttled503 : server;
// A 1-minute interval: the first backoff (≤ 72 s) is shorter than the Retry-After (120 s), so the
// schedule shows which one won.
const feeds = () =>
  ['healthy', ...EXPECTED.map(([f]) => f)].map((name) => ({
    url: serverFor(name).feedUrl(name),
    name,
    pollIntervalMinutes: 1,
  }));
const idOf = (name: string) => feedId(serverFor(name).feedUrl(name));
const stateOf = async (name: string): Promise<FeedState> => (await rt.feeds.get(idOf(name)))!;
const storedFor = async (name: string) => (await rt.articles.query({ feedId: idOf(name), limit: 50 })).items;

beforeAll(async () => {
  const serverOpts = { itemsPerFeed: ITEMS, retryAfterSeconds: RETRY_AFTER_S, dripIntervalMs: 50 };
  [server, throttled429, throttled503] = await Promise.all([
    startFaultServer(serverOpts),
    startFaultServer(serverOpts),
    startFaultServer(serverOpts),
  ]);
  rt = await openLocalRuntime({
    dataDir: null,
    log: consoleLog('silent'),
    allowHosts: [server.host, throttled429.host, throttled503.host],
    // Small limits keep the suite fast; the faults pass them by far.
    fetch: {
      connectTimeoutMs: 2_000,
      headersTimeoutMs: 2_000,
      bodyIdleTimeoutMs: 1_000,
      totalTimeoutMs: 2_000,
      maxBytes: 1024 * 1024,
      perHostConcurrency: 8,
    },
  });
  for (const [fault] of EXPECTED) serverFor(fault).setFault(fault, fault);
  diagnostics.subscribe('undici:client:beforeConnect', onBeforeConnect);
  firstStartedAt = Date.now();
  try {
    first = await runIngest(rt, { feeds: feeds(), maxReceiveCount: 2 });
  } finally {
    diagnostics.unsubscribe('undici:client:beforeConnect', onBeforeConnect);
  }
});

afterAll(async () => {
  await rt?.close();
  await Promise.all([server?.close(), throttled429?.close(), throttled503?.close()]);
});

describe('a run over every fault at once', () => {
  test.each(EXPECTED)('%s → %s', async (fault, code) => {
    const result = first.feedResults.find((r) => r.feedId === idOf(fault));
    const state = await stateOf(fault);
    if (code === null) {
      expect(result).toMatchObject({ status: 'fetched', itemsSeen: ITEMS, queued: ITEMS });
      expect(state).toMatchObject({ consecutiveFailures: 0, lastError: null });
      expect(await storedFor(fault)).toHaveLength(ITEMS);
      return;
    }
    expect(result).toMatchObject({ status: 'failed', error: { code } });
    // The Feeds table shows the failure, a backoff, and a feed that is still enabled.
    expect(state).toMatchObject({
      enabled: true,
      consecutiveFailures: 1,
      lastError: { code, message: expect.any(String), at: expect.any(String) },
      counters: { polls: 1, failures: 1 },
    });
    expect(Date.parse(state.nextPollAt)).toBeGreaterThan(firstStartedAt);
    expect(await storedFor(fault)).toHaveLength(0);
  });

  test('the batch goes on: the healthy feed of the same run is stored, nothing is dead-lettered', async () => {
    expect(first.feedResults).toHaveLength(EXPECTED.length + 1);
    expect(await storedFor('healthy')).toHaveLength(ITEMS);
    expect(first.written).toBe(3 * ITEMS); // healthy, wrong-charset, ignore-conditional
    expect(first.deadLetters).toEqual([]);
    expect(first.failed).toBe(FAILING.length);
  });

  test('Retry-After (seconds or HTTP-date) puts the next poll no earlier than the server asked', async () => {
    for (const fault of ['http-429', 'http-503-date'] as const) {
      const state = await stateOf(fault);
      expect(Date.parse(state.nextPollAt)).toBeGreaterThanOrEqual(firstStartedAt + (RETRY_AFTER_S - 1) * 1000);
    }
    // Without a Retry-After, the same first failure backs off by the interval ±20 % only.
    const plain = await stateOf('http-500');
    expect(Date.parse(plain.nextPollAt)).toBeLessThan(firstStartedAt + 80_000);
  });

  test('a lying charset header does not garble the feed: the XML declaration wins when the bytes are not UTF-8', async () => {
    const titles = (await storedFor('wrong-charset')).map((r) => r.title);
    expect(titles.sort()).toEqual(['Société Générale café release 0', 'Société Générale café release 1']);
  });

  test('redirects to 169.254.169.254 and 10.0.0.1 were refused without any connection attempt', () => {
    expect(connectAttempts.length).toBeGreaterThan(0); // the allow-listed fault server itself
    expect([...new Set(connectAttempts)]).toEqual(['127.0.0.1']);
  });
});

describe('the next poll, with the server healthy again', () => {
  let second: IngestReport;
  let later: UndiciHttpClient;
  beforeAll(async () => {
    for (const s of [server, throttled429, throttled503]) {
      s.healAll();
      s.resetStats();
    }
    server.setFault('ignore-conditional', 'ignore-conditional');
    // The next poll comes after Retry-After has passed, when this process's cooldown of the
    // throttled hosts is over: a client without that memory stands for it.
    later = new UndiciHttpClient({ allowHosts: [server.host, throttled429.host, throttled503.host] });
    second = await runIngest({ ...rt, http: later }, { feeds: feeds(), maxReceiveCount: 2 });
  });
  afterAll(async () => {
    await later?.close();
  });

  test.each(FAILING)('%s recovers by itself: fetched, failures reset, its releases stored', async (fault) => {
    expect(second.feedResults.find((r) => r.feedId === idOf(fault))).toMatchObject({
      status: 'fetched',
      queued: ITEMS,
    });
    expect(await stateOf(fault)).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      lastError: null,
      counters: { polls: 2, failures: 1 },
    });
    expect(await storedFor(fault)).toHaveLength(ITEMS);
  });

  test('feeds already read are not re-processed: 304 where the server honours the ETag, item ids where it does not', () => {
    const result = (name: string) => second.feedResults.find((r) => r.feedId === idOf(name));
    expect(result('healthy')).toMatchObject({ status: 'not-modified', queued: 0 });
    expect(result('ignore-conditional')).toMatchObject({ status: 'fetched', itemsSeen: ITEMS, queued: 0 });
    expect(server.stats('healthy')).toMatchObject({ requests: 1, bodies: 0, notModified: 1 });
    expect(server.stats('ignore-conditional')).toMatchObject({ requests: 1, bodies: 1 });
    expect(second.created).toBe(FAILING.length * ITEMS);
    // Healed, the wrong-charset feed serves other titles: its items are corrections, stored as revision 2.
    expect(second.revised).toBe(ITEMS);
    expect(second.failed).toBe(0);
  });
});

/**
 * Issue 11: feeds built to hurt the reader, in one run with a healthy feed, through the real local
 * pipeline. Each hostile feed ends in its named error, recorded with backoff in the Feeds table; the
 * feed of too many items is capped (newest first); nothing is dead-lettered; the healthy feed is stored.
 */
describe('hostile feeds in one run', () => {
  const CAP = 3;
  const MANY = 40;
  let hostileServer: Server;
  let base: string;
  let hostileRt: LocalRuntime;
  let run: IngestReport;
  const capWarnings: Record<string, unknown>[] = [];
  const bodies: Record<string, string> = {};

  beforeAll(async () => {
    hostileServer = createServer((req, res) => {
      const name = (req.url ?? '/').slice(1);
      if (name.startsWith('news/')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(`<html><body>${releaseHtml('many', Number(/(\d+)\.html$/.exec(name)?.[1] ?? 0))}</body></html>`);
      }
      const body = bodies[name];
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/xml' });
      res.end(body ?? '');
    });
    await new Promise<void>((resolve) => hostileServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(hostileServer.address() as AddressInfo).port}`;
    Object.assign(bodies, {
      'deep-xml': deepXmlFeed(40_000),
      'entity-expansion': entityExpansionFeed(500_000),
      'deep-json': deepJsonFeed(100_000),
      many: rssFeed(base, 'many', MANY),
      healthy: rssFeed(base, 'healthy', ITEMS),
    });
    const log = consoleLog('silent');
    hostileRt = await openLocalRuntime({
      dataDir: null,
      log: {
        ...log,
        warn: (message, extra) => {
          if (message === 'feed items capped' && extra) capWarnings.push(extra);
          log.warn(message, extra);
        },
      },
      allowHosts: [`127.0.0.1:${(hostileServer.address() as AddressInfo).port}`],
    });
    run = await runIngest(hostileRt, {
      feeds: Object.keys(bodies).map((name) => ({ url: `${base}/${name}`, name, pollIntervalMinutes: 15 })),
      maxReceiveCount: 2,
      maxItemsPerPoll: CAP,
    });
  });

  afterAll(async () => {
    await hostileRt?.close();
    await new Promise((resolve) => hostileServer?.close(resolve));
  });

  const hostileId = (name: string) => feedId(`${base}/${name}`);

  test.each([
    ['deep-xml', 'FEED_TOO_DEEP'],
    ['entity-expansion', 'FEED_ENTITY_EXPANSION'],
    ['deep-json', 'FEED_TOO_DEEP'],
  ])('%s → %s in the feed state, with backoff', async (name, code) => {
    expect(run.feedResults.find((r) => r.feedId === hostileId(name))).toMatchObject({
      status: 'failed',
      error: { code },
    });
    const state = (await hostileRt.feeds.get(hostileId(name)))!;
    expect(state).toMatchObject({ enabled: true, consecutiveFailures: 1, lastError: { code } });
    expect(Date.parse(state.nextPollAt)).toBeGreaterThan(Date.parse(state.lastPolledAt!));
  });

  test('the feed of 40 items is cut to the 3 newest, and the cut is logged', async () => {
    expect(run.feedResults.find((r) => r.feedId === hostileId('many'))).toMatchObject({
      status: 'fetched',
      itemsSeen: CAP,
      queued: CAP,
    });
    // rssFeed dates item i at 14:0(i % 10): minute 9 is newest, items 9, 19 and 29 (ties in document order).
    const stored = (await hostileRt.articles.query({ feedId: hostileId('many'), limit: 50 })).items;
    expect(stored.map((r) => r.guid).sort()).toEqual(['many-19', 'many-29', 'many-9']);
    expect(capWarnings).toEqual([expect.objectContaining({ feedId: hostileId('many'), found: MANY, kept: CAP })]);
  });

  test('the batch goes on: the healthy feed is stored and nothing is dead-lettered', async () => {
    expect((await hostileRt.articles.query({ feedId: hostileId('healthy'), limit: 50 })).items).toHaveLength(ITEMS);
    expect(run.deadLetters).toEqual([]);
  });
});

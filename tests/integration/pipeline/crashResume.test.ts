/**
 * A `newswire ingest` killed mid-run (SIGKILL: no cleanup of any kind) resumes where it stopped:
 * the next run finds the unfinished messages in the data dir's queues and handles them. Every
 * sample release ends stored exactly once, and the dead letter parked before the kill is still
 * parked after.
 *
 * The bundled samples are served through a proxy on 127.0.0.1 that slows release pages down (so
 * the kill lands mid-run) and answers 404 for the first release page asked for (a permanent
 * failure: dead-lettered at once).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { consoleLog } from '../../../lambdas/local/consoleLog';
import { openLocalRuntime } from '../../../lambdas/local/runtime';
import { startSampleServer, type SampleServer } from '../../../lambdas/local/sampleServer';
import { spawnNewswire, waitForExit } from '../../helpers/cli';
import { readSampleManifest } from '../../helpers/sampleManifest';
import { makeTempDir } from '../../helpers/tempDir';

jest.setTimeout(60_000);

const manifest = readSampleManifest();
let samples: SampleServer;
let proxy: Server;
let proxyBase: string;
let tmp: ReturnType<typeof makeTempDir>;
let refused: string | null = null;

/** Forwards to the sample server with its base URL rewritten to the proxy's; release pages 150 ms late. */
function startProxy(): Promise<void> {
  proxy = createServer((req, res) => {
    const url = req.url ?? '/';
    const release = /^\/news-releases\/([a-z0-9-]+)\.html$/.exec(url)?.[1];
    if (release && (refused === null || refused === release)) {
      refused = release;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
      return;
    }
    const upstream = request(`${samples.baseUrl}${url}`, { method: req.method }, (up) => {
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8').split(samples.baseUrl).join(proxyBase);
        const type = up.headers['content-type'] ?? 'application/octet-stream';
        setTimeout(() => res.writeHead(up.statusCode ?? 502, { 'content-type': type }).end(body), release ? 150 : 0);
      });
    });
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end();
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => {
      proxyBase = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

beforeAll(async () => {
  tmp = makeTempDir('newswire-crash');
  samples = await startSampleServer({ port: 0 });
  await startProxy();
  const feeds = samples.feeds.map((f) => ({ url: f.url.replace(samples.baseUrl, proxyBase), name: f.name }));
  writeFileSync(path.join(tmp.dir, 'feeds.json'), JSON.stringify(feeds));
});

afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((r) => proxy?.close(r));
  await samples?.close();
  tmp?.remove();
});

const ingestArgs = (extra: string[]) => [
  'ingest',
  '--data-dir',
  path.join(tmp.dir, 'data'),
  '--feeds',
  path.join(tmp.dir, 'feeds.json'),
  '--allow-host',
  new URL(proxyBase).host,
  ...extra,
];
const deadLetterFile = () => path.join(tmp.dir, 'data', 'dead-letters', 'article.jsonl');
const parkedIds = () =>
  existsSync(deadLetterFile())
    ? readFileSync(deadLetterFile(), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { id: string }).id)
    : [];

test('a run killed mid-way is resumed by the next: every release stored once, the dead letter kept', async () => {
  const distinct = manifest.releases.length;
  expect(distinct).toBeGreaterThanOrEqual(20);

  // Run 1: killed once 5 releases are stored and one message is parked.
  const first = spawnNewswire(ingestArgs(['--verbose']));
  let stored = 0;
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`run 1 never got far enough: ${log.slice(-2000)}`)), 40_000);
    first.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
      stored = (log.match(/"release stored"/g) ?? []).length;
      if (stored >= 5 && parkedIds().length >= 1) {
        first.kill('SIGKILL');
        clearTimeout(timer);
        resolve();
      }
    });
    first.once('exit', (code) =>
      reject(new Error(`run 1 ended by itself (${code}) before the kill: ${log.slice(-2000)}`)),
    );
  });
  const killed = await waitForExit(first);
  expect(killed.code).toBeNull(); // killed, not exited
  expect(killed.stdout).not.toMatch(/newswire ingest/); // no report: it never finished
  expect(stored).toBeLessThan(distinct);
  const parkedBeforeKill = parkedIds();
  expect(parkedBeforeKill).toHaveLength(1);

  // Run 2: resumes and finishes.
  const second = spawnNewswire(ingestArgs(['--json']));
  const done = await waitForExit(second);
  const summary = JSON.parse(done.stdout) as {
    failed: number;
    resumed: { poll: number; article: number };
    items: { deadLettered: number };
  };
  // The 404 page fails again (exit 1: a release failed), and only it — once per message that carried
  // it: a page both sample feeds list is queued by each of them.
  expect(done.code).toBe(1);
  expect(summary.failed).toBeGreaterThanOrEqual(1);
  expect(summary.items.deadLettered).toBe(summary.failed);
  const letters = readFileSync(deadLetterFile(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse((JSON.parse(l) as { body: string }).body) as { item: { link: string } }).item.link);
  expect(new Set(letters).size).toBe(1);
  expect(summary.resumed.article).toBeGreaterThan(0); // it found what run 1 left

  // The dead letter parked before the kill is still there (run 2 may park the same page again under a new id).
  expect(parkedIds()).toEqual(expect.arrayContaining(parkedBeforeKill));

  // Every release stored exactly once, except the page answered 404.
  const rt = await openLocalRuntime({ dataDir: path.join(tmp.dir, 'data'), log: consoleLog('silent') });
  try {
    const all = [];
    let cursor: string | null = null;
    do {
      const page = await rt.articles.query({ limit: 50, cursor });
      all.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    const slugs = all.map((r) => /\/news-releases\/([a-z0-9-]+)\.html/.exec(r.url ?? '')?.[1]);
    const expected = manifest.releases.map((r) => r.slug).filter((s) => s !== refused);
    expect(refused).not.toBeNull();
    expect(expected).toHaveLength(distinct - 1);
    expect([...slugs].sort()).toEqual([...expected].sort()); // none lost, none twice
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  } finally {
    await rt.close();
  }
});

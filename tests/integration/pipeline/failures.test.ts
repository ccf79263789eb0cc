/**
 * Bad input loses nothing and stops nothing: a feed that errors, a document that is not a feed and
 * a release page that is gone each end with a named error in the feed state or a dead letter,
 * while the rest of the batch is stored.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleLog } from '../../../lambdas/local/consoleLog';
import { runIngest } from '../../../lambdas/local/ingest';
import { openLocalRuntime, type LocalRuntime } from '../../../lambdas/local/runtime';
import { feedId } from '../../../lambdas/core/ids';

jest.setTimeout(30_000);

const page = (title: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body>
<header class="release-header"><h1>${title}</h1></header>
<section class="release-body container">
<p><span class="xn-location">DENVER</span>, <span class="xn-chron">June 2, 2025</span> /PRNewswire/ -- Peakline Instruments today shipped its first field spectrometer to mining customers in three states.</p>
<p>The instrument weighs under two kilograms and reports mineral content in seconds.</p>
<p>SOURCE Peakline Instruments</p>
</section></body></html>`;

const rss = (base: string, slugs: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Faults</title><link>${base}</link><description>d</description>
${slugs
  .map(
    (s) =>
      `<item><title>${s}</title><link>${base}/news-releases/${s}.html</link><guid>${base}/news-releases/${s}.html</guid><pubDate>Mon, 02 Jun 2025 14:00:00 GMT</pubDate><description>Summary of ${s}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;

let server: http.Server;
let base: string;
let rt: LocalRuntime;
let pageRequests: Record<string, number>;

beforeAll(async () => {
  pageRequests = {};
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/feeds/ok.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rss(base, ['peakline-ships-spectrometer-302000001', 'gone-release-302000002']));
    } else if (url === '/feeds/error.xml') {
      res.writeHead(500).end('upstream exploded');
    } else if (url === '/feeds/not-a-feed.xml') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Login required</body></html>');
    } else if (url.startsWith('/news-releases/')) {
      pageRequests[url] = (pageRequests[url] ?? 0) + 1;
      if (url.includes('gone-release')) res.writeHead(404).end('not found');
      else
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(page('Peakline ships its first field spectrometer'));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rt = await openLocalRuntime({ dataDir: null, log: consoleLog('silent'), allowHosts: [new URL(base).host] });
});

afterAll(async () => {
  await rt?.close();
  await new Promise((r) => server?.close(r));
});

test('each failure gets a named error, the batch goes on, and the good release is stored', async () => {
  const feeds = ['ok', 'error', 'not-a-feed'].map((n) => ({ url: `${base}/feeds/${n}.xml`, name: n }));
  const before = Date.now();
  const report = await runIngest(rt, { feeds, maxReceiveCount: 2 });

  expect(report.written).toBe(1);
  expect(report.feedResults.map((f) => [f.feedId, f.status, f.error?.code ?? null]).sort()).toEqual(
    [
      [feedId(feeds[0]!.url), 'fetched', null],
      [feedId(feeds[1]!.url), 'failed', 'HTTP_STATUS'],
      [feedId(feeds[2]!.url), 'failed', 'FEED_UNRECOGNIZED'],
    ].sort(),
  );
  // The page that is gone (404: not retryable) was parked with its reason at once, not retried
  // maxReceiveCount times: a permanent failure goes straight to the DLQ, as in AWS.
  expect(report.deadLetters).toHaveLength(1);
  expect(report.deadLetters[0]).toMatchObject({ queue: 'article', error: { code: 'HTTP_STATUS' } });
  expect(pageRequests['/news-releases/gone-release-302000002.html']).toBe(1);
  expect(report.failed).toBe(3);

  // The failing feeds carry their error and a backoff in their state; nothing gave up on them.
  const state = await rt.feeds.get(feedId(feeds[1]!.url));
  expect(state).toMatchObject({ consecutiveFailures: 1, enabled: true, lastError: { code: 'HTTP_STATUS' } });
  expect(Date.parse(state!.nextPollAt)).toBeGreaterThan(before);
  const ok = await rt.feeds.get(feedId(feeds[0]!.url));
  expect(ok).toMatchObject({
    consecutiveFailures: 0,
    lastError: null,
    counters: { polls: 1, itemsSeen: 2, itemsQueued: 2 },
  });
});

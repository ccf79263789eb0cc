/**
 * `newswire dlq` on the dead letters a real `newswire ingest` parked: a feed on 127.0.0.1 whose
 * release pages answer 404 (a permanent failure: parked at once, as process-article does in AWS).
 * The letters outlive the ingest process (they are files under --data-dir), and list, show,
 * redrive and purge work on them through the CLI as a user runs it.
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { newswire } from '../helpers/cli';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(60_000);

const page = (title: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body>
<header class="release-header"><h1>${title}</h1></header>
<section class="release-body container">
<p><span class="xn-location">DENVER</span>, <span class="xn-chron">June 2, 2025</span> /PRNewswire/ -- Peakline Instruments today shipped its first field spectrometer to mining customers in three states.</p>
<p>The instrument weighs under two kilograms and reports mineral content in seconds.</p>
<p>SOURCE Peakline Instruments</p>
</section></body></html>`;

const SLUGS = ['good-302000001', 'flaky-302000002', 'gone-302000003'];
const rss = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>DLQ test</title><link>${base}</link><description>d</description>
${SLUGS.map(
  (s) =>
    `<item><title>${s}</title><link>${base}/news/${s}.html</link><guid>${base}/news/${s}.html</guid><pubDate>Mon, 02 Jun 2025 14:00:00 GMT</pubDate><description>Summary of ${s}</description></item>`,
).join('\n')}
</channel></rss>`;

interface Summary {
  id: string;
  queue: string;
  feed: string | null;
  release: string | null;
  reason: { code: string; message: string };
  receiveCount: number | null;
  deadLetteredAt: string | null;
  ageSeconds: number | null;
}

const tmp = makeTempDir('newswire-dlq-cli');
let server: http.Server;
let base: string;
let host: string;
let flakyFixed = false;
const pageHits: Record<string, number> = {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(base));
    } else if (url.startsWith('/news/')) {
      pageHits[url] = (pageHits[url] ?? 0) + 1;
      const ok = url.includes('good') || (url.includes('flaky') && flakyFixed);
      if (ok) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Peakline ships'));
      else res.writeHead(404).end('not found');
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  tmp.remove();
});

const dlq = (...args: string[]) => newswire(['dlq', ...args, '--data-dir', tmp.dir]);
const list = async (queue: string): Promise<Summary[]> => {
  const res = await dlq('list', '--queue', queue, '--json');
  expect(res.code).toBe(0);
  return JSON.parse(res.stdout) as Summary[];
};

test('ingest parks the failing releases; dlq lists, shows, redrives and purges them', async () => {
  // GIVEN an ingest whose feed has one good release and two whose pages answer 404
  const feedsFile = path.join(tmp.dir, 'feeds.json');
  writeFileSync(feedsFile, JSON.stringify([{ url: `${base}/feed.xml`, name: 'dlq test' }]));
  const ingest = await newswire([
    'ingest',
    '--feeds',
    feedsFile,
    '--data-dir',
    tmp.dir,
    '--allow-host',
    host,
    '--json',
  ]);
  expect(ingest.stderr).not.toMatch(/Error:/);
  expect(JSON.parse(ingest.stdout)).toMatchObject({ written: 1, failed: 2 });
  expect(ingest.code).toBe(1);

  // THEN, in a new process, list shows each parked release with its feed, reason and age
  const parked = await list('article');
  expect(parked).toHaveLength(2);
  const flaky = parked.find((m) => m.release?.includes('flaky'))!;
  const gone = parked.find((m) => m.release?.includes('gone'))!;
  expect(flaky).toMatchObject({
    queue: 'article',
    feed: expect.stringMatching(/^f-[0-9a-f]{16}$/),
    release: `${base}/news/flaky-302000002.html`,
    reason: { code: 'HTTP_STATUS', message: expect.stringContaining('404') },
    receiveCount: 1,
  });
  expect(flaky.ageSeconds).toBeGreaterThanOrEqual(0);
  expect(flaky.ageSeconds).toBeLessThan(120);
  expect(gone.id).not.toBe(flaky.id);

  const human = await dlq('list', '--queue', 'article');
  expect(human.code).toBe(0);
  expect(human.stdout).toContain('article queue');
  expect(human.stdout).toContain('2 message(s)');
  expect(human.stdout).toContain(flaky.id);
  expect(human.stdout).toMatch(/reason\s+HTTP_STATUS: /);
  expect(human.stdout).toContain(`release ${base}/news/gone-302000003.html`);
  // A local run has no schedule to park.
  expect((await dlq('list', '--queue', 'schedule')).stdout).toContain('no scheduled run is ever parked');

  // show prints the whole message, its body as the step received it
  const shown = await dlq('show', flaky.id, '--queue', 'article');
  expect(shown.code).toBe(0);
  const detail = JSON.parse(shown.stdout) as Summary & { body: { item: { id: string; link: string } } };
  expect(detail).toMatchObject({ id: flaky.id, reason: flaky.reason, body: { item: { link: flaky.release } } });
  const missing = await dlq('show', 'no-such-id', '--queue', 'article');
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('no message no-such-id in the article dead-letter queue');

  // A redrive by reason while the pages still fail: both run again, both are parked again, same ids
  const hitsBefore = pageHits['/news/flaky-302000002.html'] ?? 0;
  const again = await dlq('redrive', '--queue', 'article', '--reason', 'HTTP_STATUS', '--allow-host', host);
  expect(again.code).toBe(1);
  expect(again.stdout).toMatch(/redriven\s+2/);
  expect(again.stdout).toMatch(/parked again\s+2/);
  expect(pageHits['/news/flaky-302000002.html']).toBe(hitsBefore + 1);

  // Once the page is back, a redrive by id (the id it kept when parked again) stores the release and takes it off the queue
  flakyFixed = true;
  const fixed = await dlq('redrive', '--queue', 'article', '--id', flaky.id, '--allow-host', host);
  expect(fixed.stdout).toMatch(/handled\s+1/);
  expect(fixed.code).toBe(0);
  expect((await list('article')).map((m) => m.id)).toEqual([gone.id]);
  const stored = await newswire(['get', detail.body.item.id, '--data-dir', tmp.dir]);
  expect(stored.code).toBe(0);
  expect(JSON.parse(stored.stdout)).toMatchObject({ id: detail.body.item.id, url: flaky.release });

  // purge asks first: with no terminal to ask on and no --yes it refuses and deletes nothing
  const refused = await dlq('purge', '--queue', 'article');
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('pass --yes');
  const purged = await dlq('purge', '--queue', 'article', '--yes');
  expect(purged.code).toBe(0);
  expect(purged.stdout).toContain('deleted 1 message(s)'); // so the refused purge deleted nothing
  expect(await list('article')).toEqual([]);
});

test('usage errors: no selector, or the schedule queue, for redrive; an unknown queue', async () => {
  const none = await dlq('redrive', '--queue', 'article');
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('exactly one of --all, --id <id...>, --reason <text>');
  const schedule = await dlq('redrive', '--queue', 'schedule', '--all');
  expect(schedule.code).toBe(2);
  expect(schedule.stderr).toContain('the schedule queue is not redriven');
  const unknown = await dlq('list', '--queue', 'dispatch');
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/--queue.*dispatch.*poll, article, schedule/);
});

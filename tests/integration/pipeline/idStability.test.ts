/**
 * Release ids that survive a changing feed, through the whole local chain (runIngest → poll-feed →
 * process-article → dynalite), against a sample-like wire server on 127.0.0.1 that serves the
 * bundled release pages under whatever path the feed links to:
 *  - a release listed a second time with a tracking parameter stays one record;
 *  - a release whose link moves while its GUID stays is revision 2 of the same record, url updated;
 *  - a release whose GUID changes while its link stays is the same record.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { consoleLog } from '../../../lambdas/local/consoleLog';
import { runIngest } from '../../../lambdas/local/ingest';
import { openLocalRuntime, type LocalRuntime } from '../../../lambdas/local/runtime';
import { makeTempDir } from '../../helpers/tempDir';

jest.setTimeout(60_000);

const RELEASES = path.join(__dirname, '../../../lambdas/local/sample-feeds/releases');
/** Sample release pages by their PR Newswire number (the digits before `.html`). */
const pages = new Map(
  readdirSync(RELEASES)
    .filter((f) => /-\d+\.html$/.test(f))
    .map((f) => [/-(\d+)\.html$/.exec(f)![1]!, readFileSync(path.join(RELEASES, f), 'utf8')]),
);
const [numA, numB] = [...pages.keys()].sort();

interface Listing {
  title: string;
  link: string;
  guid: string;
}

let listings: Listing[] = [];
let server: http.Server;
let base: string;
let rt: LocalRuntime;
let tmp: ReturnType<typeof makeTempDir>;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const feedXml = () =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sample wire</title><link>${base}/news-releases/</link>` +
  listings
    .map(
      (l) =>
        `<item><title>${esc(l.title)}</title><link>${esc(l.link)}</link><guid isPermaLink="false">${esc(l.guid)}</guid><pubDate>Tue, 14 Oct 2025 12:00:00 GMT</pubDate><description>${esc(l.title)}.</description></item>`,
    )
    .join('') +
  `</channel></rss>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/feeds/wire.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml());
      return;
    }
    const page = /-(\d+)\.html$/.exec(url.pathname)?.[1];
    const html = page ? pages.get(page) : undefined;
    if (!html) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html.replaceAll('{{BASE_URL}}', base));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tmp = makeTempDir('newswire-ids');
  rt = await openLocalRuntime({ dataDir: tmp.dir, log: consoleLog('silent'), allowHosts: [new URL(base).host] });
});

afterAll(async () => {
  await rt?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  tmp?.remove();
});

const ingest = () => runIngest(rt, { feeds: [{ url: `${base}/feeds/wire.xml`, name: 'sample wire' }] });
const records = async () => (await rt.articles.query({ limit: 50 })).items;

test('re-listed, moved and re-GUIDed releases stay one record each', async () => {
  expect(numA && numB).toBeTruthy();
  const a = { title: 'Release A', link: `${base}/news-releases/release-a-${numA}.html`, guid: `prn-${numA}` };
  const b = { title: 'Release B', link: `${base}/news-releases/release-b-${numB}.html`, guid: `prn-${numB}` };
  listings = [a, b];
  const first = await ingest();
  expect(first).toMatchObject({ failed: 0, created: 2 });
  const stored = await records();
  expect(stored).toHaveLength(2);
  const idOf = (guid: string) => stored.find((r) => r.guid === guid)?.id;

  // Poll 2: B is listed a second time with tracking parameters and its own GUID.
  listings = [a, b, { ...b, link: `${b.link}?utm_source=rss&utm_medium=feed`, guid: `prn-${numB}-rss` }];
  const second = await ingest();
  expect(second).toMatchObject({ failed: 0, created: 0, revised: 0 });
  expect((await records()).map((r) => r.id).sort()).toEqual(stored.map((r) => r.id).sort());

  // Poll 3: the publisher moves A to a dated path with a new slug; its GUID stays.
  const movedLink = `${base}/news-releases/2025/10/release-a-renamed-${numA}.html`;
  listings = [{ ...a, link: movedLink }, b];
  const third = await ingest();
  expect(third).toMatchObject({ failed: 0, created: 0, revised: 1 });
  const afterMove = await records();
  expect(afterMove).toHaveLength(2);
  const movedA = afterMove.find((r) => r.id === idOf(a.guid));
  expect(movedA).toMatchObject({ revision: 2, url: movedLink, guid: a.guid });

  // Poll 4: nothing changed since, so nothing is processed again (found through its GUID alias).
  const fourth = await ingest();
  expect(fourth).toMatchObject({ failed: 0, written: 0 });
  expect(fourth.feedResults).toEqual([expect.objectContaining({ itemsSeen: 2, queued: 0 })]);

  // Poll 5: B's GUID changes, its link does not: the same record.
  listings = [
    { ...a, link: movedLink },
    { ...b, guid: `urn:wire:${numB}` },
  ];
  const fifth = await ingest();
  expect(fifth).toMatchObject({ failed: 0, created: 0 });
  const last = await records();
  expect(last.map((r) => r.id).sort()).toEqual(stored.map((r) => r.id).sort());
  expect(last.find((r) => r.id === idOf(b.guid))?.revision).toBe(1);
});

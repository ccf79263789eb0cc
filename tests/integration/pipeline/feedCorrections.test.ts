/**
 * Corrections through the whole local chain: a feed served on 127.0.0.1 whose item is corrected
 * between polls. The corrected item keeps its id, is processed again and stored as revision 2; an
 * untouched item, a reordered feed and a re-stamped date process nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { consoleLog } from '../../../lambdas/local/consoleLog';
import { runIngest } from '../../../lambdas/local/ingest';
import { openLocalRuntime, type LocalRuntime } from '../../../lambdas/local/runtime';
import { makeTempDir } from '../../helpers/tempDir';

jest.setTimeout(60_000);

interface Item {
  slug: string;
  title: string;
  amount: string;
  pubDate: string;
}

/** A release long enough to be taken from content:encoded (no page fetch). */
const release = (it: Item) =>
  [
    `<p>AUSTIN, Texas, March 7, 2024 /PRNewswire/ -- ${it.title.replace(/&/g, '&amp;')}: the company today reported revenue of ${it.amount} for the fourth quarter, ahead of its own guidance.</p>`,
    `<p>"We delivered a strong quarter across every region and product line," said the chief executive officer. "Our customers kept expanding their use of the platform and we signed our largest contract to date."</p>`,
    `<p>The company will host a conference call at 5:00 p.m. Eastern Time to discuss the results. A replay will be available on the investor relations website for thirty days after the call.</p>`,
    `<p>About the company: it builds software for logistics teams and is headquartered in Austin, Texas, with offices in Berlin and Singapore.</p>`,
  ].join('');

const feedXml = (base: string, items: Item[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Corrections</title><link>${base}/</link>` +
  items
    .map(
      (it) =>
        `<item><title>${it.title.replace(/&/g, '&amp;')}</title><link>${base}/news/${it.slug}.html</link><guid isPermaLink="false">${it.slug}</guid><pubDate>${it.pubDate}</pubDate><description>${it.title.replace(/&/g, '&amp;')}</description><content:encoded><![CDATA[${release(it)}]]></content:encoded></item>`,
    )
    .join('') +
  `</channel></rss>`;

let items: Item[] = [];
let server: http.Server;
let base: string;
let rt: LocalRuntime;
let tmp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(base, items));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tmp = makeTempDir('newswire-corrections');
  rt = await openLocalRuntime({ dataDir: tmp.dir, log: consoleLog('silent'), allowHosts: [new URL(base).host] });
});

afterAll(async () => {
  await rt?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  tmp?.remove();
});

const ingest = () => runIngest(rt, { feeds: [{ url: `${base}/feed.xml`, name: 'corrections' }] });

test('a corrected item is stored as revision 2 of the same id; nothing else is re-processed', async () => {
  items = [
    {
      slug: 'acme-q4',
      title: 'Acme Reports Fourth Quarter Results',
      amount: '$12.4 million',
      pubDate: 'Thu, 07 Mar 2024 08:00:00 EST',
    },
    {
      slug: 'globex-q4',
      title: 'Globex Reports Fourth Quarter Results',
      amount: '$3.1 million',
      pubDate: 'Thu, 07 Mar 2024 09:00:00 EST',
    },
  ];
  const first = await ingest();
  expect(first).toMatchObject({ failed: 0, created: 2, revised: 0, itemsSeen: 2 });
  const ids = (await rt.articles.query({ limit: 10 })).items.map((r) => r.id).sort();
  expect(ids).toHaveLength(2);

  // Same feed, reordered, dates re-stamped: the same ids, nothing processed again.
  items = [
    { ...items[1]!, pubDate: 'Fri, 08 Mar 2024 10:00:00 GMT' },
    { ...items[0]!, pubDate: 'Fri, 08 Mar 2024 10:00:00 GMT' },
  ];
  const second = await ingest();
  expect(second).toMatchObject({ failed: 0, written: 0, unchanged: 2 });
  expect(second.feedResults).toEqual([expect.objectContaining({ itemsSeen: 2, queued: 0 })]);

  // The publisher corrects Acme's revenue figure.
  items = items.map((it) => (it.slug === 'acme-q4' ? { ...it, amount: '$14.2 million' } : it));
  const third = await ingest();
  expect(third).toMatchObject({ failed: 0, created: 0, revised: 1, written: 1, unchanged: 1 });
  expect(third.feedResults).toEqual([expect.objectContaining({ itemsSeen: 2, queued: 1 })]);

  const after = (await rt.articles.query({ limit: 10 })).items;
  expect(after.map((r) => r.id).sort()).toEqual(ids);
  const acme = after.find((r) => r.url?.includes('acme-q4'));
  const globex = after.find((r) => r.url?.includes('globex-q4'));
  expect(acme).toMatchObject({ revision: 2, guid: 'acme-q4' });
  expect(acme?.body.text).toContain('$14.2 million');
  expect(globex?.revision).toBe(1);
  expect((await rt.articles.get(acme!.id))?.revision).toBe(2);
});

/** The hand-written sample feeds under tests/fixtures/feeds (also the `feed parse` example of docs/feeds.md). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBody } from '../../../../lambdas/core/feed/decode';
import { parseFeed } from '../../../../lambdas/core/feed/parseFeed';

const DIR = path.resolve(__dirname, '../../../fixtures/feeds');
const read = (name: string) => parseFeed(decodeBody(readFileSync(path.join(DIR, name))).text);

test('wire-technology.rss: ISO-8859-1, &nbsp; and a stray &, EST and +0530 dates, an unreadable date, a relative link', async () => {
  const feed = await read('wire-technology.rss');
  expect(feed).toMatchObject({ format: 'rss2', title: 'Wire-style releases: Technology', ttlMinutes: 10 });
  expect(feed.items.map((i) => [i.title, i.publishedAt, i.link])).toEqual([
    [
      'Société Générale Tech Unveils Q4 Results & Guidance',
      '2024-03-07T08:00:00.000Z',
      'https://wire.example.test/news-releases/sg-tech-q4-302000001.html?utm_source=rss&utm_medium=feed',
    ],
    [
      'Acme Robotics & Partners Open Austin Lab',
      '2024-03-07T08:00:00.000Z',
      'https://wire.example.test/news-releases/acme-austin-lab-302000002.html',
    ],
    ['Undated notice', null, 'https://wire.example.test/news-releases/undated-302000003.html'],
  ]);
  expect(feed.items[0]?.summary).toContain('revenue of €1.2 billion');
});

test('newsroom.atom and newsroom.json: published before updated, month-only W3C-DTF, offsets', async () => {
  const atom = await read('newsroom.atom');
  expect(atom.items.map((i) => [i.title, i.publishedAt, i.author, i.categories])).toEqual([
    ['Globex expands to Lyon', '2024-03-07T08:00:00.000Z', 'Globex Communications', ['Expansion']],
    ['W3C-DTF month only', '2024-02-01T00:00:00.000Z', null, []],
  ]);
  const json = await read('newsroom.json');
  expect(json.items[0]).toMatchObject({ guid: '1002', publishedAt: '2024-03-07T19:00:00.000Z', author: 'Initech' });
});

test('moved.html and billion-laughs.xml are named errors', async () => {
  await expect(read('moved.html')).rejects.toMatchObject({ code: 'FEED_UNRECOGNIZED' });
  await expect(read('billion-laughs.xml')).rejects.toMatchObject({ code: 'FEED_ENTITY_BOMB' });
});

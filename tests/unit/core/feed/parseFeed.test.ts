import iconv from 'iconv-lite';
import { decodeBody } from '../../../../lambdas/core/feed/decode';
import { detectFeedFormat, parseFeed } from '../../../../lambdas/core/feed/parseFeed';
import { releaseId } from '../../../../lambdas/core/ids';

const item = (extra = '') =>
  `<item><title>Acme &amp; Co ships</title><link>https://www.example.test/news-releases/acme-ships-301.html?utm_source=rss</link><guid isPermaLink="false">prn-301</guid><pubDate>Thu, 07 Mar 2024 03:00:00 -0500</pubDate><description>&lt;p&gt;Acme &lt;b&gt;ships&lt;/b&gt; today.&lt;/p&gt;</description><dc:creator>Acme</dc:creator><category>Tech</category>${extra}</item>`;
const rss2 = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>PR feed</title><link>https://www.example.test</link><ttl>30</ttl>${items}</channel></rss>`;

test('an RSS 2.0 item becomes a normalized item with a stable id from its canonical link', async () => {
  const feed = await parseFeed(rss2(item()));
  expect(feed).toMatchObject({ format: 'rss2', title: 'PR feed', ttlMinutes: 30 });
  expect(feed.items).toEqual([
    {
      id: releaseId({ url: 'https://www.example.test/news-releases/acme-ships-301.html' }),
      guid: 'prn-301',
      link: 'https://www.example.test/news-releases/acme-ships-301.html?utm_source=rss',
      title: 'Acme & Co ships',
      summary: 'Acme ships today.',
      contentHtml: null,
      publishedAt: '2024-03-07T08:00:00.000Z',
      author: 'Acme',
      categories: ['Tech'],
      itemHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    },
  ]);
});

test('an item without a readable date gets null, never "now"', async () => {
  const feed = await parseFeed(rss2(item().replace(/<pubDate>.*<\/pubDate>/, '<pubDate>sometime soon</pubDate>')));
  expect(feed.items[0]?.publishedAt).toBeNull();
});

test('a stray & and an HTML entity do not lose the feed (lenient second pass)', async () => {
  const feed = await parseFeed(rss2(item().replace('Acme &amp; Co', 'Acme & Co&nbsp;Ltd')));
  expect(feed.items).toHaveLength(1);
  expect(feed.items[0]?.link).toContain('acme-ships-301');
});

test('a document that is not a feed is a named error', async () => {
  await expect(parseFeed('<html><body>hi</body></html>')).rejects.toMatchObject({ code: 'FEED_UNRECOGNIZED' });
  await expect(parseFeed('{"hello": 1}')).rejects.toMatchObject({ code: 'FEED_UNRECOGNIZED' });
});

test('Atom 1.0 and JSON Feed items are read too', async () => {
  const atom = await parseFeed(
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><id>urn:x:1</id><link href="https://example.test/e"/><updated>2024-03-07T03:00:00Z</updated><summary>S</summary></entry></feed>`,
  );
  expect(atom.format).toBe('atom1');
  expect(atom.items[0]).toMatchObject({
    title: 'E',
    link: 'https://example.test/e',
    publishedAt: '2024-03-07T03:00:00.000Z',
  });
  const json = await parseFeed(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: [{ id: '7', url: 'https://example.test/7', title: 'Seven', date_published: '2024-03-07T03:00:00+01:00' }],
    }),
  );
  expect(json.format).toBe('json');
  expect(json.items[0]).toMatchObject({ guid: '7', title: 'Seven', publishedAt: '2024-03-07T02:00:00.000Z' });
});

test('format detection looks past the XML declaration and comments', () => {
  expect(detectFeedFormat('<?xml version="1.0"?>\n<!-- hi -->\n<rss version="0.91"><channel/></rss>')).toBe('rss09');
  expect(detectFeedFormat('<rdf:RDF xmlns:rdf="x"></rdf:RDF>')).toBe('rss1');
  expect(detectFeedFormat('<feed version="0.3"></feed>')).toBe('atom03');
});

test('bytes are decoded by BOM, then HTTP charset, then the XML declaration', () => {
  const latin1 = iconv.encode('<?xml version="1.0" encoding="ISO-8859-1"?><rss><t>Société</t></rss>', 'latin1');
  expect(decodeBody(latin1).text).toContain('Société');
  expect(decodeBody(latin1, 'application/rss+xml; charset=iso-8859-1').charset).toBe('iso-8859-1');
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>Zürich</rss>')]);
  expect(decodeBody(bom, 'text/xml; charset=latin1').text).toBe('<rss>Zürich</rss>');
});

test('a description made of blocks keeps a space between them, and hostile nesting still reads', async () => {
  const blocks = await parseFeed(
    rss2(
      item().replace(
        /<description>.*<\/description>/,
        '<description>&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description>',
      ),
    ),
  );
  expect(blocks.items[0]?.summary).toBe('One. Two.');
  const nested = '&lt;b&gt;'.repeat(20_000) + 'deep';
  const deep = await parseFeed(
    rss2(item().replace(/<description>.*<\/description>/, `<description>${nested}</description>`)),
  );
  expect(deep.items[0]?.summary).toBe('deep');
});

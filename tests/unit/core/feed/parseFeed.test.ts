import iconv from 'iconv-lite';
import { decodeBody } from '../../../../lambdas/core/feed/decode';
import { detectFeedFormat, parseFeed } from '../../../../lambdas/core/feed/parseFeed';
import { guidReleaseId, releaseId } from '../../../../lambdas/core/ids';

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
  // ISO-8859-1 is read as windows-1252, as browsers do (C1 bytes are Windows punctuation).
  expect(decodeBody(latin1, 'application/rss+xml; charset=iso-8859-1')).toMatchObject({
    charset: 'windows-1252',
    source: 'header',
  });
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

describe('charsets the server or the document got wrong', () => {
  test('declared ISO-8859-1 but the bytes are valid UTF-8: read as UTF-8', () => {
    const bytes = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><t>Société – “Zürich”</t></rss>',
      'utf8',
    );
    const out = decodeBody(bytes, 'text/xml; charset=ISO-8859-1');
    expect(out.text).toContain('Société – “Zürich”');
    expect(out).toMatchObject({ charset: 'utf-8', overridden: 'iso-8859-1' });
  });

  test('no declaration (or a UTF-8 one) over bytes that are not UTF-8: read as windows-1252', () => {
    const bytes = iconv.encode('<rss><t>Not\u00edcias \u201cquoted\u201d</t></rss>', 'windows-1252');
    expect(decodeBody(bytes).text).toContain('Notícias “quoted”');
    expect(decodeBody(bytes, 'application/xml; charset=utf-8')).toMatchObject({
      charset: 'windows-1252',
      overridden: 'utf-8',
    });
  });

  test('a UTF-8 document with a few pasted-in windows-1252 bytes keeps both readable', () => {
    const bytes = Buffer.concat([
      Buffer.from('<rss><t>Zürich – ', 'utf8'),
      iconv.encode('“Société”', 'windows-1252'),
      Buffer.from('</t></rss>'),
    ]);
    expect(decodeBody(bytes)).toMatchObject({
      text: '<rss><t>Zürich – “Société”</t></rss>',
      charset: 'utf-8+windows-1252',
    });
  });

  test('a header that says UTF-8 over a latin1 document that declares itself: the declaration wins', () => {
    const bytes = iconv.encode('<?xml version="1.0" encoding="ISO-8859-15"?><rss><t>Prix 5 €</t></rss>', 'iso-8859-15');
    expect(decodeBody(bytes, 'text/xml; charset=utf-8').text).toContain('Prix 5 €');
  });

  test('a multi-byte legacy charset: read as declared, unless the bytes are valid UTF-8', () => {
    const doc = '<?xml version="1.0" encoding="Shift_JIS"?><rss><t>東京の発表</t></rss>';
    expect(decodeBody(iconv.encode(doc, 'shift_jis')).text).toBe(doc);
    expect(decodeBody(Buffer.from(doc, 'utf8'))).toMatchObject({
      text: doc,
      charset: 'utf-8',
      overridden: 'shift_jis',
    });
  });

  test('UTF-32 with and without a byte-order mark', () => {
    const doc = '<?xml version="1.0" encoding="UTF-32"?><rss><t>Zürich</t></rss>';
    expect(decodeBody(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(doc, 'utf-32le')])).text).toBe(doc);
    expect(decodeBody(iconv.encode(doc, 'utf-32be')).text).toBe(doc);
    expect(decodeBody(iconv.encode(doc, 'utf-32le')).text).toBe(doc);
  });

  test('UTF-16 with and without a byte-order mark', () => {
    const doc = '<?xml version="1.0" encoding="UTF-16"?><rss><t>Zürich</t></rss>';
    expect(decodeBody(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(doc, 'utf-16le')])).text).toBe(doc);
    expect(decodeBody(iconv.encode(doc, 'utf-16le')).text).toBe(doc);
    expect(decodeBody(iconv.encode(doc, 'utf-16be')).text).toBe(doc);
  });

  test('an unknown charset name is ignored', () => {
    expect(decodeBody(Buffer.from('<rss>Zürich</rss>'), 'text/xml; charset=x-made-up').text).toBe('<rss>Zürich</rss>');
  });
});

describe('XML that strict parsers reject', () => {
  test('control characters and lone surrogates are stripped, the feed is read', async () => {
    const feed = await parseFeed(rss2(item().replace('Acme &amp; Co ships', 'Acme\u0001 ships\u0008 \ud800today')));
    expect(feed.items[0]?.title).toBe('Acme ships today');
  });

  test('a stray & in a link and an undeclared entity in a title: repaired, values intact', async () => {
    const feed = await parseFeed(
      rss2(
        item()
          .replace(/<link>.*<\/link>/, '<link>https://example.test/r?a=1&b=2</link>')
          .replace('Acme &amp; Co ships', 'Acme&nbsp;&eacute;t&eacute; AT&T'),
      ),
    );
    expect(feed.items[0]).toMatchObject({ link: 'https://example.test/r?a=1&b=2', title: 'Acme été AT&T' });
  });

  test('CDATA is left alone by the repair', async () => {
    const feed = await parseFeed(
      rss2(
        item('<x>&bogus</x>').replace(/<link>.*<\/link>/, '<link><![CDATA[https://example.test/r?a=1&b=2]]></link>'),
      ),
    );
    expect(feed.items[0]?.link).toBe('https://example.test/r?a=1&b=2');
  });

  test('an unclosed tag is read by the lenient pass, dates and RSS 1.0 included', async () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>R</title></channel><item rdf:about="https://example.test/1"><title>One<br></title><link>https://example.test/1</link><dc:date>2024-03-07T09:00:00+01:00</dc:date></item></rdf:RDF>`;
    const feed = await parseFeed(rdf);
    expect(feed.format).toBe('rss1');
    expect(feed.items[0]).toMatchObject({ link: 'https://example.test/1', publishedAt: '2024-03-07T08:00:00.000Z' });
    const rss = await parseFeed(rss2(item('<p>unclosed')));
    expect(rss.items[0]).toMatchObject({ guid: 'prn-301', publishedAt: '2024-03-07T08:00:00.000Z' });
  });

  test('shapes rss-parser trips on: a bare <, an Atom link as text, an XHTML title, items after </channel>', async () => {
    const lt = await parseFeed(rss2(item().replace('Acme &amp; Co ships', 'Revenue < forecast')));
    expect(lt.items[0]?.title).toBe('Revenue < forecast');
    const atom = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Acme <b>ships</b></div></title><link>https://example.test/e</link><id>urn:e</id></entry></feed>`,
    );
    expect(atom.items[0]).toMatchObject({ title: 'Acme ships', link: 'https://example.test/e' });
    const outside = await parseFeed(
      `<rss version="2.0"><channel><title>T</title>${item()}</channel><item><title>Late</title><link>https://example.test/late</link></item></rss>`,
    );
    expect(outside.items.map((i) => i.title)).toEqual(['Acme & Co ships', 'Late']);
  });

  test('text printed before the XML declaration (a PHP warning) does not lose the feed', async () => {
    const feed = await parseFeed(`Warning: something in /var/www/feed.php on line 3\n${rss2(item())}`);
    expect(feed.items).toHaveLength(1);
  });

  test('entity bombs and external entities are refused with named errors', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><rss version="2.0"><channel><title>&lol3;</title></channel></rss>`;
    await expect(parseFeed(lol)).rejects.toMatchObject({ name: 'FeedParseError', code: 'FEED_ENTITY_BOMB' });
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>`;
    await expect(parseFeed(xxe)).rejects.toMatchObject({ code: 'FEED_EXTERNAL_ENTITY' });
    const param = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p "x">]><rss version="2.0"><channel/></rss>`;
    await expect(parseFeed(param)).rejects.toMatchObject({ code: 'FEED_ENTITY_BOMB' });
  });

  test('an RSS 0.91 feed that declares the W3C HTML entity sets is read (the sets are never fetched)', async () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent"> %HTMLlat1;]><rss version="0.91"><channel><title>Old</title><item><title>Caf&eacute; news</title><link>https://example.test/1</link></item></channel></rss>`;
    expect(await parseFeed(doc)).toMatchObject({ format: 'rss09', items: [{ title: 'Café news' }] });
  });

  test('a harmless declared entity is substituted', async () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY co "Acme Corp">]><rss version="2.0"><channel><title>F</title><item><title>&co; ships</title><link>https://example.test/1</link></item></channel></rss>`;
    expect((await parseFeed(doc)).items[0]?.title).toBe('Acme Corp ships');
  });

  test('truncated XML and empty documents are named errors', async () => {
    await expect(parseFeed(rss2(item()).slice(0, 150))).rejects.toMatchObject({ code: 'FEED_MALFORMED' });
    await expect(parseFeed('  \n')).rejects.toMatchObject({ code: 'FEED_EMPTY' });
    await expect(parseFeed('<?xml version="1.0"?><catalog><book/></catalog>')).rejects.toMatchObject({
      code: 'FEED_UNRECOGNIZED',
    });
  });
});

describe('formats and fields', () => {
  test('an RSS without a version attribute is read as RSS 2.0; 0.91 as rss09', async () => {
    const bare = await parseFeed(rss2(item()).replace('<rss version="2.0"', '<rss'));
    expect(bare).toMatchObject({ format: 'rss2', items: [{ guid: 'prn-301' }] });
    const old = await parseFeed(rss2(item()).replace('version="2.0"', 'version="0.91"'));
    expect(old.format).toBe('rss09');
    expect(old.items).toHaveLength(1);
  });

  test('Atom 0.3 (issued/modified, escaped content) and a bad Atom date that would crash rss-parser', async () => {
    const atom03 = await parseFeed(
      `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><entry><title>E</title><link rel="alternate" type="text/html" href="https://example.test/e"/><id>tag:example.test,2004:1</id><issued>2004-03-07T09:00:00+01:00</issued><modified>2004-03-08T00:00:00Z</modified><content type="text/html" mode="escaped">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>`,
    );
    expect(atom03.format).toBe('atom03');
    expect(atom03.items[0]).toMatchObject({
      guid: 'tag:example.test,2004:1',
      link: 'https://example.test/e',
      publishedAt: '2004-03-07T08:00:00.000Z',
      summary: 'Body',
    });
    const bad = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><link href="https://example.test/e"/><published>not a date</published><updated>2024-03-07T08:00:00Z</updated></entry></feed>`,
    );
    expect(bad.items[0]?.publishedAt).toBe('2024-03-07T08:00:00.000Z');
  });

  test('RSS 1.0 and RSS 2.0 written with a prefix for their own namespace are read; atom:link in RSS stays apart', async () => {
    const rdf = await parseFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/"><rss:channel><rss:title>P1</rss:title></rss:channel><rss:item rdf:about="https://example.test/1"><rss:title>One</rss:title><rss:link>https://example.test/1</rss:link></rss:item></rdf:RDF>`,
    );
    expect(rdf).toMatchObject({ format: 'rss1', items: [{ title: 'One', guid: 'https://example.test/1' }] });
    const userland = await parseFeed(
      `<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2"><r:channel><r:title>P2</r:title><r:item><r:title>Two</r:title><r:link>https://example.test/2</r:link></r:item></r:channel></r:rss>`,
    );
    expect(userland).toMatchObject({ format: 'rss2', items: [{ title: 'Two', link: 'https://example.test/2' }] });
    const withSelf = await parseFeed(
      `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>S</title><atom:link rel="self" href="https://example.test/feed"/><link>https://example.test/</link>${item()}</channel></rss>`,
    );
    expect(withSelf.link).toBe('https://example.test/');
  });

  test('a feed root without a channel is an empty feed; a root end tag cut before its > is closed', async () => {
    expect(await parseFeed('<rss version="2.0"></rss>')).toMatchObject({ format: 'rss2', items: [] });
    expect(await parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toMatchObject({
      format: 'atom1',
      items: [],
    });
    const cut = rss2(item()).replace(/>$/, '');
    expect((await parseFeed(cut)).items).toHaveLength(1);
  });

  test('an Atom feed with a namespace prefix is read', async () => {
    const feed = await parseFeed(
      `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:entry><a:title>E</a:title><a:link href="https://example.test/e"/><a:id>urn:e</a:id></a:entry></a:feed>`,
    );
    expect(feed).toMatchObject({
      format: 'atom1',
      title: 'P',
      items: [{ title: 'E', link: 'https://example.test/e' }],
    });
  });

  test('a permalink GUID stands in for a missing link; isPermaLink="false" does not', async () => {
    const noLink = item()
      .replace(/<link>.*<\/link>/, '')
      .replace('<guid isPermaLink="false">prn-301</guid>', '<guid>https://example.test/p/1</guid>');
    expect((await parseFeed(rss2(noLink))).items[0]?.link).toBe('https://example.test/p/1');
    const notPerma = noLink.replace('<guid>', '<guid isPermaLink="false">');
    expect((await parseFeed(rss2(notPerma))).items[0]?.link).toBeNull();
  });

  test('an RSS item with only an <atom:link> gets its alternate href as link', async () => {
    const onlyAtom = item()
      .replace(
        /<link>.*<\/link>/,
        '<atom:link rel="self" href="https://example.test/self"/><atom:link rel="alternate" href="https://example.test/alt"/>',
      )
      .replace('<guid isPermaLink="false">prn-301</guid>', '');
    const feed = await parseFeed(
      rss2(onlyAtom).replace('<rss version="2.0"', '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"'),
    );
    expect(feed.items[0]?.link).toBe('https://example.test/alt');
  });

  test('Atom: a link without rel is the alternate one; xml:base on the feed and the entry resolve relative links', async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.test/news/"><title>A</title>` +
        `<entry><title>E1</title><id>urn:1</id><link rel="enclosure" href="https://cdn.example.test/1.mp3"/><link href="1.html"/></entry>` +
        `<entry xml:base="/archive/2024/"><title>E2</title><id>urn:2</id><link href="2.html"/></entry></feed>`,
    );
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://example.test/news/1.html',
      'https://example.test/archive/2024/2.html',
    ]);
  });

  test('relative links are resolved against the feed URL, else the feed link', async () => {
    const rel = item().replace(/<link>.*<\/link>/, '<link>/news/1.html</link>');
    expect((await parseFeed(rss2(rel))).items[0]?.link).toBe('https://www.example.test/news/1.html');
    expect((await parseFeed(rss2(rel), { baseUrl: 'https://feeds.example.org/x/rss' })).items[0]?.link).toBe(
      'https://feeds.example.org/news/1.html',
    );
  });

  test('RSS author as "email (Name)", Atom categories by term, JSON Feed 1.0 author', async () => {
    const rss = await parseFeed(
      rss2(item('<author>jane@example.test (Jane Doe)</author>').replace(/<dc:creator>.*<\/dc:creator>/, '')),
    );
    expect(rss.items[0]?.author).toBe('Jane Doe');
    const atom = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><id>urn:1</id><category term="tech"/><category term="x" label="Finance"/></entry></feed>`,
    );
    expect(atom.items[0]?.categories).toEqual(['tech', 'Finance']);
    const json = await parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        items: [
          {
            id: 1,
            url: 'https://example.test/1',
            author: { name: 'Ann' },
            content_text: 'Hello',
            date_modified: '2024-03-07T08:00:00Z',
          },
        ],
      }),
    );
    const feedLevel = await parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        authors: [{ name: 'Newsroom' }],
        items: [{ id: 'x', title: 'X' }],
      }),
    );
    expect(feedLevel.items[0]?.author).toBe('Newsroom');
    expect(json.items[0]).toMatchObject({
      guid: '1',
      author: 'Ann',
      summary: 'Hello',
      publishedAt: '2024-03-07T08:00:00.000Z',
    });
  });
});

describe('stable ids', () => {
  const entry = (link: string, guid: string, title: string) =>
    `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${guid}</guid><description>${title} body</description></item>`;

  test('ids are a function of the item: another item joining the feed never moves one', async () => {
    const acme = entry('https://example.test/news/acme.html', 'acme-1', 'Acme ships');
    const alone = await parseFeed(rss2(acme));
    // A later poll lists the same release a second time, with a tracking parameter and another GUID:
    // the same canonical link is the same release, so the first keeps its id and one item remains.
    const twice = await parseFeed(
      rss2(acme + entry('https://example.test/news/acme.html?utm_source=rss', 'acme-2', 'Acme ships')),
    );
    expect(alone.items.map((i) => i.id)).toEqual([releaseId({ url: 'https://example.test/news/acme.html' })]);
    expect(twice.items.map((i) => i.id)).toEqual(alone.items.map((i) => i.id));
    expect(twice.items[0]?.link).toBe('https://example.test/news/acme.html');
    // Order does not decide which of the two is kept.
    const reversed = await parseFeed(
      rss2(entry('https://example.test/news/acme.html?utm_source=rss', 'acme-2', 'Acme ships') + acme),
    );
    expect(reversed.items).toEqual(twice.items);
  });

  test('home pages and the feed link identify nobody; a GUID repeated by different items is split by title', async () => {
    const items = [
      entry('https://example.test/', 'dup', 'First'),
      entry('https://example.test/', 'dup', 'Second'),
      entry('https://example.test/', 'g3', 'Third'),
      entry('https://example.test/feed.xml', 'g4', 'Fourth'),
    ];
    const a = await parseFeed(rss2(items.join('')), { baseUrl: 'https://example.test/feed.xml' });
    const b = await parseFeed(rss2([...items].reverse().join('')), { baseUrl: 'https://example.test/feed.xml' });
    const byTitle = (f: typeof a) => Object.fromEntries(f.items.map((i) => [i.title, i.id]));
    expect(byTitle(b)).toEqual(byTitle(a));
    expect(byTitle(a)).toEqual({
      First: guidReleaseId('dup', 'First'),
      Second: guidReleaseId('dup', 'Second'),
      Third: releaseId({ guid: 'g3' }),
      Fourth: releaseId({ guid: 'g4' }),
    });
    // Each id is the item's own: the First item alone in a feed with a repeated GUID keeps it.
    const firstAlone = await parseFeed(rss2(items[0]! + entry('https://example.test/', 'dup', 'Other')));
    expect(byTitle(firstAlone)['First']).toBe(byTitle(a)['First']);
  });

  test('a listing page that items with different titles all point at is not their id', async () => {
    const list = 'https://example.test/investors/press-releases';
    const feed = await parseFeed(rss2(entry(list, 'p1', 'One') + entry(list, 'p2', 'Two')));
    expect(feed.items.map((i) => i.id)).toEqual([releaseId({ guid: 'p1' }), releaseId({ guid: 'p2' })]);
    // A home page with a query (WordPress `/?p=123`) does name a page.
    const wp = await parseFeed(rss2(entry('https://example.test/?p=123', 'x', 'X')));
    expect(wp.items[0]?.id).toBe(releaseId({ url: 'https://example.test/?p=123' }));
  });

  test('without link or GUID the id is the hash of title and summary', async () => {
    const bare = `<item><title>Bare</title><description>Bare body</description></item>`;
    const feed = await parseFeed(rss2(bare));
    expect(feed.items[0]?.id).toBe(releaseId({ title: 'Bare', firstParagraph: 'Bare body' }));
  });

  test('an item repeated verbatim is listed once', async () => {
    const one = entry('https://example.test/a', 'a', 'A');
    expect((await parseFeed(rss2(one + one))).items).toHaveLength(1);
  });

  test('a corrected item keeps its id and changes its itemHash; a new date alone does not', async () => {
    const v1 = await parseFeed(rss2(item()));
    const v2 = await parseFeed(
      rss2(item().replace('Acme &lt;b&gt;ships&lt;/b&gt; today.', 'Acme ships today (corrected).')),
    );
    const redated = await parseFeed(rss2(item().replace('Thu, 07 Mar 2024', 'Fri, 08 Mar 2024')));
    expect(v2.items[0]?.id).toBe(v1.items[0]?.id);
    expect(v2.items[0]?.itemHash).not.toBe(v1.items[0]?.itemHash);
    expect(redated.items[0]?.itemHash).toBe(v1.items[0]?.itemHash);
  });
});

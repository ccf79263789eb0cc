/**
 * Feed text done by the specs (issue 10 §4), with the specs' own examples: RFC 4287 §3.1.1.1–3
 * (Atom 1.0 Text Constructs), Atom 0.3 §3.1 content modes, and RSS / Media RSS usage.
 */
import { parseFeed } from '../../../../lambdas/core/feed/parseFeed';
import { parseFeedItem } from '../../../../lambdas/core/parser/feedItem';

const ATOM = 'http://www.w3.org/2005/Atom';
const atomEntry = (inner: string) =>
  `<?xml version="1.0"?><feed xmlns="${ATOM}"><title>F</title><entry><id>urn:e:1</id><link href="https://e.test/1"/><updated>2024-03-07T03:00:00Z</updated>${inner}</entry></feed>`;
const atom03Entry = (inner: string) =>
  `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>F</title><entry><id>urn:e:1</id><link rel="alternate" type="text/html" href="https://e.test/1"/><issued>2024-03-07T03:00:00Z</issued>${inner}</entry></feed>`;
const rssItem = (inner: string, ns = '') =>
  `<?xml version="1.0"?><rss version="2.0"${ns}><channel><title>F</title><link>https://e.test</link><item><link>https://e.test/1</link>${inner}</item></channel></rss>`;
const MEDIA_NS = ' xmlns:media="http://search.yahoo.com/mrss/"';

const firstItem = async (doc: string) => (await parseFeed(doc)).items[0];

describe('RFC 4287 §3.1: Atom 1.0 Text Constructs', () => {
  test('§3.1.1.1 type="text": `Less: &lt;` is the characters "Less: <"', async () => {
    expect(await firstItem(atomEntry('<title type="text">Less: &lt;</title>'))).toMatchObject({ title: 'Less: <' });
  });

  test('type="text" keeps escaped markup as characters: &lt;blink&gt; stays <blink>', async () => {
    const item = await firstItem(
      atomEntry('<title type="text">Use &lt;blink&gt; sparingly</title><summary>a &lt;b&gt; c</summary>'),
    );
    expect(item).toMatchObject({ title: 'Use <blink> sparingly', summary: 'a <b> c' });
  });

  test('no type is type="text" (the RFC default)', async () => {
    expect(await firstItem(atomEntry('<title>AT&amp;T &lt;NYSE: T&gt;</title>'))).toMatchObject({
      title: 'AT&T <NYSE: T>',
    });
  });

  test('§3.1.1.2 type="html": `Less: &lt;em> &amp;lt; &lt;/em>` is unescaped once and read as "Less: <"', async () => {
    const item = await firstItem(
      atomEntry(
        '<title type="html">Less: &lt;em> &amp;lt; &lt;/em></title><summary type="html">&lt;p>One&lt;/p>&lt;p>Two&lt;/p></summary>',
      ),
    );
    expect(item).toMatchObject({ title: 'Less: <', summary: 'One Two' });
  });

  test('§3.1.1.3 type="xhtml": the text of the inner div', async () => {
    const item = await firstItem(
      atomEntry(
        '<title type="xhtml" xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:div>Less: <xhtml:em> &lt; </xhtml:em></xhtml:div></title>' +
          '<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Acme <b>ships</b></div></summary>',
      ),
    );
    expect(item).toMatchObject({ title: 'Less: <', summary: 'Acme ships' });
  });
});

describe('Atom 0.3 content modes', () => {
  test('mode="escaped": the content is escaped markup, read as HTML', async () => {
    const item = await firstItem(
      atom03Entry(
        '<title mode="escaped" type="text/html">Acme &lt;b&gt;ships&lt;/b&gt;</title><summary mode="escaped" type="text/html">&lt;p&gt;Hello &amp;amp; bye&lt;/p&gt;</summary>',
      ),
    );
    expect(item).toMatchObject({ title: 'Acme ships', summary: 'Hello & bye' });
  });

  test('mode="base64": decoded, then read by its type', async () => {
    const html = Buffer.from('<p>Caf\u00e9 &amp; <em>more</em></p>', 'utf8').toString('base64');
    const plain = Buffer.from('5 < 6 & <b>', 'utf8').toString('base64');
    const item = await firstItem(
      atom03Entry(
        `<title mode="base64" type="text/plain">${plain}</title><summary mode="base64" type="text/html">${html}</summary>`,
      ),
    );
    expect(item).toMatchObject({ title: '5 < 6 & <b>', summary: 'Café & more' });
  });

  test('mode="xml" (the default) with type text/plain is literal text', async () => {
    expect(await firstItem(atom03Entry('<title type="text/plain">a &lt;b&gt;</title>'))).toMatchObject({
      title: 'a <b>',
    });
  });
});

describe('RSS and Media RSS', () => {
  test('an RSS title is HTML by usage: escaped markup is reduced to its text, entities decoded', async () => {
    expect(await firstItem(rssItem('<title>Acme &lt;b&gt;ships&lt;/b&gt; &amp;amp; more</title>'))).toMatchObject({
      title: 'Acme ships & more',
    });
  });

  test('markup left unescaped in an RSS title keeps its text', async () => {
    expect(await firstItem(rssItem('<title>Acme <b>ships</b> today</title>'))).toMatchObject({
      title: 'Acme ships today',
    });
  });

  test('media:title is the fallback title: on the item, then in media:content', async () => {
    expect(await firstItem(rssItem('<media:title>Video: launch &lt;day&gt;</media:title>', MEDIA_NS))).toMatchObject({
      title: 'Video: launch <day>',
    });
    expect(
      await firstItem(
        rssItem(
          '<media:content url="https://e.test/v.mp4"><media:title type="html">Launch &lt;b&gt;day&lt;/b&gt;</media:title></media:content>',
          MEDIA_NS,
        ),
      ),
    ).toMatchObject({ title: 'Launch day' });
    // The item's own title wins.
    expect(await firstItem(rssItem('<title>Own</title><media:title>Media</media:title>', MEDIA_NS))).toMatchObject({
      title: 'Own',
    });
  });
});

describe('a saved feed item (core/parser/feedItem) reads titles and summaries by the same rules', () => {
  test('Atom type="text" is literal, type="html" reduced to text, xhtml its div text; RSS markup keeps its text', () => {
    const atom = parseFeedItem(
      `<entry xmlns="${ATOM}"><title type="text">Use &lt;blink&gt;</title><summary type="html">&lt;p&gt;One &amp;amp; two&lt;/p&gt;</summary><link href="https://e.test/1"/></entry>`,
    );
    expect(atom).toMatchObject({ title: 'Use <blink>', summary: 'One & two' });
    const xhtml = parseFeedItem(
      `<entry xmlns="${ATOM}"><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Less: <em> &lt; </em></div></title></entry>`,
    );
    expect(xhtml?.title).toBe('Less: <');
    const rss = parseFeedItem(
      `<item${MEDIA_NS}><title>Acme <b>ships</b> today</title><link>https://e.test/1</link></item>`,
    );
    expect(rss?.title).toBe('Acme ships today');
    const media = parseFeedItem(
      `<item${MEDIA_NS}><media:title>Launch day</media:title><link>https://e.test/1</link></item>`,
    );
    expect(media?.title).toBe('Launch day');
  });
});

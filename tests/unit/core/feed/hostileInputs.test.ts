/**
 * Feeds built to hurt the reader (issue 11, items 1–4) end in a named error or a capped result.
 * Inputs are generated (scripts/bench/hostileFeeds.ts) at bounded sizes; time and memory budgets are
 * measured by `npm run bench:hostile`, not asserted here.
 */
import fc from 'fast-check';
import { clipText, ITEM_FIELD_LIMITS, truncateUtf8 } from '../../../../lambdas/core/feed/fieldLimits';
import { checkJsonDepth, checkXmlDepth, MAX_FEED_DEPTH } from '../../../../lambdas/core/feed/nestingDepth';
import { parseFeed } from '../../../../lambdas/core/feed/parseFeed';
import {
  MAX_ENTITY_EXPANSION_CHARS,
  checkEntityDeclarations,
  repairXml,
} from '../../../../lambdas/core/feed/xmlRepair';
import {
  deepJsonFeed,
  deepXmlFeed,
  entityExpansionFeed,
  manyItemsFeed,
  shuffled,
} from '../../../../scripts/bench/hostileFeeds';

const nested = (levels: number, inner = 'x') => `${'<e>'.repeat(levels)}${inner}${'</e>'.repeat(levels)}`;
const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('1. deep nesting is refused before parsing', () => {
  test.each([40_000, 100_000])('a description nested %i levels deep → FEED_TOO_DEEP', async (levels) => {
    await expect(parseFeed(deepXmlFeed(levels))).rejects.toMatchObject({
      name: 'FeedParseError',
      code: 'FEED_TOO_DEEP',
    });
  });

  test('the limit is exact: 256 levels pass the scan, 257 do not', () => {
    expect(MAX_FEED_DEPTH).toBe(256);
    expect(() => checkXmlDepth(nested(256))).not.toThrow();
    expect(() => checkXmlDepth(nested(257))).toThrow(expect.objectContaining({ code: 'FEED_TOO_DEEP' }));
  });

  test('a feed nested just under the limit is still read', async () => {
    // rss > channel > item > description = 4 levels; 250 more inside the description.
    const feed = await parseFeed(deepXmlFeed(250));
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.title).toBe('Release 1');
  });

  test('siblings, self-closing tags, comments, CDATA, PIs and the DOCTYPE do not add depth', () => {
    const flat = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "<b><b><b>">]><r>${'<i/><!-- <c><c> --><![CDATA[<d><d>]]><?pi <p> ?><s>t</s>'.repeat(5_000)}</r>`;
    expect(() => checkXmlDepth(flat, 3)).not.toThrow();
    expect(() => checkXmlDepth('<a><b><c/></b></a>', 2)).not.toThrow();
    expect(() => checkXmlDepth('<a><b><c></c></b></a>', 2)).toThrow(expect.objectContaining({ code: 'FEED_TOO_DEEP' }));
  });

  test('unclosed tags (HTML in a lenient feed) are closed by their parent end tag, as the lenient parser does', () => {
    const lenient = `<rss><channel>${'<item><description>a<br>b<br>c<p>d</description></item>'.repeat(1_000)}</channel></rss>`;
    expect(() => checkXmlDepth(lenient, 8)).not.toThrow();
  });

  test('a quote in an unquoted attribute value does not hide what follows from the scan', () => {
    const sneaky = `<rss><channel><a title=it's>${nested(300)}</a></channel></rss>`;
    expect(() => checkXmlDepth(sneaky)).toThrow(expect.objectContaining({ code: 'FEED_TOO_DEEP' }));
    // A quoted value may hold `>` and quotes of the other kind.
    expect(() => checkXmlDepth(`<r a="x>'<y>" b='"<z>'><s/></r>`, 1)).not.toThrow();
  });
});

describe('2. entity expansion and field lengths are capped', () => {
  test('one 1 KiB entity referenced 500,000 times → FEED_ENTITY_EXPANSION', async () => {
    await expect(parseFeed(entityExpansionFeed(500_000))).rejects.toMatchObject({
      name: 'FeedParseError',
      code: 'FEED_ENTITY_EXPANSION',
    });
  });

  test('the cap is 1 MiB of substituted text, and never more than twice the document', () => {
    const entities = new Map([['a', 'A'.repeat(1024)]]);
    // 2,000 × 1 KiB = 2 MiB from a ~8 KB document: past both caps.
    expect(() => repairXml('<r>' + '&a;'.repeat(2_000) + '</r>', entities)).toThrow(
      expect.objectContaining({ code: 'FEED_ENTITY_EXPANSION' }),
    );
    // 100 KiB from a ~400 KB document: under 1 MiB and under 2×, so substituted.
    const padded = `<r>${'&a;'.repeat(100)}${' '.repeat(400_000)}</r>`;
    expect(repairXml(padded, entities)).toContain('A'.repeat(100 * 1024));
    // The same 100 KiB from a 300-byte document is more than twice its size.
    expect(() => repairXml(`<r>${'&a;'.repeat(100)}</r>`, entities)).toThrow(
      expect.objectContaining({ code: 'FEED_ENTITY_EXPANSION' }),
    );
    expect(MAX_ENTITY_EXPANSION_CHARS).toBe(1024 * 1024);
  });

  test('a feed that uses a declared entity a few times is read, the entity substituted', async () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY co "Acme Corporation">]><rss version="2.0"><channel><title>T</title><item><title>&co; ships</title><link>https://e.test/1</link><description>&co; and &co;</description></item></channel></rss>`;
    const feed = await parseFeed(doc);
    expect(feed.items[0]).toMatchObject({
      title: 'Acme Corporation ships',
      summary: 'Acme Corporation and Acme Corporation',
    });
    expect(checkEntityDeclarations(doc).get('co')).toBe('Acme Corporation');
  });

  test('an item whose fields are huge keeps each within its limit, cut on a character boundary', async () => {
    // 3-byte (€) and 4-byte (𝄞, a surrogate pair) characters, so a cut by bytes must avoid splitting them.
    const title = '€𝄞'.repeat(5_000);
    const description = 'Über 𝄞 '.repeat(40_000);
    const content = '<p>€</p>'.repeat(100_000);
    const doc = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><item><title>${title}</title><link>https://e.test/1</link><description>${description}</description><content:encoded><![CDATA[${content}]]></content:encoded><category>${'c'.repeat(1_000)}</category><author>a@b.test (${'n'.repeat(2_000)})</author></item></channel></rss>`;
    const [item] = (await parseFeed(doc)).items;
    expect(item).toBeDefined();
    const { title: t, summary: s, contentHtml: c, categories, author } = item!;
    expect(utf8Bytes(t!)).toBeLessThanOrEqual(ITEM_FIELD_LIMITS.title);
    expect(utf8Bytes(s!)).toBeLessThanOrEqual(ITEM_FIELD_LIMITS.summary);
    expect(utf8Bytes(c!)).toBeLessThanOrEqual(ITEM_FIELD_LIMITS.contentHtml);
    expect(utf8Bytes(categories[0]!)).toBeLessThanOrEqual(ITEM_FIELD_LIMITS.category);
    expect(utf8Bytes(author!)).toBeLessThanOrEqual(ITEM_FIELD_LIMITS.author);
    // Cut text says so, and is the start of what the feed had.
    expect(t).toMatch(/…$/);
    expect(title.startsWith(t!.slice(0, -1))).toBe(true);
    expect(s).toMatch(/^Über 𝄞 Über/);
    expect(content.startsWith(c!)).toBe(true);
    for (const v of [t, s, c, categories[0], author]) expect(wellFormed(v!)).toBe(true);
    // Far from the limit, nothing changes.
    expect(utf8Bytes(t!)).toBeGreaterThan(ITEM_FIELD_LIMITS.title - 8);
  });

  test('a link longer than any URL is dropped, not cut into another address', async () => {
    const long = `https://e.test/${'p'.repeat(3_000)}`;
    const doc = `<rss version="2.0"><channel><title>T</title><item><title>A</title><link>${long}</link><guid isPermaLink="false">g1</guid></item></channel></rss>`;
    const [item] = (await parseFeed(doc)).items;
    expect(item).toMatchObject({ title: 'A', link: null, guid: 'g1' });
  });

  test('truncateUtf8: the longest prefix within the byte limit that splits no code point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 0, max: 200 }), (s, max) => {
        const cut = truncateUtf8(s, max);
        expect(s.startsWith(cut)).toBe(true);
        expect(utf8Bytes(cut)).toBeLessThanOrEqual(max);
        expect(wellFormed(cut)).toBe(true);
        if (cut !== s) {
          // The next code point would not have fitted.
          const next = String.fromCodePoint(s.codePointAt(cut.length) as number);
          expect(utf8Bytes(cut + next)).toBeGreaterThan(max);
        }
      }),
    );
    expect(clipText('abcdef', 5)).toBe('ab…');
    expect(clipText('abc', 5)).toBe('abc');
  });
});

describe('3. a JSON Feed nested 100,000 arrays deep', () => {
  test('→ FEED_TOO_DEEP, not a stack overflow', async () => {
    await expect(parseFeed(deepJsonFeed(100_000))).rejects.toMatchObject({
      name: 'FeedParseError',
      code: 'FEED_TOO_DEEP',
    });
  });

  test('nesting under the limit is read: the title inside the arrays is found', async () => {
    const feed = await parseFeed(deepJsonFeed(200));
    expect(feed.items[0]?.title).toBe('Deep title');
  });

  test('brackets inside JSON strings do not count', () => {
    expect(() => checkJsonDepth(JSON.stringify({ t: '['.repeat(10_000) }), 2)).not.toThrow();
    expect(() => checkJsonDepth(JSON.stringify({ t: '\\"[[[' }), 1)).not.toThrow();
    expect(() => checkJsonDepth('[[[1]]]', 2)).toThrow(expect.objectContaining({ code: 'FEED_TOO_DEEP' }));
  });
});

describe('4. items per read are capped, newest first', () => {
  const N = 1_000;

  test('the newest `maxItems` by date are kept, in document order, and the count found is reported', async () => {
    const feed = await parseFeed(manyItemsFeed(N, { dated: true }), { maxItems: 10 });
    expect(feed.itemsFound).toBe(N);
    expect(feed.items).toHaveLength(10);
    // Item i is dated shuffled(i) minutes into 2025: the kept ones are the 10 latest minutes.
    const kept = feed.items.map((i) => Number(/Release (\d+)/.exec(i.title ?? '')?.[1]));
    const expected = Array.from({ length: N }, (_, i) => i)
      .filter((i) => shuffled(i, N) >= N - 10)
      .sort((a, b) => a - b);
    expect(kept).toEqual(expected);
    expect(feed.items.map((i) => i.publishedAt)).toEqual(
      expected.map((i) => new Date(Date.UTC(2025, 0, 1) + shuffled(i, N) * 60_000).toISOString()),
    );
  });

  test('cutting the items from the text before parsing gives the same items as reading them all', async () => {
    const doc = manyItemsFeed(300, { dated: true });
    const all = (await parseFeed(doc)).items;
    const capped = await parseFeed(doc, { maxItems: 25 });
    const newest = [...all].sort((a, b) => Date.parse(b.publishedAt!) - Date.parse(a.publishedAt!)).slice(0, 25);
    expect(capped.items).toEqual(all.filter((i) => newest.includes(i)));
    expect(capped.itemsFound).toBe(300);
  });

  test('Atom entries are capped by their published / updated dates', async () => {
    const entries = Array.from(
      { length: 30 },
      (_, i) =>
        `<entry><title>E${i}</title><id>urn:e:${i}</id><link href="https://e.test/${i}"/><updated>${new Date(Date.UTC(2025, 0, 1, 0, shuffled(i, 30))).toISOString()}</updated></entry>`,
    ).join('\n');
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${entries}</feed>`, {
      maxItems: 3,
    });
    expect(feed.itemsFound).toBe(30);
    expect(feed.items.map((i) => shuffled(Number(i.guid?.slice(6)), 30)).sort()).toEqual([27, 28, 29]);
  });

  test('items without a date come after dated ones, in document order', async () => {
    const doc = `<rss version="2.0"><channel><title>T</title>
      <item><title>undated 1</title><link>https://e.test/u1</link></item>
      <item><title>old</title><link>https://e.test/o</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate></item>
      <item><title>undated 2</title><link>https://e.test/u2</link></item>
      <item><title>new</title><link>https://e.test/n</link><pubDate>Tue, 03 Jun 2025 10:00:00 GMT</pubDate></item>
      <item><title>undated 3</title><link>https://e.test/u3</link></item>
    </channel></rss>`;
    const titles = async (maxItems?: number) => (await parseFeed(doc, { maxItems })).items.map((i) => i.title);
    expect(await titles(1)).toEqual(['new']);
    expect(await titles(3)).toEqual(['undated 1', 'old', 'new']);
    expect(await titles(4)).toEqual(['undated 1', 'old', 'undated 2', 'new']);
    expect(await titles()).toHaveLength(5);
  });

  test('an undated feed keeps its first items; a JSON Feed is capped the same way', async () => {
    const rss = await parseFeed(manyItemsFeed(N), { maxItems: 5 });
    expect(rss).toMatchObject({ itemsFound: N });
    expect(rss.items.map((i) => i.link)).toEqual([0, 1, 2, 3, 4].map((i) => `https://h.test/${i}`));
    const json = await parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        items: Array.from({ length: 20 }, (_, i) => ({
          id: String(i),
          url: `https://e.test/${i}`,
          date_published: new Date(Date.UTC(2025, 0, 1, 0, shuffled(i, 20))).toISOString(),
        })),
      }),
      { maxItems: 2 },
    );
    expect(json.itemsFound).toBe(20);
    expect(json.items.map((i) => shuffled(Number(i.guid), 20)).sort()).toEqual([18, 19]);
  });
});

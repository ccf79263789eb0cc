/**
 * Properties of feed reading over damaged input: whatever the bytes, parseFeed gives a feed or a
 * FeedParseError (never another exception), item ids are unique, and reading is deterministic.
 */
import fc from 'fast-check';
import { FeedParseError } from '../../../../lambdas/core/errors';
import { parseFeed } from '../../../../lambdas/core/feed/parseFeed';
import { parseFeedDate } from '../../../../lambdas/core/feed/dates';
import { releaseId } from '../../../../lambdas/core/ids';

const FEEDS = [
  `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://x.test/</link><item><title>A &amp; B</title><link>https://x.test/a</link><guid>g1</guid><pubDate>Thu, 07 Mar 2024 03:00:00 EST</pubDate><description>&lt;p&gt;d&lt;/p&gt;</description><category>c</category></item><item><title>C</title><link>https://x.test/</link><dc:date>2024-03-07</dc:date></item><item><title>D</title><link>https://x.test/</link></item></channel></rss>`,
  `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://x.test/"/><entry><title type="html">&lt;b&gt;E&lt;/b&gt;</title><link rel="alternate" href="/e"/><id>urn:e</id><published>2024-03-07T08:00:00Z</published><author><name>N</name></author><category term="t"/><summary>S</summary><content type="html">&lt;p&gt;C&lt;/p&gt;</content></entry></feed>`,
  `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item rdf:about="https://x.test/r"><title>R1</title><link>https://x.test/r</link></item></rdf:RDF>`,
];

/** A feed with damage: a slice cut out, or characters spliced in. */
const damaged = fc
  .tuple(
    fc.constantFrom(...FEEDS),
    fc.nat(),
    fc.nat({ max: 40 }),
    fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '&',
        ';',
        '"',
        '/',
        '!',
        '[',
        ']',
        '?',
        'a',
        ' ',
        '\u0000',
        '\u00e9',
        '&nbsp;',
        '<item>',
        '</title>',
        '<![CDATA[',
        ']]>',
        '<!ENTITY x "&x;">',
      ),
      maxLength: 8,
    }),
  )
  .map(([doc, at, cut, insert]) => {
    const i = at % doc.length;
    return doc.slice(0, i) + insert + doc.slice(Math.min(doc.length, i + cut));
  });

test('any damaged feed reads or fails with a FeedParseError; ids are unique; the reading is deterministic', async () => {
  await fc.assert(
    fc.asyncProperty(damaged, async (doc) => {
      let first;
      try {
        first = await parseFeed(doc);
      } catch (err) {
        expect(err).toBeInstanceOf(FeedParseError);
        return;
      }
      const ids = first.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of first.items) {
        if (item.publishedAt !== null)
          expect(item.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
      expect(await parseFeed(doc)).toEqual(first);
    }),
    { numRuns: 300 },
  );
});

test('the same items in any order get the same ids', async () => {
  const items = ['a', 'b', 'c', 'd'].map(
    (k, n) =>
      `<item><title>T${k}</title><link>https://x.test/${n % 2 ? 'same' : k}</link><guid>${n < 2 ? 'dup' : k}</guid></item>`,
  );
  await fc.assert(
    fc.asyncProperty(
      fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
      async (order) => {
        const feed = await parseFeed(`<rss version="2.0"><channel><title>T</title>${order.join('')}</channel></rss>`);
        const byTitle = Object.fromEntries(feed.items.map((i) => [i.title, i.id]));
        const reference = await parseFeed(
          `<rss version="2.0"><channel><title>T</title>${items.join('')}</channel></rss>`,
        );
        expect(byTitle).toEqual(Object.fromEntries(reference.items.map((i) => [i.title, i.id])));
        expect(new Set(Object.values(byTitle)).size).toBe(4);
      },
    ),
    { numRuns: 50 },
  );
});

test('parseFeedDate never throws and returns an ISO instant or null', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (s) => {
      const out = parseFeedDate(s);
      expect(out === null || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(out)).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

test('a release keeps its id whatever else the feed lists at that poll', async () => {
  // Releases k: title Tk, link /news/k (sometimes with tracking parameters), GUIDs that vary per listing.
  const listing = fc.record({
    k: fc.integer({ min: 0, max: 5 }),
    utm: fc.boolean(),
    guid: fc.string({ minLength: 1, maxLength: 4 }).map((g) => g.replace(/[<&\]]/g, 'x')),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(listing, { minLength: 1, maxLength: 8 }), async (listings) => {
      const xml = listings
        .map(
          ({ k, utm, guid }) =>
            `<item><title>T${k}</title><link>https://x.test/news/${k}${utm ? '?utm_source=rss&amp;utm_medium=feed' : ''}</link><guid isPermaLink="false"><![CDATA[${guid}]]></guid></item>`,
        )
        .join('');
      const feed = await parseFeed(
        `<rss version="2.0"><channel><title>T</title><link>https://x.test/</link>${xml}</channel></rss>`,
      );
      const expected = [...new Set(listings.map((l) => l.k))].map((k) => [
        `T${k}`,
        releaseId({ url: `https://x.test/news/${k}` }),
      ]);
      expect(Object.fromEntries(feed.items.map((i) => [i.title, i.id]))).toEqual(Object.fromEntries(expected));
      expect(feed.items).toHaveLength(expected.length);
    }),
    { numRuns: 100 },
  );
});

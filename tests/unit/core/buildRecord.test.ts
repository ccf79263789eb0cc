import { buildRecord } from '../../../lambdas/core/buildRecord';
import type { FeedItem } from '../../../lambdas/core/feed/types';
import { releaseId, releaseIdCandidates } from '../../../lambdas/core/ids';
import { parseReleaseStrict } from '../../../lambdas/core/parser';
import { validateRecord } from '../../../lambdas/core/recordSchema';

const TEXT = [
  'Acme Robotics Opens Plant',
  '',
  'AUSTIN, Texas, Jan. 5, 2025 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACME), a maker of arms, today opened a plant.',
  '',
  'SOURCE Acme Robotics, Inc.',
].join('\n');

const item: FeedItem = {
  id: 'u-0123456789abcdef0123456789abcdef',
  guid: 'guid-42',
  link: 'https://WWW.Example.com/news/acme-opens-plant.html?utm_source=rss#top',
  title: 'Feed title',
  summary: 'Feed summary.',
  contentHtml: null,
  publishedAt: '2025-01-05T14:00:00.000Z',
  author: null,
  categories: [],
  itemHash: 'h',
};

describe('releaseId', () => {
  it.each([
    ['a URL, a GUID and text', { url: 'https://Example.com/a?utm_source=x&b=2#top', guid: ' g-1 ', title: 'T' }],
    ['a GUID and text', { url: null, guid: 'g-1', wire: 'PR Newswire', title: 'T', firstParagraph: 'P.' }],
    ['a URL that is no http(s) URL, and text', { url: 'ftp://example.com/a', guid: '  ', title: 'T' }],
    ['text only', { title: 'Acme  Opens Plant', dateline: 'AUSTIN, Texas', firstParagraph: 'Acme opened.' }],
    ['nothing', {}],
  ])('with %s: the first of releaseIdCandidates', (_, parts) => {
    expect(releaseId(parts)).toBe(releaseIdCandidates(parts)[0]);
  });
});

describe('buildRecord', () => {
  const parsed = parseReleaseStrict({ content: TEXT });

  it('takes id, url, guid, summary and publishedAt from the feed item when there is one', () => {
    const r = buildRecord(parsed, {
      feed: { id: 'f-1', url: 'https://example.com/rss' },
      item,
      url: null,
      raw: null,
      fetchedAt: null,
    });
    expect(r.id).toBe(item.id);
    expect(r.url).toBe('https://www.example.com/news/acme-opens-plant.html');
    expect(r.guid).toBe('guid-42');
    expect(r.summary).toBe('Feed summary.');
    expect(r.publishedAt).toBe('2025-01-05T14:00:00.000Z');
    // The page headline wins over the item title.
    expect(r.title).toBe('Acme Robotics Opens Plant');
    expect(r.feed).toEqual({ id: 'f-1', url: 'https://example.com/rss' });
    expect(validateRecord(r)).toEqual(r);
  });

  it('falls back to the item title when the page has no headline', () => {
    const noTitle = { ...parsed, title: null };
    expect(buildRecord(noTitle, { feed: null, item, url: null, raw: null, fetchedAt: null }).title).toBe('Feed title');
  });

  it('derives the id from the canonical URL, else the fetch URL, else the content hash', () => {
    const url = 'https://example.com/news/acme.html';
    const fromCtx = buildRecord(parsed, { feed: null, item: null, url, raw: null, fetchedAt: null });
    expect(fromCtx.id).toBe(releaseId({ url }));
    expect(fromCtx.url).toBe(url);
    const canonical = buildRecord(
      { ...parsed, canonicalUrl: 'https://example.com/canonical.html' },
      { feed: null, item: null, url, raw: null, fetchedAt: null },
    );
    expect(canonical.id).toBe(releaseId({ url: 'https://example.com/canonical.html' }));
    const hashed = buildRecord(parsed, { feed: null, item: null, url: null, raw: null, fetchedAt: null });
    expect(hashed.id).toMatch(/^h-/);
    // The same release parsed twice gets the same id.
    expect(
      buildRecord(parseReleaseStrict({ content: TEXT }), {
        feed: null,
        item: null,
        url: null,
        raw: null,
        fetchedAt: null,
      }).id,
    ).toBe(hashed.id);
  });

  it('uses the dateline date when nothing else dates the release, and the given revision', () => {
    const r = buildRecord(parsed, {
      feed: null,
      item: null,
      url: null,
      raw: null,
      fetchedAt: '2025-01-06T00:00:00.000Z',
      revision: 2,
    });
    expect(r.publishedAt).toBe('2025-01-05T00:00:00.000Z');
    expect(r.revision).toBe(2);
    expect(r.fetchedAt).toBe('2025-01-06T00:00:00.000Z');
    expect(r.tickers).toEqual([{ exchange: 'NASDAQ', symbol: 'ACME' }]);
    expect(r.source).toBe('Acme Robotics, Inc.');
  });
});

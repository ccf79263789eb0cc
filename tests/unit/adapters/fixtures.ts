/** Test data shared by the adapter tests (unit and integration). */
import { SCHEMA_VERSION, type PressReleaseRecord } from '../../../lambdas/core/record';
import type { FeedState } from '../../../lambdas/pipeline/ports';

export function makeRecord(over: Partial<PressReleaseRecord> & { id: string }): PressReleaseRecord {
  return {
    schemaVersion: SCHEMA_VERSION,
    parserVersion: '1.0.0',
    url: `https://www.prnewswire.com/news-releases/${over.id}.html`,
    feed: { id: 'f-feed1', url: 'https://example.com/feed.rss' },
    guid: null,
    title: `Title of ${over.id}`,
    subtitle: null,
    summary: null,
    wire: { name: 'PR Newswire', tag: 'PRNewswire' },
    dateline: { text: 'AUSTIN, Texas, March 3, 2025 /PRNewswire/ --', location: 'AUSTIN, Texas', date: '2025-03-03' },
    place: { city: 'Austin', region: 'Texas', country: 'US' },
    publishedAt: '2025-03-03T14:00:00.000Z',
    source: 'Acme Robotics, Inc.',
    tickers: [{ exchange: 'NASDAQ', symbol: 'ACME' }],
    contacts: [],
    body: { text: 'Hello world.', paragraphs: ['Hello world.'], wordCount: 2 },
    about: [],
    attribution: null,
    language: 'en',
    links: [],
    raw: { feedKey: null, articleKey: `articles/${over.id}/abc.html.gz`, sha256: 'abc' },
    fetchedAt: '2025-03-03T14:05:00.000Z',
    revision: 1,
    revisionReason: null,
    warnings: [],
    ...over,
  };
}

export function makeFeed(over: Partial<FeedState> & { id: string }): FeedState {
  return {
    url: `https://example.com/${over.id}.rss`,
    name: `Feed ${over.id}`,
    wire: 'PR Newswire',
    enabled: true,
    pollIntervalMinutes: 15,
    etag: null,
    lastModified: null,
    lastPolledAt: null,
    nextPollAt: '2025-01-01T00:00:00.000Z',
    consecutiveFailures: 0,
    lastError: null,
    counters: { polls: 0, failures: 0, itemsSeen: 0, itemsQueued: 0 },
    createdAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

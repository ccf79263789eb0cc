import type { ParsedRelease } from '../../lambdas/core/parser';

/** A parse result with every field empty; `over` sets the ones a test cares about. */
export function parsedRelease(over: Partial<ParsedRelease> = {}): ParsedRelease {
  return {
    kind: 'text',
    canonicalUrl: null,
    guid: null,
    summary: null,
    title: null,
    subtitle: null,
    wire: null,
    dateline: null,
    place: null,
    publishedAt: null,
    source: null,
    tickers: [],
    contacts: [],
    body: { text: '', paragraphs: [], wordCount: 0 },
    about: [],
    attribution: null,
    language: null,
    links: [],
    warnings: [],
    ...over,
  };
}

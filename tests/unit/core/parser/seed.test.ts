import { buildRecord } from '../../../../lambdas/core/buildRecord';
import { parseRelease, parseReleaseStrict, PARSER_VERSION } from '../../../../lambdas/core/parser';
import { RECORD_FIELDS } from '../../../../lambdas/core/record';
import { validateRecord } from '../../../../lambdas/core/recordSchema';
import { fixture } from './helpers';

// GIVEN the seed release exactly as the corpus ships it (a `date` line glued before the dateline,
// SOURCE on its own line at the end, no trailing newline)
const content = fixture('seed', 'liaoning-prnewswire-2024-03-07.txt');

describe('seed release: liaoning-prnewswire-2024-03-07', () => {
  const parsed = parseReleaseStrict({ content });

  it('reads the PR Newswire dateline', () => {
    expect(parsed.kind).toBe('text');
    expect(parsed.wire).toEqual({ name: 'PR Newswire', tag: 'PRNewswire' });
    expect(parsed.dateline).toEqual({
      text: 'BEIJING, March 7, 2024 /PRNewswire/',
      location: 'BEIJING',
      date: '2024-03-07',
    });
    expect(parsed.place).toEqual({ city: 'Beijing', region: null, country: 'CN' });
    expect(parsed.publishedAt?.startsWith('2024-03-07')).toBe(true);
  });

  it('takes the SOURCE line as source and keeps it out of the body', () => {
    expect(parsed.source).toBe('chinadaily.com.cn');
    expect(parsed.body.text).not.toContain('SOURCE');
    expect(parsed.body.text).not.toContain('date 2024-03-07');
  });

  it('starts the body at the attribution and ends it at the last paragraph', () => {
    expect(parsed.body.paragraphs[0]).toBe('A news report from chinadaily.com.cn:');
    expect(parsed.attribution).toBe('A news report from chinadaily.com.cn:');
    expect(parsed.body.paragraphs.at(-1)).toMatch(/in Dalian, he added\.$/);
    expect(parsed.body.paragraphs).toHaveLength(13);
    expect(parsed.body.text).toBe(parsed.body.paragraphs.join('\n\n'));
    expect(parsed.body.wordCount).toBeGreaterThan(400);
  });

  it('detects English and finds no tickers, contacts or About sections', () => {
    expect(parsed.language).toBe('en');
    expect(parsed.tickers).toEqual([]);
    expect(parsed.contacts).toEqual([]);
    expect(parsed.about).toEqual([]);
  });

  it('builds a schema-valid record with fields in contract order (what `newswire parse` prints)', () => {
    const record = buildRecord(parseRelease({ content, url: null }), {
      feed: null,
      item: null,
      url: null,
      raw: null,
      fetchedAt: null,
    });
    expect(() => validateRecord(record)).not.toThrow();
    const printed = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual([...RECORD_FIELDS]);
    expect(printed['parserVersion']).toBe(PARSER_VERSION);
    expect(printed['schemaVersion']).toBe(1);
    expect(printed['revision']).toBe(1);
    expect(printed['id']).toMatch(/^h-[0-9a-f]{32}$/);
    expect(printed['url']).toBeNull();
  });
});

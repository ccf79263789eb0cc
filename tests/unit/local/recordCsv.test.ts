import fc from 'fast-check';
import { CSV_COLUMNS, csvField, csvHeader, csvRow, recordCsvRow } from '../../../lambdas/local/recordCsv';
import { parseCsv } from '../../helpers/csv';
import type { PressReleaseRecord } from '../../../lambdas/core/record';

test('a field is quoted only when it holds a comma, a quote, CR or LF; quotes are doubled', () => {
  expect(csvField('plain text')).toBe('plain text');
  expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('two\nlines')).toBe('"two\nlines"');
  expect(csvField('cr\r')).toBe('"cr\r"');
  expect(csvField(null)).toBe('');
  expect(csvField(undefined)).toBe('');
  expect(csvField(42)).toBe('42');
  expect(csvRow(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
});

test('any row of strings reads back as written (RFC 4180 round trip)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), {
        minLength: 1,
        maxLength: 5,
      }),
      (rows) => {
        const text = rows.map(csvRow).join('');
        expect(parseCsv(text)).toEqual(rows);
      },
    ),
  );
});

test('a record becomes one row under the header, lists joined with "; "', () => {
  const record = {
    id: 'u-1',
    publishedAt: '2025-06-10T20:15:00.000Z',
    source: 'Calyx Semiconductor Corporation',
    title: 'Calyx Reports "Record" Quarter, Again',
    wire: { name: 'PR Newswire', tag: 'PRNewswire-FirstCall' },
    dateline: { text: 'SAN DIEGO, June 10, 2025 /PRNewswire-FirstCall/', location: 'SAN DIEGO', date: '2025-06-10' },
    place: { city: 'San Diego', region: 'CA', country: 'US' },
    tickers: [
      { exchange: 'NASDAQ', symbol: 'CLYX' },
      { exchange: 'NYSE', symbol: 'CLY.U' },
    ],
    contacts: [
      { name: 'Leah', organization: null, email: 'ir@calyxsemi.com', phone: null },
      { name: 'No Mail', organization: null, email: null, phone: '1' },
    ],
    url: 'https://example.test/a',
    feed: { id: 'f-1', url: 'https://example.test/feed' },
    language: 'en',
    body: { text: 'x', paragraphs: ['x'], wordCount: 1 },
    revision: 2,
    fetchedAt: '2025-06-10T20:16:00.000Z',
  } as unknown as PressReleaseRecord;
  const [header, row] = parseCsv(csvHeader() + recordCsvRow(record));
  expect(header).toEqual(CSV_COLUMNS.map((c) => c.name));
  const byName = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
  expect(byName).toMatchObject({
    id: 'u-1',
    source: 'Calyx Semiconductor Corporation',
    title: 'Calyx Reports "Record" Quarter, Again',
    wire: 'PR Newswire',
    city: 'San Diego',
    country: 'US',
    tickers: 'NASDAQ:CLYX; NYSE:CLY.U',
    contactEmails: 'ir@calyxsemi.com',
    feedId: 'f-1',
    wordCount: '1',
    revision: '2',
  });
});

/**
 * CSV export of records (`newswire query --format csv`): RFC 4180 — CRLF line ends, every field that
 * holds a comma, a double quote, CR or LF is quoted, and quotes inside are doubled. One header row,
 * then one row per record with the fields that are useful flat; lists are joined with `; `.
 */
import type { PressReleaseRecord } from '../core/record';

/** One RFC 4180 field: quoted only when it must be. null/undefined → empty field. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One RFC 4180 record, CRLF-terminated. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** The flat columns of a record, in the order printed. */
export const CSV_COLUMNS: readonly {
  name: string;
  value: (r: PressReleaseRecord) => string | number | null;
}[] = [
  { name: 'id', value: (r) => r.id },
  { name: 'publishedAt', value: (r) => r.publishedAt },
  { name: 'source', value: (r) => r.source },
  { name: 'title', value: (r) => r.title },
  { name: 'wire', value: (r) => r.wire?.name ?? null },
  { name: 'datelineLocation', value: (r) => r.dateline?.location ?? null },
  { name: 'city', value: (r) => r.place?.city ?? null },
  { name: 'region', value: (r) => r.place?.region ?? null },
  { name: 'country', value: (r) => r.place?.country ?? null },
  { name: 'tickers', value: (r) => r.tickers.map((t) => `${t.exchange}:${t.symbol}`).join('; ') },
  { name: 'contactEmails', value: (r) => r.contacts.flatMap((c) => (c.email ? [c.email] : [])).join('; ') },
  { name: 'url', value: (r) => r.url },
  { name: 'feedId', value: (r) => r.feed?.id ?? null },
  { name: 'language', value: (r) => r.language },
  { name: 'wordCount', value: (r) => r.body.wordCount },
  { name: 'revision', value: (r) => r.revision },
  { name: 'fetchedAt', value: (r) => r.fetchedAt },
];

export function csvHeader(): string {
  return csvRow(CSV_COLUMNS.map((c) => c.name));
}

export function recordCsvRow(record: PressReleaseRecord): string {
  return csvRow(CSV_COLUMNS.map((c) => c.value(record)));
}

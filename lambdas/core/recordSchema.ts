import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { RecordValidationError } from './errors';
import { type PressReleaseRecord, RECORD_WARNINGS, REVISION_REASONS, SCHEMA_VERSION } from './record';

/**
 * Runtime schema of the record, schema v1. It mirrors core/record.ts field by field; the type-level
 * check below fails compilation when the two drift apart, and `record.schema.json` (generated
 * from this schema by scripts/gen-record-schema.ts) is what non-TypeScript consumers validate with.
 * Zod Mini (the same validation and JSON Schema as classic zod, as functions that tree-shake): classic
 * `zod` put ~470 kB into process-article's bundle (npm run bench:bundle).
 */

const isoUtc = z.iso.datetime({ offset: false });
const nonEmpty = z.string().check(z.minLength(1));
const nullableString = z.nullable(z.string());

const feedRef = z.strictObject({ id: nonEmpty, url: nonEmpty });
const wire = z.strictObject({ name: nonEmpty, tag: nonEmpty });
const dateline = z.strictObject({
  text: nonEmpty,
  location: nullableString,
  date: z.nullable(z.iso.date()),
});
const place = z.strictObject({
  city: nullableString,
  region: nullableString,
  country: z.nullable(z.string().check(z.regex(/^[A-Z]{2}$/))),
});
const ticker = z.strictObject({ exchange: nonEmpty, symbol: nonEmpty });
const contact = z.strictObject({
  name: nullableString,
  organization: nullableString,
  email: nullableString,
  phone: nullableString,
});
const body = z.strictObject({
  text: z.string(),
  paragraphs: z.array(z.string()),
  wordCount: z.int().check(z.minimum(0)),
});
const about = z.strictObject({ organization: nullableString, text: z.string() });
const link = z.strictObject({ url: nonEmpty, text: nullableString });
const raw = z.strictObject({ feedKey: nullableString, articleKey: nullableString, sha256: nullableString });

/** The record, strict at every level: an unknown or missing field is an error. */
export const recordSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  parserVersion: nonEmpty,
  id: nonEmpty,
  url: nullableString,
  feed: z.nullable(feedRef),
  guid: nullableString,
  title: nullableString,
  subtitle: nullableString,
  summary: nullableString,
  wire: z.nullable(wire),
  dateline: z.nullable(dateline),
  place: z.nullable(place),
  publishedAt: z.nullable(isoUtc),
  source: nullableString,
  tickers: z.array(ticker),
  contacts: z.array(contact),
  body,
  about: z.array(about),
  attribution: nullableString,
  language: nullableString,
  links: z.array(link),
  raw: z.nullable(raw),
  fetchedAt: z.nullable(isoUtc),
  revision: z.int().check(z.minimum(1)),
  revisionReason: z.nullable(z.enum(REVISION_REASONS)),
  warnings: z.array(z.enum(RECORD_WARNINGS)),
});

// Compile-time proof that the schema and the TypeScript type describe the same record, both ways.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SchemaRecord = z.infer<typeof recordSchema>;
const schemaMatchesType: Exact<SchemaRecord, PressReleaseRecord> = true;
void schemaMatchesType;
// Field-level check too: the key sets must be identical (extra optional keys would slip past Exact).
const sameKeys: Exact<keyof SchemaRecord, keyof PressReleaseRecord> = true;
void sameKeys;

// Zod Mini carries no messages: classic zod's English ones, made on first use.
let english: ReturnType<typeof en>['localeError'] | undefined;
const englishMessages = () => (english ??= en().localeError);

/**
 * Validates an unknown value as a schema-v1 record. Throws RecordValidationError naming the first
 * bad path (`body.wordCount: expected number…`) so the log and DLQ entry say what to fix.
 */
export function validateRecord(r: unknown): PressReleaseRecord {
  const result = recordSchema.safeParse(r, { error: englishMessages() });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length ? issue.path.map(String).join('.') : '(record)';
  const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1} more)` : '';
  throw new RecordValidationError(`invalid record at ${path}: ${issue?.message ?? 'invalid'}${more}`);
}

/** The JSON Schema of the record (draft 2020-12), as committed in core/record.schema.json. */
export function recordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(recordSchema, { target: 'draft-2020-12' });
  return {
    $schema: generated.$schema,
    $id: 'https://newswire-ingest.local/schemas/press-release-record.v1.json',
    title: 'PressReleaseRecord',
    description: 'Normalized press-release record, schema v1 (generated from lambdas/core/recordSchema.ts).',
    ...generated,
  };
}

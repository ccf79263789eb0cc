import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecord, contentHash } from '../../../lambdas/core/buildRecord';
import { RecordValidationError } from '../../../lambdas/core/errors';
import { parseReleaseStrict } from '../../../lambdas/core/parser';
import type { PressReleaseRecord } from '../../../lambdas/core/record';
import { recordJsonSchema, validateRecord } from '../../../lambdas/core/recordSchema';

const ROOT = join(__dirname, '..', '..', '..');
const seed = readFileSync(
  join(ROOT, 'tests', 'fixtures', 'releases', 'seed', 'liaoning-prnewswire-2024-03-07.txt'),
  'utf8',
);
const ctx = { feed: null, item: null, url: null, raw: null, fetchedAt: null };

function seedRecord(): PressReleaseRecord {
  return buildRecord(parseReleaseStrict({ content: seed }), ctx);
}

describe('validateRecord', () => {
  it('accepts a built record and returns it', () => {
    const r = seedRecord();
    expect(validateRecord(r)).toEqual(r);
  });

  it('throws when a top-level field is unknown, naming it', () => {
    const bad = { ...seedRecord(), extra: 1 };
    expect(() => validateRecord(bad)).toThrow(RecordValidationError);
    expect(() => validateRecord(bad)).toThrow(/extra|Unrecognized/);
  });

  it('throws when a field is missing or has the wrong type, naming the path', () => {
    const { language: _drop, ...missing } = seedRecord();
    expect(() => validateRecord(missing)).toThrow(/language/);
    const r = seedRecord();
    const wrong = { ...r, body: { ...r.body, wordCount: 'many' } };
    expect(() => validateRecord(wrong)).toThrow(/body\.wordCount/);
    expect(() => validateRecord({ ...r, publishedAt: '2024-03-07 00:00' })).toThrow(/publishedAt/);
    expect(() => validateRecord({ ...r, place: { city: 'X', region: null, country: 'China' } })).toThrow(
      /place\.country/,
    );
  });

  it('throws on non-objects', () => {
    expect(() => validateRecord(null)).toThrow(RecordValidationError);
    expect(() => validateRecord('record')).toThrow(RecordValidationError);
  });
});

describe('record.schema.json', () => {
  const committed = JSON.parse(readFileSync(join(ROOT, 'lambdas', 'core', 'record.schema.json'), 'utf8')) as object;

  it('is up to date with the zod schema (run `npx tsx scripts/gen-record-schema.ts` if this fails)', () => {
    expect(committed).toEqual(recordJsonSchema());
  });

  it('accepts produced records and rejects a wrong one (ajv)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // ajv-formats is not installed: the two formats the schema uses, spelled out.
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/);
    const validate = ajv.compile(committed);
    const r = seedRecord();
    expect(validate(JSON.parse(JSON.stringify(r)))).toBe(true);
    expect(validate({ ...r, revision: 0 })).toBe(false);
    expect(validate({ ...r, surprise: true })).toBe(false);
    expect(validate({ ...r, publishedAt: 'yesterday' })).toBe(false);
  });
});

describe('contentHash', () => {
  it('ignores how and when the release was fetched', () => {
    const a = seedRecord();
    const b = buildRecord(parseReleaseStrict({ content: seed }), {
      feed: { id: 'f-1', url: 'https://example.com/feed.xml' },
      item: null,
      url: null,
      raw: { feedKey: 'k', articleKey: 'a', sha256: 'x' },
      fetchedAt: '2024-03-08T00:00:00.000Z',
      revision: 3,
    });
    expect(contentHash(b)).toBe(contentHash(a));
    expect(contentHash({ ...a, parserVersion: '9.9.9' })).toBe(contentHash(a));
  });

  it('changes when the content changes (a correction)', () => {
    const a = seedRecord();
    const corrected = buildRecord(parseReleaseStrict({ content: seed.replace('$3.38 billion', '$3.48 billion') }), ctx);
    expect(contentHash(corrected)).not.toBe(contentHash(a));
    expect(contentHash({ ...a, title: 'New title' })).not.toBe(contentHash(a));
    expect(contentHash({ ...a, source: 'other' })).not.toBe(contentHash(a));
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildRecord } from '../../../../lambdas/core/buildRecord';
import { type ParsedRelease, parseReleaseStrict } from '../../../../lambdas/core/parser';
import { validateRecord } from '../../../../lambdas/core/recordSchema';
import { FIXTURES, fixture } from './helpers';

// Each `<name>.expected.json` next to a fixture lists only the fields it asserts, written by hand
// from reading the fixture. `$paragraphs` is body.paragraphs; `$url` is passed as input.url.
const CASES = readdirSync(join(FIXTURES, 'cases'))
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''));

describe.each(CASES)('fixture %s', (name) => {
  const expected = JSON.parse(fixture('cases', `${name}.expected.json`)) as Record<string, unknown>;
  const url = typeof expected['$url'] === 'string' ? expected['$url'] : null;
  const parsed = parseReleaseStrict({ content: fixture('cases', name), url });

  const fields = Object.keys(expected).filter((k) => !k.startsWith('$')) as (keyof ParsedRelease)[];
  it.each(fields)('%s', (field) => {
    expect(parsed[field]).toEqual(expected[field]);
  });

  if (expected['$paragraphs']) {
    it('body paragraphs', () => {
      expect(parsed.body.paragraphs).toEqual(expected['$paragraphs']);
      expect(parsed.body.text).toBe(parsed.body.paragraphs.join('\n\n'));
    });
  }

  it('body carries no boilerplate', () => {
    expect(parsed.body.text).not.toMatch(/SOURCE |View original content|Forward-Looking|Media Contact|@/);
  });

  it('builds a schema-valid record', () => {
    const record = buildRecord(parsed, { feed: null, item: null, url, raw: null, fetchedAt: null });
    expect(() => validateRecord(record)).not.toThrow();
  });
});

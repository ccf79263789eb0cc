import { buildRecord } from '../../../../lambdas/core/buildRecord';
import { type ParsedRelease, parseReleaseStrict } from '../../../../lambdas/core/parser';
import { validateRecord } from '../../../../lambdas/core/recordSchema';
import {
  actualValue,
  EVALUATED_FIELDS,
  EXTRA_FIELDS,
  labelKey,
  labelProblems,
} from '../../../../scripts/eval/fixtureCorpus';
import { FIXTURE_CORPUS, labelled } from './helpers';

// Every fixture under tests/fixtures/releases/{seed,cases,samples} has a `<file>.expected.json` written by
// hand from reading the fixture (record-schema.md applied literally): every evaluated field, null or
// [] where the release has none; `$paragraphs` is body.paragraphs; `$url` is passed as input.url.
// `npm run eval:parser` scores the same labels per field.

describe('fixture corpus', () => {
  it('labels every fixture, with every evaluated field and only known keys', () => {
    const problems = FIXTURE_CORPUS.flatMap((f) =>
      f.labels ? labelProblems(f.labels).map((p) => `${f.name}: ${p}`) : [`${f.name}: no .expected.json`],
    );
    expect(problems).toEqual([]);
  });

  it('labels paragraphs as normalized, non-empty strings', () => {
    for (const f of labelled()) {
      const paragraphs = f.labels['$paragraphs'];
      expect(Array.isArray(paragraphs)).toBe(true);
      for (const p of paragraphs as unknown[]) {
        expect(typeof p).toBe('string');
        // Table rows are the one place a paragraph keeps line breaks (`a | b\nc | d`).
        expect({ fixture: f.name, p }).toEqual({ fixture: f.name, p: (p as string).trim().replace(/[ \t]{2,}/g, ' ') });
        expect({ fixture: f.name, p }).not.toEqual({ fixture: f.name, p: '' });
      }
    }
  });

  it('covers at least 60 releases, 7 wires and the languages the issue lists', () => {
    const all = labelled();
    const wires = new Set(all.map((f) => (f.labels['wire'] as { name?: string } | null)?.name).filter(Boolean));
    const languages = new Set(all.map((f) => f.labels['language']));
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(wires.size).toBeGreaterThanOrEqual(7);
    for (const lang of ['en', 'es', 'fr', 'de', 'pt']) expect(languages).toContain(lang);
    expect(languages.has('zh') || languages.has('ja')).toBe(true);
  });
});

describe.each(labelled().map((f) => [f.name, f] as const))('fixture %s', (_name, f) => {
  const parsed = parseReleaseStrict({ content: f.content, url: f.url });

  const evaluated = EVALUATED_FIELDS.filter((field) => labelKey(field) in f.labels);
  it.each(evaluated)('%s', (field) => {
    expect(actualValue(parsed, field)).toEqual(f.labels[labelKey(field)]);
  });

  const extras = EXTRA_FIELDS.filter((field) => field in f.labels);
  if (extras.length) {
    it.each(extras)('%s', (field: keyof ParsedRelease) => {
      expect(parsed[field]).toEqual(f.labels[field]);
    });
  }

  it('body text is its paragraphs joined by blank lines', () => {
    expect(parsed.body.text).toBe(parsed.body.paragraphs.join('\n\n'));
  });

  it('body carries no boilerplate', () => {
    expect(parsed.body.text).not.toMatch(/SOURCE |View original content|Forward-Looking|Media Contact|^###$|^-0-$/m);
    // A contact's address belongs to the contact block, not the body (a body sentence may still
    // give another address, such as where to ask for a prospectus).
    const contacts = (f.labels['contacts'] ?? []) as { email: string | null }[];
    for (const c of contacts) if (c.email) expect(parsed.body.text.toLowerCase()).not.toContain(c.email);
  });

  it('builds a schema-valid record', () => {
    const record = buildRecord(parsed, { feed: null, item: null, url: f.url, raw: null, fetchedAt: null });
    expect(() => validateRecord(record)).not.toThrow();
  });
});

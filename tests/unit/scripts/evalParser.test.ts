import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedRelease, ParseInput } from '../../../lambdas/core/parser';
import { parsedRelease } from '../../helpers/parsedRelease';
import {
  EVALUATED_FIELDS,
  type Fixture,
  describeMismatch,
  evaluate,
  fieldsBelow,
  formatReport,
  labelProblems,
  loadFixtures,
  SAMPLE_BASE_URL,
} from '../../../scripts/eval/fixtureCorpus';

const parsed = parsedRelease;

function fx(name: string, labels: Record<string, unknown> | null, content = name): Fixture {
  return { name, content, labels, url: null };
}

describe('labelProblems', () => {
  it('names every missing evaluated field and every unknown key', () => {
    expect(labelProblems({ title: 'x', colour: 'red' })).toEqual([
      ...EVALUATED_FIELDS.filter((f) => f !== 'title').map((f) => `missing ${f === 'body' ? '$paragraphs' : f}`),
      'unknown key colour',
    ]);
  });

  it('accepts a complete label with extras and $url', () => {
    const full: Record<string, unknown> = { kind: 'html', $url: 'https://x.example/', $paragraphs: [] };
    for (const f of EVALUATED_FIELDS) if (f !== 'body') full[f] = null;
    expect(labelProblems(full)).toEqual([]);
  });
});

describe('evaluate', () => {
  const parse = (input: ParseInput): ParsedRelease => {
    if (input.content === 'boom') throw new Error('parser bug');
    return parsed({
      title: input.content.toUpperCase(),
      tickers: [{ exchange: 'NYSE', symbol: 'ABC' }],
      body: { text: 'one\n\ntwo', paragraphs: ['one', 'two'], wordCount: 2 },
    });
  };

  it('scores only labelled fields, by deep equality, and lists each mismatch', () => {
    const report = evaluate(
      [
        fx('a', { title: 'A', tickers: [{ exchange: 'NYSE', symbol: 'ABC' }], $paragraphs: ['one', 'two'] }),
        fx('b', { title: 'wrong', $paragraphs: ['one'] }),
        fx('c', null),
      ],
      parse,
    );
    const score = (f: string) => report.fields.find((s) => s.field === f);
    expect(report.fixtures).toBe(2);
    expect(report.unlabelled).toEqual(['c']);
    expect(score('title')).toEqual({ field: 'title', correct: 1, labelled: 2, pct: 50 });
    expect(score('tickers')).toEqual({ field: 'tickers', correct: 1, labelled: 1, pct: 100 });
    expect(score('body')).toEqual({ field: 'body', correct: 1, labelled: 2, pct: 50 });
    expect(score('source')).toEqual({ field: 'source', correct: 0, labelled: 0, pct: null });
    expect(report.mismatches).toEqual([
      { fixture: 'b', field: 'title', expected: 'wrong', got: 'B' },
      { fixture: 'b', field: 'body', expected: ['one'], got: ['one', 'two'] },
    ]);
  });

  it('counts every labelled field of a fixture the parser throws on as wrong', () => {
    const report = evaluate([fx('boom', { title: null, source: null })], parse);
    expect(report.errors).toEqual([{ fixture: 'boom', message: 'parser bug' }]);
    expect(report.fields.find((s) => s.field === 'title')?.correct).toBe(0);
    expect(report.mismatches).toHaveLength(2);
  });

  it('reports fields below the minimum, unlabelled fields included', () => {
    const report = evaluate([fx('a', { title: 'A' }), fx('b', { title: 'B' })], parse);
    const below = fieldsBelow(report, 98).map((f) => f.field);
    expect(below).not.toContain('title');
    expect(below).toContain('source');
    expect(fieldsBelow(evaluate([fx('a', { title: 'x' })], parse), 98).map((f) => f.field)).toContain('title');
  });

  it('prints the per-field table, the mismatches and the verdict', () => {
    const report = evaluate([fx('a', { title: 'wrong' })], parse);
    const out = formatReport(report, { min: 98, verbose: false });
    expect(out).toMatch(/^title\s+0\/1\s+0\.0 {2}< 98$/m);
    expect(out).toContain('a  title\n  expected: "wrong"\n  got:      "A"');
    expect(out).toMatch(/FAIL: \d+ field\(s\) below 98%: title/);
  });
});

describe('describeMismatch', () => {
  it('points at the first differing item of a list', () => {
    const text = describeMismatch({ fixture: 'f', field: 'body', expected: ['a', 'b', 'c'], got: ['a', 'x'] }, false);
    expect(text).toBe('f  body[1] (expected 3 items, got 2)\n  expected: "b"\n  got:      "x"');
  });

  it('prints whole values with --verbose', () => {
    const text = describeMismatch({ fixture: 'f', field: 'tickers', expected: [], got: [{ a: 1 }] }, true);
    expect(text).toContain('"a": 1');
  });
});

describe('loadFixtures', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'fixtures-'));
    mkdirSync(join(root, 'seed'));
    mkdirSync(join(root, 'cases'));
    writeFileSync(join(root, 'seed', 's.txt'), 'seed text');
    writeFileSync(join(root, 'seed', 's.txt.expected.json'), '{"title":null}');
    writeFileSync(join(root, 'cases', 'b.html'), '<p>b</p>');
    writeFileSync(join(root, 'cases', 'b.html.expected.json'), '{"$url":"https://b.example/r"}');
    writeFileSync(join(root, 'cases', 'a.txt'), 'a');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads seed then cases, with labels and the input url, and keeps unlabelled fixtures', () => {
    expect(loadFixtures(root)).toEqual([
      { name: 'seed/s.txt', content: 'seed text', labels: { title: null }, url: null },
      { name: 'cases/a.txt', content: 'a', labels: null, url: null },
      {
        name: 'cases/b.html',
        content: '<p>b</p>',
        labels: { $url: 'https://b.example/r' },
        url: 'https://b.example/r',
      },
    ]);
  });

  it('reads the samples from their own folder, labels from the root, {{BASE_URL}} fixed, unlabelled pages kept', () => {
    const pages = mkdtempSync(join(tmpdir(), 'pages-'));
    try {
      mkdirSync(join(root, 'samples'));
      writeFileSync(join(pages, 'p.html'), '<a href="{{BASE_URL}}/r">r</a>');
      writeFileSync(join(pages, 'q.html'), 'q');
      writeFileSync(join(root, 'samples', 'p.html.expected.json'), '{"title":"P"}');
      const samples = loadFixtures(root, { samples: pages }).filter((f) => f.name.startsWith('samples/'));
      expect(samples).toEqual([
        { name: 'samples/p.html', content: `<a href="${SAMPLE_BASE_URL}/r">r</a>`, labels: { title: 'P' }, url: null },
        { name: 'samples/q.html', content: 'q', labels: null, url: null },
      ]);
    } finally {
      rmSync(join(root, 'samples'), { recursive: true, force: true });
      rmSync(pages, { recursive: true, force: true });
    }
  });
});

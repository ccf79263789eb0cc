import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ParsedRelease, ParseInput } from '../../lambdas/core/parser';

/**
 * The labelled release corpus (tests/fixtures/releases) and its field-by-field scoring, shared by
 * `npm run eval:parser` and the fixture tests. Each fixture `<file>` has its labels in
 * `<file>.expected.json`, written by hand from reading the fixture: record fields by name, plus
 * `$paragraphs` (= body.paragraphs) and `$url` (passed to the parser as input.url).
 */

/** Root of the release fixtures. */
export const FIXTURES_ROOT = join(__dirname, '..', '..', 'tests', 'fixtures', 'releases');

/** Folders under the root that hold labelled fixtures. */
export const FIXTURE_DIRS = ['seed', 'cases', 'samples'] as const;
export type FixtureDir = (typeof FIXTURE_DIRS)[number];

/**
 * The bundled sample release pages the local sample server serves: they are scored as the
 * `samples` fixtures, read from where they live (not copied) with their labels under
 * `<root>/samples/<page>.expected.json`.
 */
export const SAMPLE_PAGES_DIR = join(__dirname, '..', '..', 'lambdas', 'local', 'sample-feeds', 'releases');

/** What `{{BASE_URL}}` in a sample page stands for when it is scored (the sample server puts its own). */
export const SAMPLE_BASE_URL = 'http://127.0.0.1:4010';

/** Fixture folders whose content lives outside the root (only their labels are under it). */
export const CONTENT_DIRS: Partial<Record<FixtureDir, string>> = { samples: SAMPLE_PAGES_DIR };

/** The fields every label file must state (null or [] where the release has none), in report order. */
export const EVALUATED_FIELDS = [
  'title',
  'subtitle',
  'wire',
  'dateline',
  'place',
  'publishedAt',
  'source',
  'tickers',
  'contacts',
  'body',
  'about',
  'attribution',
  'language',
  'links',
] as const;
export type EvaluatedField = (typeof EVALUATED_FIELDS)[number];

/** Other ParsedRelease fields a label may assert (checked by the tests, not scored by the eval). */
export const EXTRA_FIELDS = ['kind', 'canonicalUrl', 'guid', 'summary'] as const;

/** Every key a label file may hold: `body` is labelled as `$paragraphs`. */
export const KNOWN_LABEL_KEYS: readonly string[] = [
  ...EVALUATED_FIELDS.filter((f) => f !== 'body'),
  ...EXTRA_FIELDS,
  '$paragraphs',
  '$url',
];

export type Labels = Record<string, unknown>;

export interface Fixture {
  /** `<dir>/<file>`, e.g. `cases/prn-page-helio.html`. */
  name: string;
  content: string;
  /** Null when the fixture has no label file. */
  labels: Labels | null;
  url: string | null;
}

/** The label key that holds a field's expected value. */
export function labelKey(field: EvaluatedField): string {
  return field === 'body' ? '$paragraphs' : field;
}

/**
 * Every fixture under the root with its labels, in a stable order (seed, cases, then samples, each
 * by name). A folder of `contentDirs` takes its files from there and only its labels from the root;
 * it is skipped when the root has no labels folder for it.
 */
export function loadFixtures(
  root: string = FIXTURES_ROOT,
  contentDirs: Partial<Record<FixtureDir, string>> = CONTENT_DIRS,
): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const dir of FIXTURE_DIRS) {
    const folder = join(root, dir);
    if (!existsSync(folder)) continue;
    const contentFolder = contentDirs[dir] ?? folder;
    for (const file of readdirSync(contentFolder).sort()) {
      if (file.endsWith('.expected.json') || file.startsWith('.')) continue;
      const labelPath = join(folder, `${file}.expected.json`);
      const labels = existsSync(labelPath) ? (JSON.parse(readFileSync(labelPath, 'utf8')) as Labels) : null;
      const url = typeof labels?.['$url'] === 'string' ? labels['$url'] : null;
      const raw = readFileSync(join(contentFolder, file), 'utf8');
      const content = contentDirs[dir] ? raw.replaceAll('{{BASE_URL}}', SAMPLE_BASE_URL) : raw;
      fixtures.push({ name: `${dir}/${file}`, content, labels, url });
    }
  }
  return fixtures;
}

/** The parser's value for an evaluated field (`body` is compared as its paragraphs). */
export function actualValue(parsed: ParsedRelease, field: EvaluatedField): unknown {
  return field === 'body' ? parsed.body.paragraphs : parsed[field];
}

/** Problems that keep a label file from counting for every field: missing and unknown keys. */
export function labelProblems(labels: Labels): string[] {
  const problems: string[] = [];
  for (const field of EVALUATED_FIELDS) {
    if (!(labelKey(field) in labels)) problems.push(`missing ${labelKey(field)}`);
  }
  for (const key of Object.keys(labels)) {
    if (!KNOWN_LABEL_KEYS.includes(key)) problems.push(`unknown key ${key}`);
  }
  return problems;
}

export interface Mismatch {
  fixture: string;
  field: EvaluatedField;
  expected: unknown;
  got: unknown;
}

export interface FieldScore {
  field: EvaluatedField;
  correct: number;
  labelled: number;
  /** correct / labelled × 100; null when no fixture labels the field. */
  pct: number | null;
}

export interface EvalReport {
  fixtures: number;
  unlabelled: string[];
  /** Fixtures whose parse threw: every labelled field counts as wrong. */
  errors: { fixture: string; message: string }[];
  fields: FieldScore[];
  mismatches: Mismatch[];
}

export type Parse = (input: ParseInput) => ParsedRelease;

/** Runs the parser on every labelled fixture and compares each labelled field by deep equality. */
export function evaluate(fixtures: Fixture[], parse: Parse): EvalReport {
  const counts = new Map<EvaluatedField, { correct: number; labelled: number }>(
    EVALUATED_FIELDS.map((f) => [f, { correct: 0, labelled: 0 }]),
  );
  const report: EvalReport = { fixtures: 0, unlabelled: [], errors: [], fields: [], mismatches: [] };
  for (const fx of fixtures) {
    if (!fx.labels) {
      report.unlabelled.push(fx.name);
      continue;
    }
    report.fixtures++;
    let parsed: ParsedRelease | null = null;
    try {
      parsed = parse({ content: fx.content, url: fx.url });
    } catch (err) {
      report.errors.push({ fixture: fx.name, message: err instanceof Error ? err.message : String(err) });
    }
    for (const field of EVALUATED_FIELDS) {
      const key = labelKey(field);
      if (!(key in fx.labels)) continue;
      const count = counts.get(field);
      if (!count) continue;
      count.labelled++;
      const expected = fx.labels[key];
      const got = parsed ? actualValue(parsed, field) : '<parser threw>';
      if (isDeepStrictEqual(got, expected)) count.correct++;
      else report.mismatches.push({ fixture: fx.name, field, expected, got });
    }
  }
  report.fields = EVALUATED_FIELDS.map((field) => {
    const { correct, labelled } = counts.get(field) ?? { correct: 0, labelled: 0 };
    return { field, correct, labelled, pct: labelled ? (correct / labelled) * 100 : null };
  });
  return report;
}

/** Fields scoring below `min` percent (a field no fixture labels counts as below). */
export function fieldsBelow(report: EvalReport, min: number): FieldScore[] {
  return report.fields.filter((f) => f.pct === null || f.pct < min);
}

/** A value as JSON, cut to `width` characters with an ellipsis. */
export function short(value: unknown, width: number): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.length > width ? `${json.slice(0, width - 1)}…` : json;
}

/** One mismatch, short: for lists, the first differing item; otherwise both values truncated. */
export function describeMismatch(m: Mismatch, verbose: boolean): string {
  const head = `${m.fixture}  ${m.field}`;
  if (verbose) {
    return `${head}\n  expected: ${JSON.stringify(m.expected, null, 2).replace(/\n/g, '\n  ')}\n  got:      ${JSON.stringify(m.got, null, 2).replace(/\n/g, '\n  ')}`;
  }
  if (Array.isArray(m.expected) && Array.isArray(m.got)) {
    const n = Math.max(m.expected.length, m.got.length);
    for (let i = 0; i < n; i++) {
      if (isDeepStrictEqual(m.expected[i], m.got[i])) continue;
      return `${head}[${i}] (expected ${m.expected.length} items, got ${m.got.length})\n  expected: ${short(m.expected[i], 200)}\n  got:      ${short(m.got[i], 200)}`;
    }
  }
  return `${head}\n  expected: ${short(m.expected, 200)}\n  got:      ${short(m.got, 200)}`;
}

/** The human-readable report: per-field table, then every mismatch. */
export function formatReport(report: EvalReport, opts: { min: number; verbose: boolean }): string {
  const lines: string[] = [];
  lines.push(`parser eval: ${report.fixtures} labelled fixtures`);
  if (report.unlabelled.length) lines.push(`unlabelled (not scored): ${report.unlabelled.join(', ')}`);
  lines.push('');
  lines.push(`${'field'.padEnd(12)} ${'correct/labelled'.padStart(16)} ${'%'.padStart(7)}`);
  for (const f of report.fields) {
    const pct = f.pct === null ? '—' : f.pct.toFixed(1);
    const flag = f.pct === null || f.pct < opts.min ? `  < ${opts.min}` : '';
    lines.push(`${f.field.padEnd(12)} ${`${f.correct}/${f.labelled}`.padStart(16)} ${pct.padStart(7)}${flag}`);
  }
  const total = report.fields.reduce((a, f) => ({ c: a.c + f.correct, l: a.l + f.labelled }), { c: 0, l: 0 });
  lines.push(
    `${'all'.padEnd(12)} ${`${total.c}/${total.l}`.padStart(16)} ${(total.l ? (total.c / total.l) * 100 : 0).toFixed(1).padStart(7)}`,
  );
  for (const e of report.errors) lines.push(`\nPARSER THREW on ${e.fixture}: ${e.message}`);
  if (report.mismatches.length) {
    lines.push('', `${report.mismatches.length} mismatches${opts.verbose ? '' : ' (full values: --verbose)'}:`);
    for (const m of report.mismatches) lines.push(describeMismatch(m, opts.verbose));
  }
  const below = fieldsBelow(report, opts.min);
  lines.push(
    '',
    below.length
      ? `FAIL: ${below.length} field(s) below ${opts.min}%: ${below.map((f) => f.field).join(', ')}`
      : `OK: every field ≥ ${opts.min}%`,
  );
  return lines.join('\n');
}

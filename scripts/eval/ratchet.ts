import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Parse } from './fixtureCorpus';
import {
  evaluateReal,
  REAL_FIELDS,
  REAL_ROOT,
  type RealField,
  type RealRelease,
  type RealReport,
  ratio,
} from './realCorpus';

/**
 * The real-test ratchet: the landed real-test figures, which CI never lets fall (per field and
 * overall). The figures hold on FIXED subsets of the test split: the ratchet file lists subsets,
 * each with the test releases it was measured on, and the check scores each subset on its own
 * releases against its own figures. Adding releases to the corpus therefore cannot lower a held
 * figure although the parser did not change; `--write-ratchet` appends a subset of the test
 * releases that are in no subset yet, and raises (never lowers) the held figures of the existing
 * subsets where the parser now does better, so every subset that ever landed keeps its guard.
 * When second readers correct labels of held releases, `--remeasure-ratchet REV` replaces the held
 * figures by those the parser that wrote them (commit REV) scores on the corrected labels
 * (`remeasureRatchet`; scripts/eval/atRevision.ts loads that parser).
 */

export const RATCHET_FILE = join(REAL_ROOT, 'test-ratchet.json');

/** Held figures: ratios rounded down to 4 decimals, overall and per labelled field. */
export interface RatchetFigures {
  overall: number;
  fields: Partial<Record<RealField, number>>;
}

/** One fixed subset of the test split and the figures held on it. */
export interface RatchetSubset extends RatchetFigures {
  /** The test-split releases (`<group>/<file>`, sorted) the figures hold on. */
  files: string[];
  /**
   * When the held figures were last set (appended or raised; ISO date) and by which parser
   * version; null for a subset read from the single-subset format, which recorded neither.
   */
  written: string | null;
  parserVersion: string | null;
  /**
   * Set when the held figures were re-measured after label corrections (`--remeasure-ratchet`):
   * the date, and the commit whose parser (`parserVersion`, the one that wrote them) scored the
   * subset on the labels of then. Absent when the figures are as `written` measured them.
   */
  remeasured?: Remeasured;
}

/** When, and with the parser of which commit, a subset's held figures were re-measured. */
export interface Remeasured {
  date: string;
  rev: string;
}

export interface Ratchet {
  subsets: RatchetSubset[];
}

/** Ratios rounded down to 4 decimals, as the ratchet stores them. */
function floor4(r: number | null): number {
  return Math.floor((r ?? 0) * 10_000) / 10_000;
}

/** The figures of a report in the ratchet's shape. */
export function ratchetOf(report: RealReport): RatchetFigures {
  const fields: Partial<Record<RealField, number>> = {};
  for (const f of REAL_FIELDS) if (report.fields[f].labelled) fields[f] = floor4(ratio(report.fields[f]));
  return { overall: floor4(ratio(report.overall)), fields };
}

/** Where a report falls below held figures: one line per figure that dropped. */
export function ratchetDrops(report: RealReport, held: RatchetFigures): string[] {
  const now = ratchetOf(report);
  const drops: string[] = [];
  if (now.overall < held.overall) drops.push(`overall ${now.overall} < ${held.overall}`);
  for (const f of REAL_FIELDS) {
    const figure = held.fields[f];
    if (figure === undefined) continue;
    const got = now.fields[f] ?? 0;
    if (got < figure) drops.push(`${f} ${got} < ${figure}`);
  }
  return drops;
}

/** How a subset is named in messages: its place in the file and when it was written. */
export function subsetName(subset: RatchetSubset, index: number): string {
  return `subset ${index + 1} (${subset.files.length} releases, ${subset.written ? `written ${subset.written}` : 'undated'})`;
}

export interface SubsetCheck {
  subset: RatchetSubset;
  name: string;
  /** Subset releases no longer in the test split (removed, renamed, or moved to dev). */
  missing: string[];
  /** The subset's report: only its totals may be looked at (it is part of the sealed split). */
  report: RealReport;
  /** Why this subset fails: missing releases and figures below the held ones; empty when it holds. */
  drops: string[];
}

export interface RatchetCheck {
  subsets: SubsetCheck[];
  /** Releases of the test split in no subset (added since the ratchet was last written). */
  outside: number;
  /** Every subset's drops, each prefixed with the subset's name; empty when the ratchet holds. */
  drops: string[];
}

function scoreSubset(testReleases: RealRelease[], subset: RatchetSubset, parse: Parse) {
  const wanted = new Set(subset.files);
  const scored = testReleases.filter((r) => wanted.has(r.name));
  const present = new Set(scored.map((r) => r.name));
  const missing = subset.files.filter((f) => !present.has(f));
  return { missing, report: evaluateReal(scored, parse, 'test') };
}

/** A subset's report, refusing (with `consequence`) when a release it lists left the test split. */
function scoreWholeSubset(
  testReleases: RealRelease[],
  subset: RatchetSubset,
  name: string,
  parse: Parse,
  consequence: string,
) {
  const { missing, report } = scoreSubset(testReleases, subset, parse);
  if (missing.length) {
    throw new Error(
      `${name} lists ${missing.length} release(s) no longer in the test split (${missing.join(', ')}); ${consequence}`,
    );
  }
  return report;
}

/**
 * Scores every subset of the ratchet on its own releases and compares it with its held figures.
 * A subset release that is no longer in the test split fails the check (the figures were measured
 * on it).
 */
export function checkRatchet(testReleases: RealRelease[], held: Ratchet, parse: Parse): RatchetCheck {
  const subsets = held.subsets.map((subset, i): SubsetCheck => {
    const { missing, report } = scoreSubset(testReleases, subset, parse);
    const drops = [
      ...missing.map((f) => `${f} is in the ratchet's subset but not in the test split`),
      ...ratchetDrops(report, subset),
    ];
    return { subset, name: subsetName(subset, i), missing, report, drops };
  });
  const covered = new Set(held.subsets.flatMap((s) => s.files));
  return {
    subsets,
    outside: testReleases.filter((r) => !covered.has(r.name)).length,
    drops: subsets.flatMap((s) => s.drops.map((d) => `${s.name}: ${d}`)),
  };
}

/** The held figures raised to `now` where `now` is higher, never lowered; `raised` names each figure raised. */
export function raiseFigures(held: RatchetFigures, now: RatchetFigures): RatchetFigures & { raised: string[] } {
  const raised: string[] = [];
  const up = (name: string, was: number | undefined, got: number | undefined): number | undefined => {
    if (got === undefined || (was !== undefined && got <= was)) return was;
    raised.push(`${name} ${was ?? '—'} -> ${got}`);
    return got;
  };
  const fields: Partial<Record<RealField, number>> = {};
  for (const f of REAL_FIELDS) {
    const figure = up(f, held.fields[f], now.fields[f]);
    if (figure !== undefined) fields[f] = figure;
  }
  const overall = up('overall', held.overall, now.overall) ?? held.overall;
  return { overall, fields, raised };
}

export interface RatchetWrite {
  ratchet: Ratchet;
  /** Per existing subset that was raised: its name and the figures raised. */
  raised: { name: string; figures: string[] }[];
  /** How many releases the appended subset holds (0: none appended). */
  appended: number;
}

/**
 * The ratchet to write: the existing subsets with their held figures raised where the parser now
 * does better (never lowered), then a subset of the test releases in no existing subset, when there
 * are any. With no existing ratchet (or to replace it), that is one subset of the whole test split.
 * Throws when a subset's release is no longer in the test split: its figures cannot be kept as they
 * were measured, nor raised on fewer releases.
 */
export function ratchetToWrite(
  held: Ratchet | null,
  testReleases: RealRelease[],
  parse: Parse,
  stamp: { written: string; parserVersion: string },
): RatchetWrite {
  const subsets: RatchetSubset[] = [];
  const raised: RatchetWrite['raised'] = [];
  for (const [i, subset] of (held?.subsets ?? []).entries()) {
    const name = subsetName(subset, i);
    const report = scoreWholeSubset(
      testReleases,
      subset,
      name,
      parse,
      'its figures were measured on them. Put them back, or --replace-ratchet with one subset of the whole split.',
    );
    const { raised: figures, ...up } = raiseFigures(subset, ratchetOf(report));
    if (figures.length) raised.push({ name, figures });
    subsets.push(figures.length ? { ...up, files: subset.files, ...stamp } : subset);
  }
  const covered = new Set(subsets.flatMap((s) => s.files));
  const fresh = testReleases.filter((r) => !covered.has(r.name));
  if (fresh.length) {
    const figures = ratchetOf(evaluateReal(fresh, parse, 'test'));
    subsets.push({ ...figures, files: fresh.map((r) => r.name).sort(), ...stamp });
  }
  return { ratchet: { subsets }, raised, appended: fresh.length };
}

export interface RatchetRemeasure {
  ratchet: Ratchet;
  /** Per re-measured subset: its name and each held figure that moved (`field old -> new`), empty when none did. */
  changed: { name: string; figures: string[] }[];
  /** The subsets left as they are, written by another parser version (`<name> was written by parser <v>`). */
  left: string[];
}

/**
 * The ratchet with every subset's held figures REPLACED (both directions) by those `parse` scores on
 * the subset's releases as they are labelled now: for when second readers corrected labels of held
 * releases, so that the figures held were measured against labels that no longer exist. `parse` must
 * be the parser that wrote the figures (`parserVersion`, its PARSER_VERSION): a subset written by any
 * other version (or unrecorded) is left as it is and named in `left` (re-measure it with the commit
 * that wrote it), since re-measuring it with another parser would move its figures for a parser
 * change, which only `--write-ratchet` may do (upwards); refused when no subset was written by this
 * parser. Also refused when a re-measured subset lists a release no longer in the test split. The
 * releases and `written`/`parserVersion` are kept; `remeasured` records the date and the commit whose
 * parser measured.
 */
export function remeasureRatchet(
  held: Ratchet,
  testReleases: RealRelease[],
  parse: Parse,
  at: { parserVersion: string; rev: string; date: string },
): RatchetRemeasure {
  const mismatched = held.subsets
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.parserVersion !== at.parserVersion)
    .map(({ s, i }) => `${subsetName(s, i)} was written by parser ${s.parserVersion ?? 'unrecorded'}`);
  if (mismatched.length === held.subsets.length) {
    throw new Error(
      `${at.rev} has parser ${at.parserVersion}, but ${mismatched.join('; ')}. Re-measure with the commit ` +
        'that wrote the held figures (git log -- tests/fixtures/real/test-ratchet.json), so that only the labels change.',
    );
  }
  const subsets: RatchetSubset[] = [];
  const changed: RatchetRemeasure['changed'] = [];
  for (const [i, subset] of held.subsets.entries()) {
    const name = subsetName(subset, i);
    if (subset.parserVersion !== at.parserVersion) {
      subsets.push(subset);
      continue;
    }
    const report = scoreWholeSubset(
      testReleases,
      subset,
      name,
      parse,
      'its figures cannot be re-measured on the releases it was written on.',
    );
    const now = ratchetOf(report);
    const figures: string[] = [];
    for (const f of REAL_FIELDS) {
      const was = subset.fields[f];
      const got = now.fields[f];
      if (was !== got) figures.push(`${f} ${was ?? '—'} -> ${got ?? '—'}`);
    }
    if (subset.overall !== now.overall) figures.push(`overall ${subset.overall} -> ${now.overall}`);
    changed.push({ name, figures });
    subsets.push(
      figures.length
        ? {
            ...now,
            files: subset.files,
            written: subset.written,
            parserVersion: subset.parserVersion,
            remeasured: { date: at.date, rev: at.rev },
          }
        : subset,
    );
  }
  return { ratchet: { subsets }, changed, left: mismatched };
}

/** What a re-measure did, as text: each subset's figures old -> new. */
export function formatRatchetRemeasure(
  result: RatchetRemeasure,
  at: { parserVersion: string; rev: string },
  path: string = RATCHET_FILE,
): string {
  const lines = [`re-measured ${path} with parser ${at.parserVersion} (${at.rev}) on the labels as they are now:`];
  for (const { name, figures } of result.changed) {
    lines.push(`  ${name}: ${figures.length ? figures.join(', ') : 'unchanged'}`);
  }
  for (const left of result.left) {
    lines.push(`  left as held: ${left} (re-measure it with the commit that wrote it)`);
  }
  return lines.join('\n');
}

function isFigures(value: Record<string, unknown>): boolean {
  const fields = value.fields;
  return (
    typeof value.overall === 'number' &&
    typeof fields === 'object' &&
    fields !== null &&
    !Array.isArray(fields) &&
    Object.values(fields).every((n) => typeof n === 'number')
  );
}

function isFiles(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((f) => typeof f === 'string');
}

function isSubset(value: unknown): value is RatchetSubset {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const stamp = (x: unknown): boolean => x === null || typeof x === 'string';
  return (
    isFigures(v) &&
    isFiles(v.files) &&
    stamp(v.written) &&
    stamp(v.parserVersion) &&
    (v.remeasured === undefined || isRemeasured(v.remeasured))
  );
}

function isRemeasured(value: unknown): value is Remeasured {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.date === 'string' && typeof v.rev === 'string';
}

/**
 * Reads a ratchet file; null when there is none. The single-subset format ({overall, fields,
 * files}) reads as one undated subset. Throws on a malformed file, and on one that lists no
 * releases (it cannot say what its figures were measured on).
 */
export function readRatchet(path: string = RATCHET_FILE): Ratchet | null {
  if (!existsSync(path)) return null;
  const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.subsets) && v.subsets.every(isSubset)) return { subsets: v.subsets };
    if (isFigures(v) && isFiles(v.files)) {
      const { overall, fields } = v as unknown as RatchetFigures;
      return { subsets: [{ overall, fields, files: v.files, written: null, parserVersion: null }] };
    }
  }
  throw new Error(
    `${path} is not a ratchet file ({subsets: [{overall, fields, files, written, parserVersion}]}, or the older {overall, fields, files})`,
  );
}

/** The check as text: one table per subset (held and current figure of each field), then the verdict. */
export function formatRatchetCheck(check: RatchetCheck, path: string = RATCHET_FILE): string {
  const fmt = (n: number | undefined): string => (n === undefined ? '—' : n.toFixed(4)).padStart(7);
  const lines: string[] = [];
  for (const { subset, name, report } of check.subsets) {
    const now = ratchetOf(report);
    if (lines.length) lines.push('');
    lines.push(
      `ratchet ${name}, parser ${subset.parserVersion ?? 'unrecorded'}` +
        (subset.remeasured ? `, re-measured ${subset.remeasured.date} (${subset.remeasured.rev})` : '') +
        ':',
      `${'field'.padEnd(20)} ${'held'.padStart(7)} ${'now'.padStart(7)}`,
    );
    for (const f of REAL_FIELDS) {
      if (subset.fields[f] === undefined && now.fields[f] === undefined) continue;
      lines.push(`${f.padEnd(20)} ${fmt(subset.fields[f])} ${fmt(now.fields[f])}`);
    }
    lines.push(`${'all'.padEnd(20)} ${fmt(subset.overall)} ${fmt(now.overall)}`);
  }
  if (check.outside) {
    lines.push('', `${check.outside} test release(s) are in no subset (added since the ratchet was last written)`);
  }
  lines.push(
    check.drops.length
      ? `FAIL: real-test below the ratchet (${path}): ${check.drops.join('; ')}`
      : `OK: real-test holds the ratchet (${check.subsets.length} subset(s))`,
  );
  return lines.join('\n');
}

/** What a write did, as text: the subsets raised and the subset appended. */
export function formatRatchetWrite(write: RatchetWrite, path: string = RATCHET_FILE): string {
  const lines = [`wrote ${path} (${write.ratchet.subsets.length} subset(s))`];
  for (const { name, figures } of write.raised) lines.push(`  raised ${name}: ${figures.join(', ')}`);
  lines.push(
    write.appended
      ? `  appended subset ${write.ratchet.subsets.length} of the ${write.appended} test release(s) in no earlier subset`
      : '  no test release outside the existing subsets: nothing appended',
  );
  return lines.join('\n');
}

/** The code the ratchet measures: a figure written from uncommitted changes here would not be the committed parser's. */
export const MEASURED_CODE = ['lambdas/core'];

/**
 * Files under `paths` with uncommitted changes in the git work tree at `cwd` (`git status
 * --porcelain`), so that `--write-ratchet` does not record figures of edits that are not committed
 * (several people share one work tree). Empty when nothing changed, or when git cannot tell.
 */
export function uncommittedChanges(cwd: string, paths: string[] = MEASURED_CODE): string[] {
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', ...paths], {
    cwd,
    encoding: 'utf8',
  });
  if (result.status !== 0 || typeof result.stdout !== 'string') return [];
  return result.stdout
    .split('\n')
    .map((line) => line.slice(3).trim())
    .filter(Boolean);
}

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
 * The real-test ratchet: the last landed real-test figures, which CI never lets fall (per field and
 * overall). The figures hold on a FIXED subset: the ratchet file also lists the test-split releases
 * it was measured on, and the check scores only those. Adding releases to the corpus therefore
 * cannot lower the held figures although the parser did not change; `--write-ratchet` takes the
 * whole current test split as the new subset (the subset grows when the corpus does).
 */

export const RATCHET_FILE = join(REAL_ROOT, 'test-ratchet.json');

export interface Ratchet {
  overall: number;
  fields: Partial<Record<RealField, number>>;
  /**
   * The test-split releases (`<group>/<file>`) the figures were measured on. A ratchet written
   * before the subset was recorded has none: it is then checked on the whole test split.
   */
  files?: string[];
}

/** Ratios rounded down to 4 decimals, as the ratchet stores them. */
function floor4(r: number | null): number {
  return Math.floor((r ?? 0) * 10_000) / 10_000;
}

/** The figures of a report in the ratchet's shape (no file list). */
export function ratchetOf(report: RealReport): Ratchet {
  const fields: Partial<Record<RealField, number>> = {};
  for (const f of REAL_FIELDS) if (report.fields[f].labelled) fields[f] = floor4(ratio(report.fields[f]));
  return { overall: floor4(ratio(report.overall)), fields };
}

/** The ratchet to write: the whole test split's figures and its releases, sorted. */
export function ratchetToWrite(report: RealReport, testReleases: RealRelease[]): Ratchet {
  return { ...ratchetOf(report), files: testReleases.map((r) => r.name).sort() };
}

/** Where a report falls below a ratchet's figures: one line per figure that dropped. */
export function ratchetDrops(report: RealReport, ratchet: Ratchet): string[] {
  const now = ratchetOf(report);
  const drops: string[] = [];
  if (now.overall < ratchet.overall) drops.push(`overall ${now.overall} < ${ratchet.overall}`);
  for (const f of REAL_FIELDS) {
    const held = ratchet.fields[f];
    if (held === undefined) continue;
    const got = now.fields[f] ?? 0;
    if (got < held) drops.push(`${f} ${got} < ${held}`);
  }
  return drops;
}

export interface RatchetCheck {
  /** Releases scored: the ratchet's subset found in the test split (the whole split for a legacy ratchet). */
  scored: number;
  /** Releases of the test split outside the subset (added since the ratchet was written). */
  outside: number;
  /** Subset releases no longer in the test split (removed, renamed, or moved to dev). */
  missing: string[];
  /** The subset's report: only its totals may be looked at (it is part of the sealed split). */
  report: RealReport;
  /** Why the check fails: missing releases and figures below the held ones; empty when it holds. */
  drops: string[];
}

/**
 * Scores the ratchet's fixed subset of the test split and compares it with the held figures.
 * A subset release that is no longer in the test split fails the check (the figures were measured
 * on it; rewrite the ratchet once the change is meant).
 */
export function checkRatchet(testReleases: RealRelease[], held: Ratchet, parse: Parse): RatchetCheck {
  const wanted = held.files ? new Set(held.files) : null;
  const subset = wanted ? testReleases.filter((r) => wanted.has(r.name)) : testReleases;
  const present = new Set(subset.map((r) => r.name));
  const missing = held.files ? held.files.filter((f) => !present.has(f)) : [];
  const report = evaluateReal(subset, parse, 'test');
  const drops = [
    ...missing.map((f) => `${f} is in the ratchet's subset but not in the test split`),
    ...ratchetDrops(report, held),
  ];
  return { scored: subset.length, outside: testReleases.length - subset.length, missing, report, drops };
}

/** Reads a ratchet file; null when there is none. Throws on a malformed one. */
export function readRatchet(path: string = RATCHET_FILE): Ratchet | null {
  if (!existsSync(path)) return null;
  const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Ratchet>;
  const ok =
    typeof value.overall === 'number' &&
    typeof value.fields === 'object' &&
    value.fields !== null &&
    (value.files === undefined || (Array.isArray(value.files) && value.files.every((f) => typeof f === 'string')));
  if (!ok) throw new Error(`${path} is not a ratchet file ({overall, fields, files?})`);
  return value as Ratchet;
}

/** The check as text: the held and current figure of each field on the subset, then the verdict. */
export function formatRatchetCheck(check: RatchetCheck, held: Ratchet, path: string = RATCHET_FILE): string {
  const now = ratchetOf(check.report);
  const subset = held.files
    ? `${check.scored} fixed test releases` +
      (check.outside ? ` (${check.outside} test release(s) added since are not in it)` : '')
    : `the whole test split (${check.scored} releases; this ratchet lists no subset, --write-ratchet records one)`;
  const lines = [`ratchet on ${subset}:`, `${'field'.padEnd(20)} ${'held'.padStart(7)} ${'now'.padStart(7)}`];
  const fmt = (n: number | undefined): string => (n === undefined ? '—' : n.toFixed(4)).padStart(7);
  for (const f of REAL_FIELDS) {
    if (held.fields[f] === undefined && now.fields[f] === undefined) continue;
    lines.push(`${f.padEnd(20)} ${fmt(held.fields[f])} ${fmt(now.fields[f])}`);
  }
  lines.push(`${'all'.padEnd(20)} ${fmt(held.overall)} ${fmt(now.overall)}`);
  lines.push(
    check.drops.length
      ? `FAIL: real-test below the ratchet (${path}): ${check.drops.join('; ')}`
      : 'OK: real-test holds the ratchet',
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

// Scores the parser on three sets: the written fixtures (tests/fixtures/releases), and the real-release
// corpus (tests/fixtures/real) split into dev (tune on it) and test (sealed: totals only).
// Run: npm run eval:parser [-- --set fixtures|dev|test|all] [--verbose] [--json] [--min 98]
//        [--filter NAME] [--ratchet] [--write-ratchet | --replace-ratchet [--allow-uncommitted]] [--augment]
//        [--remeasure-ratchet REV [--allow-uncommitted]]
// Exit code 1 when a written-fixture field is below --min percent (default 98), or, with --ratchet,
// when a real-test figure of a ratchet subset fell below the one held for it
// (tests/fixtures/real/test-ratchet.json), or the whole test split fell below the targets (overall
// 95 %, each field 90 %).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PARSER_VERSION, parseReleaseStrict } from '../lambdas/core/parser';
import { evaluate, fieldsBelow, formatReport, loadFixtures } from './eval/fixtureCorpus';
import {
  checkRatchet,
  formatRatchetCheck,
  formatRatchetRemeasure,
  formatRatchetWrite,
  RATCHET_FILE,
  type RatchetCheck,
  type RatchetWrite,
  ratchetOf,
  ratchetToWrite,
  readRatchet,
  remeasureRatchet,
  uncommittedChanges,
} from './eval/ratchet';
import { withModuleAtRevision } from './eval/atRevision';
import { evaluateAugmented, evaluatePages, evaluateScraperChrome, formatAugmented } from './eval/augment';
import {
  evaluateReal,
  formatRealReport,
  loadRealCorpus,
  type RealReport,
  TARGET_FIELD,
  TARGET_OVERALL,
  targetShortfalls,
} from './eval/realCorpus';

const SETS = ['fixtures', 'dev', 'test', 'all'] as const;

function usage(): string {
  return (
    'usage: npm run eval:parser -- [--set fixtures|dev|test|all] [--verbose] [--json] [--min PCT]\n' +
    '                              [--filter SUBSTRING] [--ratchet]\n' +
    '                              [--write-ratchet | --replace-ratchet [--allow-uncommitted]]\n' +
    '                              [--augment] [--remeasure-ratchet REV [--allow-uncommitted]]\n' +
    '  --set            which set to print in full (default all: fixtures in full, real dev and test totals);\n' +
    '                   --set dev also lists every dev mismatch. The test split only ever prints totals.\n' +
    '  --verbose        full expected/got values of every written-fixture mismatch\n' +
    '  --json           one JSON object {fixtures, realDev, realTest, ratchet, pass}\n' +
    '  --min            exit 1 when a written-fixture field scores below PCT percent (default 98)\n' +
    '  --filter         only releases whose name contains SUBSTRING\n' +
    '  --ratchet        exit 1 when a real-test figure is below tests/fixtures/real/test-ratchet.json: that\n' +
    '                   file holds fixed subsets of the test split, and each is scored on its own releases\n' +
    '                   against its own figures (one table per subset; the full test split is printed too),\n' +
    '                   or when the whole test split is below the targets (overall 95 %, each field 90 %)\n' +
    "  --write-ratchet  update that file: raise each subset's figures where the parser now does better (never\n" +
    '                   lower them), and append a subset of the test releases in no subset yet (run it after an\n' +
    '                   improvement lands, or when releases were added); refused while lambdas/core has\n' +
    "                   uncommitted changes (the figures would not be the committed parser's) unless\n" +
    '                   --allow-uncommitted is given, and while a subset lists a release no longer in the test split\n' +
    '  --replace-ratchet  write one subset of the whole test split instead, dropping the held subsets (their\n' +
    '                   guards go: only when a subset cannot be kept, e.g. a release of it left the test split)\n' +
    '  --remeasure-ratchet REV  after second readers corrected labels of held releases: REPLACE the held\n' +
    "                   figures (up or down) of every subset REV's parser wrote (its parserVersion is REV's\n" +
    '                   PARSER_VERSION) by those that parser scores on the labels as they are now, printing each\n' +
    '                   figure old -> new; subsets other versions wrote are left as held and named (run again\n' +
    '                   with the commit that wrote them); refused when REV wrote none.\n' +
    "                   REV's parser runs from a temporary git worktree; this work tree's parser is not used.\n" +
    '                   Refused while a held release or its label has uncommitted changes unless\n' +
    '                   --allow-uncommitted. Then --write-ratchet raises the figures from there.\n' +
    '  --allow-uncommitted  write the ratchet even so\n' +
    '  --augment        also score the dev split rewritten into other forms (flattened, hard-wrapped,\n' +
    '                   markdown, plain, site chrome; scripts/eval/augment.ts), and its text releases wrapped in\n' +
    '                   HTML pages of three invented layouts, and as scrapers save portal pages (menus, bylines,\n' +
    '                   share buttons, related stories, footers; both scored apart); with --verbose, every miss'
  );
}

/** The sealed split's report without its mismatches (only totals may be looked at). */
function sealed(report: RealReport): Omit<RealReport, 'mismatches'> {
  const { mismatches: _hidden, ...totals } = report;
  return totals;
}

/** --remeasure-ratchet REV: the held figures replaced by REV's parser's scores on the labels of now. */
function remeasure(rev: string, allowUncommitted: boolean): number {
  const root = join(__dirname, '..');
  const held = readRatchet();
  if (!held) {
    console.error('--remeasure-ratchet: no ratchet file to re-measure');
    return 2;
  }
  // Only the held releases' texts and labels are scored: releases being added elsewhere do not matter.
  const heldFiles = new Set(held.subsets.flatMap((s) => s.files));
  const labels = uncommittedChanges(root, ['tests/fixtures/real']).filter((f) =>
    heldFiles.has(f.replace(/^tests\/fixtures\/real\//, '').replace(/\.label\.json$/, '')),
  );
  if (labels.length && !allowUncommitted) {
    console.error(
      `--remeasure-ratchet scores the held releases as labelled in this work tree, and ${labels.join(', ')} ` +
        `ha${labels.length > 1 ? 've' : 's'} uncommitted changes: the figures would be measured on labels not ` +
        'committed. Commit first, or pass --allow-uncommitted.',
    );
    return 2;
  }
  const testReleases = loadRealCorpus().filter((r) => r.split === 'test');
  try {
    const text = withModuleAtRevision(root, rev, 'lambdas/core/parser', (parser, commit) => {
      const parserVersion = parser.PARSER_VERSION;
      const parse = parser.parseReleaseStrict;
      if (typeof parserVersion !== 'string' || typeof parse !== 'function') {
        throw new Error(`lambdas/core/parser at ${rev} exports no PARSER_VERSION and parseReleaseStrict`);
      }
      const at = { parserVersion, rev: commit.slice(0, 7), date: new Date().toISOString().slice(0, 10) };
      const result = remeasureRatchet(held, testReleases, parse as typeof parseReleaseStrict, at);
      writeFileSync(RATCHET_FILE, `${JSON.stringify(result.ratchet, null, 2)}\n`);
      return formatRatchetRemeasure(result, at);
    });
    console.log(text);
  } catch (e) {
    console.error(`--remeasure-ratchet: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  return 0;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'all' },
      verbose: { type: 'boolean', short: 'v', default: false },
      json: { type: 'boolean', default: false },
      min: { type: 'string', default: '98' },
      filter: { type: 'string' },
      ratchet: { type: 'boolean', default: false },
      'write-ratchet': { type: 'boolean', default: false },
      'replace-ratchet': { type: 'boolean', default: false },
      'allow-uncommitted': { type: 'boolean', default: false },
      augment: { type: 'boolean', default: false },
      'remeasure-ratchet': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage());
    return 0;
  }
  const set = values.set as (typeof SETS)[number];
  if (!SETS.includes(set)) {
    console.error(`--set must be one of ${SETS.join(', ')}, got ${values.set}`);
    return 2;
  }
  const min = Number(values.min);
  if (!Number.isFinite(min)) {
    console.error(`--min must be a number, got ${values.min}`);
    return 2;
  }
  const filter = values.filter;
  const remeasureRev = values['remeasure-ratchet'];
  if (remeasureRev !== undefined) {
    if (filter || values.ratchet || values['write-ratchet'] || values['replace-ratchet']) {
      console.error('--remeasure-ratchet runs alone (no --filter, --ratchet, --write-ratchet or --replace-ratchet)');
      return 2;
    }
    return remeasure(remeasureRev, values['allow-uncommitted']);
  }
  const fixtures = loadFixtures().filter((f) => !filter || f.name.includes(filter));
  const fixtureReport = evaluate(fixtures, parseReleaseStrict);
  const fixturesPass = fieldsBelow(fixtureReport, min).length === 0;

  const real = loadRealCorpus().filter((r) => !filter || r.name.includes(filter));
  const dev = evaluateReal(
    real.filter((r) => r.split === 'dev'),
    parseReleaseStrict,
    'dev',
  );
  const test = evaluateReal(
    real.filter((r) => r.split === 'test'),
    parseReleaseStrict,
    'test',
  );

  const write = values['write-ratchet'] || values['replace-ratchet'];
  if (values['write-ratchet'] && values['replace-ratchet']) {
    console.error('--write-ratchet and --replace-ratchet exclude each other');
    return 2;
  }
  if (filter && (values.ratchet || write)) {
    console.error('--ratchet, --write-ratchet and --replace-ratchet need the whole corpus (no --filter)');
    return 2;
  }
  if (write && !values['allow-uncommitted']) {
    const dirty = uncommittedChanges(join(__dirname, '..'));
    if (dirty.length) {
      console.error(
        `--${values['replace-ratchet'] ? 'replace' : 'write'}-ratchet measures the parser in this work tree, and ${dirty.join(', ')} ha${dirty.length > 1 ? 've' : 's'} ` +
          'uncommitted changes: the figures would not be those of the committed parser. Commit first, or run it ' +
          'in a clean worktree of HEAD (git worktree add), or pass --allow-uncommitted.',
      );
      return 2;
    }
  }
  const testReleases = real.filter((r) => r.split === 'test');
  // --replace-ratchet drops the held subsets, so it does not need (or trust) the file as it is.
  const held = values['replace-ratchet'] && !values.ratchet ? null : readRatchet();
  let check: RatchetCheck | null = null;
  let drops: string[] = [];
  let shortfalls: string[] = [];
  if (values.ratchet) {
    if (held) {
      check = checkRatchet(testReleases, held, parseReleaseStrict);
      drops = check.drops;
    } else {
      drops = ['no ratchet file: run with --write-ratchet once'];
    }
    // Filtered runs were refused above: `test` is the whole test split here.
    shortfalls = targetShortfalls(test);
  }
  let written: RatchetWrite | null = null;
  if (write) {
    try {
      written = ratchetToWrite(values['replace-ratchet'] ? null : held, testReleases, parseReleaseStrict, {
        written: new Date().toISOString().slice(0, 10),
        parserVersion: PARSER_VERSION,
      });
    } catch (e) {
      console.error(`--write-ratchet: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
    writeFileSync(RATCHET_FILE, `${JSON.stringify(written.ratchet, null, 2)}\n`);
  }
  const pass = fixturesPass && drops.length === 0 && shortfalls.length === 0;

  if (values.json) {
    console.log(
      JSON.stringify({
        fixtures: { ...fixtureReport, min, pass: fixturesPass },
        realDev: dev,
        realTest: sealed(test),
        ratchet: {
          subsets: check
            ? check.subsets.map((s) => ({
                name: s.name,
                written: s.subset.written,
                parserVersion: s.subset.parserVersion,
                releases: s.subset.files.length,
                held: { overall: s.subset.overall, fields: s.subset.fields },
                now: ratchetOf(s.report),
                missing: s.missing,
                drops: s.drops,
              }))
            : null,
          outside: check ? check.outside : null,
          fullTest: ratchetOf(test),
          drops,
          targetShortfalls: values.ratchet ? shortfalls : null,
          written: written ? { raised: written.raised, appended: written.appended } : null,
        },
        pass,
      }),
    );
    return pass ? 0 : 1;
  }

  const out: string[] = [];
  if (set === 'all' || set === 'fixtures') {
    out.push('== written fixtures (tests/fixtures/releases)');
    out.push(formatReport(fixtureReport, { min, verbose: values.verbose }));
  }
  if (set === 'all' || set === 'dev') {
    out.push('', '== real releases, dev split (tests/fixtures/real; tune on it)');
    out.push(formatRealReport(dev, set === 'dev'));
  }
  if (set === 'all' || set === 'test' || values.ratchet) {
    out.push('', '== real releases, test split (sealed: totals only, never tuned on)');
    out.push(formatRealReport(test, false));
  }
  if (values.ratchet) {
    out.push('', check ? formatRatchetCheck(check) : `FAIL: ${drops.join('; ')}`);
    out.push(
      shortfalls.length
        ? `FAIL: the whole test split is below the targets (overall ${TARGET_OVERALL * 100} %, each field ${TARGET_FIELD * 100} %): ${shortfalls.join('; ')}`
        : `OK: the whole test split meets the targets (overall >= ${TARGET_OVERALL * 100} %, each field >= ${TARGET_FIELD * 100} %)`,
    );
  }
  if (values.augment) {
    out.push('', '== real dev split rewritten into other forms (scripts/eval/augment.ts; labels a rewrite keeps)');
    out.push(formatAugmented(evaluateAugmented(real, parseReleaseStrict), values.verbose));
    out.push(
      '',
      '== real dev text releases wrapped in HTML pages (scripts/eval/augment.ts wrapInPage; apart from the total above)',
    );
    const pages = formatRealReport(evaluatePages(real, parseReleaseStrict), values.verbose);
    out.push(values.verbose ? pages : (pages.split('\n\n')[0] ?? pages));
    out.push(
      '',
      '== real dev text releases as scrapers save portal pages (scripts/eval/augment.ts wrapInScraperChrome; apart from both totals above)',
    );
    out.push(formatAugmented({ 'scraper-chrome': evaluateScraperChrome(real, parseReleaseStrict) }, values.verbose));
  }
  if (written) out.push('', formatRatchetWrite(written));
  console.log(out.join('\n'));
  return pass ? 0 : 1;
}

process.exitCode = main();

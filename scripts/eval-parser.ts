// Scores the parser on the labelled fixture corpus (tests/fixtures/releases): per-field accuracy,
// then every mismatch. Run: npm run eval:parser [-- --verbose | --json | --min 98 | --filter NAME]
// Exit code 1 when any evaluated field is below --min percent (default 98).
import { parseArgs } from 'node:util';
import { parseReleaseStrict } from '../lambdas/core/parser';
import { evaluate, fieldsBelow, formatReport, loadFixtures } from './eval/fixtureCorpus';

function main(): number {
  const { values } = parseArgs({
    options: {
      verbose: { type: 'boolean', short: 'v', default: false },
      json: { type: 'boolean', default: false },
      min: { type: 'string', default: '98' },
      filter: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run eval:parser -- [--verbose] [--json] [--min PCT] [--filter SUBSTRING]\n' +
        '  --verbose  print full expected/got values of every mismatch\n' +
        '  --json     print one JSON object {fixtures, unlabelled, errors, fields, mismatches, min, pass}\n' +
        '  --min      exit 1 when any field scores below PCT percent (default 98)\n' +
        '  --filter   only fixtures whose name (e.g. cases/prn-page-helio.html) contains SUBSTRING',
    );
    return 0;
  }
  const min = Number(values.min);
  if (!Number.isFinite(min)) {
    console.error(`--min must be a number, got ${values.min}`);
    return 2;
  }
  const filter = values.filter;
  const fixtures = loadFixtures().filter((f) => !filter || f.name.includes(filter));
  const report = evaluate(fixtures, parseReleaseStrict);
  const pass = fieldsBelow(report, min).length === 0;
  if (values.json) console.log(JSON.stringify({ ...report, min, pass }));
  else console.log(formatReport(report, { min, verbose: values.verbose }));
  return pass ? 0 : 1;
}

process.exitCode = main();

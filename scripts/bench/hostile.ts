/**
 * npm run bench:hostile [-- --runs N] [-- --json]
 *
 * Each hostile feed case of issue 11 (and a normal 1 MB feed as the baseline) is read the way
 * poll-feed reads a fetched body — readFeed(bytes, { maxItems: 500 }): charset decoding, then the
 * feed reader — in a fresh child process per run, so no case inherits another's heap. The child is
 * the reader bundled by esbuild and run by plain node (as in the Lambda), not through tsx.
 *
 * Per case: the outcome (error code, or the number of items kept), the median wall time of the read
 * over the runs, the peak RSS of the child (node itself and the generated input included), and the
 * ratio of the median to the baseline's. Target: every case within 2 s and 256 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

const CASES = [
  'baseline-1mb',
  'deep-xml-40k',
  'deep-xml-100k',
  'entity-500k-refs',
  'deep-json-100k',
  'rss-150k-items',
] as const;
type CaseName = (typeof CASES)[number];

const BUDGET_MS = 2_000;
const BUDGET_MB = 256;

/** The child: generate the case's bytes, then time one read. Prints one JSON line. */
const CHILD_SOURCE = `
import { readFeed } from ${JSON.stringify(path.resolve(__dirname, '../../lambdas/pipeline/readFeed'))};
import * as gen from ${JSON.stringify(path.resolve(__dirname, 'hostileFeeds'))};
const docs = {
  'baseline-1mb': () => gen.normalFeed(1024 * 1024),
  'deep-xml-40k': () => gen.deepXmlFeed(40000),
  'deep-xml-100k': () => gen.deepXmlFeed(100000),
  'entity-500k-refs': () => gen.entityExpansionFeed(500000),
  'deep-json-100k': () => gen.deepJsonFeed(100000),
  'rss-150k-items': () => gen.manyItemsFeed(150000),
};
const name = process.argv[2];
const body = Buffer.from(docs[name](), 'utf8');
const start = process.hrtime.bigint();
readFeed({ body, contentType: null, url: 'https://hostile.example.test/feed' }, { maxItems: 500 }).then(
  (feed) => done('items ' + feed.items.length + ' of ' + feed.itemsFound),
  (err) => done(err && err.code ? err.code : String(err && err.name)),
);
function done(outcome) {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ outcome, ms, peakRssMb, inputBytes: body.length }) + '\\n');
}
`;

interface Run {
  outcome: string;
  ms: number;
  peakRssMb: number;
  inputBytes: number;
}
interface CaseResult {
  case: CaseName;
  outcome: string;
  inputMB: number;
  medianMs: number;
  peakRssMB: number;
  ratioToBaseline: number;
  withinBudget: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const runsArg = args.indexOf('--runs');
  const runs = Math.max(3, runsArg >= 0 ? Number(args[runsArg + 1]) || 3 : 3);

  const dir = mkdtempSync(path.join(tmpdir(), 'bench-hostile-'));
  try {
    const entry = path.join(dir, 'child.ts');
    const bundle = path.join(dir, 'child.cjs');
    writeFileSync(entry, CHILD_SOURCE);
    buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      target: 'node20',
      outfile: bundle,
      logLevel: 'error',
    });

    const results: CaseResult[] = [];
    for (const name of CASES) {
      const samples: Run[] = [];
      for (let i = 0; i < runs; i++) {
        const child = spawnSync(process.execPath, [bundle, name], { encoding: 'utf8', maxBuffer: 1 << 20 });
        const line = child.stdout.trim().split('\n').at(-1) ?? '';
        if (child.status !== 0 || !line.startsWith('{')) {
          throw new Error(`case ${name} failed (exit ${child.status}): ${child.stderr.slice(0, 500)}`);
        }
        samples.push(JSON.parse(line) as Run);
      }
      const medianMs = median(samples.map((s) => s.ms));
      const peakRssMB = Math.max(...samples.map((s) => s.peakRssMb));
      results.push({
        case: name,
        outcome: samples[0]?.outcome ?? '',
        inputMB: (samples[0]?.inputBytes ?? 0) / 1e6,
        medianMs,
        peakRssMB,
        ratioToBaseline: 0,
        withinBudget: medianMs <= BUDGET_MS && peakRssMB <= BUDGET_MB,
      });
    }
    const base = results[0]?.medianMs || 1;
    for (const r of results) r.ratioToBaseline = r.medianMs / base;

    if (json) {
      process.stdout.write(`${JSON.stringify({ runs, budget: { ms: BUDGET_MS, mb: BUDGET_MB }, cases: results })}\n`);
    } else {
      const rows = results.map((r) => [
        r.case,
        r.outcome,
        r.inputMB.toFixed(2),
        r.medianMs.toFixed(0),
        r.peakRssMB.toFixed(0),
        r.ratioToBaseline.toFixed(2),
        r.withinBudget ? 'yes' : 'NO',
      ]);
      const head = [
        'case',
        'outcome',
        'input MB',
        'median ms',
        'peak RSS MB',
        '× baseline',
        `≤ ${BUDGET_MS} ms & ${BUDGET_MB} MB`,
      ];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
      const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
      console.log(`bench:hostile — ${runs} runs per case, each in a fresh node process (readFeed, maxItems 500)`);
      console.log(fmt(head));
      console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
      for (const r of rows) console.log(fmt(r));
    }
    if (results.some((r) => !r.withinBudget)) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

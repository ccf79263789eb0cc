// Parser throughput: releases/s on text inputs and on HTML release pages, peak RSS, and in the same
// run the baseline — @mozilla/readability + jsdom extracting the same HTML pages. Medians over
// --runs runs (default 5). Run: npm run bench:parse [-- --json] [--runs N] [--pages N]
//
// Inputs: the labelled fixture corpus (tests/fixtures/releases: text, markdown, feed items, HTML
// pages), each text release also hard-wrapped at 72 columns and flattened to one line, plus HTML
// release pages from the seeded generator (scripts/bench/releaseGenerator.ts), so the figures do
// not rest on a handful of pages. Nothing here is timed by a test; figures are printed only.
//
// Then the real wire pages: every file of the real corpus (tests/fixtures/real) labelled
// `form: wire-page`, a wire's own full-size HTML page as saved from the web. In process, per page,
// what `newswire parse` does with a file's bytes (decode, parse, build the record, serialize it)
// against what the baseline does with them (jsdom decodes and builds the DOM, Readability
// extracts, the article is serialized), after the same warm-up. And whole processes: one
// `node bin/newswire.cjs parse` over --process-pages files (default 200: the wire pages repeated
// in turn) against one Node process running Readability + jsdom over the same files
// (readabilityProcess.cjs), each timed from spawn to exit, medians of --process-runs (≥ 3).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { whyNotParsed } from '../../bin/commands/parse';
import { buildRecord } from '../../lambdas/core/buildRecord';
import { decodeBody } from '../../lambdas/core/feed/decode';
import { parseReleaseStrict } from '../../lambdas/core/parser';
import { fillWords } from '../eval/augment';
import { loadFixtures } from '../eval/fixtureCorpus';
import { loadRealCorpus, REAL_ROOT } from '../eval/realCorpus';
import { generateReleases } from './releaseGenerator';

const ROOT = path.resolve(__dirname, '../..');

interface Options {
  json: boolean;
  runs: number;
  pages: number;
  processPages: number;
  processRuns: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      pages: { type: 'string', default: '60' },
      'process-pages': { type: 'string', default: '200' },
      'process-runs': { type: 'string', default: '3' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run bench:parse -- [--json] [--runs N] [--pages N]\n' +
        '  --json   one line {"htmlPagesPerSec","baselinePagesPerSec","ratio","textReleasesPerSec","peakRssMb",\n' +
        '           "wirePages","wirePageMs","baselineWirePageMs","wirePageRatio",\n' +
        '           "processPages","processMs","baselineProcessMs","processRatio","wirePassPageMs",\n' +
        '           "baselineWirePassPageMs","processCpuMs","baselineProcessCpuMs","processCpuRatio",\n' +
        '           "loadAverage":{"start","end"}}\n' +
        '  --runs   timed runs per measurement, medians reported (default 5, minimum 5)\n' +
        '  --pages  generated HTML release pages added to the fixture pages (default 60)\n' +
        '  --process-pages  page files per whole-process run (default 200; the wire pages in turn)\n' +
        '  --process-runs   whole-process runs of each side, medians reported (default 3, minimum 3)',
    );
    process.exit(0);
  }
  return {
    json: values.json,
    runs: Math.max(5, Number(values.runs) || 5),
    pages: Math.max(0, Number(values.pages) || 0),
    processPages: Math.max(1, Number(values['process-pages']) || 200),
    processRuns: Math.max(3, Number(values['process-runs']) || 3),
  };
}

/** A text release hard-wrapped at `width` columns (paragraphs kept apart by blank lines). */
function hardWrap(text: string, width = 72): string {
  return text
    .split(/\n{2,}/)
    .map((para) => fillWords(para.replace(/\s+/g, ' ').trim().split(' '), width).join('\n'))
    .join('\n\n');
}

/** A text release flattened to one line, as scrapers often store it. */
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function looksLikeHtmlPage(content: string): boolean {
  return /^\s*(?:<!doctype html|<html)/i.test(content);
}

function corpus(pages: number): { html: string[]; text: string[] } {
  const fixtures = loadFixtures();
  const html = fixtures.filter((f) => looksLikeHtmlPage(f.content)).map((f) => f.content);
  const text: string[] = [];
  for (const f of fixtures) {
    if (looksLikeHtmlPage(f.content) || f.content.trimStart().startsWith('<')) continue;
    text.push(f.content, hardWrap(f.content), flatten(f.content));
  }
  if (pages > 0) html.push(...generateReleases({ count: pages, seed: 20240307 }).releases.map((r) => r.html));
  return { html, text };
}

/** The 1, 5 and 15 minute load averages, to two decimals. */
function loadAverage(): number[] {
  return loadavg().map((n) => Math.round(n * 100) / 100);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Items per second of `work` over `inputs`, repeating the whole set until at least `minMs` has passed. */
function throughput(inputs: string[], work: (s: string) => void, minMs: number): number {
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed: number;
  do {
    for (const input of inputs) work(input);
    n += inputs.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < minMs);
  return (n / elapsed) * 1000;
}

type Extract = (html: string) => void;

/**
 * What the baseline does with a page: a DOM with jsdom, then Readability's article extraction.
 * Loaded only after the parser's runs, so the parser's peak RSS is its own.
 */
async function loadBaseline(): Promise<Extract> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  return (html: string) => {
    const virtualConsole = new VirtualConsole(); // silence CSS and script warnings
    const dom = new JSDOM(html, { url: 'https://example.com/news/release.html', virtualConsole });
    new Readability(dom.window.document).parse();
    dom.window.close();
  };
}

/** Worst parse time over 1 MB adversarial inputs (the property tests assert structure; timing is shown here). */
function adversarialWorstMs(): { name: string; ms: number } {
  const MB = 1024 * 1024;
  const inputs: [string, string][] = [
    ['dashes', '-'.repeat(MB)],
    ['parentheses', '('.repeat(MB / 2) + ')'.repeat(MB / 2)],
    ['capitals', 'ACME WINS AWARD NEW YORK, '.repeat(MB / 26)],
    ['emails', 'Contact:jane.doe@acme.example.comMedia:'.repeat(MB / 39)],
    ['nested tags', '<div><p><b>'.repeat(MB / 11)],
    ['hyphenated lines', 'manu-\nfacturing '.repeat(MB / 17)],
    ['flattened', 'Acme Corp. said.  About Acme Acme is.  SOURCE Acme  '.repeat(MB / 52)],
  ];
  let worst = { name: '', ms: 0 };
  for (const [name, content] of inputs) {
    const start = process.hrtime.bigint();
    parseReleaseStrict({ content });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms > worst.ms) worst = { name, ms };
  }
  return worst;
}

function ourParse(content: string): void {
  parseReleaseStrict({ content });
}

async function main(): Promise<void> {
  const opts = options();
  const { html, text } = corpus(opts.pages);
  const log = (s: string) => {
    if (!opts.json) console.log(s);
  };
  // This machine is shared: the load it ran under goes with the figures (start, and end of the whole processes).
  const loadAtStart = loadAverage();
  log(`load average (1, 5, 15 min) at the start: ${loadAtStart.join(', ')}`);
  log(`inputs: ${html.length} HTML release pages, ${text.length} text releases; ${opts.runs} runs each, medians`);

  // Warm-up, so the first run does not pay for JIT compilation.
  for (const h of html) ourParse(h);
  for (const t of text) ourParse(t);

  const htmlRuns: number[] = [];
  const textRuns: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    htmlRuns.push(throughput(html, ourParse, 600));
    textRuns.push(throughput(text, ourParse, 400));
  }
  const worst = adversarialWorstMs();
  // Peak RSS of the parser alone, read before jsdom is even loaded (it would dominate).
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const baseline = await loadBaseline();
  // The same warm-up as the parser had: one pass over every page.
  for (const h of html) baseline(h);
  // The baseline's runs alternate with more parser runs on the same pages, so both see the same
  // machine load (this machine is shared); the ratio is taken from these paired runs.
  const baselineRuns: number[] = [];
  const pairedRuns: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    baselineRuns.push(throughput(html, baseline, 0));
    pairedRuns.push(throughput(html, ourParse, 600));
  }
  const baselinePeakRssMb = process.resourceUsage().maxRSS / 1024;

  const htmlPagesPerSec = median([...htmlRuns, ...pairedRuns]);
  const baselinePagesPerSec = median(baselineRuns);
  const textReleasesPerSec = median(textRuns);
  const ratio = median(pairedRuns) / baselinePagesPerSec;
  const fmt = (n: number) => n.toFixed(0).padStart(8);
  const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  log('');
  log(
    `HTML pages, newswire parser     ${fmt(htmlPagesPerSec)} pages/s   (runs: ${runs([...htmlRuns, ...pairedRuns])})`,
  );
  log(`HTML pages, readability + jsdom ${fmt(baselinePagesPerSec)} pages/s   (runs: ${runs(baselineRuns)})`);
  log(`ratio (paired runs)             ${ratio.toFixed(1).padStart(8)}×         (target ≥ 20×)`);
  log(`text releases, newswire parser  ${fmt(textReleasesPerSec)} releases/s (runs: ${runs(textRuns)})`);
  log(`peak RSS, parser runs           ${fmt(peakRssMb)} MB`);
  log(`peak RSS, after the baseline    ${fmt(baselinePeakRssMb)} MB`);
  log(`worst 1 MB adversarial input    ${fmt(worst.ms)} ms    (${worst.name})`);

  const wire = await wirePages(opts, log);
  const round1 = (n: number) => Math.round(n * 10) / 10;
  if (opts.json) {
    console.log(
      JSON.stringify({
        htmlPagesPerSec: Math.round(htmlPagesPerSec),
        baselinePagesPerSec: round1(baselinePagesPerSec),
        ratio: round1(ratio),
        textReleasesPerSec: Math.round(textReleasesPerSec),
        peakRssMb: Math.round(peakRssMb),
        wirePages: wire.pages,
        wirePageMs: round1(wire.pageMs),
        baselineWirePageMs: round1(wire.baselinePageMs),
        wirePageRatio: round1(wire.baselinePageMs / wire.pageMs),
        processPages: opts.processPages,
        processMs: Math.round(wire.processMs),
        baselineProcessMs: Math.round(wire.baselineProcessMs),
        processRatio: round1(wire.baselineProcessMs / wire.processMs),
        wirePassPageMs: round1(wire.passPageMs),
        baselineWirePassPageMs: round1(wire.baselinePassPageMs),
        processCpuMs: Math.round(wire.processCpuMs),
        baselineProcessCpuMs: Math.round(wire.baselineProcessCpuMs),
        processCpuRatio: round1(wire.baselineProcessCpuMs / wire.processCpuMs),
        loadAverage: { start: loadAtStart, end: wire.loadAtEnd },
      }),
    );
  }
}

interface WirePage {
  name: string;
  file: string;
  bytes: Buffer;
}

/** The real corpus's full-size wire pages (label `form: wire-page`), as bytes. */
function loadWirePages(): WirePage[] {
  return loadRealCorpus()
    .filter((r) => r.label.form === 'wire-page')
    .map((r) => {
      const file = path.join(REAL_ROOT, r.name);
      return { name: r.name, file, bytes: readFileSync(file) };
    });
}

/** What `newswire parse FILE` does with the file's bytes (bin/commands/parse.ts): the NDJSON line. */
function cliWork(bytes: Buffer): string {
  const text = decodeBody(bytes).text;
  const record = buildRecord(parseReleaseStrict({ content: text, url: null }), {
    feed: null,
    item: null,
    url: null,
    raw: null,
    fetchedAt: null,
  });
  return whyNotParsed(record) ? '' : JSON.stringify(record) + '\n';
}

/** What the baseline does with the same bytes: jsdom decodes and builds the DOM, Readability extracts. */
async function loadBaselineWork(): Promise<(bytes: Buffer) => string> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  return (bytes: Buffer) => {
    const dom = new JSDOM(bytes, {
      url: 'https://example.com/news/release.html',
      virtualConsole: new VirtualConsole(),
    });
    const article = new Readability(dom.window.document).parse();
    dom.window.close();
    return JSON.stringify(article) + '\n';
  };
}

/** Milliseconds of one call. */
function timeOne(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface ProcessRun {
  ms: number;
  /** The process's own CPU time (user + system), reported by cpuAtExit.cjs. */
  cpuMs: number;
  lines: number;
  failed: number;
  code: number | null;
}

const CPU_AT_EXIT = path.join(__dirname, 'cpuAtExit.cjs');

/**
 * Wall time of `node ...args` from spawn to exit, and its CPU time; stdout is read and counted,
 * not kept. On a busy machine the wall time is mostly the wait for a core, the CPU time the work.
 */
function runProcess(args: string[], env: NodeJS.ProcessEnv): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', CPU_AT_EXIT, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let lines = 0;
    let stderr = '';
    let cpu = '';
    child.stdout!.on('data', (d: Buffer) => {
      for (const b of d) if (b === 10) lines++;
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdio[3]!.on('data', (d: Buffer) => (cpu += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && code !== 1) reject(new Error(`node ${args[0]} exited ${code}: ${stderr.slice(0, 500)}`));
      else
        resolve({
          ms,
          cpuMs: Number(cpu.trim()),
          lines,
          failed: stderr.split('\n').filter((l) => l.includes('cannot ')).length,
          code,
        });
    });
  });
}

async function wirePages(
  opts: Options,
  log: (s: string) => void,
): Promise<{
  pages: number;
  pageMs: number;
  baselinePageMs: number;
  passPageMs: number;
  baselinePassPageMs: number;
  processMs: number;
  baselineProcessMs: number;
  processCpuMs: number;
  baselineProcessCpuMs: number;
  loadAtEnd: number[];
}> {
  const pages = loadWirePages();
  if (!pages.length) throw new Error('no wire pages (form: wire-page) in tests/fixtures/real');
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  const total = pages.reduce((n, p) => n + p.bytes.length, 0);
  log('');
  log(`real wire pages: ${pages.length} (label form: wire-page), ${kb(total)} in all`);

  // In process, per page. The same warm-up for both: two passes over every page each.
  const baselineWork = await loadBaselineWork();
  for (let w = 0; w < 2; w++) {
    for (const p of pages) cliWork(p.bytes);
    for (const p of pages) baselineWork(p.bytes);
  }
  const ours = pages.map(() => [] as number[]);
  const theirs = pages.map(() => [] as number[]);
  // Whole passes over every page too: a page's median leaves out the garbage collections that
  // land in some of its runs, a pass's time (and a process's) has them all.
  const ourPasses: number[] = [];
  const theirPasses: number[] = [];
  // Rounds alternate the two sides, so both see the same machine load.
  for (let r = 0; r < opts.runs; r++) {
    ourPasses.push(timeOne(() => pages.forEach((p, i) => ours[i]!.push(timeOne(() => cliWork(p.bytes))))));
    theirPasses.push(timeOne(() => pages.forEach((p, i) => theirs[i]!.push(timeOne(() => baselineWork(p.bytes))))));
  }
  const ourMs = ours.map(median);
  const theirMs = theirs.map(median);
  const ms = (n: number) => n.toFixed(1).padStart(8);
  log(
    `  ${'page'.padEnd(56)} ${'size'.padStart(7)}  newswire  readability+jsdom  (ms per page, median of ${opts.runs})`,
  );
  pages.forEach((p, i) =>
    log(`  ${p.name.padEnd(56)} ${kb(p.bytes.length).padStart(7)}  ${ms(ourMs[i]!)}  ${ms(theirMs[i]!)}`),
  );
  const pageMs = ourMs.reduce((a, b) => a + b, 0) / pages.length;
  const baselinePageMs = theirMs.reduce((a, b) => a + b, 0) / pages.length;
  log(`  ${'mean per page'.padEnd(56)} ${''.padStart(7)}  ${ms(pageMs)}  ${ms(baselinePageMs)}`);
  log(
    `  in process: decode + parse + build + serialize vs jsdom + Readability + serialize: ${(baselinePageMs / pageMs).toFixed(1)}×`,
  );
  const passPageMs = median(ourPasses) / pages.length;
  const baselinePassPageMs = median(theirPasses) / pages.length;
  log(
    `  in process, whole passes over the ${pages.length} pages (garbage collection included), per page: ${passPageMs.toFixed(1)} ms vs ${baselinePassPageMs.toFixed(1)} ms: ${(baselinePassPageMs / passPageMs).toFixed(1)}×`,
  );

  // Whole processes over the same files: the CLI as a user runs it, and the baseline in plain Node.
  const files = Array.from({ length: opts.processPages }, (_, i) => pages[i % pages.length]!.file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildCliIfStale } = require('../build-cli.cjs') as {
    buildCliIfStale: (o: { quiet: boolean }) => Promise<string | null>;
  };
  const rebuilt = await buildCliIfStale({ quiet: true });
  if (rebuilt) log(`(built the CLI first: ${rebuilt})`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { builtCli } = require('../../bin/builtCli.cjs') as { builtCli: () => { entry?: string; why?: string } };
  const built = builtCli();
  if (!built.entry) throw new Error(`the CLI build is not usable: ${built.why}`);
  // Every run uses this build, even if a source is edited meanwhile.
  const env = { NEWSWIRE_CLI_BUILD: built.entry };
  const cli = [path.join(ROOT, 'bin/newswire.cjs'), 'parse', ...files];
  const readability = [path.join(__dirname, 'readabilityProcess.cjs'), ...files];
  // One untimed process of each side first, on one file: the files are in the page cache, and the
  // CLI's code cache (bin/compileCache.cjs, written at a build's first run) exists, as it does for
  // a user from the second run on.
  await runProcess([cli[0]!, 'parse', files[0]!], env);
  await runProcess([readability[0]!, files[0]!], {});
  const cliRuns: ProcessRun[] = [];
  const baselineRuns: ProcessRun[] = [];
  const cliOneRuns: ProcessRun[] = [];
  const baselineOneRuns: ProcessRun[] = [];
  for (let r = 0; r < opts.processRuns; r++) {
    cliRuns.push(await runProcess(cli, env));
    baselineRuns.push(await runProcess(readability, {}));
    // The same with one file: what a process costs before its pages (start, loading, first page).
    cliOneRuns.push(await runProcess([cli[0]!, 'parse', files[0]!], env));
    baselineOneRuns.push(await runProcess([readability[0]!, files[0]!], {}));
  }
  const med = (xs: ProcessRun[], k: 'ms' | 'cpuMs') => median(xs.map((x) => x[k]));
  const processMs = med(cliRuns, 'ms');
  const baselineProcessMs = med(baselineRuns, 'ms');
  const processCpuMs = med(cliRuns, 'cpuMs');
  const baselineProcessCpuMs = med(baselineRuns, 'cpuMs');
  const runs = (xs: ProcessRun[]) => xs.map((x) => x.ms.toFixed(0)).join(', ');
  const n = (x: number, w = 8) => x.toFixed(0).padStart(w);
  log('');
  log(
    `whole process, ${files.length} page files (the ${pages.length} wire pages in turn, each ${Math.ceil(files.length / pages.length)}× at most), medians of ${opts.processRuns}:`,
  );
  log(`  ${''.padEnd(38)} ${'wall ms'.padStart(8)} ${'CPU ms'.padStart(8)}`);
  const last = cliRuns[cliRuns.length - 1]!;
  log(
    `  node bin/newswire.cjs parse …          ${n(processMs)} ${n(processCpuMs)}  (wall: ${runs(cliRuns)}; ${last.lines} records, ${last.failed} files not parsed, exit ${last.code})`,
  );
  log(
    `  node readabilityProcess.cjs … (jsdom)  ${n(baselineProcessMs)} ${n(baselineProcessCpuMs)}  (wall: ${runs(baselineRuns)}; ${baselineRuns[0]!.lines} articles)`,
  );
  log(
    `  ratio                                  ${(baselineProcessMs / processMs).toFixed(1).padStart(7)}× ${(baselineProcessCpuMs / processCpuMs).toFixed(1).padStart(7)}×  (target ≥ 25×, wall)`,
  );
  // Where a process's time goes: its cost with one file, and each further page's.
  const oneMs = med(cliOneRuns, 'cpuMs');
  const baselineOneMs = med(baselineOneRuns, 'cpuMs');
  const perPage = (all: number, one: number) => ((all - one) / (files.length - 1)).toFixed(1);
  const loadAtEnd = loadAverage();
  log(`  load average (1, 5, 15 min) at the end: ${loadAtEnd.join(', ')}`);
  log(
    `  CPU of a process with 1 file: newswire ${n(oneMs, 0)} ms, jsdom ${n(baselineOneMs, 0)} ms; each further page: newswire ${perPage(processCpuMs, oneMs)} ms, jsdom ${perPage(baselineProcessCpuMs, baselineOneMs)} ms`,
  );
  return {
    pages: pages.length,
    pageMs,
    baselinePageMs,
    passPageMs,
    baselinePassPageMs,
    processMs,
    baselineProcessMs,
    processCpuMs,
    baselineProcessCpuMs,
    loadAtEnd,
  };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

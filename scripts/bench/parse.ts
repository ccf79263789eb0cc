// Parser throughput: releases/s on text inputs and on HTML release pages, peak RSS, and in the same
// run the baseline — @mozilla/readability + jsdom extracting the same HTML pages. Medians over
// --runs runs (default 5). Run: npm run bench:parse [-- --json] [--runs N] [--pages N]
//
// Inputs: the labelled fixture corpus (tests/fixtures/releases: text, markdown, feed items, HTML
// pages), each text release also hard-wrapped at 72 columns and flattened to one line, plus HTML
// release pages from the seeded generator (scripts/bench/releaseGenerator.ts), so the figures do
// not rest on a handful of pages. Nothing here is timed by a test; figures are printed only.
import { parseArgs } from 'node:util';
import { parseReleaseStrict } from '../../lambdas/core/parser';
import { loadFixtures } from '../eval/fixtureCorpus';
import { generateReleases } from './releaseGenerator';

interface Options {
  json: boolean;
  runs: number;
  pages: number;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      pages: { type: 'string', default: '60' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run bench:parse -- [--json] [--runs N] [--pages N]\n' +
        '  --json   one line {"htmlPagesPerSec","baselinePagesPerSec","ratio","textReleasesPerSec","peakRssMb"}\n' +
        '  --runs   timed runs per measurement, medians reported (default 5, minimum 5)\n' +
        '  --pages  generated HTML release pages added to the fixture pages (default 60)',
    );
    process.exit(0);
  }
  return {
    json: values.json,
    runs: Math.max(5, Number(values.runs) || 5),
    pages: Math.max(0, Number(values.pages) || 0),
  };
}

/** A text release hard-wrapped at `width` columns (paragraphs kept apart by blank lines). */
function hardWrap(text: string, width = 72): string {
  return text
    .split(/\n{2,}/)
    .map((para) => {
      const lines: string[] = [];
      let line = '';
      for (const word of para.replace(/\s+/g, ' ').trim().split(' ')) {
        if (line && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) lines.push(line);
      return lines.join('\n');
    })
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
  baseline(html[0] ?? '<html></html>');
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
  if (opts.json) {
    console.log(
      JSON.stringify({
        htmlPagesPerSec: Math.round(htmlPagesPerSec),
        baselinePagesPerSec: Math.round(baselinePagesPerSec * 10) / 10,
        ratio: Math.round(ratio * 10) / 10,
        textReleasesPerSec: Math.round(textReleasesPerSec),
        peakRssMb: Math.round(peakRssMb),
      }),
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

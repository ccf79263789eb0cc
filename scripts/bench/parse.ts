// Parser throughput: releases/s on text inputs and on HTML release pages, peak RSS, and in the same
// run the baseline — @mozilla/readability + jsdom extracting the same HTML pages. Medians over
// --runs runs (default 5). Run: npm run bench:parse [-- --json] [--runs N] [--pages N]
//
// Inputs: the labelled fixture corpus (tests/fixtures/releases: text, markdown, feed items, HTML
// pages), each text release also hard-wrapped at 72 columns and flattened to one line, plus HTML
// release pages from the seeded generator (scripts/bench/releaseGenerator.ts), so the figures do
// not rest on a handful of pages. Nothing here is timed by a test; figures are printed only.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
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
      pages: { type: 'string', default: '120' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run bench:parse -- [--json] [--runs N] [--pages N]\n' +
        '  --json   one line {"htmlPagesPerSec","baselinePagesPerSec","ratio","textReleasesPerSec","peakRssMb"}\n' +
        '  --runs   timed runs per measurement, medians reported (default 5, minimum 5)\n' +
        '  --pages  generated HTML release pages added to the fixture pages (default 120)',
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
  let elapsed = 0;
  do {
    for (const input of inputs) work(input);
    n += inputs.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < minMs);
  return (n / elapsed) * 1000;
}

/** What the baseline does with a page: a DOM with jsdom, then Readability's article extraction. */
function baselineExtract(html: string): void {
  const virtualConsole = new VirtualConsole(); // silence CSS and script warnings
  const dom = new JSDOM(html, { url: 'https://example.com/news/release.html', virtualConsole });
  new Readability(dom.window.document).parse();
  dom.window.close();
}

function ourParse(content: string): void {
  parseReleaseStrict({ content });
}

function main(): void {
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
  // Peak RSS of the parser alone, read before jsdom is loaded with pages (it would dominate).
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  baselineExtract(html[0] ?? '<html></html>');
  const baselineRuns: number[] = [];
  for (let r = 0; r < opts.runs; r++) baselineRuns.push(throughput(html, baselineExtract, 0));
  const baselinePeakRssMb = process.resourceUsage().maxRSS / 1024;

  const htmlPagesPerSec = median(htmlRuns);
  const baselinePagesPerSec = median(baselineRuns);
  const textReleasesPerSec = median(textRuns);
  const ratio = htmlPagesPerSec / baselinePagesPerSec;
  const fmt = (n: number) => n.toFixed(0).padStart(8);
  const runs = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  log('');
  log(`HTML pages, newswire parser     ${fmt(htmlPagesPerSec)} pages/s   (runs: ${runs(htmlRuns)})`);
  log(`HTML pages, readability + jsdom ${fmt(baselinePagesPerSec)} pages/s   (runs: ${runs(baselineRuns)})`);
  log(`ratio                           ${ratio.toFixed(1).padStart(8)}×         (target ≥ 20×)`);
  log(`text releases, newswire parser  ${fmt(textReleasesPerSec)} releases/s (runs: ${runs(textRuns)})`);
  log(`peak RSS, parser runs           ${fmt(peakRssMb)} MB`);
  log(`peak RSS, after the baseline    ${fmt(baselinePeakRssMb)} MB`);
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

main();

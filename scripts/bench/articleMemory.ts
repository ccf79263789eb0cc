/**
 * Peak RSS of one process-article batch (10 pages), the measurement its memory size rests on:
 * `node --max-old-space-size=400 --import tsx scripts/bench/articleMemory.ts [real | N]`.
 * The batch's pages are held at once — raw bytes, the gzip'd archive copy, the parsed release — and
 * parsed one after another, as the handler's event loop does (parsing is synchronous).
 *   real  the 10 largest real HTML pages of tests/fixtures/real (0.2-0.9 MB wire and portal pages)
 *   N     N pages at the fetch cap (15 MiB: the largest real page's body repeated)
 * Prints one JSON line: {"mode","pages","mb","peakRssMb"} (tsx's own compiler included).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { FETCH_DEFAULTS } from '../../lambdas/adapters/http/fetchDefaults';
import { parseRelease } from '../../lambdas/core/parser/index';

const REAL = path.join(__dirname, '../../tests/fixtures/real');
const mode = process.argv[2] ?? 'real';

function batch(): Buffer[] {
  const files = readdirSync(REAL, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'));
  const pages = files.map((f) => readFileSync(path.join(REAL, f))).sort((a, b) => b.length - a.length);
  if (mode === 'real') return pages.slice(0, 10);
  const n = Number(mode);
  if (!Number.isInteger(n) || n < 1) throw new Error(`give "real" or a page count, not ${mode}`);
  const largest = pages[0]?.toString('utf8') ?? '';
  const body = largest.slice(0, Math.max(0, largest.lastIndexOf('</body>')));
  const times = Math.floor(FETCH_DEFAULTS.maxBytes / Math.max(1, Buffer.byteLength(body)));
  const capped = Buffer.from(`${body.repeat(times)}</body></html>`);
  return Array.from({ length: n }, () => Buffer.from(capped));
}

const pages = batch();
const held: unknown[] = [];
for (const page of pages) {
  held.push(gzipSync(page), parseRelease({ content: page.toString('utf8'), url: 'https://www.prnewswire.com/x.html' }));
}
const mb = pages.reduce((n, p) => n + p.length, 0) / 2 ** 20;
console.log(
  JSON.stringify({
    mode,
    pages: held.length / 2,
    mb: Math.round(mb * 10) / 10,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);

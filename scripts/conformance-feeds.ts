/**
 * Feed-reading conformance over a peer corpus: the real-world feeds of rss-parser's own test suite
 * (../shared/peer-corpus/rss-parser, read in place, never copied into this repository).
 *
 *   npm run conformance:feeds            # one line per file, then a summary; exit 1 on any mismatch
 *   npm run conformance:feeds -- -v      # also print every differing item
 *
 * For every feed with an expected output (expected/<name>.json, rss-parser's `{feed: …}` golden
 * files) the item titles and links we read must be those rss-parser reads, item by item, in order,
 * and where rss-parser gives an `isoDate` our `publishedAt` must be the same instant. (Dates it
 * cannot read — uolNoticias' Portuguese `Seg, 24 Set 2018 19:42:40 -0300` — are counted, not compared.)
 * Feeds without a golden file must parse. `unrecognized.rss` (an HTML "Document Moved" page) must
 * fail with the named error FEED_UNRECOGNIZED.
 *
 * How the comparison treats rss-parser's raw strings (each rule is a documented difference of
 * representation, not a tolerance of wrong values):
 * - Titles: we store plain text (HTML removed, entities decoded, whitespace collapsed, trimmed), so
 *   the golden title goes through the same HTML-to-text function before comparing (craigslist's
 *   `&#x0024;4300 … 1930ft<sup>2</sup>` is `$4300 … 1930ft2` in both).
 * - Links: we trim them (itunes-href's golden links start with "\n") and resolve relative links
 *   against the feed's own link (gulp-atom's `/gulpjs/gulp/releases/tag/v3.9.0`); the golden link is
 *   resolved the same way.
 * - Encodings: rss-parser's test harness reads every input as UTF-8, so for uolNoticias.rss (ISO-8859-1
 *   bytes with no declaration) its golden file holds U+FFFD replacement characters where we decode
 *   `ç`, `õ`, `ã`…; each U+FFFD of a golden value matches exactly one non-ASCII character of ours, or
 *   one space where that character was a no-break space (U+00A0, which our whitespace collapsing
 *   turns into a space: `fechar\u00a0com` → `fechar com`).
 *   Golden files are decoded like feeds (encoding.json was written in latin1 by that harness).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describeError } from '../lambdas/core/errors';
import { decodeBody } from '../lambdas/core/feed/decode';
import { parseFeed } from '../lambdas/core/feed/parseFeed';
import type { ParsedFeed } from '../lambdas/core/feed/types';
import { htmlFragmentText } from '../lambdas/core/parser/feedItem';

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/peer-corpus/rss-parser');
/** Inputs that must be refused, with the code they must be refused with. */
const MUST_FAIL: Readonly<Record<string, string>> = { 'unrecognized.rss': 'FEED_UNRECOGNIZED' };

interface GoldenItem {
  title?: unknown;
  link?: unknown;
  isoDate?: unknown;
}
interface Golden {
  feed: { link?: unknown; items?: GoldenItem[] };
}

interface FileResult {
  file: string;
  ok: boolean;
  line: string;
  items: number;
  diffs: string[];
  /** Items whose date rss-parser read: same instant as ours (a different one is a diff). */
  datesAgree: number;
  /** Items dated by us where rss-parser's isoDate is missing (a date it cannot read). */
  datesOnlyOurs: number;
}

const NOTHING = { items: 0, diffs: [], datesAgree: 0, datesOnlyOurs: 0 };

async function checkFile(file: string): Promise<FileResult> {
  const name = path.basename(file);
  const base = name.replace(/\.(rss|atom)$/, '');
  const decoded = decodeBody(readFileSync(file));
  const mustFail = MUST_FAIL[name];

  let feed: ParsedFeed;
  try {
    feed = await parseFeed(decoded.text);
  } catch (err) {
    const { code, message } = describeError(err);
    if (mustFail && code === mustFail) {
      return { file: name, ok: true, line: `ok    ${name}: refused as expected (${code})`, ...NOTHING };
    }
    return { file: name, ok: false, line: `FAIL  ${name}: ${code}: ${message}`, ...NOTHING };
  }
  if (mustFail) {
    return {
      file: name,
      ok: false,
      line: `FAIL  ${name}: read as ${feed.format} with ${feed.items.length} items, expected ${mustFail}`,
      ...NOTHING,
    };
  }

  const goldenFile = path.join(CORPUS, 'expected', `${base}.json`);
  const head = `${name}: ${feed.format}, ${feed.items.length} items, ${decoded.charset}`;
  if (!existsSync(goldenFile)) {
    return { file: name, ok: true, line: `ok    ${head} (no golden file: parse only)`, ...NOTHING };
  }
  const golden = JSON.parse(decodeBody(readFileSync(goldenFile)).text) as Golden;
  const expected = golden.feed.items ?? [];
  const feedLink = typeof golden.feed.link === 'string' ? golden.feed.link.trim() : null;
  const diffs: string[] = [];
  if (expected.length !== feed.items.length) {
    diffs.push(`item count: expected ${expected.length}, got ${feed.items.length}`);
  }
  const n = Math.min(expected.length, feed.items.length);
  let datesAgree = 0;
  let datesOnlyOurs = 0;
  for (let i = 0; i < n; i++) {
    const want = expected[i] ?? {};
    const got = feed.items[i];
    const wantTitle = htmlFragmentText(typeof want.title === 'string' ? want.title : null);
    if (!sameText(wantTitle, got?.title ?? null)) {
      diffs.push(`item ${i} title: expected ${JSON.stringify(wantTitle)}, got ${JSON.stringify(got?.title)}`);
    }
    const wantLink = resolve(typeof want.link === 'string' ? want.link.trim() || null : null, feedLink);
    if (!sameText(wantLink, got?.link ?? null)) {
      diffs.push(`item ${i} link: expected ${JSON.stringify(wantLink)}, got ${JSON.stringify(got?.link)}`);
    }
    const wantDate = typeof want.isoDate === 'string' ? Date.parse(want.isoDate) : Number.NaN;
    const gotDate = got?.publishedAt ? Date.parse(got.publishedAt) : Number.NaN;
    if (!Number.isNaN(wantDate)) {
      if (wantDate === gotDate) datesAgree++;
      else diffs.push(`item ${i} date: expected ${String(want.isoDate)}, got ${JSON.stringify(got?.publishedAt)}`);
    } else if (!Number.isNaN(gotDate)) datesOnlyOurs++;
  }
  return {
    file: name,
    ok: diffs.length === 0,
    line:
      `${diffs.length === 0 ? 'ok  ' : 'FAIL'}  ${head}, ${n} titles and links, ${datesAgree} dates compared` +
      (datesOnlyOurs ? `, ${datesOnlyOurs} dates rss-parser cannot read` : '') +
      (diffs.length ? `, ${diffs.length} differences` : ''),
    items: n,
    diffs,
    datesAgree,
    datesOnlyOurs,
  };
}

/** Equal, where each U+FFFD of the golden value stands for one non-ASCII character or collapsed NBSP (see the header). */
function sameText(want: string | null, got: string | null): boolean {
  if (want === got) return true;
  if (want === null || got === null || !want.includes('\ufffd')) return false;
  const pattern = want
    .split('\ufffd')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(?:[^\\x00-\\x7f]| )');
  return new RegExp(`^${pattern}$`, 'u').test(got);
}

function resolve(link: string | null, base: string | null): string | null {
  if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link) || !base) return link;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('-v') || process.argv.includes('--verbose');
  if (!existsSync(CORPUS)) {
    console.log(`conformance:feeds: no peer corpus at ${CORPUS} (../shared is absent): skipped`);
    return;
  }
  const files = readdirSync(CORPUS)
    .filter((f) => /\.(rss|atom)$/.test(f))
    .sort();
  const results: FileResult[] = [];
  for (const f of files) {
    const r = await checkFile(path.join(CORPUS, f));
    results.push(r);
    console.log(r.line);
    if (!r.ok || verbose) for (const d of r.diffs.slice(0, verbose ? undefined : 5)) console.log(`        ${d}`);
  }
  const failed = results.filter((r) => !r.ok);
  const sum = (k: 'items' | 'datesAgree' | 'datesOnlyOurs') => results.reduce((s, r) => s + r[k], 0);
  console.log(
    `\nconformance:feeds: ${results.length - failed.length}/${results.length} files conform ` +
      `(${sum('items')} item titles and links and ${sum('datesAgree')} dates compared against rss-parser's expected output, ` +
      `${sum('datesOnlyOurs')} more dates read that rss-parser cannot; ${Object.keys(MUST_FAIL).length} required named error)` +
      (failed.length ? `; FAILED: ${failed.map((r) => r.file).join(', ')}` : ''),
  );
  if (failed.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`conformance:feeds: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});

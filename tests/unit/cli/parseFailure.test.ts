/**
 * What `newswire parse` counts as not parsed (bin/commands/parse.ts whyNotParsed): a degraded
 * record (the parser failed, only the text was kept) or one with neither title nor body. Records
 * built by the real parser and record builder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { whyNotParsed } from '../../../bin/commands/parse';
import { buildRecord } from '../../../lambdas/core/buildRecord';
import { fallbackTextOnly, parseReleaseStrict } from '../../../lambdas/core/parser';
import type { ParsedRelease } from '../../../lambdas/core/parser';
import { ROOT } from '../../helpers/cli';

const SEED = readFileSync(path.join(ROOT, 'tests/fixtures/releases/seed/liaoning-prnewswire-2024-03-07.txt'), 'utf8');
const record = (parsed: ParsedRelease) =>
  buildRecord(parsed, { feed: null, item: null, url: null, raw: null, fetchedAt: null });

test('a release with a title or a body is parsed', () => {
  const seed = record(parseReleaseStrict({ content: SEED }));
  expect(seed.body.paragraphs.length).toBeGreaterThan(0);
  expect(whyNotParsed(seed)).toBeNull();
  const titleOnly = record(
    parseReleaseStrict({ content: '<html><head><title>Acme Opens a Plant</title></head></html>' }),
  );
  expect(titleOnly.title).toBe('Acme Opens a Plant');
  expect(whyNotParsed(titleOnly)).toBeNull();
});

test('the degraded text-only record the pipeline keeps when the parser fails is not parsed', () => {
  const degraded = record(fallbackTextOnly({ content: SEED }));
  expect(degraded.warnings).toContain('fallback-text-only');
  expect(degraded.body.paragraphs.length).toBeGreaterThan(0);
  expect(whyNotParsed(degraded)).toBe(
    'the parser failed on it; only its plain text could be kept (fallback-text-only)',
  );
});

test('neither title nor body: not parsed', () => {
  const empty = record(parseReleaseStrict({ content: '<!doctype html><html><body><nav>Home</nav></body></html>' }));
  expect(empty.title).toBeNull();
  expect(empty.body.paragraphs).toEqual([]);
  expect(whyNotParsed(empty)).toBe('no title and no body found in it');
});

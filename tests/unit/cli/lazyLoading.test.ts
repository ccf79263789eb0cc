/**
 * The built CLI loads at start only what every command needs (commander, the command definitions,
 * option parsers): the parser, the stores, the embedded DynamoDB and the AWS SDK sit in chunks that
 * a command's action imports when it runs. Checked on the build itself (scripts/build-cli.cjs's
 * options, esbuild's metafile), not by timing anything.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { ROOT } from '../../helpers/cli';

jest.setTimeout(120_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildOptions } = require('../../../scripts/build-cli.cjs') as {
  buildOptions: (outdir: string) => Parameters<typeof build>[0];
};

const OUT = path.join(ROOT, 'dist', 'lazy-loading-test');
let meta: Metafile;

beforeAll(async () => {
  // write: false — nothing lands on disk; the metafile says which sources went into which chunk.
  const result = await build({ ...buildOptions(OUT), write: false });
  meta = result.metafile!;
});

const rel = (out: string) => path.relative(ROOT, path.resolve(ROOT, out));
const entryName = () => Object.keys(meta.outputs).find((o) => o.endsWith('/newswire.mjs'))!;

/**
 * What loads with an output: it and every chunk it imports statically, transitively, and the
 * packages those import or require (a require is counted as loaded, wherever it is).
 */
function loadedWith(output: string): { chunks: Set<string>; sources: Set<string>; packages: Set<string> } {
  const chunks = new Set<string>();
  const packages = new Set<string>();
  const visit = (o: string) => {
    if (chunks.has(o)) return;
    chunks.add(o);
    for (const imp of meta.outputs[o]!.imports) {
      if (imp.kind === 'dynamic-import') continue;
      if (imp.external) packages.add(imp.path);
      else visit(imp.path);
    }
  };
  visit(output);
  const sources = new Set([...chunks].flatMap((c) => Object.keys(meta.outputs[c]!.inputs)));
  return { chunks, sources, packages };
}

/** The chunks that hold a source file. */
const chunksOf = (source: string) =>
  Object.entries(meta.outputs)
    .filter(([, o]) => source in o.inputs)
    .map(([name]) => name);

const HEAVY_SOURCES = [
  /^lambdas\/core\/parser\//,
  /^lambdas\/core\/feed\/(decode|parseFeed)\.ts$/,
  /^lambdas\/local\/(runtime|deployedStores|dynamoServer|ingest|sampleServer)\.ts$/,
  /^lambdas\/adapters\/(dynamodb\/(clients|articleStore|feedStore)|http\/httpClient)\.ts$/,
  /node_modules\/(zod|undici|htmlparser2|css-select|domutils|entities|rss-parser|cli-progress)\//,
];
const HEAVY_PACKAGES = /^(dynalite|iconv-lite|@aws-sdk\/|@smithy\/|@aws-lambda-powertools\/)/;

test('starting the CLI (help, usage errors) loads commander and the commands, not the parser, stores or AWS SDK', () => {
  const start = loadedWith(entryName());
  expect([...start.sources].some((s) => s.includes('node_modules/commander/'))).toBe(true);
  expect(start.sources).toContain('bin/commands/parse.ts');
  const heavy = [...start.sources].filter((s) => HEAVY_SOURCES.some((re) => re.test(s)));
  expect(heavy).toEqual([]);
  expect([...start.packages].filter((p) => HEAVY_PACKAGES.test(p))).toEqual([]);
  // Everything else it imports is a Node built-in.
  expect([...start.packages].filter((p) => !p.startsWith('node:') && !HEAVY_PACKAGES.test(p))).toEqual([]);
});

test('the parser and the stores are in the build, in chunks the entry imports only dynamically', () => {
  const entry = entryName();
  const dynamic = new Set(
    meta.outputs[entry]!.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => i.path),
  );
  for (const source of [
    'lambdas/core/parser/index.ts',
    'lambdas/local/runtime.ts',
    'lambdas/local/deployedStores.ts',
  ]) {
    const holders = chunksOf(source);
    expect(holders.length).toBeGreaterThan(0);
    // Reached through a dynamic import of the entry (the chunk itself or one that imports it).
    const reached = [...dynamic].some((d) => [...loadedWith(d).chunks].some((c) => holders.includes(c)));
    expect({ source, reached }).toEqual({ source, reached: true });
  }
  // The AWS SDK stays a package import of those lazy chunks (not bundled, not at start).
  const lazyPackages = new Set([...dynamic].flatMap((d) => [...loadedWith(d).packages]));
  expect([...lazyPackages].some((p) => p.startsWith('@aws-sdk/'))).toBe(true);
  expect(lazyPackages).toContain('dynalite');
  expect(rel(entry)).toBe('dist/lazy-loading-test/newswire.mjs');
});

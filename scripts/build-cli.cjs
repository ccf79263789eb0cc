#!/usr/bin/env node
// Builds the `newswire` CLI (bin/newswire.ts) into JavaScript with esbuild, so it starts without
// compiling TypeScript: `npm run build:cli`, run by `prepare` on `npm ci` / `npm install`, and by
// the tests' global setup when a source changed since the last build (`--if-stale`).
//
// Code splitting: the entry chunk holds commander, the command definitions and the option parsers
// (what --help needs); each `await import()` in a command's action becomes a chunk loaded only when
// that command runs (the parser for `parse`, the embedded DynamoDB and the AWS SDK for the store
// commands). Our code and the small libraries it uses are bundled; packages that read their own
// files or are large and only loaded lazily stay in node_modules (EXTERNAL). esbuild splits only ES
// modules; each file it writes is then turned into CommonJS, one for one (an `import()` of a chunk
// becomes a `require()` in a promise): Node 20 loads CommonJS synchronously, without starting its
// ES module loader (its async resolve/load steps and a dozen internal modules), which took 10–20 ms
// of `newswire --help` and more of `parse` (npm run bench:startup).
//
// Each build goes to a fresh folder, dist/cli/<build>/, and dist/cli/current.json is replaced
// atomically once it is complete: a CLI process that is starting never sees half a build. Builds
// older than PRUNE_AFTER_MS that are not current are removed.
const { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { builtCli, ROOT, DIST, CURRENT } = require('../bin/builtCli.cjs');

/**
 * Not bundled: dynalite finds its LevelDB packages and data files beside its own code (and the
 * local queues' classic-level its native binary beside its own); iconv-lite
 * requires its code-page tables (~500 KB) only for the charset asked, which a bundle would inline
 * and compile at every `parse`; the AWS SDK and Powertools are large and only ever loaded lazily.
 */
const EXTERNAL = ['dynalite', 'classic-level', 'iconv-lite', '@aws-sdk/*', '@smithy/*', '@aws-lambda-powertools/*'];

/**
 * commander requires node:child_process when it loads (~6 ms of every start: the module and the
 * stream code it pulls in), for one thing the CLI never does — run a subcommand as a separate
 * executable. Its import is given a stand-in that requires the real module at the first spawn.
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents:
        '// node:child_process, required at the first spawn (scripts/build-cli.cjs)\n' +
        "exports.spawn = (...args) => require('node:child_process').spawn(...args);\n",
      loader: 'js',
    }));
  },
};

/**
 * esbuild rewrites every regular expression literal with a Unicode property escape (`/\p{Lu}/u`)
 * as `new RegExp("\\p{Lu}", "u")` for any Node target (it cannot vouch for the Unicode version of
 * the target's tables). Node 20 reads them natively; the parser's rules use such literals inside
 * functions, where a `new RegExp` is a compilation-cache lookup and a new object at every call
 * instead of a literal's clone. Same expressions, same behaviour (the gain is within the noise of
 * paired runs on this shared machine: docs/performance.md).
 */
const SUPPORTED = { 'regexp-unicode-property-escapes': true };

/** A build that is no longer current is kept this long, for a CLI process or a test run still using it. */
const PRUNE_AFTER_MS = 2 * 60 * 60 * 1000;

/**
 * esbuild's options for the ES module build into `outdir`, before it is turned into CommonJS
 * (tests/unit/cli/lazyLoading.test.ts builds with them too, and reads which chunk holds what).
 */
function buildOptions(outdir) {
  return {
    absWorkingDir: ROOT,
    entryPoints: { newswire: 'bin/newswire.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    external: EXTERNAL,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    supported: SUPPORTED,
    plugins: [lazyChildProcessForCommander],
  };
}

/**
 * Builds the CLI into a new dist/cli/<build>/ and makes it current; returns the build's folder
 * name and how long it took, or null when esbuild is not installed (the CLI then runs the sources).
 */
async function buildCli({ quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    console.error('build-cli: esbuild is not installed; the CLI will run its TypeScript sources (tsx)');
    return null;
  }
  const startedAt = Date.now();
  const build = `b-${startedAt.toString(36)}-${process.pid.toString(36)}`;
  mkdirSync(DIST, { recursive: true });
  const outdir = path.join(DIST, build);
  const result = await esbuild.build({ ...buildOptions(outdir), write: false });
  await writeCommonJs(esbuild, result.outputFiles, outdir);
  const inputs = Object.keys(result.metafile.inputs)
    // not packages, nor the plugin's virtual modules (`lazy-child-process:…`): no file to stat
    .filter((f) => !f.split('/').includes('node_modules') && !/^[a-z-]+:/.test(f))
    .sort();
  const current = path.join(DIST, CURRENT);
  const tmp = `${current}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ entry: `${build}/newswire.cjs`, startedAt, inputs }, null, 1) + '\n');
  renameSync(tmp, current);
  prune(build);
  const ms = Date.now() - startedAt;
  if (!quiet) {
    const files = Object.keys(result.metafile.outputs).length;
    console.log(`built the CLI: dist/cli/${build} (${files} files from ${inputs.length} sources) in ${ms} ms`);
  }
  return { build, ms };
}

/** A chunk's name in an import of another (`./chunk-XXXXXXXX.mjs`), to be named `.cjs`. */
const CHUNK_REFERENCE = /(["'])\.\/(chunk-[A-Z0-9]+)\.mjs\1/g;

/**
 * Writes each ES module esbuild produced as a CommonJS file of the same name ending `.cjs`: static
 * imports become `require()`s, an `import()` of a chunk `Promise.resolve().then(() => require())`
 * (still loaded only when the command runs), and the bundled code's `require`, `__filename` and
 * `__dirname` are CommonJS's own, for the file's own location.
 */
async function writeCommonJs(esbuild, outputFiles, outdir) {
  mkdirSync(outdir, { recursive: true });
  for (const file of outputFiles) {
    const name = path.basename(file.path);
    if (!name.endsWith('.mjs')) throw new Error(`build-cli: unexpected output ${name}`);
    const esm = file.text.replace(CHUNK_REFERENCE, '$1./$2.cjs$1');
    const cjs = await esbuild.transform(esm, {
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      supported: { ...SUPPORTED, 'dynamic-import': false },
      sourcefile: name,
      logLevel: 'warning',
    });
    writeFileSync(path.join(outdir, name.replace(/\.mjs$/, '.cjs')), cjs.code);
  }
}

function prune(keep) {
  for (const name of readdirSync(DIST)) {
    if (name === keep || !name.startsWith('b-')) continue;
    const dir = path.join(DIST, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > PRUNE_AFTER_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // removed by another build meanwhile
    }
  }
}

/** Builds when the current build is missing or older than a source; returns why it built, or null. */
async function buildCliIfStale(opts) {
  const state = builtCli();
  if (state.entry) return null;
  await buildCli(opts);
  return state.why;
}

module.exports = { buildCli, buildCliIfStale, buildOptions, EXTERNAL };

if (require.main === module) {
  const run = process.argv.includes('--if-stale') ? buildCliIfStale : buildCli;
  run().catch((err) => {
    console.error(`build-cli: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}

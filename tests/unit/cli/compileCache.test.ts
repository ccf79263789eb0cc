/**
 * bin/compileCache.cjs: the built CLI's files compiled with V8's code cache. Each case runs a
 * fresh Node process (a code cache is only ever read at a module's first load) over a small
 * "build" of two CommonJS files, and reads back what each file got: no cache, a cache V8 took, or
 * one it rejected; the modules must behave the same in every case.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../helpers/tempDir';

const COMPILE_CACHE = path.resolve(__dirname, '../../../bin/compileCache.cjs');

let tmp: ReturnType<typeof makeTempDir>;
let build: string;

beforeEach(() => {
  tmp = makeTempDir('compile-cache');
  build = path.join(tmp.dir, 'b-1');
  mkdirSync(build);
  // The entry requires a chunk beside it, a built-in and resolves a path, as the CLI's files do.
  writeFileSync(
    path.join(build, 'newswire.cjs'),
    "const { twice } = require('./chunk-A.cjs');\n" +
      "const path = require('node:path');\n" +
      'module.exports = { answer: twice(21), dir: path.basename(__dirname), file: path.basename(__filename),\n' +
      "  resolved: path.basename(require.resolve('./chunk-A.cjs')), lazy: () => twice(2) };\n",
  );
  writeFileSync(path.join(build, 'chunk-A.cjs'), 'exports.twice = (n) => n * 2;\n');
});
afterEach(() => tmp.remove());

interface Run {
  report: Record<string, string>;
  exports: { answer: number; dir: string; file: string; resolved: string; lazy: number };
}

/** One process: the code cache on for `build`, its entry required; what it reported and exported. */
function run(env: Record<string, string> = {}): Run {
  const script =
    `const { useCodeCache } = require(${JSON.stringify(COMPILE_CACHE)});\n` +
    `const report = useCodeCache(${JSON.stringify(build)});\n` +
    `const m = require(${JSON.stringify(path.join(build, 'newswire.cjs'))});\n` +
    'console.log(JSON.stringify({ report, exports: { ...m, lazy: m.lazy() } }));\n';
  const r = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Run;
}

const cacheFolder = () => {
  const versions = readdirSync(path.join(build, 'v8-cache'));
  expect(versions).toEqual([`${process.version}-${process.arch}`]); // no Node flags in these runs
  return path.join(build, 'v8-cache', versions[0]!);
};

const EXPORTS = { answer: 42, dir: 'b-1', file: 'newswire.cjs', resolved: 'chunk-A.cjs', lazy: 4 };

describe('the V8 code cache of the built CLI', () => {
  it('is written by the first run, used by the next, and the modules behave the same', () => {
    const first = run();
    expect(first.report).toEqual({ 'newswire.cjs': 'miss', 'chunk-A.cjs': 'miss' });
    expect(first.exports).toEqual(EXPORTS);
    expect(readdirSync(cacheFolder()).sort()).toEqual(['chunk-A.cjs.bin', 'newswire.cjs.bin']);

    const second = run();
    expect(second.report).toEqual({ 'newswire.cjs': 'hit', 'chunk-A.cjs': 'hit' });
    expect(second.exports).toEqual(EXPORTS);
  });

  it('is rejected when it does not fit the file, which is then compiled as usual and cached again', () => {
    run();
    writeFileSync(path.join(cacheFolder(), 'newswire.cjs.bin'), 'not a code cache');
    const stale = run();
    expect(stale.report).toEqual({ 'newswire.cjs': 'rejected', 'chunk-A.cjs': 'hit' });
    expect(stale.exports).toEqual(EXPORTS);
    expect(run().report).toEqual({ 'newswire.cjs': 'hit', 'chunk-A.cjs': 'hit' });
  });

  it('is not needed: an unwritable build folder runs the same, uncached', () => {
    if (process.getuid?.() === 0) {
      // root writes anyway: a file where the cache folder would go makes it unwritable instead
      writeFileSync(path.join(build, 'v8-cache'), '');
    } else {
      chmodSync(build, 0o555);
    }
    try {
      for (let i = 0; i < 2; i++) {
        const r = run();
        expect(r.report).toEqual({ 'newswire.cjs': 'miss', 'chunk-A.cjs': 'miss' });
        expect(r.exports).toEqual(EXPORTS);
      }
    } finally {
      chmodSync(build, 0o755);
    }
  });

  it('is kept apart for runs with other Node flags, which V8 would reject it for', () => {
    const flags = { NODE_OPTIONS: '--max-semi-space-size=8' };
    run();
    expect(run(flags).report).toEqual({ 'newswire.cjs': 'miss', 'chunk-A.cjs': 'miss' });
    expect(run(flags).report).toEqual({ 'newswire.cjs': 'hit', 'chunk-A.cjs': 'hit' });
    expect(run().report).toEqual({ 'newswire.cjs': 'hit', 'chunk-A.cjs': 'hit' });
    expect(readdirSync(path.join(build, 'v8-cache'))).toHaveLength(2);
  });

  it('is not used with NEWSWIRE_CODE_CACHE=0', () => {
    const r = run({ NEWSWIRE_CODE_CACHE: '0' });
    expect(r.report).toEqual({});
    expect(r.exports).toEqual(EXPORTS);
    expect(readdirSync(build).sort()).toEqual(['chunk-A.cjs', 'newswire.cjs']);
  });

  it('leaves files outside the build folder to Node', () => {
    const outside = path.join(tmp.dir, 'other.cjs');
    writeFileSync(outside, 'module.exports = 7;\n');
    writeFileSync(
      path.join(build, 'chunk-A.cjs'),
      `exports.twice = (n) => n * 2 + require(${JSON.stringify(outside)}) * 0;\n`,
    );
    expect(run().report).toEqual({ 'newswire.cjs': 'miss', 'chunk-A.cjs': 'miss' });
  });
});

// A V8 code cache for the built CLI's files (Node 20 has no module.enableCompileCache, which came
// in Node 22.1). Each CommonJS file of the build (dist/cli/<build>/*.cjs) is compiled with the
// bytes V8 produced the last time, so a start neither parses nor compiles those functions again.
//
// - Where: dist/cli/<build>/v8-cache/<node version>-<arch>[-<hash of the Node flags>]/<file>.bin.
//   A build's folder is new for every build (its files never change), and a cache is only ever
//   read by the Node version (and flags) that wrote it; V8 checks the bytes against the source and
//   its own version and flags, and rejects them (cachedDataRejected) when they do not match: the
//   file is then compiled as usual and the cache written again.
// - When: at process exit, for each file that had no cache or a rejected one, from the compiled
//   script as it is then (createCachedData), so the functions the run compiled lazily (the
//   parser's, for `parse`) are in it too. Written to a temporary name and renamed, so a process
//   reading it never sees half a file; when the folder cannot be written (a read-only install),
//   nothing is cached and nothing else changes.
// - Switched off by NEWSWIRE_CODE_CACHE=0.
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const OFF = 'NEWSWIRE_CODE_CACHE';

/**
 * The folder of `buildDir`'s cache for this Node and these V8 flags (a cache made under other flags,
 * e.g. NODE_OPTIONS=--max-semi-space-size=…, is rejected by V8: one folder per set, so runs with
 * and without them do not overwrite each other's cache at every start).
 */
function cacheDir(buildDir, flags = nodeFlags()) {
  const base = `${process.version}-${process.arch}`;
  return path.join(buildDir, 'v8-cache', flags ? `${base}-${fnv1a(flags)}` : base);
}

/** The Node and V8 flags of this process (`--…` options; not what it runs: -e, -r, --require, …). */
function nodeFlags() {
  const runs = /^--(?:eval|print|require|import|loader|experimental-loader|input-type)\b/;
  const flags = process.execArgv.filter((a) => a.startsWith('--') && !runs.test(a));
  return [...flags, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
}

/** A short hash of a string (FNV-1a, 32 bits): no node:crypto to load at start. */
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * From now on, CommonJS files directly in `buildDir` are compiled through the code cache. Returns
 * a report of what happened to each file so far ({ file: 'hit' | 'miss' | 'rejected' }).
 */
function useCodeCache(buildDir, env = process.env) {
  const report = {};
  if (env[OFF] === '0') return report;
  const dir = cacheDir(buildDir);
  const toWrite = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (path.dirname(filename) !== buildDir || !filename.endsWith('.cjs')) {
      return compile.call(this, content, filename);
    }
    const name = path.basename(filename);
    const cacheFile = path.join(dir, `${name}.bin`);
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache yet
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    report[name] = !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
    if (report[name] !== 'hit') toWrite.push({ script, cacheFile });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, makeRequire(this), this, filename, buildDir);
  };
  process.once('exit', () => {
    if (!toWrite.length) return;
    try {
      mkdirSync(dir, { recursive: true });
      for (const { script, cacheFile } of toWrite) {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      }
    } catch {
      // not writable (a read-only install): run without a cache
    }
  });
  return report;
}

/** The `require` a CommonJS module gets (what Node's own loader gives it). */
function makeRequire(mod) {
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

module.exports = { useCodeCache, cacheDir, OFF };

#!/usr/bin/env node
// The `newswire` command. Runs the CLI built from bin/newswire.ts (dist/cli: compiled JavaScript,
// made by `npm run build:cli`, which `npm ci` and `npm install` run as `prepare`), whose commands
// load what they need only when they run. When there is no current build (installed with
// --ignore-scripts, or a source edited since), it says so in one line on stderr and runs the
// TypeScript sources through tsx instead: slower to start, same behaviour.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Regular expressions compiled once, to machine code, on their first use. V8's default first
// compiles each to bytecode for its interpreter and again to machine code on the next use; the
// parser runs hundreds of expressions over each page, nearly all of them more than once, so the
// first compilation is wasted (a `parse` process with one wire page: ~20 % less CPU; 200 pages:
// ~7 %). Matching is the same either way. Set before any expression is compiled.
// And functions optimized later: V8 counts a function's work against an interrupt budget and
// queues it for TurboFan after a few budgets' worth; twice the default (67,584) leaves functions
// that are only lukewarm in a run in Sparkplug's baseline code. TurboFan compiles on V8's worker
// threads, whose CPU a process pays on top of its main thread's: `parse` with 200 wire pages ~7 %
// less CPU, with one ~5 %, its main thread the same (paired whole processes; docs/performance.md).
const v8 = require('node:v8');
v8.setFlagsFromString('--no-regexp-tier-up');
v8.setFlagsFromString('--interrupt-budget=135168');
const { pathToFileURL } = require('node:url');
const { builtCli } = require('./builtCli.cjs');

const built = builtCli();
const cannotLoad = (err) => {
  process.stderr.write(`newswire: could not load the built CLI: ${err instanceof Error ? err.message : err}\n`);
  process.exitCode = 1;
};
if (built.entry?.endsWith('.mjs')) {
  // A build from before the CLI was built as CommonJS (pinned by NEWSWIRE_CLI_BUILD).
  import(pathToFileURL(built.entry).href).catch(cannotLoad);
} else if (built.entry) {
  try {
    // Compiled with V8's code cache of the build (bin/compileCache.cjs): less to parse and compile.
    require('./compileCache.cjs').useCodeCache(require('node:path').dirname(built.entry));
    require(built.entry);
  } catch (err) {
    cannotLoad(err);
  }
} else {
  process.stderr.write(`newswire: ${built.why}; running the TypeScript sources (slower; npm run build:cli)\n`);
  // Both tsx hooks: the commands' `await import()` goes through the ES module loader.
  import('tsx/esm/api').then(({ register }) => {
    register();
    require('tsx/cjs');
    require('./newswire.ts');
  });
}

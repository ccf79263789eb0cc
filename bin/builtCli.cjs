// Where the built CLI is (dist/cli, made by scripts/build-cli.cjs) and whether it is current.
//
// A build lives in its own folder dist/cli/<build>/ (a CommonJS entry, newswire.cjs, and the
// chunks it requires when a command runs); dist/cli/current.json names the current one and lists
// the project files it was built from. The build is used only when none of those files changed
// after the build began, so the CLI never runs code older than its sources: otherwise `why` says
// which file is newer (bin/newswire.cjs then runs the sources through tsx, and the tests' global
// setup rebuilds). Checking costs one small JSON read and one stat per source file (1–2 ms).
//
// NEWSWIRE_CLI_BUILD pins the choice: the path of a build's newswire.cjs runs that build (the
// tests' global setup builds once and sets it, so a whole test run exercises one build even if a
// source is edited while it runs); `sources` runs the TypeScript sources.
const { existsSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'cli');
const CURRENT = 'current.json';
const PIN = 'NEWSWIRE_CLI_BUILD';

/**
 * The built CLI's entry file when it is current ({ entry }), else why it is not used ({ why }).
 * @param {{ root?: string, dist?: string, env?: Record<string, string | undefined> }} [where]
 * @returns {{ entry: string, why?: undefined } | { entry?: undefined, why: string }}
 */
function builtCli({ root = ROOT, dist = DIST, env = process.env } = {}) {
  const pinned = env[PIN];
  if (pinned === 'sources') return { why: `${PIN}=sources` };
  if (pinned && existsSync(pinned)) return { entry: pinned };
  let current;
  try {
    current = JSON.parse(readFileSync(path.join(dist, CURRENT), 'utf8'));
  } catch {
    return { why: `the CLI is not built (no ${path.relative(root, path.join(dist, CURRENT))})` };
  }
  const entry = path.join(dist, current.entry);
  if (!existsSync(entry)) return { why: `the built CLI is incomplete (no ${path.relative(root, entry)})` };
  for (const rel of current.inputs) {
    let mtimeMs;
    try {
      mtimeMs = statSync(path.join(root, rel)).mtimeMs;
    } catch {
      return { why: `the built CLI is out of date (${rel} is gone)` };
    }
    if (mtimeMs >= current.startedAt) return { why: `the built CLI is older than ${rel}` };
  }
  return { entry };
}

module.exports = { builtCli, ROOT, DIST, CURRENT, PIN };

/**
 * bin/builtCli.cjs decides whether bin/newswire.cjs runs the build or the TypeScript sources: the
 * build only when it is complete and no source it was built from changed after the build began.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../helpers/tempDir';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { builtCli } = require('../../../bin/builtCli.cjs') as {
  builtCli: (where: { root: string; dist: string; env: Record<string, string | undefined> }) => {
    entry?: string;
    why?: string;
  };
};

let tmp: ReturnType<typeof makeTempDir>;
let root: string;
let dist: string;
const STARTED = Date.UTC(2026, 0, 1, 12);

/** A project with two sources last written `ageMs` before the build began, and that build. */
function project(ageMs = 60_000): void {
  tmp = makeTempDir('built-cli');
  root = tmp.dir;
  dist = path.join(root, 'dist', 'cli');
  mkdirSync(path.join(root, 'bin'), { recursive: true });
  mkdirSync(path.join(dist, 'b-1'), { recursive: true });
  for (const f of ['bin/newswire.ts', 'bin/shared.ts']) {
    writeFileSync(path.join(root, f), '');
    utimesSync(path.join(root, f), new Date(STARTED - ageMs), new Date(STARTED - ageMs));
  }
  writeFileSync(path.join(dist, 'b-1', 'newswire.mjs'), '');
  writeFileSync(
    path.join(dist, 'current.json'),
    JSON.stringify({ entry: 'b-1/newswire.mjs', startedAt: STARTED, inputs: ['bin/newswire.ts', 'bin/shared.ts'] }),
  );
}
const check = (env: Record<string, string | undefined> = {}) => builtCli({ root, dist, env });

afterEach(() => tmp?.remove());

test('a complete build newer than every source is used', () => {
  project();
  expect(check()).toEqual({ entry: path.join(dist, 'b-1', 'newswire.mjs') });
});

test('a source written after the build began makes the sources run, naming the file', () => {
  project();
  utimesSync(path.join(root, 'bin/shared.ts'), new Date(STARTED + 1), new Date(STARTED + 1));
  expect(check()).toEqual({ why: 'the built CLI is older than bin/shared.ts' });
});

test('no build, half a build, or a source that is gone: the sources run, and why is said', () => {
  project();
  writeFileSync(path.join(dist, 'current.json'), '{"entry": "b-2/newswire.mjs", "startedAt": 1, "inputs": []}');
  expect(check()).toEqual({ why: 'the built CLI is incomplete (no dist/cli/b-2/newswire.mjs)' });
  tmp.remove();

  project();
  writeFileSync(
    path.join(dist, 'current.json'),
    JSON.stringify({ entry: 'b-1/newswire.mjs', startedAt: STARTED, inputs: ['bin/gone.ts'] }),
  );
  expect(check()).toEqual({ why: 'the built CLI is out of date (bin/gone.ts is gone)' });
  tmp.remove();

  project();
  dist = path.join(root, 'dist', 'nothing-here');
  expect(check()).toEqual({ why: 'the CLI is not built (no dist/nothing-here/current.json)' });
});

test('NEWSWIRE_CLI_BUILD pins a build (even a stale one) or the sources', () => {
  project();
  utimesSync(path.join(root, 'bin/shared.ts'), new Date(STARTED + 1), new Date(STARTED + 1));
  const pinned = path.join(dist, 'b-1', 'newswire.mjs');
  expect(check({ NEWSWIRE_CLI_BUILD: pinned })).toEqual({ entry: pinned });
  expect(check({ NEWSWIRE_CLI_BUILD: 'sources' })).toEqual({ why: 'NEWSWIRE_CLI_BUILD=sources' });
  // A pinned build that does not exist is ignored: the usual check decides.
  expect(check({ NEWSWIRE_CLI_BUILD: path.join(dist, 'b-9', 'newswire.mjs') })).toEqual({
    why: 'the built CLI is older than bin/shared.ts',
  });
});

/**
 * The built CLI (dist/cli, what bin/newswire.cjs runs) and the TypeScript sources (what it runs
 * when there is no current build) behave the same: same help, version and exit codes. The sources
 * say once, on stderr, that they are being run instead.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NEWSWIRE_BIN, newswire, ROOT } from '../helpers/cli';

jest.setTimeout(120_000);

const SOURCES = { NEWSWIRE_CLI_BUILD: 'sources' };
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test('the tests run the build (the global setup built it and pinned it)', () => {
  expect(process.env.NEWSWIRE_CLI_BUILD).toMatch(/dist\/cli\/b-[^/]+\/newswire\.cjs$/);
});

test.each([['--help'], ['parse', '--help'], ['feeds', 'add', '--help'], ['--version']])(
  '`newswire %s` prints the same from the build and from the sources',
  async (...args) => {
    const [built, sources] = await Promise.all([newswire(args), newswire(args, SOURCES)]);
    expect(built.code).toBe(0);
    expect(built.stderr).toBe('');
    expect(sources.code).toBe(0);
    expect(sources.stdout).toBe(built.stdout);
    expect(sources.stderr).toBe(
      'newswire: NEWSWIRE_CLI_BUILD=sources; running the TypeScript sources (slower; npm run build:cli)\n',
    );
  },
);

test('the version is package.json’s', async () => {
  expect((await newswire(['--version'])).stdout).toBe(`${VERSION}\n`);
});

test('a usage error is the same one line and exit code 2 from both', async () => {
  const args = ['query', '--limit', 'lots'];
  const [built, sources] = await Promise.all([newswire(args), newswire(args, SOURCES)]);
  expect(built.code).toBe(2);
  expect(sources.code).toBe(2);
  expect(built.stderr).toMatch(/^newswire query: .*--limit must be a whole number/);
  expect(sources.stderr.split('\n').slice(1).join('\n')).toBe(built.stderr);
});

test('`newswire --help` from the build loads no Node module it has no use for (child_process, zlib, readline)', () => {
  // Node lists the built-in modules it has loaded (process.moduleLoadList): printed at exit.
  const code =
    `process.argv = [process.execPath, ${JSON.stringify(NEWSWIRE_BIN)}, '--help'];` +
    "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));" +
    `require(${JSON.stringify(NEWSWIRE_BIN)});`;
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Usage: newswire /);
  const loaded = JSON.parse(r.stderr) as string[];
  expect(loaded).toContain('NativeModule fs'); // the list is what it says
  expect(loaded.filter((m) => /\b(child_process|zlib|readline)\b/.test(m))).toEqual([]);
});

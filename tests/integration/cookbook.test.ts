/**
 * The query cookbook (docs/cookbook.md) runs as written. Every fenced ```sh block of the page (it opens
 * with "# Query cookbook") is executed with bash (set -e), after the equivalent of `npm start`
 * (the bundled samples ingested into `.newswire/` of a temp working dir, sample server on its default
 * port 47615, so ids and feed ids are the ones the page prints):
 *
 * - blocks with only `newswire` commands run first, on that data dir;
 * - the block with `newswire local dynamodb --port 8000` is started as a server (on a free port that
 *   replaces 8000 everywhere), then the blocks using `aws` or `--stack` run against it, with dummy
 *   credentials and a region in the environment, and AWS_ENDPOINT_URL_CLOUDFORMATION /
 *   AWS_ENDPOINT_URL_DYNAMODB pointing `--stack` and `aws cloudformation` at a stand-in stack whose
 *   outputs name the local tables (nothing leaves 127.0.0.1).
 *
 * Every command must exit 0, and every command that prints (not an assignment, an export or a
 * redirect to a file) must print at least one record: a release id, a record's day, or the page.
 *
 * `aws` is the AWS CLI when one is installed — on PATH, else ~/.pyenv/shims/aws, /usr/bin/aws,
 * /usr/local/bin/aws or ~/.local/bin/aws (its directory goes first on the blocks' PATH). Then the aws
 * blocks run a second time with the stand-in tests/helpers/awsCliStandIn.ts as `aws`, which must print
 * exactly what the AWS CLI printed. With no AWS CLI (a fresh `npm ci && npm test`), the aws blocks
 * run once, with the stand-in. NEWSWIRE_COOKBOOK_AWS=stand-in skips the search (as on such a machine).
 * `npx newswire` is run as `node bin/newswire.cjs` (what npx resolves it to; checked once below) to
 * save npx's start-up per command.
 *
 * NEWSWIRE_COOKBOOK=path/to/draft.md reads the cookbook from another file (a draft before it is
 * merged into docs/cookbook.md).
 */
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { LOCAL_TABLES } from '../../lambdas/local/runtime';
import { writeAwsCliStandIn } from '../helpers/awsCliStandIn';
import { freePort, NEWSWIRE_BIN, newswire, ROOT, spawnNewswire, waitForExit, waitForOutput } from '../helpers/cli';
import { startFakeCloudFormation, type FakeCloudFormation } from '../helpers/fakeCloudFormation';
import { readSampleManifest } from '../helpers/sampleManifest';
import { makeTempDir } from '../helpers/tempDir';

jest.setTimeout(300_000);

const SOURCE = process.env.NEWSWIRE_COOKBOOK ?? path.join(ROOT, 'docs', 'cookbook.md');
const SAMPLE_PORT = 47615;
const EXAMPLE_DYNAMO_PORT = '8000';
/** What counts as "a record was printed". */
const RECORD_EVIDENCE = /u-[0-9a-f]{32}|<!DOCTYPE html|^\d{4}-\d{2}-\d{2}/im;

/** The ```sh blocks of the cookbook page: the whole file, which must open with "# Query cookbook". */
function cookbookBlocks(markdown: string): string[] {
  if (!/^# Query cookbook\s*$/m.test(markdown.split('\n', 1)[0]!)) {
    throw new Error(`${SOURCE} does not open with "# Query cookbook"`);
  }
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** Commands of a block: backslash continuations joined; blank and comment-only lines dropped. */
function commandsOf(block: string): string[] {
  return block
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const printsNothing = (cmd: string) =>
  /^export /.test(cmd) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd) || / > \S/.test(cmd);

/** The examples must not depend on the caller's AWS profile. */
function withoutProfile(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out.AWS_PROFILE;
  delete out.AWS_DEFAULT_PROFILE;
  return out;
}

const MARK = '@@cookbook-command-done@@';

/** Runs a block with bash; returns stdout split per command. */
function runBlock(
  block: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; outputs: string[]; stderr: string }> {
  const commands = commandsOf(block);
  const script = [
    'set -e',
    `npx() { if [ "$1" = newswire ]; then shift; node ${JSON.stringify(NEWSWIRE_BIN)} "$@"; else command npx "$@"; fi; }`,
    ...commands.flatMap((c) => [c, `printf '\\n${MARK}\\n'`]),
  ].join('\n');
  return new Promise((resolve) => {
    execFile(
      'bash',
      // --norc: bash reads ~/.bashrc when its stdin is a socket (node's pipes) and SHLVL < 2, and a
      // .bashrc may put its own PATH first (pyenv, cargo); the blocks run with the PATH given here.
      ['--norc', '-c', script],
      { cwd, env: withoutProfile({ ...process.env, ...env }), timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
      (err, stdout, stderr) =>
        resolve({
          code: err ? ((err as { code?: number }).code ?? 1) : 0,
          outputs: stdout.split(`\n${MARK}\n`).slice(0, commands.length),
          stderr,
        }),
    );
  });
}

async function expectBlockRuns(block: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const res = await runBlock(block, cwd, env);
  expectRan(block, res);
  return res.outputs;
}

function expectRan(block: string, res: Awaited<ReturnType<typeof runBlock>>): void {
  const commands = commandsOf(block);
  // With set -e, the output ends with the failing command's (each finished command printed a mark).
  const failed = res.code === 0 ? null : (commands[res.outputs.length - 1] ?? null);
  expect({ failed, code: res.code, stderr: res.code === 0 ? '' : res.stderr }).toEqual({
    failed: null,
    code: 0,
    stderr: '',
  });
  commands.forEach((cmd, i) => {
    if (printsNothing(cmd)) return;
    expect({ cmd, printedARecord: RECORD_EVIDENCE.test(res.outputs[i] ?? '') }).toEqual({ cmd, printedARecord: true });
  });
}

const markdown = readFileSync(SOURCE, 'utf8');
const blocks = cookbookBlocks(markdown);
const isServer = (b: string) => /newswire local dynamodb/.test(b);
const needsServer = (b: string) => /(^|\s)aws\s|--stack|--endpoint-url/.test(b);
const serverBlocks = blocks.filter(isServer);
const cliBlocks = blocks.filter((b) => !isServer(b) && !needsServer(b));
const awsBlocks = blocks.filter((b) => !isServer(b) && needsServer(b));

/**
 * Each command's output, to compare two runs: DynamoDB returns BatchGetItem's records in no
 * particular order (dynalite: as its reads finish), so a batch-get-item's lines are compared sorted.
 */
function comparable(block: string, outputs: string[]): string[] {
  const commands = commandsOf(block);
  return outputs.map((out, i) =>
    /\bbatch-get-item\b/.test(commands[i] ?? '') ? out.split('\n').sort().join('\n') : out,
  );
}

/** An installed AWS CLI that runs (`aws --version` exits 0), or null. */
function locateAwsCli(env: NodeJS.ProcessEnv): { file: string; version: string } | null {
  if (env.NEWSWIRE_COOKBOOK_AWS === 'stand-in') return null;
  const home = env.HOME ?? os.homedir();
  const candidates = [
    ...(env.PATH ?? '')
      .split(path.delimiter)
      .filter((dir) => dir !== '')
      .map((dir) => path.join(dir, 'aws')),
    path.join(home, '.pyenv/shims/aws'),
    '/usr/bin/aws',
    '/usr/local/bin/aws',
    path.join(home, '.local/bin/aws'),
  ];
  for (const file of new Set(candidates)) {
    try {
      accessSync(file, constants.X_OK);
    } catch {
      continue;
    }
    // A pyenv shim exists even when the active Python has no awscli: it must run.
    const res = spawnSync(file, ['--version'], { env: withoutProfile(env), encoding: 'utf8', timeout: 30_000 });
    if (res.status === 0) return { file, version: `${res.stdout}${res.stderr}`.trim() };
  }
  return null;
}

const awsCli = locateAwsCli(process.env);

let tmp: ReturnType<typeof makeTempDir>;
const AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
};

beforeAll(async () => {
  tmp = makeTempDir('newswire-cookbook');
  // `npm start` = `newswire ingest` with its defaults, in the temp working dir.
  const res = await newswire([
    'ingest',
    '--json',
    '--data-dir',
    path.join(tmp.dir, '.newswire'),
    '--sample-port',
    String(SAMPLE_PORT),
  ]);
  expect(res.stderr).toBe('');
  expect(JSON.parse(res.stdout)).toMatchObject({ written: readSampleManifest().releases.length, failed: 0 });
});
afterAll(() => tmp?.remove());

test('the cookbook has examples of every kind, and one local dynamodb server block', () => {
  expect(cliBlocks.length).toBeGreaterThan(0);
  expect(awsBlocks.length).toBeGreaterThan(0);
  expect(serverBlocks).toHaveLength(1);
  expect(commandsOf(serverBlocks[0]!)).toHaveLength(1);
  // Each access pattern has both a newswire and an aws example.
  const cli = cliBlocks.join('\n');
  for (const flag of [
    'get ',
    '--source',
    '--since',
    '--feed',
    '--ticker',
    '--place',
    '--cursor',
    '--format csv',
    '--raw',
  ]) {
    expect({ flag, inCli: cli.includes(flag) }).toEqual({ flag, inCli: true });
  }
  const aws = awsBlocks.join('\n');
  for (const ix of [
    'get-item',
    'bySource',
    'byDay',
    'byFeed',
    'byTicker',
    'byCountry',
    'byCity',
    'batch-get-item',
    '--stack',
  ]) {
    expect({ ix, inAws: aws.includes(ix) }).toEqual({ ix, inAws: true });
  }
});

test('every command of every block is a complete shell command on its own (one command per line)', async () => {
  for (const cmd of blocks.flatMap(commandsOf)) {
    const syntax = await new Promise<string>((resolve) =>
      execFile('bash', ['-n', '-c', cmd], (err, _out, stderr) => resolve(err ? stderr : 'ok')),
    );
    expect({ cmd, syntax }).toEqual({ cmd, syntax: 'ok' });
  }
});

test('`npx newswire` resolves to this project’s CLI', async () => {
  const res = await new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile('npx', ['--no-install', 'newswire', '--version'], { cwd: ROOT, timeout: 60_000 }, (err, stdout) =>
      resolve({ code: err ? 1 : 0, stdout }),
    ),
  );
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(res).toEqual({ code: 0, stdout: `${pkg.version}\n` });
});

describe('the newswire examples', () => {
  test.each(cliBlocks.map((b, i) => [i + 1, b] as const))('block %i runs as written', async (_i, block) => {
    await expectBlockRuns(block, tmp.dir);
  });
});

/**
 * The README's `sh` blocks made only of `npx newswire` commands (its most useful commands, on what
 * `npm start` stored) run as written too, in the same working dir, with the repository files they
 * name (tests/…) copied in. Each must exit 0; `query` and `get` must print a record, `parse` a
 * schema-v1 record, the others something.
 */
const README = path.join(ROOT, 'README.md');
const readmeCliBlocks = [...readFileSync(README, 'utf8').matchAll(/^```sh\n([\s\S]*?)^```$/gm)]
  .map((m) => m[1]!)
  .filter((b) => commandsOf(b).every((c) => c.startsWith('npx newswire ')));

describe("the README's newswire examples", () => {
  test('the README shows at least eight of them', () => {
    expect(readmeCliBlocks.flatMap(commandsOf).length).toBeGreaterThanOrEqual(8);
  });

  test.each(readmeCliBlocks.map((b, i) => [i + 1, b] as const))(
    'README block %i runs as written',
    async (_i, block) => {
      const commands = commandsOf(block);
      for (const file of new Set(commands.join(' ').match(/(?<=\s)tests\/\S+/g) ?? [])) {
        mkdirSync(path.dirname(path.join(tmp.dir, file)), { recursive: true });
        copyFileSync(path.join(ROOT, file), path.join(tmp.dir, file));
      }
      const res = await runBlock(block, tmp.dir, {});
      const failed = res.code === 0 ? null : (commands[res.outputs.length - 1] ?? null);
      expect({ failed, code: res.code, stderr: res.code === 0 ? '' : res.stderr }).toEqual({
        failed: null,
        code: 0,
        stderr: '',
      });
      commands.forEach((cmd, i) => {
        const out = res.outputs[i] ?? '';
        const printed = /^npx newswire (query|get) /.test(cmd)
          ? RECORD_EVIDENCE.test(out)
          : /^npx newswire parse /.test(cmd)
            ? /"schemaVersion":\s*1\b/.test(out)
            : out.trim() !== '';
        expect({ cmd, printed }).toEqual({ cmd, printed: true });
      });
    },
  );
});

describe('the aws and --stack examples, against `newswire local dynamodb`', () => {
  let server: ChildProcess | undefined;
  let port = '';
  let cfn: FakeCloudFormation;
  let standInDir = '';

  beforeAll(async () => {
    standInDir = writeAwsCliStandIn(path.join(tmp.dir, 'aws-stand-in'));
    console.info(
      awsCli
        ? `cookbook: the aws examples run with the AWS CLI ${awsCli.file} (${awsCli.version}), ` +
            `then with the stand-in tests/helpers/awsCliStandIn.ts, which must print the same`
        : `cookbook: ${
            process.env.NEWSWIRE_COOKBOOK_AWS === 'stand-in'
              ? 'NEWSWIRE_COOKBOOK_AWS=stand-in'
              : 'no AWS CLI (looked on PATH and in ~/.pyenv/shims, /usr/bin, /usr/local/bin, ~/.local/bin)'
          }; the aws examples run with the stand-in tests/helpers/awsCliStandIn.ts`,
    );
    port = String(await freePort());
    const [cmd] = commandsOf(serverBlocks[0]!);
    const args = cmd!
      .replace(/^npx newswire /, '')
      .replace(`--port ${EXAMPLE_DYNAMO_PORT}`, `--port ${port}`)
      .split(/\s+/);
    expect(args.slice(0, 2)).toEqual(['local', 'dynamodb']);
    // Run where `npm start` left its data (the default --data-dir .newswire of that working dir).
    server = spawnNewswire([...args, '--data-dir', path.join(tmp.dir, '.newswire')]);
    await waitForOutput(server, /note\s+the data dir is locked/);
    cfn = await startFakeCloudFormation({
      'Newswire-dev-Data': {
        ArticlesTableName: LOCAL_TABLES.articles,
        FeedsTableName: LOCAL_TABLES.feeds,
        RawBucketName: 'newswire-raw-dev',
      },
    });
  });
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = waitForExit(server);
      server.kill('SIGTERM');
      expect((await exited).code).toBe(0);
    }
    await cfn?.close();
  });

  /** The block on this run's port, with `awsDir` first on PATH. */
  const runAws = (block: string, awsDir: string) =>
    runBlock(block.replaceAll(`127.0.0.1:${EXAMPLE_DYNAMO_PORT}`, `127.0.0.1:${port}`), tmp.dir, {
      ...AWS_ENV,
      PATH: `${awsDir}${path.delimiter}${process.env.PATH ?? ''}`,
      AWS_ENDPOINT_URL_CLOUDFORMATION: cfn.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${port}`,
    });
  const cases = awsBlocks.map((b, i) => [i + 1, b] as const);

  test('the stand-in is the `aws` its runs find', async () => {
    const res = await runAws('command -v aws', standInDir);
    expect(res).toEqual({ code: 0, outputs: [`${path.join(standInDir, 'aws')}\n`], stderr: '' });
  });

  if (awsCli) {
    /** One run per block with the AWS CLI, shared by its own test and the stand-in's comparison. */
    const cliRuns = new Map<string, ReturnType<typeof runBlock>>();
    const withCli = (block: string) => {
      if (!cliRuns.has(block)) cliRuns.set(block, runAws(block, path.dirname(awsCli.file)));
      return cliRuns.get(block)!;
    };

    test.each(cases)('block %i runs as written with the AWS CLI', async (_i, block) => {
      expectRan(block, await withCli(block));
    });

    test.each(cases)(
      'block %i runs as written with the stand-in, printing what the AWS CLI prints',
      async (_i, block) => {
        const res = await runAws(block, standInDir);
        expectRan(block, res);
        expect(comparable(block, res.outputs)).toEqual(comparable(block, (await withCli(block)).outputs));
      },
    );
  } else {
    test.each(cases)('block %i runs as written with the stand-in (no AWS CLI here)', async (_i, block) => {
      expectRan(block, await runAws(block, standInDir));
    });
  }
});

// CLI start-up: wall time of fresh `node bin/newswire.cjs --help` and `… parse <one real page>`
// processes, as a user starts them, medians of --runs (default 15), beside a bare `node -e 0`
// (the floor: Node's own start on this machine, as loaded as it is now). Builds the CLI first when
// it is not current, so the build is what is timed. Each process's CPU time (user + system, from
// cpuAtExit.cjs preloaded into it) is shown too: on a busy machine wall time mostly measures the
// wait for a core, CPU time what the start itself costs. Nothing here is timed by a test.
// Run: npm run bench:startup [-- --json] [--runs N]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');
const PAGES = path.join(ROOT, 'tests/fixtures/real/pages');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const CPU_AT_EXIT = path.join(__dirname, 'cpuAtExit.cjs');

/**
 * Wall and CPU milliseconds of `node ...args` from spawn to exit, `runs` times (the process must
 * succeed). The CPU time is the process's own, reported by cpuAtExit.cjs on file descriptor 3.
 */
function timeProcess(args: string[], runs: number, env: NodeJS.ProcessEnv = {}): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', CPU_AT_EXIT, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
    cpu.push(Number(r.output[3]?.toString().trim()));
  }
  return { wall, cpu };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '15' } },
  });
  const runs = Math.max(10, Number(values.runs) || 15);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildCliIfStale } = require('../build-cli.cjs') as {
    buildCliIfStale: (o: { quiet: boolean }) => Promise<string | null>;
  };
  const rebuilt = await buildCliIfStale({ quiet: true });
  if (rebuilt && !values.json) console.log(`(built the CLI first: ${rebuilt})`);
  const page = path.join(
    PAGES,
    readdirSync(PAGES)
      .filter((f) => f.endsWith('.html'))
      .sort()[0]!,
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { builtCli } = require('../../bin/builtCli.cjs') as { builtCli: () => { entry?: string; why?: string } };
  const built = builtCli();
  if (!built.entry) throw new Error(`the CLI build is not usable: ${built.why}`);
  // Every run uses this build even if a source is edited meanwhile (pinned: the 1–2 ms check of the sources is skipped).
  const pinned = { NEWSWIRE_CLI_BUILD: built.entry };
  const bin = path.join(ROOT, 'bin/newswire.cjs');
  const cases: [string, string[], NodeJS.ProcessEnv?][] = [
    ['node -e 0 (the floor)', ['-e', '0']],
    ['newswire --help', [bin, '--help'], pinned],
    [`newswire parse ${path.basename(page)}`, [bin, 'parse', page], pinned],
    ['newswire --help, TypeScript sources', [bin, '--help'], { NEWSWIRE_CLI_BUILD: 'sources' }],
  ];
  const out: Record<string, number> = {};
  const cpuOut: Record<string, number> = {};
  if (!values.json)
    console.log(
      `${''.padEnd(58)} ${'wall ms'.padStart(8)} ${'cpu ms'.padStart(7)}  (medians of ${runs}; wall of each run)`,
    );
  for (const [name, args, env] of cases) {
    const { wall, cpu } = timeProcess(args, runs, env);
    out[name] = Math.round(median(wall));
    cpuOut[name] = Math.round(median(cpu));
    if (!values.json) {
      const list = wall.map((t) => t.toFixed(0)).join(', ');
      console.log(`${name.padEnd(58)} ${String(out[name]).padStart(8)} ${String(cpuOut[name]).padStart(7)}  (${list})`);
    }
  }
  if (values.json) console.log(JSON.stringify({ ...out, cpuMs: cpuOut }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

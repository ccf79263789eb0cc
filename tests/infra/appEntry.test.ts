/**
 * bin/app.ts as `cdk synth` runs it (the CDK CLI hands cdk.json "context" and every `-c key=value`
 * to the app as CDK_CONTEXT_JSON, `-c` values as strings): a bad value fails synthesis with the
 * message alone — which key, what is wrong, how to fix it — and the usage exit code, no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTEXT_KEYS } from '../../lib/config';

const ROOT = path.resolve(__dirname, '../..');

function runApp(context: Record<string, unknown>): {
  status: number | null;
  stderr: string;
  stdout: string;
  out: string[];
} {
  const outdir = mkdtempSync(path.join(tmpdir(), 'newswire-app-'));
  try {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'bin/app.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: res.status, stderr: res.stderr, stdout: res.stdout, out: readdirSync(outdir) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

test.each([
  [
    'a -c string out of range',
    { [CONTEXT_KEYS.maxItemsPerPoll]: '0' },
    '"newswire:maxItemsPerPoll" must be a whole number from 1 to 10000 (items) (got "0")',
  ],
  [
    'a cdk.json number out of range',
    { [CONTEXT_KEYS.scheduleMinutes]: 0 },
    '"newswire:scheduleMinutes" must be a whole number from 1 to 1440 (minutes) (got 0)',
  ],
  [
    'a feed URL that is not http(s)',
    { [CONTEXT_KEYS.feeds]: [{ url: 'ftp://example.com/rss', name: 'x' }] },
    '"newswire:feeds[0].url" must be an absolute http(s) URL',
  ],
])('%s: exit 2, the message naming the key on stderr, no stack trace, nothing synthesized', (_name, context, line) => {
  // GIVEN a bad context value WHEN the app entry runs as the CDK CLI runs it
  const res = runApp(context);
  // THEN it exits with the usage code and says which key is wrong and how to fix it
  expect(res.status).toBe(2);
  expect(res.stderr).toContain(line);
  expect(res.stderr).toContain('Fix it in cdk.json "context" or pass -c');
  // and nothing else: no stack frames, no error class dump, no output written
  expect(res.stderr).not.toMatch(/^\s+at /m);
  expect(res.stderr).not.toMatch(/ConfigError|node:internal|\.ts:\d+/);
  expect(res.stderr.trim().split('\n')).toHaveLength(2);
  expect(res.stdout).toBe('');
  expect(res.out).toEqual([]);
});

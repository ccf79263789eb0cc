/**
 * Synthesis refuses a raw-archive retention shorter than the dead-letter queues' retention: a
 * message redriven after its archived feed body expired could only fail again (ARCHIVE_MISSING).
 * Refused as every bad configuration value is: one line naming the key and the fix, exit 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, CONTEXT_KEYS, loadConfig } from '../../lib/config';
import { DLQ_RETENTION } from '../../lib/constructs/queueConsumer';

const ROOT = path.resolve(__dirname, '../..');
const ctx = (values: Record<string, unknown>) => ({ tryGetContext: (k: string) => values[k] });
const DLQ_DAYS = DLQ_RETENTION.toDays();

test('the DLQ retention this guard compares with is the 14 days the queues are built with', () => {
  expect(DLQ_DAYS).toBe(14);
});

test.each([1, 7, DLQ_DAYS - 1, '13'])(
  'rawRetentionDays %p is refused with one line naming the key and the fix',
  (days) => {
    const load = () => loadConfig(ctx({ [CONTEXT_KEYS.rawRetentionDays]: days }));
    expect(load).toThrow(ConfigError);
    let message = '';
    try {
      load();
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`"newswire:rawRetentionDays" is ${Number(days)} days, shorter than the 14 days`);
    expect(message).toContain('set it to 0 (keep forever) or at least 14');
    expect(message).toContain(`-c newswire:rawRetentionDays=14`);
  },
);

test.each([0, DLQ_DAYS, 15, 400])('rawRetentionDays %p is accepted', (days) => {
  expect(loadConfig(ctx({ [CONTEXT_KEYS.rawRetentionDays]: days })).rawRetentionDays).toBe(days);
});

test('cdk synth with a 7-day raw retention: exit 2, the one line on stderr, nothing synthesized', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'newswire-app-'));
  try {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'bin/app.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        CDK_OUTDIR: outdir,
        CDK_CONTEXT_JSON: JSON.stringify({ [CONTEXT_KEYS.rawRetentionDays]: '7' }),
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toEqual([expect.stringContaining('"newswire:rawRetentionDays" is 7 days')]);
    expect(res.stdout).toBe('');
    expect(readdirSync(outdir)).toEqual([]);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});

/**
 * `npm run bench:ingest -- --records N --json` end to end on a small set: the generated releases all
 * arrive through the real local pipeline, and the one JSON line has every figure. (No timing is
 * asserted: figures are for people; this only keeps the benchmark from rotting.)
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers/cli';

jest.setTimeout(180_000);

test('prints one JSON line with every figure, for exactly the records asked', async () => {
  const out = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/bench/ingest.ts'), '--records', '60', '--json'],
      {
        cwd: ROOT,
        timeout: 170_000,
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      },
      (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr }),
    ),
  );
  expect({ code: out.code, stderr: out.stderr }).toEqual({ code: 0, stderr: '' });
  const lines = out.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  const figures = JSON.parse(lines[0]!) as Record<string, number>;
  expect(Object.keys(figures)).toEqual([
    'records',
    'recordsPerSec',
    'ceilingPerSec',
    'ratio',
    'peakRssMb',
    'bytesPerRecord',
    'writeUnitsPerRecord',
    'costPerMillionUsd',
  ]);
  expect(figures.records).toBe(60);
  for (const v of Object.values(figures)) expect(v).toBeGreaterThan(0);
  expect(figures.ratio).toBeCloseTo(figures.recordsPerSec! / figures.ceilingPerSec!, 2);
  // At least the release item and one entry in the time index per record.
  expect(figures.writeUnitsPerRecord).toBeGreaterThanOrEqual(2);
});

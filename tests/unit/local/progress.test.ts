import { Writable } from 'node:stream';
import { ingestProgressBar, showsProgress } from '../../../lambdas/local/progress';

function stream(isTTY: boolean): Writable & { isTTY?: boolean; written: string } {
  const s = new Writable({
    write(chunk: Buffer, _enc, cb) {
      s.written += chunk.toString();
      cb();
    },
  }) as Writable & { isTTY?: boolean; written: string; columns?: number; cursorTo?: unknown };
  s.written = '';
  if (isTTY) s.isTTY = true;
  return s;
}

test('the bar is shown on a terminal only, and never with --json or -v', () => {
  expect(showsProgress({ stream: stream(true) })).toBe(true);
  expect(showsProgress({ stream: stream(false) })).toBe(false);
  expect(showsProgress({ stream: stream(true), quiet: true })).toBe(false);
  expect(showsProgress({ stream: stream(false), quiet: true })).toBe(false);
});

test('not a TTY: no callback for runIngest and nothing written, stop() is harmless', () => {
  const s = stream(false);
  const bar = ingestProgressBar({ stream: s });
  expect(bar.onProgress).toBeUndefined();
  bar.stop();
  expect(s.written).toBe('');
});

test('quiet on a TTY: no callback either', () => {
  expect(ingestProgressBar({ stream: stream(true), quiet: true }).onProgress).toBeUndefined();
});

test('on a TTY the bar takes progress through both stages and stops', () => {
  const bar = ingestProgressBar({ stream: stream(true) });
  expect(bar.onProgress).toBeInstanceOf(Function);
  expect(() => {
    bar.onProgress?.({ stage: 'poll', done: 0, total: 2 });
    bar.onProgress?.({ stage: 'poll', done: 2, total: 2 });
    bar.onProgress?.({ stage: 'process', done: 0, total: 3 });
    bar.onProgress?.({ stage: 'process', done: 3, total: 3 });
    bar.stop();
    bar.stop();
  }).not.toThrow();
});

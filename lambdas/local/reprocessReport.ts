/** What `newswire reprocess` prints: the summary table, and a one-line progress meter on a terminal. */
import type { ReprocessSummary } from '../pipeline/reprocess';

/** The summary as a table, with the failures by reason (and the first failed ids). */
export function formatReprocessSummary(s: ReprocessSummary, where: string): string {
  const row = (label: string, n: number, note = '') => `  ${label.padEnd(18)} ${String(n).padStart(7)}${note}`;
  const lines = [
    `newswire reprocess — ${where}${s.dryRun ? ' — dry run: nothing was written' : ''}`,
    row('scanned', s.scanned),
    row(
      'changed',
      s.changed,
      s.dryRun ? '  (would become a new revision, reason reparse)' : '  (new revision, reason reparse)',
    ),
    row('unchanged', s.unchanged),
    row(
      'degraded-and-kept',
      s.degradedKept,
      s.degradedKept ? '  (the new parse was degraded; stored revision kept)' : '',
    ),
    row('failed', s.failed),
    ...(s.skipped
      ? [row('not selected', s.skipped, '  (listed, left out by --source or --parser-version-below)')]
      : []),
  ];
  const codes = Object.entries(s.failedByCode).sort((a, b) => b[1] - a[1]);
  if (codes.length) {
    lines.push('', 'failed by reason:');
    for (const [code, n] of codes) lines.push(row(code, n));
    for (const f of s.failures) lines.push(`  ! ${f.id}: ${f.code} — ${f.message}`);
    if (s.failures.length < s.failed) lines.push(`  … and ${s.failed - s.failures.length} more (run with -v for each)`);
  }
  if (s.scanned === 0) lines.push('', 'No stored record matched the filters.');
  return lines.join('\n');
}

/** The running totals on one line (a terminal's progress meter, or a periodic line on a pipe). */
export function reprocessProgressLine(s: Readonly<ReprocessSummary>): string {
  return (
    `reprocess: ${s.scanned} scanned, ${s.changed} changed, ${s.unchanged} unchanged, ` +
    `${s.degradedKept} degraded-and-kept, ${s.failed} failed`
  );
}

/**
 * Progress on a stream: on a terminal one line redrawn at most every 100 ms, elsewhere a line every
 * `everyMs` (so a long run in a pipe or a log still shows it is moving). `stop()` clears the line.
 */
export function reprocessProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  opts: { quiet?: boolean; everyMs?: number } = {},
): { onProgress: ((s: Readonly<ReprocessSummary>) => void) | undefined; stop(): void } {
  if (opts.quiet) return { onProgress: undefined, stop: () => undefined };
  const tty = stream.isTTY === true;
  const every = tty ? 100 : (opts.everyMs ?? 10_000);
  let last = Date.now();
  let drawn = false;
  return {
    onProgress: (s) => {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      if (tty) {
        stream.write(`\r\x1b[2K${reprocessProgressLine(s)}`);
        drawn = true;
      } else stream.write(`${reprocessProgressLine(s)}\n`);
    },
    stop: () => {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/**
 * The progress bar of a local ingest (cli-progress), driven by runIngest's onProgress callback:
 * feeds polled, then releases processed out of those queued. Shown only on a terminal: with
 * `--json`, or when stderr is a pipe or a file, nothing is drawn and the output stays clean.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { IngestProgress } from './ingest';

/** What decides whether the bar is drawn: the stream it would be drawn on, and the command's flags. */
export interface ProgressTarget {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** `--json` (machine output only) or `-v` (log lines on the same stream): no bar. */
  quiet?: boolean;
}

/** The bar is drawn only on a terminal, and never when quiet (--json, -v). */
export function showsProgress(target: ProgressTarget): boolean {
  return target.stream.isTTY === true && target.quiet !== true;
}

export interface IngestProgressBar {
  /** Pass as runIngest's onProgress; undefined when no bar is shown (nothing to call). */
  readonly onProgress: ((p: IngestProgress) => void) | undefined;
  /** Removes the bar (call before printing the report). Safe to call when no bar was shown. */
  stop(): void;
}

const STAGE_LABEL: Record<IngestProgress['stage'], string> = {
  poll: 'feeds polled      ',
  process: 'releases processed',
};

/** A bar on target.stream when showsProgress(target), else a no-op. */
export function ingestProgressBar(target: ProgressTarget): IngestProgressBar {
  if (!showsProgress(target)) return { onProgress: undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      stream: target.stream,
      format: '{stage} [{bar}] {value}/{total} {percentage}% | {duration_formatted} elapsed, ETA {eta_formatted}',
      clearOnComplete: true,
      hideCursor: true,
      fps: 5,
    },
    Presets.shades_classic,
  );
  let stage: IngestProgress['stage'] | null = null;
  return {
    onProgress: (p) => {
      if (p.stage !== stage) {
        if (stage !== null) bar.stop();
        stage = p.stage;
        bar.start(p.total, p.done, { stage: STAGE_LABEL[p.stage] });
        return;
      }
      bar.setTotal(p.total);
      bar.update(p.done);
    },
    stop: () => {
      if (stage !== null) bar.stop();
      stage = null;
    },
  };
}

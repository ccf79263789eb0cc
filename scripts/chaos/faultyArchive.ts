/**
 * Test-only RawArchive wrapper for the chaos run: some writes fail (a retryable StorageError, as a
 * failed S3 PutObject or disk write is), some are slow. A key's write fails at most once per
 * process, so the pipeline's retries always get through; each fault is appended to `faultLog`
 * (one kind per line), so the harness can count faults of a process it kills.
 */
import { appendFileSync } from 'node:fs';
import { StorageError } from '../../lambdas/core/errors';
import type { RawArchive } from '../../lambdas/pipeline/ports';
import { mulberry32 } from '../bench/releaseGenerator';

export class FaultyArchive implements RawArchive {
  private readonly rand: () => number;
  private readonly failedOnce = new Set<string>();

  constructor(
    private readonly inner: RawArchive,
    private readonly opts: { seed: number; faultRate: number; faultLog: string },
  ) {
    this.rand = mulberry32(opts.seed);
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    const kind = key.startsWith('feeds/') ? 'feed' : 'page';
    if (this.opts.faultRate > 0 && this.rand() < this.opts.faultRate) {
      if (!this.failedOnce.has(key) && this.rand() < 0.5) {
        this.failedOnce.add(key);
        appendFileSync(this.opts.faultLog, `archive-failed-write-${kind}\n`);
        throw new StorageError('ARCHIVE_ERROR', `write ${key}: injected failure (chaos)`, true);
      }
      appendFileSync(this.opts.faultLog, `archive-slow-write-${kind}\n`);
      await new Promise((r) => setTimeout(r, 50 + Math.floor(this.rand() * 250)));
    }
    return this.inner.put(key, body, contentType);
  }

  get(key: string): Promise<Uint8Array | null> {
    return this.inner.get(key);
  }
}

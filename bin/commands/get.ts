import type { Command } from 'commander';
import type { PressReleaseRecord } from '../../lambdas/core/record';
import { addTargetOptions, nonEmpty, withStores, type TargetOptions } from './shared';

/** Registers `newswire get`. */
export function registerGetCommand(program: Command): void {
  const cmd = program
    .command('get')
    .description('print one stored record as JSON, or with --raw the original bytes of its release page')
    .argument('<id>', 'record id (query prints them)', nonEmpty('the record id'))
    .option('--raw', 'write the archived release page to stdout, as fetched (decompressed)');
  addTargetOptions(cmd).action(async (id: string, opts: TargetOptions & { raw?: boolean }) => {
    const out = await withStores(opts, async (stores) => {
      const record = await stores.articles.get(id);
      const key = record?.raw?.articleKey ?? null;
      return { record, key, raw: opts.raw && key ? await stores.archive.get(key) : null };
    });
    if (!out.record) {
      console.error(`newswire get: no record with id ${id}`);
      process.exitCode = 1;
      return;
    }
    if (!opts.raw) {
      console.log(JSON.stringify(out.record, null, 2));
      return;
    }
    if (!out.raw) {
      console.error(`newswire get --raw: ${rawMissing(out.record, out.key)}`);
      process.exitCode = 1;
      return;
    }
    await writeAll(out.raw);
  });
}

function rawMissing(record: PressReleaseRecord, key: string | null): string {
  if (!key) {
    return record.raw?.feedKey
      ? `record ${record.id} has no archived release page: the feed carried the whole release; its bytes are in the feed archive under ${record.raw.feedKey}`
      : `record ${record.id} has no archived release page (raw.articleKey is null)`;
  }
  return `the archived page of ${record.id} (${key}) is missing from the raw archive`;
}

/**
 * Writes bytes to stdout and waits until they are flushed (a pipe may be slower than us). A reader
 * that stops early (`| head`) closes the pipe: that is not an error.
 */
function writeAll(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? resolve() : reject(err)));
    process.stdout.write(bytes, (err) =>
      err && (err as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(err) : resolve(),
    );
  });
}

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildRecord } from '../../lambdas/core/buildRecord';
import { decodeBody } from '../../lambdas/core/feed/decode';
import { parseRelease } from '../../lambdas/core/parser';

/** Registers `newswire parse`. */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description(
      'parse release files (text, HTML page or saved feed item) and print one schema-v1 record per file (NDJSON)',
    )
    .argument('<files...>', 'files to parse')
    .option('--url <url>', 'the page URL of the release (for the id and url fields)')
    .action((files: string[], opts: { url?: string }) => {
      for (const file of files) {
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (err) {
          console.error(`newswire parse: cannot read ${file}: ${(err as Error).message}`);
          process.exitCode = 1;
          continue;
        }
        const parsed = parseRelease({ content: decodeBody(bytes).text, url: opts.url ?? null });
        const record = buildRecord(parsed, {
          feed: null,
          item: null,
          url: opts.url ?? null,
          raw: null,
          fetchedAt: null,
        });
        process.stdout.write(JSON.stringify(record) + '\n');
      }
    });
}

import type { Command } from 'commander';
import { InputError, maxInputOption, readTextInput } from './readInput';
import { httpUrlArg, UsageError } from './shared';

/**
 * Registers `newswire parse`: one schema-v1 record per file, as NDJSON, in the order of the files.
 * The parser tells a text release, an HTML page, a saved feed item and markdown apart by content.
 * A file that cannot be read (missing, larger than --max-input-bytes, empty, binary) or parsed is
 * reported on stderr and skipped; the exit code is then 1, after every other file has been printed.
 * `--url` with several files is a usage error (exit 2): they would all get the same id.
 */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description(
      'parse release files (text, markdown, HTML page or saved feed item; `-` reads stdin) and print one schema-v1 record per file (NDJSON)',
    )
    .argument('<files...>', 'files to parse, in order')
    .option('--url <url>', 'the page URL of the release (sets the url and id fields); one file only', httpUrlArg)
    .addOption(maxInputOption())
    .action(async (files: string[], opts: { url?: string; maxInputBytes: number }) => {
      if (opts.url && files.length > 1) {
        throw new UsageError(
          `--url names one release page, but ${files.length} files were given (they would all get the same id)`,
        );
      }
      const url = opts.url ?? null;
      const [{ parseRelease }, { buildRecord }] = await Promise.all([
        import('../../lambdas/core/parser/index.js'),
        import('../../lambdas/core/buildRecord.js'),
      ]);
      for (const file of files) {
        let text: string;
        try {
          text = (await readTextInput(file, { maxBytes: opts.maxInputBytes })).decoded.text;
        } catch (err) {
          const why = err instanceof InputError ? err.message : (err as Error).message;
          console.error(`newswire parse: cannot read ${file}: ${why}`);
          process.exitCode = 1;
          continue;
        }
        try {
          const parsed = parseRelease({ content: text, url });
          const record = buildRecord(parsed, { feed: null, item: null, url, raw: null, fetchedAt: null });
          process.stdout.write(JSON.stringify(record) + '\n');
        } catch (err) {
          console.error(`newswire parse: cannot parse ${file}: ${(err as Error).message}`);
          process.exitCode = 1;
        }
      }
    });
}

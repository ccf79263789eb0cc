import type { Command } from 'commander';
import type { PressReleaseRecord } from '../../lambdas/core/record';
import { InputError, maxInputOption, readTextInput } from './readInput';
import { httpUrlArg, UsageError } from './shared';

/**
 * Why a record does not count as parsed, or null when it does: the parser failed on the file and
 * only its plain text was kept (`fallback-text-only`), or it found neither a title nor a body.
 */
export function whyNotParsed(record: Pick<PressReleaseRecord, 'title' | 'body' | 'warnings'>): string | null {
  if (record.warnings.includes('fallback-text-only')) {
    return 'the parser failed on it; only its plain text could be kept (fallback-text-only)';
  }
  if (!record.title && record.body.paragraphs.length === 0) return 'no title and no body found in it';
  return null;
}

/**
 * Registers `newswire parse`: one schema-v1 record per file, as NDJSON, in the order of the files.
 * The parser tells a text release, an HTML page, a saved feed item and markdown apart by content.
 * A file that cannot be read (missing, larger than --max-input-bytes, empty, binary) or parsed (the
 * parser failed, or found neither title nor body: see whyNotParsed) gets one line on stderr saying
 * which file and why, and no record; the exit code is then 1, after every other file was printed.
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
      const [{ parseReleaseStrict }, { buildRecord }] = await Promise.all([
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
        let why: string | null;
        try {
          // Strict: where the pipeline would keep a degraded text-only record, say what failed.
          const parsed = parseReleaseStrict({ content: text, url });
          const record = buildRecord(parsed, { feed: null, item: null, url, raw: null, fetchedAt: null });
          why = whyNotParsed(record);
          if (!why) process.stdout.write(JSON.stringify(record) + '\n');
        } catch (err) {
          why = `the parser failed on it (${err instanceof Error ? err.message : String(err)})`;
        }
        if (why) {
          console.error(`newswire parse: cannot parse ${file}: ${why}`);
          process.exitCode = 1;
        }
      }
    });
}

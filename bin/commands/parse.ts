import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { buildRecord } from '../../lambdas/core/buildRecord';
import { decodeBody } from '../../lambdas/core/feed/decode';
import { parseRelease } from '../../lambdas/core/parser';

/** `--url` must be an absolute http(s) URL: it becomes the record's url and id. */
function httpUrl(v: string): string {
  try {
    const u = new URL(v);
    if (u.protocol === 'http:' || u.protocol === 'https:') return v;
  } catch {
    // fall through
  }
  throw new InvalidArgumentError(`expected an absolute http(s) URL, got "${v}"`);
}

/** The bytes of a file argument; `-` is standard input. */
function readInput(file: string): Buffer {
  return readFileSync(file === '-' ? 0 : file);
}

/**
 * Registers `newswire parse`: one schema-v1 record per file, as NDJSON, in the order of the files.
 * The parser tells a text release, an HTML page, a saved feed item and markdown apart by content.
 * A file that cannot be read or parsed is reported on stderr and skipped; the exit code is then 1,
 * after every other file has been printed.
 */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description(
      'parse release files (text, markdown, HTML page or saved feed item; `-` reads stdin) and print one schema-v1 record per file (NDJSON)',
    )
    .argument('<files...>', 'files to parse, in order')
    .option('--url <url>', 'the page URL of the release (sets the url and id fields)', httpUrl)
    .action((files: string[], opts: { url?: string }) => {
      const url = opts.url ?? null;
      for (const file of files) {
        let bytes: Buffer;
        try {
          bytes = readInput(file);
        } catch (err) {
          console.error(`newswire parse: cannot read ${file}: ${(err as Error).message}`);
          process.exitCode = 1;
          continue;
        }
        try {
          const parsed = parseRelease({ content: decodeBody(bytes).text, url });
          const record = buildRecord(parsed, { feed: null, item: null, url, raw: null, fetchedAt: null });
          process.stdout.write(JSON.stringify(record) + '\n');
        } catch (err) {
          console.error(`newswire parse: cannot parse ${file}: ${(err as Error).message}`);
          process.exitCode = 1;
        }
      }
    });
}

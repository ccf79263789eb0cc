/**
 * The `newswire` CLI: a primary adapter over the same use-cases the Lambdas run.
 * Local commands work on the embedded store under --data-dir (default .newswire/).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { buildRecord } from '../lambdas/core/buildRecord';
import { decodeBody } from '../lambdas/core/feed/decode';
import { parseRelease } from '../lambdas/core/parser';
import { consoleLog, type LogLevel } from '../lambdas/local/consoleLog';
import { readFeedsFile, runIngest } from '../lambdas/local/ingest';
import { formatIngestReport, formatRecordTable } from '../lambdas/local/report';
import { openLocalRuntime, type LocalRuntime } from '../lambdas/local/runtime';
import { startSampleServer, type SampleServer } from '../lambdas/local/sampleServer';

/** The sample server's fixed default port keeps sample feed URLs — and so feed and release ids — stable across runs. */
const DEFAULT_SAMPLE_PORT = 47615;
const DEFAULT_DATA_DIR = '.newswire';
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 0, got "${v}"`);
  return n;
};
/** An ISO date or date-time; a bare date given as an upper bound means the end of that day (inclusive). */
const isoDate =
  (bound: 'start' | 'end') =>
  (v: string): string => {
    const t = Date.parse(v);
    if (Number.isNaN(t)) throw new InvalidArgumentError(`expected an ISO date like 2024-03-07, got "${v}"`);
    const endOfDay = bound === 'end' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim());
    return new Date(endOfDay ? t + 86_400_000 - 1 : t).toISOString();
  };

const dataDirOption = () =>
  new Option('--data-dir <dir>', 'local data folder (embedded DynamoDB + raw archive)').default(DEFAULT_DATA_DIR);

async function withRuntime<T>(
  dataDir: string,
  level: LogLevel,
  fn: (rt: LocalRuntime) => Promise<T>,
  allowHosts: string[] = [],
) {
  const rt = await openLocalRuntime({ dataDir, log: consoleLog(level), allowHosts });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

const program = new Command('newswire')
  .description('Ingest PR Newswire-style feeds into normalized press-release records, and query them.')
  .version(PACKAGE_VERSION)
  .showHelpAfterError();

program
  .command('ingest')
  .description('run the pipeline once, locally: poll every feed of this run, fetch and parse new releases, store them')
  .addOption(dataDirOption())
  .option(
    '--feeds <file>',
    'JSON file of feeds to poll instead of the bundled samples ([{"url": "https://…", "name": "…"}])',
  )
  .option(
    '--sample-port <port>',
    'port of the bundled sample feed server on 127.0.0.1',
    positiveInt('--sample-port'),
    DEFAULT_SAMPLE_PORT,
  )
  .option('--json', 'print one JSON summary object instead of the report')
  .option('-v, --verbose', 'log every step (JSON lines on stderr)')
  .action(async (opts: { dataDir: string; feeds?: string; samplePort: number; json?: boolean; verbose?: boolean }) => {
    let server: SampleServer | null = null;
    try {
      let feeds;
      let allowHosts: string[] = [];
      if (opts.feeds) feeds = readFeedsFile(opts.feeds);
      else {
        server = await startSampleServer({ port: opts.samplePort });
        feeds = server.feeds.map((f) => ({ url: f.url, name: f.name, wire: 'PR Newswire' }));
        allowHosts = [new URL(server.baseUrl).host];
      }
      const level: LogLevel = opts.verbose ? 'info' : opts.json ? 'error' : 'warn';
      const report = await withRuntime(opts.dataDir, level, (rt) => runIngest(rt, { feeds }), allowHosts);
      if (opts.json) {
        const { feeds: n, itemsSeen, written, unchanged, failed, durationMs } = report;
        console.log(JSON.stringify({ feeds: n, itemsSeen, written, unchanged, failed, durationMs }));
      } else {
        const where = `local (data: ${path.resolve(opts.dataDir)}; feeds: ${opts.feeds ?? `bundled samples on ${server?.baseUrl}`})`;
        console.log(formatIngestReport(report, where));
      }
      if (report.failed > 0) process.exitCode = 2;
    } finally {
      await server?.close();
    }
  });

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
      const record = buildRecord(parsed, { feed: null, item: null, url: opts.url ?? null, raw: null, fetchedAt: null });
      process.stdout.write(JSON.stringify(record) + '\n');
    }
  });

program
  .command('query')
  .description('list stored records, newest first')
  .addOption(dataDirOption())
  .option('--source <org>', 'issuing organization (spelling-insensitive: "Acme Inc" finds "Acme, Inc.")')
  .option('--feed <feedId>', 'releases that came through one feed')
  .option('--since <date>', 'published at or after (ISO date or date-time)', isoDate('start'))
  .option(
    '--until <date>',
    'published at or before (ISO date or date-time; a date includes its whole day)',
    isoDate('end'),
  )
  .option('--limit <n>', 'records per page', positiveInt('--limit'), 20)
  .option('--cursor <token>', 'continue after the page that printed this cursor')
  .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'ndjson']).default('table'))
  .action(
    async (opts: {
      dataDir: string;
      source?: string;
      feed?: string;
      since?: string;
      until?: string;
      limit: number;
      cursor?: string;
      format: 'table' | 'json' | 'ndjson';
    }) => {
      const page = await withRuntime(opts.dataDir, 'error', (rt) =>
        rt.articles.query({
          source: opts.source,
          feedId: opts.feed,
          since: opts.since,
          until: opts.until,
          limit: opts.limit,
          cursor: opts.cursor ?? null,
        }),
      );
      if (opts.format === 'json') console.log(JSON.stringify({ items: page.items, cursor: page.cursor }));
      else if (opts.format === 'ndjson') {
        for (const r of page.items) process.stdout.write(JSON.stringify(r) + '\n');
        if (page.cursor) console.error(`cursor: ${page.cursor}`);
      } else {
        console.log(page.items.length ? formatRecordTable(page.items) : '(no records)');
        if (page.cursor) console.log(`\nmore: --cursor ${page.cursor}`);
      }
    },
  );

program
  .command('get')
  .description('print one stored record as JSON')
  .argument('<id>', 'record id')
  .addOption(dataDirOption())
  .action(async (id: string, opts: { dataDir: string }) => {
    const record = await withRuntime(opts.dataDir, 'error', (rt) => rt.articles.get(id));
    if (!record) {
      console.error(`newswire get: no record with id ${id}`);
      process.exitCode = 1;
      return;
    }
    console.log(JSON.stringify(record, null, 2));
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`newswire: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

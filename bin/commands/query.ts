import { Option, type Command } from 'commander';
import { StorageError } from '../../lambdas/core/errors';
import type { ArticlePage, ArticleQuery } from '../../lambdas/pipeline/ports';
import { csvHeader, recordCsvRow } from '../../lambdas/local/recordCsv';
import { formatRecordTable } from '../../lambdas/local/report';
import { addTargetOptions, feedIdArg, isoDate, positiveInt, withStores, type TargetOptions } from './shared';

export const QUERY_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
type QueryFormat = (typeof QUERY_FORMATS)[number];

interface QueryOptions extends TargetOptions {
  source?: string;
  ticker?: string;
  place?: string;
  feed?: string;
  since?: string;
  until?: string;
  limit: number;
  cursor?: string;
  format: QueryFormat;
}

/** Exit code of a query the store refuses (a filter combination it cannot serve without a Scan, a bad cursor). */
export const EXIT_UNSERVABLE_QUERY = 2;
/** StorageError codes of a refused query: UnsupportedQueryError, a cursor of another query, a bad limit. */
const REFUSED_QUERY_CODES = new Set(['UNSUPPORTED_QUERY', 'BAD_CURSOR', 'VALIDATION']);

/** Registers `newswire query`. */
export function registerQueryCommand(program: Command): void {
  const cmd = program
    .command('query')
    .description(
      'list stored records, newest first, one page at a time (each page prints the cursor of the next); ' +
        'at most one of --source, --feed, --ticker, --place, each with optional --since/--until',
    )
    .option('--source <org>', 'issuing organization (spelling-insensitive: "Acme Inc" finds "Acme, Inc.")')
    .option('--ticker <exchange:symbol>', 'releases that mention a ticker, e.g. NASDAQ:ABCD')
    .option(
      '--place <place>',
      'dateline place: a country code (US), a city (Austin), or a city within a country ("Austin, US", "Austin, Texas")',
    )
    .option('--feed <feed>', 'releases that came through one feed: its id (f-…) or its URL', feedIdArg)
    .option('--since <date>', 'published at or after (ISO date or date-time)', isoDate('start'))
    .option(
      '--until <date>',
      'published at or before (ISO date or date-time; a date includes its whole day)',
      isoDate('end'),
    )
    .option('--limit <n>', 'records per page', positiveInt('--limit'), 20)
    .option('--cursor <token>', 'continue after the page that printed this cursor')
    .addOption(
      new Option(
        '--format <format>',
        'table | json ({"items": […], "cursor": …}) | ndjson (cursor on stderr) | csv (cursor on stderr)',
      )
        .choices(QUERY_FORMATS)
        .default('table'),
    );
  addTargetOptions(cmd).action(async (opts: QueryOptions) => {
    const query: ArticleQuery = {
      source: opts.source,
      ticker: opts.ticker,
      place: opts.place,
      feedId: opts.feed,
      since: opts.since,
      until: opts.until,
      limit: opts.limit,
      cursor: opts.cursor ?? null,
    };
    let page: ArticlePage;
    try {
      page = await withStores(opts, (stores) => stores.articles.query(query));
    } catch (err) {
      // The store names what it cannot serve (and what it can): say it, with a distinct exit code.
      if (err instanceof StorageError && REFUSED_QUERY_CODES.has(err.code)) {
        console.error(`newswire query: ${err.message}`);
        process.exitCode = EXIT_UNSERVABLE_QUERY;
        return;
      }
      throw err;
    }
    process.stdout.write(formatPage(page, opts.format));
    if (page.cursor && (opts.format === 'ndjson' || opts.format === 'csv')) {
      process.stderr.write(`cursor: ${page.cursor}\n`);
    }
  });
}

/** The page as printed on stdout in the given format. */
export function formatPage(page: ArticlePage, format: QueryFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ items: page.items, cursor: page.cursor }) + '\n';
    case 'ndjson':
      return page.items.map((r) => JSON.stringify(r) + '\n').join('');
    case 'csv':
      return csvHeader() + page.items.map(recordCsvRow).join('');
    case 'table':
      return (
        (page.items.length ? formatRecordTable(page.items) : '(no records)') +
        '\n' +
        (page.cursor ? `\nmore: --cursor ${page.cursor}\n` : '')
      );
  }
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { StorageError } from '../../lambdas/core/errors';
import type { ArticlePage, ArticleQuery } from '../../lambdas/pipeline/ports';
import { csvHeader, recordCsvRow } from '../../lambdas/local/recordCsv';
import { formatRecordTable } from '../../lambdas/local/report';
import {
  addTargetOptions,
  checkTarget,
  feedIdArg,
  isoDate,
  MAX_QUERY_LIMIT,
  nonEmpty,
  UsageError,
  wholeNumber,
  withStores,
  type TargetOptions,
} from './shared';

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

/** StorageError codes of a refused query (usage errors, exit 2): UnsupportedQueryError, a cursor of another query, a bad limit. */
const REFUSED_QUERY_CODES = new Set(['UNSUPPORTED_QUERY', 'BAD_CURSOR', 'VALIDATION']);

/** Registers `newswire query`. */
export function registerQueryCommand(program: Command): void {
  const cmd = program
    .command('query')
    .description(
      'list stored records, newest first, one page at a time (each page prints the cursor of the next); ' +
        'at most one of --source, --feed, --ticker, --place, each with optional --since/--until',
    )
    .option(
      '--source <org>',
      'issuing organization (spelling-insensitive: "Acme Inc" finds "Acme, Inc.")',
      nonEmpty('--source'),
    )
    .option('--ticker <exchange:symbol>', 'releases that mention a ticker, e.g. NASDAQ:ABCD', nonEmpty('--ticker'))
    .option(
      '--place <place>',
      'dateline place: a country code (US), a city (Austin), or a city within a country ("Austin, US", "Austin, Texas")',
      nonEmpty('--place'),
    )
    .option('--feed <feed>', 'releases that came through one feed: its id (f-…) or its URL', feedIdArg)
    .option(
      '--since <date>',
      'published at or after: an ISO 8601 date (2024-03-07) or date-time (2024-03-07T08:00:00Z; UTC unless an offset is given)',
      isoDate('start'),
    )
    .option(
      '--until <date>',
      'published at or before: an ISO 8601 date (its whole day included) or date-time',
      isoDate('end'),
    )
    .option(`--limit <n>`, `records per page (1–${MAX_QUERY_LIMIT})`, wholeNumber('--limit', 1, MAX_QUERY_LIMIT), 20)
    .option('--cursor <token>', 'continue after the page that printed this cursor', nonEmpty('--cursor'))
    .addOption(
      new Option(
        '--format <format>',
        'table | json ({"items": […], "cursor": …}) | ndjson (cursor on stderr) | csv (cursor on stderr)',
      )
        .choices(QUERY_FORMATS)
        .default('table'),
    );
  addTargetOptions(cmd).action(async (opts: QueryOptions) => {
    if (opts.since && opts.until && opts.since > opts.until) {
      throw new UsageError(`--since ${opts.since} is after --until ${opts.until}`);
    }
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
    checkTarget(opts);
    const local = !opts.stack;
    // A data dir that was never created holds nothing: say so without creating it.
    let storeEmpty = local && !existsSync(opts.dataDir);
    let page: ArticlePage = { items: [], cursor: null };
    if (!storeEmpty) {
      try {
        page = await withStores(opts, async (stores) => {
          const found = await stores.articles.query(query);
          // Nothing found: nothing matched, or nothing was ever stored here? One more item read tells.
          if (local && !found.items.length && !query.cursor) {
            storeEmpty = !(await stores.articles.query({ limit: 1, cursor: null })).items.length;
          }
          return found;
        });
      } catch (err) {
        // The store names what it cannot serve (and what it can): a usage error, exit 2.
        if (err instanceof StorageError && REFUSED_QUERY_CODES.has(err.code)) {
          throw new UsageError(err.message.replace(/^query:\s*/, ''));
        }
        throw err;
      }
    }
    if (storeEmpty) {
      process.stderr.write(
        `newswire query: no records in ${path.resolve(opts.dataDir)}: nothing has been ingested there yet. ` +
          'Run `npm start` (newswire ingest: the bundled sample feeds) or `newswire ingest --feeds FILE` first, ' +
          'or pass the --data-dir you ingested into.\n',
      );
    }
    if (!(storeEmpty && opts.format === 'table')) process.stdout.write(formatPage(page, opts.format));
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

import { Option, type Command } from 'commander';
import { formatRecordTable } from '../../lambdas/local/report';
import { dataDirOption, isoDate, positiveInt, withRuntime } from './shared';

/** Registers `newswire query`. */
export function registerQueryCommand(program: Command): void {
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
}

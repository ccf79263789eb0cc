/**
 * `newswire reprocess`: parse stored releases again from the raw archive with the current parser,
 * fetching nothing (lambdas/pipeline/reprocess.ts). Locally on --data-dir, or on a deployed stack's
 * tables and bucket (--stack) from this process, or (--stack --via-queue) by queueing one article
 * message per record for the deployed Lambdas.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ReprocessFilter, ReprocessSummary } from '../../lambdas/pipeline/reprocess';
import {
  addTargetOptions,
  checkTarget,
  feedIdArg,
  isoDate,
  nonEmpty,
  UsageError,
  wholeNumber,
  withStores,
  type TargetOptions,
} from './shared';

interface ReprocessOptions extends TargetOptions {
  since?: string;
  until?: string;
  source?: string;
  feed?: string;
  parserVersionBelow?: string;
  dryRun?: boolean;
  concurrency: number;
  viaQueue?: boolean;
  json?: boolean;
  verbose?: boolean;
}

const MAX_CONCURRENCY = 64;
/** Mirrors DEFAULT_REPROCESS_CONCURRENCY (not imported: the pipeline loads only when the command runs). */
const DEFAULT_CONCURRENCY = 4;

/** Registers `newswire reprocess`. */
export function registerReprocessCommand(program: Command): void {
  const cmd = program
    .command('reprocess')
    .description(
      'parse stored releases again from the raw archive with the current parser (nothing is fetched); ' +
        'a record that comes out different becomes a new revision with revisionReason "reparse"',
    )
    .option('--since <date>', 'published at or after: an ISO 8601 date or date-time', isoDate('start'))
    .option(
      '--until <date>',
      'published at or before: an ISO 8601 date (its whole day included) or date-time',
      isoDate('end'),
    )
    .option('--source <org>', 'issuing organization (spelling-insensitive, as in query)', nonEmpty('--source'))
    .option('--feed <feed>', 'releases that came through one feed: its id (f-…) or its URL', feedIdArg)
    .option(
      '--parser-version-below <version>',
      'only records made by a parser older than this semver version (e.g. 0.3.0)',
      nonEmpty('--parser-version-below'),
    )
    .option('--dry-run', 'write nothing: count what would change')
    .option(
      '--concurrency <n>',
      `records parsed at once (1–${MAX_CONCURRENCY})`,
      wholeNumber('--concurrency', 1, MAX_CONCURRENCY),
      DEFAULT_CONCURRENCY,
    )
    .option(
      '--via-queue',
      "with --stack: queue one message per record on the stack's article queue, for its Lambdas to parse again",
    )
    .option('--json', 'print one JSON summary object instead of the table')
    .option('-v, --verbose', 'log every record (JSON lines on stderr)');
  addTargetOptions(cmd).action(async (opts: ReprocessOptions) => {
    checkTarget(opts);
    if (opts.since && opts.until && opts.since > opts.until) {
      throw new UsageError(`--since ${opts.since} is after --until ${opts.until}`);
    }
    if (opts.viaQueue && !opts.stack) {
      throw new UsageError('--via-queue needs --stack (locally, reprocess runs in this process)');
    }
    if (opts.viaQueue && opts.dryRun) {
      throw new UsageError('--dry-run cannot go with --via-queue (the Lambdas write); run --dry-run without it');
    }
    if (opts.parserVersionBelow !== undefined) {
      // Through our own module: a package's default export read across the built CLI's CommonJS
      // chunks is the chunk's exports object, not the package (`semver.valid is not a function`).
      const { normalVersion } = await import('../../lambdas/pipeline/reprocess.js');
      const v = normalVersion(opts.parserVersionBelow);
      if (!v)
        throw new UsageError(
          `--parser-version-below must be a semver version such as 0.3.0, got "${opts.parserVersionBelow}"`,
        );
      opts.parserVersionBelow = v;
    }
    const filter: ReprocessFilter = {
      since: opts.since,
      until: opts.until,
      source: opts.source,
      feedId: opts.feed,
      parserVersionBelow: opts.parserVersionBelow,
    };
    if (opts.viaQueue) return enqueue(opts, filter);

    const [{ reprocess, emptyReprocessSummary }, { consoleLog }, { formatReprocessSummary, reprocessProgress }] =
      await Promise.all([
        import('../../lambdas/pipeline/reprocess.js'),
        import('../../lambdas/local/consoleLog.js'),
        import('../../lambdas/local/reprocessReport.js'),
      ]);
    let summary: ReprocessSummary = emptyReprocessSummary(opts.dryRun === true);
    let where = opts.stack ? `stack ${opts.stack}` : `local (${path.resolve(opts.dataDir)})`;
    // A data dir that was never created holds nothing: say so without creating it.
    if (opts.stack || existsSync(opts.dataDir)) {
      const progress = reprocessProgress(process.stderr, { quiet: opts.json === true || opts.verbose === true });
      summary = await withStores(opts, async (stores) => {
        where = stores.where;
        const log = consoleLog(opts.verbose ? 'info' : 'error');
        return reprocess({ articles: stores.articles, archive: stores.archive, log }, filter, {
          dryRun: opts.dryRun,
          concurrency: opts.concurrency,
          onProgress: progress.onProgress,
        }).finally(() => progress.stop());
      });
    } else {
      process.stderr.write(
        `newswire reprocess: no records in ${path.resolve(opts.dataDir)}: nothing has been ingested there yet.\n`,
      );
    }
    if (opts.json) console.log(JSON.stringify(summary));
    else console.log(formatReprocessSummary(summary, where));
    if (summary.failed > 0) process.exitCode = 1;
  });
}

/** --via-queue: one article-queue message per selected record; the deployed Lambdas parse them. */
async function enqueue(opts: ReprocessOptions, filter: ReprocessFilter): Promise<void> {
  const [{ enqueueReprocess }, { resolveDeployedDlqs }, { SqsMessageSink }, { SQSClient }] = await Promise.all([
    import('../../lambdas/pipeline/reprocess.js'),
    import('../../lambdas/local/deployedQueues.js'),
    import('../../lambdas/adapters/queue/sqsSink.js'),
    import('@aws-sdk/client-sqs'),
  ]);
  const ref = { stack: opts.stack!, region: opts.region, profile: opts.profile };
  const { stackName, queues } = await resolveDeployedDlqs(ref);
  const queueUrl = queues.article[0]?.sourceUrl;
  if (!queueUrl) throw new Error(`stack ${stackName} names no article queue (ArticleQueueUrl output)`);
  const client = new SQSClient({
    ...(opts.region !== undefined ? { region: opts.region } : {}),
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
  });
  try {
    const result = await withStores(opts, (stores) =>
      enqueueReprocess({ articles: stores.articles, sink: new SqsMessageSink({ client, queueUrl }) }, filter, {
        onProgress: (queued) => {
          if (!opts.json) process.stderr.write(`reprocess: ${queued} queued\n`);
        },
      }),
    );
    if (opts.json) console.log(JSON.stringify({ ...result, queue: queueUrl }));
    else {
      console.log(
        `newswire reprocess — stack ${stackName}: ${result.queued} release(s) queued on ${queueUrl} ` +
          `for the article Lambdas to parse again` +
          (result.skipped ? ` (${result.skipped} listed but not selected)` : '') +
          '.\nWatch them with the ReleasesReparsed / ReleasesFailed metrics; failures land in the article DLQ (newswire dlq).',
      );
    }
  } finally {
    client.destroy();
  }
}

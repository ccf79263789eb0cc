import path from 'node:path';
import type { Command } from 'commander';
import type { LogLevel } from '../../lambdas/local/consoleLog';
import type { SampleServer } from '../../lambdas/local/sampleServer';
import type { FeedSpec } from '../../lambdas/pipeline/registerFeeds';
import { hostPortList } from './hostPort';
import { dataDirOption, portNumber, withRuntime } from './shared';

/** The sample server's fixed default port keeps sample feed URLs — and so feed and release ids — stable across runs. */
const DEFAULT_SAMPLE_PORT = 47615;

/** Registers `newswire ingest`. */
export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'run the pipeline once, locally: poll the registered feeds (`newswire feeds add`; the bundled samples ' +
        'while none is registered, or --feeds FILE), fetch and parse new releases, store them',
    )
    .addOption(dataDirOption())
    .option(
      '--feeds <file>',
      'JSON file of feeds to poll (registered as they are polled) instead of the registered feeds ([{"url": "https://…", "name": "…"}])',
    )
    .option(
      '--sample-port <port>',
      'port of the bundled sample feed server on 127.0.0.1',
      portNumber('--sample-port'),
      DEFAULT_SAMPLE_PORT,
    )
    .option(
      '--allow-host <host:port>',
      'let the HTTP guard through to this host:port (feeds or release pages served on 127.0.0.1); repeatable',
      hostPortList('--allow-host'),
    )
    .option('--json', 'print one JSON summary object instead of the report')
    .option('-v, --verbose', 'log every step (JSON lines on stderr)')
    .action(
      async (opts: {
        dataDir: string;
        feeds?: string;
        samplePort: number;
        allowHost?: string[];
        json?: boolean;
        verbose?: boolean;
      }) => {
        const [{ readFeedsFile, runIngest }, { ingestProgressBar }, { formatIngestReport }, { startSampleServer }] =
          await Promise.all([
            import('../../lambdas/local/ingest.js'),
            import('../../lambdas/local/progress.js'),
            import('../../lambdas/local/report.js'),
            import('../../lambdas/local/sampleServer.js'),
          ]);
        let server: SampleServer | null = null;
        try {
          let feeds: FeedSpec[];
          let allowHosts: string[] = opts.allowHost ?? [];
          if (opts.feeds) feeds = readFeedsFile(opts.feeds);
          else {
            server = await startSampleServer({ port: opts.samplePort });
            feeds = server.feeds.map((f) => ({ url: f.url, name: f.name, wire: 'PR Newswire' }));
            allowHosts = [...allowHosts, new URL(server.baseUrl).host];
          }
          const level: LogLevel = opts.verbose ? 'info' : opts.json ? 'error' : 'warn';
          // A bar on a terminal's stderr only; -v logs go to stderr too, so they replace it.
          const progress = ingestProgressBar({
            stream: process.stderr,
            quiet: opts.json === true || opts.verbose === true,
          });
          let source = opts.feeds ?? `bundled samples on ${server?.baseUrl}`;
          const report = await withRuntime(
            opts.dataDir,
            level,
            async (rt) => {
              // The feeds registered in this data dir (`newswire feeds add`, or an earlier run), enabled
              // ones; the samples only while there are none (a fresh data dir), and saying so.
              if (!opts.feeds) {
                const registered = (await rt.feeds.list()).filter((f) => f.enabled);
                if (registered.length > 0) {
                  feeds = registered.map((f) => ({ url: f.url, name: f.name, wire: f.wire }));
                  source = `${registered.length} registered feed${registered.length === 1 ? '' : 's'}`;
                } else if (!opts.json) {
                  console.error(
                    `no feeds registered in ${path.resolve(opts.dataDir)}: ingesting the bundled sample feeds ` +
                      '(register your own with `newswire feeds add URL`)',
                  );
                }
              }
              return runIngest(rt, { feeds, onProgress: progress.onProgress }).finally(() => progress.stop());
            },
            allowHosts,
          );
          if (opts.json) {
            const { feeds: n, itemsSeen, written, unchanged, failed, durationMs, resumed, items } = report;
            console.log(
              JSON.stringify({ feeds: n, itemsSeen, written, unchanged, failed, durationMs, resumed, items }),
            );
          } else {
            const where = `local (data: ${path.resolve(opts.dataDir)}; feeds: ${source})`;
            console.log(formatIngestReport(report, where));
          }
          // A feed or release that failed is a failure (exit 1); usage errors alone exit 2.
          if (report.failed > 0) process.exitCode = 1;
        } finally {
          await server?.close();
        }
      },
    );
}

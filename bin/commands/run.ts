import path from 'node:path';
import type { Command } from 'commander';
import type { LogLevel } from '../../lambdas/local/consoleLog';
import type { RunCycle, RunSummary } from '../../lambdas/local/runLoop';
import { hostPortList } from './hostPort';
import { dataDirOption, wholeNumber, withRuntime } from './shared';

const DEFAULT_TICK_SECONDS = 30;

interface RunOptions {
  dataDir: string;
  allowHost?: string[];
  tick: number;
  once?: boolean;
  json?: boolean;
  verbose?: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line for a cycle that did something (idle cycles print nothing unless --json). */
export function formatCycle(c: RunCycle): string {
  const resumed = c.resumed ? `, ${plural(c.resumed, 'message')} left by an earlier run` : '';
  return (
    `${c.startedAt.slice(0, 19).replace('T', ' ')}Z  polled ${plural(c.polls, 'feed')} (${plural(c.itemsSeen, 'item')}${resumed}): ` +
    `${c.written} written (${c.created} new, ${c.revised} revised), ${c.unchanged} unchanged, ${c.failed} failed`
  );
}

/** The line printed once the loop has stopped. */
export function formatRunSummary(s: RunSummary): string {
  return (
    `stopped after ${plural(s.cycles, 'cycle')} in ${(s.durationMs / 1000).toFixed(1)} s: ${plural(s.polls, 'poll')}, ` +
    `${plural(s.written, 'record')} written (${s.created} new, ${s.revised} revised), ${s.unchanged} unchanged, ${s.failed} failed`
  );
}

/** Registers `newswire run`. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'run the pipeline continuously, locally: poll the registered feeds (`newswire feeds add`) on their ' +
        'schedule and store new releases, until stopped (Ctrl-C or SIGTERM finish the work in flight, then exit 0; ' +
        'a second Ctrl-C exits at once and the next run resumes what was left)',
    )
    .addOption(dataDirOption())
    .option(
      '--allow-host <host:port>',
      'let the HTTP guard through to this host:port (feeds or release pages served on 127.0.0.1); repeatable',
      hostPortList('--allow-host'),
    )
    .option(
      '--tick <seconds>',
      'seconds between two checks for due feeds (1–3600)',
      wholeNumber('--tick', 1, 3600),
      DEFAULT_TICK_SECONDS,
    )
    .option('--once', 'one cycle (poll the due feeds, process what they queue), then exit')
    .option('--json', 'print one JSON line per cycle (idle ones too) and one for the summary')
    .option('-v, --verbose', 'log every step (JSON lines on stderr)')
    .action(async (opts: RunOptions) => {
      const { runLoop } = await import('../../lambdas/local/runLoop.js');
      const stop = new AbortController();
      let signals = 0;
      const onSignal = (name: NodeJS.Signals) => {
        if (++signals > 1) {
          process.stderr.write(`newswire run: ${name} again: exiting now (the queues keep what was not done)\n`);
          process.exit(130);
        }
        process.stderr.write(
          `newswire run: ${name}: stopping — finishing the work in flight (Ctrl-C again to exit at once)\n`,
        );
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const print = (line: string) => process.stdout.write(line + '\n');
      const level: LogLevel = opts.verbose ? 'info' : 'warn';
      const dataDir = path.resolve(opts.dataDir);
      try {
        const summary = await withRuntime(
          opts.dataDir,
          level,
          async (rt) => {
            const enabled = (await rt.feeds.list()).filter((f) => f.enabled);
            if (enabled.length === 0) return null;
            const starting = {
              dataDir,
              feeds: enabled.length,
              tickSeconds: opts.tick,
            };
            if (opts.json) print(JSON.stringify({ event: 'start', ...starting }));
            else
              print(
                `running: ${plural(enabled.length, 'registered feed')} of ${dataDir}, polled when due, ` +
                  `checked every ${plural(opts.tick, 'second')} (Ctrl-C stops)`,
              );
            return runLoop(rt, {
              tickMs: opts.tick * 1000,
              signal: stop.signal,
              once: opts.once,
              onCycle: (c) => {
                if (opts.json) print(JSON.stringify({ event: 'cycle', ...c }));
                else if (c.dispatched || c.polls || c.resumed || c.written || c.failed) print(formatCycle(c));
              },
            });
          },
          opts.allowHost ?? [],
        );
        if (summary === null) {
          process.stderr.write(
            `newswire run: no enabled feeds registered in ${dataDir}: register one with \`newswire feeds add URL\` ` +
              '(or try `newswire ingest`, which ingests the bundled sample feeds)\n',
          );
          process.exitCode = 1;
          return;
        }
        print(opts.json ? JSON.stringify({ event: 'stopped', ...summary }) : formatRunSummary(summary));
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

/**
 * `newswire dlq list|show|redrive|purge --queue poll|article|schedule`: the dead-letter queues,
 * locally (the dead letters `newswire ingest` parked under --data-dir) or deployed (--stack: the
 * SQS DLQs of the ingest stack). See lambdas/pipeline/deadLetters.ts for what each name maps to.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { DeadLetterQueues, DlqName, RedriveSelector } from '../../lambdas/pipeline/deadLetters';
import { hostPortList } from './hostPort';
import {
  addTargetOptions,
  checkDataDir,
  checkTarget,
  nonEmpty,
  UsageError,
  wholeNumber,
  type TargetOptions,
} from './shared';

const QUEUES = ['poll', 'article', 'schedule'] as const;

interface QueueOptions extends TargetOptions {
  queue: DlqName;
}

const queueOption = () =>
  new Option('--queue <name>', 'which dead-letter queue: poll (feeds), article (releases), schedule (dispatch runs)')
    .choices(QUEUES)
    .makeOptionMandatory();

/** Opens the queues of the target: the deployed stack's with --stack, else the local data dir's. */
async function openQueues(
  opts: TargetOptions,
  local: { allowHosts?: string[]; verbose?: boolean } = {},
): Promise<DeadLetterQueues> {
  checkTarget(opts);
  if (opts.stack) {
    const { openDeployedDlqs } = await import('../../lambdas/local/deployedQueues.js');
    return openDeployedDlqs({ stack: opts.stack, region: opts.region, profile: opts.profile });
  }
  try {
    checkDataDir(opts.dataDir);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const dataDir = path.resolve(opts.dataDir);
  const [{ DEAD_LETTER_DIR, FileDeadLetterStore }, { LocalDeadLetterQueues }] = await Promise.all([
    import('../../lambdas/local/deadLetterStore.js'),
    import('../../lambdas/local/localDeadLetters.js'),
  ]);
  return new LocalDeadLetterQueues({
    store: new FileDeadLetterStore(path.join(dataDir, DEAD_LETTER_DIR)),
    where: `local (${dataDir})`,
    openRuntime: async () => {
      const [{ openLocalRuntime }, { consoleLog }] = await Promise.all([
        import('../../lambdas/local/runtime.js'),
        import('../../lambdas/local/consoleLog.js'),
      ]);
      return openLocalRuntime({
        dataDir,
        log: consoleLog(local.verbose ? 'info' : 'error'),
        allowHosts: local.allowHosts ?? [],
      });
    },
  });
}

async function withQueues<T>(
  opts: TargetOptions,
  fn: (q: DeadLetterQueues) => Promise<T>,
  local?: { allowHosts?: string[]; verbose?: boolean },
): Promise<T> {
  const queues = await openQueues(opts, local);
  try {
    return await fn(queues);
  } finally {
    await queues.close();
  }
}

/** Asks on the terminal (stderr, so stdout stays the command's output). */
async function askOnTerminal(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises'); // only when purge asks
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/**
 * Whether purge may go on: --yes, or a y / yes typed at the y/N prompt (anything else, Enter
 * included, is no). With no terminal to ask on and no --yes it is a usage error: a script must say
 * --yes, never find its queue emptied because stdin happened to hold a "y".
 */
export async function purgeConsent(
  yes: boolean,
  terminal: boolean,
  question: string,
  ask: (prompt: string) => Promise<string> = askOnTerminal,
): Promise<boolean> {
  if (yes) return true;
  if (!terminal) {
    throw new UsageError('purge deletes the messages for good and there is no terminal to ask on: pass --yes');
  }
  return /^y(es)?$/i.test((await ask(`${question} [y/N] `)).trim());
}

/** Registers `newswire dlq` and its subcommands. */
export function registerDlqCommand(program: Command): void {
  const dlq = program
    .command('dlq')
    .description('list, show, redrive or purge the dead-letter queues (local data dir, or --stack deployed)');

  addTargetOptions(
    dlq
      .command('list')
      .description("each parked message's id, age, receives, reason, and the feed / release it is about")
      .addOption(queueOption())
      .option('--limit <n>', 'list at most n messages', wholeNumber('--limit', 1, 10_000), 100)
      .option('--json', 'print a JSON array instead of the table'),
  ).action(async (opts: QueueOptions & { limit: number; json?: boolean }) => {
    const { formatParkedList, parkedSummary } = await import('../../lambdas/local/dlqReport.js');
    await withQueues(opts, async (q) => {
      const messages = await q.list(opts.queue, { limit: opts.limit });
      const now = new Date();
      console.log(
        opts.json
          ? JSON.stringify(messages.map((m) => parkedSummary(m, now)))
          : formatParkedList(opts.queue, q.where, messages, now),
      );
    });
  });

  addTargetOptions(
    dlq
      .command('show')
      .description('print one parked message as JSON: reason, times, receives and its body')
      .argument('<id>', 'message id (list prints them)', nonEmpty('the message id'))
      .addOption(queueOption()),
  ).action(async (id: string, opts: QueueOptions) => {
    const { parkedDetail } = await import('../../lambdas/local/dlqReport.js');
    const found = await withQueues(opts, async (q) => ({
      where: q.where,
      message: (await q.list(opts.queue)).find((m) => m.id === id) ?? null,
    }));
    if (!found.message) {
      process.stderr.write(
        `newswire dlq show: no message ${id} in the ${opts.queue} dead-letter queue of ${found.where}\n`,
      );
      process.exitCode = 1;
      return;
    }
    console.log(JSON.stringify(parkedDetail(found.message, new Date()), null, 2));
  });

  addTargetOptions(
    dlq
      .command('redrive')
      .description(
        'send parked messages back to the step that failed them (locally: run them now); all, by id, or by reason',
      )
      .addOption(queueOption())
      .option('--all', 'every message of the queue')
      .option('--id <id...>', 'these message ids (list prints them)')
      .option('--reason <text>', 'messages whose reason code is <text>, or whose reason message contains it')
      .option(
        '--allow-host <host:port>',
        'local redrive: let the HTTP guard through to this host:port (e.g. a release server on 127.0.0.1); repeatable',
        hostPortList('--allow-host'),
      )
      .option('-v, --verbose', 'local redrive: log every step (JSON lines on stderr)'),
  ).action(
    async (
      opts: QueueOptions & { all?: boolean; id?: string[]; reason?: string; allowHost?: string[]; verbose?: boolean },
    ) => {
      const chosen = [opts.all, opts.id, opts.reason].filter((x) => x !== undefined).length;
      if (chosen !== 1) throw new UsageError('say which messages: exactly one of --all, --id <id...>, --reason <text>');
      if (opts.queue === 'schedule') {
        throw new UsageError(
          'the schedule queue is not redriven: the next scheduled run dispatches every due feed again; purge it once the cause is fixed',
        );
      }
      if (opts.reason !== undefined && !opts.reason.trim()) throw new UsageError('--reason is empty');
      if (opts.allowHost && opts.stack) throw new UsageError('--allow-host is for a local redrive, not --stack');
      const selector: RedriveSelector = opts.all
        ? { all: true }
        : opts.id
          ? { ids: opts.id }
          : { reason: opts.reason ?? '' };
      const { formatRedrive } = await import('../../lambdas/local/dlqReport.js');
      await withQueues(
        opts,
        async (q) => {
          const outcome = await q.redrive(opts.queue, selector);
          console.log(formatRedrive(opts.queue, q.where, outcome));
          // Messages parked again or ids not found: the operator has something left to do.
          if ((outcome.deadLetteredAgain ?? 0) > 0 || outcome.notFound.length > 0) process.exitCode = 1;
        },
        { allowHosts: opts.allowHost, verbose: opts.verbose },
      );
    },
  );

  addTargetOptions(
    dlq
      .command('purge')
      .description('delete every parked message of the queue, for good (asks first unless --yes)')
      .addOption(queueOption())
      .option('-y, --yes', 'do not ask'),
  ).action(async (opts: QueueOptions & { yes?: boolean }) => {
    checkTarget(opts);
    const where = opts.stack ? `stack ${opts.stack}` : `local (${path.resolve(opts.dataDir)})`;
    const question = `Delete every message of the ${opts.queue} dead-letter queue of ${where}?`;
    if (!(await purgeConsent(opts.yes === true, process.stdin.isTTY === true, question))) {
      console.error('newswire dlq purge: nothing deleted');
      process.exitCode = 1;
      return;
    }
    await withQueues(opts, async (q) => {
      const n = await q.purge(opts.queue);
      console.log(
        `newswire dlq purge — ${opts.queue} queue, ${q.where}: ${opts.stack ? `purged (about ${n} message(s))` : `deleted ${n} message(s)`}`,
      );
    });
  });
}

/**
 * How the CLI ends: exit codes and the one-line messages of usage errors and failures.
 *
 * - 0: done.
 * - 1: a failure (a file that could not be read or parsed, a record or feed not found, a store or
 *   network error, a feed that failed in `ingest`).
 * - 2: a usage error (unknown command or option, a missing argument, a bad value, a query the store
 *   cannot serve): ONE line naming the command, and a hint `Run 'newswire <cmd> --help' for usage.`
 *   — never the whole help.
 */
import { CommanderError, InvalidArgumentError, type Command } from 'commander';
import { UsageError } from './shared';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** `newswire feeds add`: the command's name with its parents'. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The usage error as printed: `newswire query: <what>` and the hint, one line each. */
export function usageMessage(cmd: Command, message: string): string {
  const what = message
    .replace(/^error:\s*/i, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    // commander repeats a refused value: never a URL's user:password@.
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/?#\s'"]*@/gi, '$1***@');
  return `${commandPath(cmd)}: ${what}\nRun '${commandPath(cmd)} --help' for usage.\n`;
}

function* allCommands(cmd: Command): Generator<Command> {
  yield cmd;
  for (const sub of cmd.commands) yield* allCommands(sub);
}

/**
 * Every command of the program prints commander's usage errors as usageMessage (no help after
 * them) and throws instead of exiting; runCli turns what was thrown into the exit code. Call once
 * every command is registered.
 */
export function configureUsageErrors(program: Command): void {
  for (const cmd of allCommands(program)) {
    cmd
      .showHelpAfterError(false)
      .configureOutput({ outputError: (str, write) => write(usageMessage(cmd, str)) })
      .exitOverride();
  }
}

/**
 * Runs the program on argv and sets process.exitCode: 0 for help and --version, 2 for a usage
 * error (commander's, already printed, or a UsageError / InvalidArgumentError thrown by an
 * action), 1 for any other error, printed as `newswire <cmd>: message`.
 */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  let active: Command = program;
  program.hook('preAction', (_self, actionCommand) => {
    active = actionCommand;
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof InvalidArgumentError || err instanceof UsageError) {
      process.stderr.write(usageMessage(active, err.message));
      process.exitCode = EXIT_USAGE;
    } else if (err instanceof CommanderError) {
      // Printed by commander already (help, version or the usage error).
      process.exitCode = err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    } else {
      process.stderr.write(`${commandPath(active)}: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = EXIT_FAILURE;
    }
  }
}

/**
 * The `newswire` CLI: a primary adapter over the same use-cases the Lambdas run.
 * Local commands work on the embedded store under --data-dir (default .newswire/).
 * Each command lives in its own module under bin/commands/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { registerDlqCommand } from './commands/dlq';
import { registerFeedCommand } from './commands/feed';
import { registerFeedsCommand } from './commands/feeds';
import { registerGetCommand } from './commands/get';
import { registerIngestCommand } from './commands/ingest';
import { registerLocalCommand } from './commands/local';
import { registerParseCommand } from './commands/parse';
import { registerQueryCommand } from './commands/query';
import { configureUsageErrors, runCli } from './commands/usage';

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version;

const program = new Command('newswire')
  .description('Ingest PR Newswire-style feeds into normalized press-release records, and query them.')
  .version(PACKAGE_VERSION);

registerIngestCommand(program);
registerParseCommand(program);
registerQueryCommand(program);
registerGetCommand(program);
registerFeedsCommand(program);
registerFeedCommand(program);
registerLocalCommand(program);
registerDlqCommand(program);

// Exit codes: 0 done, 1 a failure, 2 a usage error (one line and a --help hint); see commands/usage.ts.
configureUsageErrors(program);
void runCli(program, process.argv);

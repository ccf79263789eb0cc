/**
 * The `newswire` CLI: a primary adapter over the same use-cases the Lambdas run.
 * Local commands work on the embedded store under --data-dir (default .newswire/).
 * Each command lives in its own module under bin/commands/, which loads what its action needs (the
 * parser, the stores, the AWS SDK) only when that command runs: `newswire --help` loads none of it.
 * bin/newswire.cjs runs the build of this file (dist/cli, made by scripts/build-cli.cjs).
 */
import { Command } from 'commander';
import { version as PACKAGE_VERSION } from '../package.json';
import { registerDlqCommand } from './commands/dlq';
import { registerFeedCommand } from './commands/feed';
import { registerFeedsCommand } from './commands/feeds';
import { registerGetCommand } from './commands/get';
import { registerIngestCommand } from './commands/ingest';
import { registerLocalCommand } from './commands/local';
import { registerParseCommand } from './commands/parse';
import { registerQueryCommand } from './commands/query';
import { registerReprocessCommand } from './commands/reprocess';
import { registerRunCommand } from './commands/run';
import { configureUsageErrors, runCli } from './commands/usage';

const program = new Command('newswire')
  .description('Ingest PR Newswire-style feeds into normalized press-release records, and query them.')
  .version(PACKAGE_VERSION);

registerIngestCommand(program);
registerRunCommand(program);
registerParseCommand(program);
registerQueryCommand(program);
registerGetCommand(program);
registerFeedsCommand(program);
registerFeedCommand(program);
registerLocalCommand(program);
registerDlqCommand(program);
registerReprocessCommand(program);

// Exit codes: 0 done, 1 a failure, 2 a usage error (one line and a --help hint); see commands/usage.ts.
configureUsageErrors(program);
void runCli(program, process.argv);

import type { Command } from 'commander';
import { dataDirOption, withRuntime } from './shared';

/** Registers `newswire get`. */
export function registerGetCommand(program: Command): void {
  program
    .command('get')
    .description('print one stored record as JSON')
    .argument('<id>', 'record id')
    .addOption(dataDirOption())
    .action(async (id: string, opts: { dataDir: string }) => {
      const record = await withRuntime(opts.dataDir, 'error', (rt) => rt.articles.get(id));
      if (!record) {
        console.error(`newswire get: no record with id ${id}`);
        process.exitCode = 1;
        return;
      }
      console.log(JSON.stringify(record, null, 2));
    });
}

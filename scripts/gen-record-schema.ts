// Regenerates lambdas/core/record.schema.json from the zod schema (run: npx tsx scripts/gen-record-schema.ts).
// The file is formatted with prettier so `npm run lint` (prettier --check) accepts it as generated;
// the staleness test compares parsed JSON, so formatting never makes it fail.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { recordJsonSchema } from '../lambdas/core/recordSchema';

async function main(): Promise<void> {
  const target = join(__dirname, '..', 'lambdas', 'core', 'record.schema.json');
  const json = JSON.stringify(recordJsonSchema(), null, 2);
  writeFileSync(target, await format(json, { parser: 'json', printWidth: 120 }));
  console.log(`wrote ${target}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

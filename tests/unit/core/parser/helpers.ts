import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Root of the release fixtures (tests/fixtures/releases). */
export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'releases');

/** A fixture file's text. */
export function fixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

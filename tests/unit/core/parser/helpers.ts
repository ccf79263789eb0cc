import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Fixture, FIXTURES_ROOT, type Labels, loadFixtures } from '../../../../scripts/eval/fixtureCorpus';

/** Root of the release fixtures (tests/fixtures/releases). */
export const FIXTURES = FIXTURES_ROOT;

/** A fixture file's text. */
export function fixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

/** Every fixture of the labelled corpus (seed, cases and the bundled sample pages), labelled or not. */
export const FIXTURE_CORPUS: Fixture[] = loadFixtures();

/** The fixtures that have a label file. */
export function labelled(): (Fixture & { labels: Labels })[] {
  return FIXTURE_CORPUS.filter((f): f is Fixture & { labels: Labels } => f.labels !== null);
}

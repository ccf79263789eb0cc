/** Cold-start wiring of the functions that read or write releases: the Articles store, and the raw archive made on first use. */
import { DynamoArticleStore } from '../adapters/dynamodb/articleStore';
import { ENV } from '../adapters/dynamodb/tableDesign';
import type { RawArchive } from '../pipeline/ports';
import { need } from './env';
import { ddb, env } from './runtime';

/** The Articles store; with the archive it can write and read records too large for one item. */
export function articleStore(archive?: RawArchive): DynamoArticleStore {
  return new DynamoArticleStore({
    client: ddb,
    tableName: need(env.articlesTable, ENV.articlesTable),
    ...(archive ? { archive } : {}),
  });
}

/**
 * The raw archive, its S3 client and adapter loaded by the first put or get (runtimeArchive.ts):
 * poll-feed archives only a feed that changed, and an invocation whose feeds all answer 304 Not
 * Modified (the common poll) never needs S3; process-article archives only a release page it
 * fetches (a feed item carrying the whole release is not fetched), an oversized message's feed body
 * and an overflowed record. Loading the runtime's S3 client after the DynamoDB one is ~16–22 ms of
 * CPU of a cold start (docs/performance.md). The bucket setting is still checked at init.
 */
export function rawArchiveOnFirstUse(): RawArchive {
  need(env.rawBucket, ENV.rawBucket);
  let made: Promise<RawArchive> | undefined;
  const archive = () => (made ??= import('./runtimeArchive.js').then((m) => m.rawArchive()));
  return {
    put: async (key, body, contentType) => (await archive()).put(key, body, contentType),
    get: async (key) => (await archive()).get(key),
  };
}

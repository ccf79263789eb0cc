/** Cold-start wiring of the functions that read or write releases: the raw archive (S3) and the Articles store. */
import { S3Client } from '@aws-sdk/client-s3';
import { S3RawArchive } from '../adapters/archive/s3Archive';
import { DynamoArticleStore } from '../adapters/dynamodb/articleStore';
import { ENV } from '../adapters/dynamodb/tableDesign';
import type { RawArchive } from '../pipeline/ports';
import { need } from './env';
import { ddb, env } from './runtime';
import { traced } from './tracing';

/** The Articles store; with the archive it can write and read records too large for one item. */
export function articleStore(archive?: RawArchive): DynamoArticleStore {
  return new DynamoArticleStore({
    client: ddb,
    tableName: need(env.articlesTable, ENV.articlesTable),
    ...(archive ? { archive } : {}),
  });
}

export function rawArchive(): S3RawArchive {
  return new S3RawArchive({
    client: traced(new S3Client({})),
    bucket: need(env.rawBucket, ENV.rawBucket),
  });
}

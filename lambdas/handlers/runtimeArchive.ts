/** The raw archive (S3), loaded by the first put or get of poll-feed's and process-article's archive (runtimeArticles.ts's rawArchiveOnFirstUse). */
import { S3Client } from '@aws-sdk/client-s3';
import { S3RawArchive } from '../adapters/archive/s3Archive';
import { ENV } from '../adapters/dynamodb/tableDesign';
import { need } from './env';
import { env } from './runtime';
import { traced } from './tracing';

export function rawArchive(): S3RawArchive {
  return new S3RawArchive({
    client: traced(new S3Client({})),
    bucket: need(env.rawBucket, ENV.rawBucket),
  });
}

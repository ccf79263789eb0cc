/**
 * poll-feed's raw archive is made by its first put or get (the S3 client is not loaded at a cold
 * start: tests/infra/handlerBundles.test.ts); made, it is the S3 adapter on the function's bucket.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
// Sets the functions' environment (RAW_BUCKET=raw); must come before the handler modules.
import './handlerEnv';
import { feedArchiveKey } from '../../../lambdas/core/archiveKeys';
import { rawArchiveOnFirstUse } from '../../../lambdas/handlers/runtimeArticles';

const s3 = mockClient(S3Client);
beforeEach(() => s3.reset());

test('the first put stores the bytes under the key in the function bucket, with their content type', async () => {
  // GIVEN an archive made on first use, not used yet
  s3.on(PutObjectCommand).resolves({});
  const archive = rawArchiveOnFirstUse();
  const key = feedArchiveKey('feed-1', new Date('2026-12-06T05:00:00Z'), 'ab'.repeat(32));
  // WHEN it stores a feed body
  await archive.put(key, new TextEncoder().encode('<rss/>'), 'application/rss+xml');
  // THEN one PutObject went to the RAW_BUCKET with that key
  const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
  expect(puts).toHaveLength(1);
  expect(puts[0]).toMatchObject({ Bucket: 'raw', Key: key });
  expect(puts[0]!.Metadata).toEqual({ 'original-content-type': 'application/rss+xml' });
});

test('a get of a key that is not there answers null through the same adapter', async () => {
  s3.on(GetObjectCommand).rejects(Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' }));
  const archive = rawArchiveOnFirstUse();
  const key = feedArchiveKey('feed-1', new Date('2026-12-06T05:00:00Z'), 'cd'.repeat(32));
  await expect(archive.get(key)).resolves.toBeNull();
  expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input)).toEqual([{ Bucket: 'raw', Key: key }]);
});

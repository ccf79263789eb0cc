/**
 * Secondary adapter: RawArchive on an S3 bucket. A `.gz` key holds a gzip file (ContentType
 * `application/gzip`, no ContentEncoding — so no client transparently decompresses it); the type of
 * the bytes as fetched is kept in the `original-content-type` metadata.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from '../../core/errors';
import type { RawArchive } from '../../pipeline/ports';
import { assertArchiveKey, decodeForKey, encodeForKey, isGzipKey } from './gzip';

export interface S3RawArchiveProps {
  readonly client: S3Client;
  readonly bucket: string;
}

export class S3RawArchive implements RawArchive {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(props: S3RawArchiveProps) {
    this.client = props.client;
    this.bucket = props.bucket;
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    assertArchiveKey(key);
    const stored = await encodeForKey(key, body);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: stored,
          ContentLength: stored.byteLength,
          ContentType: isGzipKey(key) ? 'application/gzip' : contentType,
          Metadata: { 'original-content-type': contentType },
        }),
      );
    } catch (err) {
      throw s3Error(err, `PutObject s3://${this.bucket}/${key}`);
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    assertArchiveKey(key);
    let stored: Uint8Array;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return new Uint8Array();
      stored = await out.Body.transformToByteArray();
    } catch (err) {
      if (err instanceof Error && (err.name === 'NoSuchKey' || err.name === 'NotFound')) return null;
      throw s3Error(err, `GetObject s3://${this.bucket}/${key}`);
    }
    return decodeForKey(key, stored);
  }
}

function s3Error(err: unknown, what: string): StorageError {
  const name = err instanceof Error ? err.name : 'Unknown';
  const message = err instanceof Error ? err.message : String(err);
  // Permissions and a missing bucket are configuration errors: retrying will not fix them.
  const retryable = !['AccessDenied', 'NoSuchBucket', 'InvalidBucketName'].includes(name);
  return new StorageError('ARCHIVE_ERROR', `${what}: ${name}: ${message}`, retryable, { cause: err });
}

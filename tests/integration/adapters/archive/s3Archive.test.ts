import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3RawArchive } from '../../../../lambdas/adapters/archive/s3Archive';
import { rawArchiveContract } from '../rawArchiveContract';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
// s3rver ships no types; this is all we use of it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

const BUCKET = 'raw-archive';

async function startS3(): Promise<{ client: S3Client; server: S3rverInstance; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dir,
    silent: true,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  const client = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // s3rver stores the SDK's checksum chunk framing inside the object otherwise.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return { client, server, dir };
}

async function stopS3(s: { client: S3Client; server: S3rverInstance; dir: string }): Promise<void> {
  s.client.destroy();
  await s.server.close();
  await rm(s.dir, { recursive: true, force: true });
}

rawArchiveContract('S3RawArchive (s3rver)', async () => {
  const s3 = await startS3();
  return {
    archive: new S3RawArchive({ client: s3.client, bucket: BUCKET }),
    readStored: async (key) => {
      const out = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
    },
    cleanup: () => stopS3(s3),
  };
});

describe('S3RawArchive object metadata', () => {
  let s3: Awaited<ReturnType<typeof startS3>> | undefined;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => {
    if (s3) await stopS3(s3);
  });

  it('marks a .gz object as a gzip file and keeps the original type in metadata', async () => {
    const archive = new S3RawArchive({ client: s3!.client, bucket: BUCKET });
    await archive.put(
      'articles/u-1/page.html.gz',
      new TextEncoder().encode('<html></html>'),
      'text/html; charset=utf-8',
    );
    const head = await s3!.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'articles/u-1/page.html.gz' }));
    expect(head.ContentType).toBe('application/gzip');
    expect(head.ContentEncoding).toBeUndefined();
    expect(head.Metadata?.['original-content-type']).toBe('text/html; charset=utf-8');
  });

  it('throws a non-retryable StorageError for a missing bucket', async () => {
    const archive = new S3RawArchive({ client: s3!.client, bucket: 'no-such-bucket' });
    await expect(archive.put('a/b.gz', new Uint8Array([1]), 'text/plain')).rejects.toMatchObject({
      code: 'ARCHIVE_ERROR',
      retryable: false,
    });
  });
});

/**
 * A stand-in for S3's GetObject / PutObject (path-style, as the SDK addresses an IP endpoint) that
 * serves one bucket from a local folder laid out like the folder archive (`<dir>/<key>`), so a
 * `--stack` command reads the raw archive an ingest wrote locally. Point clients at it with
 * AWS_ENDPOINT_URL_S3. Other buckets and missing keys answer NoSuchBucket / NoSuchKey, as S3 does.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface FakeS3 {
  endpoint: string;
  /** `METHOD key` of every request, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

const error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startFakeS3(bucket: string, dir: string): Promise<FakeS3> {
  const requests: string[] = [];
  const root = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://s3.local');
      const [, b, ...rest] = url.pathname.split('/');
      const key = decodeURIComponent(rest.join('/'));
      requests.push(`${req.method} ${key}`);
      res.setHeader('content-type', 'application/xml');
      const file = path.resolve(root, key);
      if (b !== bucket || !file.startsWith(root + path.sep)) {
        res.statusCode = 404;
        res.end(error('NoSuchBucket', `no bucket ${b}`));
        return;
      }
      if (req.method === 'PUT') {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, Buffer.concat(chunks));
        res.statusCode = 200;
        res.setHeader('etag', '"x"');
        res.end();
        return;
      }
      let body: Buffer;
      try {
        body = readFileSync(file);
      } catch {
        res.statusCode = 404;
        res.end(error('NoSuchKey', 'The specified key does not exist.'));
        return;
      }
      res.setHeader('content-type', 'application/octet-stream');
      res.setHeader('content-length', String(body.length));
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

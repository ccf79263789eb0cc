/**
 * Shared by the raw-archive adapters: keys ending in `.gz` are stored gzip-compressed and handed
 * back decompressed, so callers always see the bytes as fetched.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** True when the archive stores this key compressed. */
export function isGzipKey(key: string): boolean {
  return key.endsWith('.gz');
}

export async function gzipBytes(body: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await gzipAsync(body, { level: 6 }));
}

export async function gunzipBytes(body: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await gunzipAsync(body));
}

/** The bytes to store for key: compressed when the key says so. */
export function encodeForKey(key: string, body: Uint8Array): Promise<Uint8Array> {
  return isGzipKey(key) ? gzipBytes(body) : Promise.resolve(body);
}

/** The bytes as originally given, from what is stored under key. */
export function decodeForKey(key: string, stored: Uint8Array): Promise<Uint8Array> {
  return isGzipKey(key) ? gunzipBytes(stored) : Promise.resolve(stored);
}

/**
 * Refuses keys that could escape a folder or mean different things in S3 and on disk: empty, absolute,
 * with `..` or `.` or empty segments, backslashes or control characters.
 */
export function assertArchiveKey(key: string): void {
  // eslint-disable-next-line no-control-regex
  const bad = key === '' || key.startsWith('/') || /[\\\u0000-\u001f]/.test(key);
  if (bad || key.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) {
    throw new RangeError(`Invalid archive key ${JSON.stringify(key)}: use a relative path like "feeds/<id>/….xml.gz"`);
  }
}

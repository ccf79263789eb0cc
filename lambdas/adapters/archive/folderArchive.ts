/**
 * Secondary adapter: RawArchive on a local folder (the embedded default of `npm start`). Keys are
 * relative paths under `dir`, with the same gzip behaviour as the S3 archive. Writes are atomic
 * (temp file + rename), so a killed run never leaves a half-written object behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { StorageError } from '../../core/errors';
import type { RawArchive } from '../../pipeline/ports';
import { assertArchiveKey, decodeForKey, encodeForKey } from './gzip';

export interface FolderRawArchiveProps {
  /** Root folder of the archive; created on first write. */
  readonly dir: string;
}

export class FolderRawArchive implements RawArchive {
  private readonly root: string;

  constructor(props: FolderRawArchiveProps) {
    this.root = resolve(props.dir);
  }

  async put(key: string, body: Uint8Array, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    const stored = await encodeForKey(key, body);
    const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, stored);
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new StorageError('ARCHIVE_ERROR', `write ${key}: ${(err as Error).message}`, true, { cause: err });
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    const path = this.pathOf(key);
    let stored: Uint8Array;
    try {
      stored = new Uint8Array(await readFile(path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StorageError('ARCHIVE_ERROR', `read ${key}: ${(err as Error).message}`, true, { cause: err });
    }
    return decodeForKey(key, stored);
  }

  /** The file of a key; validated, and checked again to lie under the root. */
  private pathOf(key: string): string {
    assertArchiveKey(key);
    const path = resolve(join(this.root, ...key.split('/')));
    if (!path.startsWith(this.root + sep)) throw new RangeError(`Invalid archive key ${JSON.stringify(key)}`);
    return path;
  }
}

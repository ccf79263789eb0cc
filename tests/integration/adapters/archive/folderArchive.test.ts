import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderRawArchive } from '../../../../lambdas/adapters/archive/folderArchive';
import { rawArchiveContract } from '../rawArchiveContract';

rawArchiveContract('FolderRawArchive', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'archive-'));
  return {
    archive: new FolderRawArchive({ dir }),
    readStored: async (key) => new Uint8Array(await readFile(join(dir, ...key.split('/')))),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

it('leaves no temp files behind', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'archive-'));
  try {
    const archive = new FolderRawArchive({ dir });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => archive.put('articles/u-1/page.html.gz', new Uint8Array([i]), 'text/html')),
    );
    expect(await readdir(join(dir, 'articles', 'u-1'))).toEqual(['page.html.gz']);
    expect((await archive.get('articles/u-1/page.html.gz'))?.byteLength).toBe(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

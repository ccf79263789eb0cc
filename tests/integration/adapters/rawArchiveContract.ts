/**
 * The RawArchive contract: one suite every archive adapter must pass (S3 and folder alike), so the
 * local runtime and AWS store raw bytes the same way.
 */
import { gunzipSync } from 'node:zlib';
import type { RawArchive } from '../../../lambdas/pipeline/ports';

export interface ArchiveUnderTest {
  readonly archive: RawArchive;
  /** The bytes as the backend stores them (to check compression). */
  readStored(key: string): Promise<Uint8Array>;
  cleanup(): Promise<void>;
}

export function rawArchiveContract(name: string, setup: () => Promise<ArchiveUnderTest>): void {
  describe(`RawArchive contract: ${name}`, () => {
    let t: ArchiveUnderTest | undefined;
    const archive = () => (t as ArchiveUnderTest).archive;

    beforeAll(async () => {
      t = await setup();
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    const text = (s: string) => new TextEncoder().encode(s);

    it('stores a .gz key compressed and gives back the original bytes', async () => {
      const body = text('<rss><channel><title>Ünïcødé feed</title></channel></rss>'.repeat(50));
      await archive().put('feeds/f-1/2025/03/03/140000-abc.xml.gz', body, 'application/rss+xml; charset=utf-8');
      expect(await archive().get('feeds/f-1/2025/03/03/140000-abc.xml.gz')).toEqual(body);
      const stored = await (t as ArchiveUnderTest).readStored('feeds/f-1/2025/03/03/140000-abc.xml.gz');
      expect([stored[0], stored[1]]).toEqual([0x1f, 0x8b]);
      expect(stored.byteLength).toBeLessThan(body.byteLength);
      expect(new Uint8Array(gunzipSync(stored))).toEqual(body);
    });

    it('stores other keys as given', async () => {
      const body = text('{"a":1}');
      await archive().put('misc/plain.json', body, 'application/json');
      expect(await archive().get('misc/plain.json')).toEqual(body);
      expect(await (t as ArchiveUnderTest).readStored('misc/plain.json')).toEqual(body);
    });

    it('round-trips every byte value and an empty body', async () => {
      const all = new Uint8Array(256 * 4).map((_, i) => i % 256);
      await archive().put('articles/u-bin/all.bin.gz', all, 'application/octet-stream');
      expect(await archive().get('articles/u-bin/all.bin.gz')).toEqual(all);
      await archive().put('articles/u-empty/empty.html.gz', new Uint8Array(), 'text/html');
      expect(await archive().get('articles/u-empty/empty.html.gz')).toEqual(new Uint8Array());
    });

    it('round-trips a 2 MiB body', async () => {
      const big = new Uint8Array(2 * 1024 * 1024).map((_, i) => (i * 7919) % 251);
      await archive().put('articles/u-big/page.html.gz', big, 'text/html');
      expect(await archive().get('articles/u-big/page.html.gz')).toEqual(big);
    });

    it('replaces an object written twice under the same key', async () => {
      await archive().put('articles/u-twice/a.html.gz', text('first'), 'text/html');
      await archive().put('articles/u-twice/a.html.gz', text('second'), 'text/html');
      expect(await archive().get('articles/u-twice/a.html.gz')).toEqual(text('second'));
    });

    it('returns null for a key never written', async () => {
      expect(await archive().get('articles/u-none/nothing.html.gz')).toBeNull();
    });

    it.each(['', '/etc/passwd', '../outside.gz', 'a/../../b.gz', 'a//b.gz', 'a/./b.gz', 'a\\b.gz'])(
      'throws when the key is %j',
      async (key) => {
        await expect(archive().put(key, text('x'), 'text/plain')).rejects.toThrow(/Invalid archive key/);
        await expect(archive().get(key)).rejects.toThrow(/Invalid archive key/);
      },
    );
  });
}

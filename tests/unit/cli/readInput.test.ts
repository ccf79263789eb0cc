/**
 * `newswire parse` refuses a file whose text holds a NUL character (binary input), naming its
 * offset in the text. For UTF-8 and windows-1252 text the bytes are searched first; other
 * charsets (UTF-16 here, whose bytes hold 0x00 in every ASCII character) are searched as text.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, readTextInput } from '../../../bin/commands/readInput';
import { makeTempDir } from '../../helpers/tempDir';

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('read-input');
});
afterAll(() => tmp.remove());

async function nulOffset(name: string, bytes: Buffer): Promise<number | null> {
  const file = path.join(tmp.dir, name);
  writeFileSync(file, bytes);
  try {
    await readTextInput(file, { maxBytes: 1 << 20 });
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('INPUT_BINARY');
    return Number(/offset (\d+)/.exec((err as Error).message)?.[1]);
  }
}

describe('readTextInput: NUL characters', () => {
  it.each([
    ['UTF-8 with a NUL after a non-ASCII character', Buffer.from('Acme – plant\0 opens', 'utf8'), 12],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ab\0c')]), 2],
    ['windows-1252 (not valid UTF-8)', Buffer.from([0x41, 0x93, 0x42, 0x00, 0x43]), 3],
    [
      'UTF-16LE with a byte-order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Acme\0!', 'utf16le')]),
      4,
    ],
  ])("%s: refused, with the NUL's offset in the text", async (_, bytes, offset) => {
    expect(await nulOffset(`nul-${offset}-${bytes.length}.txt`, bytes)).toBe(offset);
  });

  it.each([
    ['UTF-8', Buffer.from('Acme – plant opens', 'utf8')],
    ['windows-1252', Buffer.from([0x41, 0x93, 0x42, 0x94, 0x43])],
    [
      'UTF-16LE, whose bytes hold 0x00 in every ASCII character',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Acme opens', 'utf16le')]),
    ],
  ])('%s without a NUL: read', async (name, bytes) => {
    expect(await nulOffset(`clean-${name.length}.txt`, bytes)).toBeNull();
  });
});

/**
 * The bytes and text of one input file of `parse` / `feed parse`: read with a bound (reading stops
 * as soon as the cap is passed, so `parse /dev/zero` ends at once), gzip undone with the same cap
 * when asked, and refused with a named reason when it is empty or binary.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { Option } from 'commander';
import type { DecodedBody } from '../../lambdas/core/feed/decode';
import { wholeNumber } from './shared';

/** 15 MiB, like the HTTP client's body cap: no release page or feed is larger. */
export const DEFAULT_MAX_INPUT_BYTES = 15 * 1024 * 1024;
export const MAX_INPUT_ENV = 'NEWSWIRE_MAX_INPUT_BYTES';

/** `--max-input-bytes <n>` (or NEWSWIRE_MAX_INPUT_BYTES): the cap on each input file. */
export const maxInputOption = () =>
  new Option('--max-input-bytes <n>', 'refuse an input file larger than this many bytes (after gunzip too)')
    .env(MAX_INPUT_ENV)
    .argParser(wholeNumber('--max-input-bytes', 1, Number.MAX_SAFE_INTEGER))
    .default(DEFAULT_MAX_INPUT_BYTES, '15 MiB');

export type InputErrorCode = 'FILE_UNREADABLE' | 'INPUT_TOO_LARGE' | 'INPUT_EMPTY' | 'INPUT_BINARY';

/** Why an input file was not read. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** The bytes of a file (`-`: standard input), at most maxBytes; InputError past the cap or when unreadable. */
export async function readBounded(file: string, maxBytes: number): Promise<Buffer> {
  return file === '-' ? readStreamBounded(process.stdin, maxBytes) : readFileBounded(file, maxBytes);
}

/**
 * A file read synchronously: the commands read their files one after another anyway, and a stream
 * costs a thread-pool round trip per 64 KiB (most of `parse`'s wall time on a busy machine).
 */
function readFileBounded(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    throw new InputError('FILE_UNREADABLE', (err as Error).message);
  }
  try {
    // A regular file is read into a buffer of its size plus a byte (to see it did not grow past
    // the cap), so nothing is copied; devices and pipes, whose size is 0, into a buffer that doubles.
    let buffer = Buffer.allocUnsafe(Math.max(Math.min(fstatSync(fd).size + 1, maxBytes + 1), 64 * 1024));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(maxBytes);
    }
    return buffer.subarray(0, total);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('FILE_UNREADABLE', (err as Error).message);
  } finally {
    closeSync(fd);
  }
}

async function readStreamBounded(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        stream.destroy();
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('FILE_UNREADABLE', (err as Error).message);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The text of an input file: read (bounded), gunzipped when `gzip` and the bytes say so, decoded,
 * and refused when empty (nothing but white space) or binary (NUL characters in the text).
 */
export async function readTextInput(
  file: string,
  opts: { maxBytes: number; gzip?: boolean },
): Promise<{ bytes: Buffer; decoded: DecodedBody }> {
  let bytes = await readBounded(file, opts.maxBytes);
  if (opts.gzip && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // Loaded only for a gzipped file: node:zlib is ~4 ms of a start that never needs it.
    const { gunzipSync } = await import('node:zlib');
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: opts.maxBytes });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(opts.maxBytes, 'gunzipped');
      throw new InputError('FILE_UNREADABLE', `gzip: ${(err as Error).message}`);
    }
  }
  if (bytes.length === 0) throw new InputError('INPUT_EMPTY', 'empty input (0 bytes)');
  // Loaded here, not at start: `--help` and usage errors never decode anything.
  const { decodeBody } = await import('../../lambdas/core/feed/decode.js');
  const decoded = decodeBody(bytes);
  if (decoded.text.trim() === '')
    throw new InputError('INPUT_EMPTY', `empty input (${bytes.length} bytes of white space)`);
  const nul = mayHoldNul(bytes, decoded.charset) ? decoded.text.indexOf('\0') : -1;
  if (nul !== -1) {
    throw new InputError(
      'INPUT_BINARY',
      `binary input: a NUL character at offset ${nul} of the text (not a text, markdown, HTML or feed file)`,
    );
  }
  return { bytes, decoded };
}

/**
 * Charsets whose text holds U+0000 only where the bytes hold 0x00 (and 0x00 is always U+0000):
 * UTF-8, windows-1252, and the two mixed (lambdas/core/feed/decode.ts).
 */
const NUL_IS_BYTE_ZERO = new Set(['utf-8', 'windows-1252', 'utf-8+windows-1252']);

/**
 * Whether the text decoded from `bytes` may hold a NUL. The bytes are searched first where they
 * tell (a memchr): a string's indexOf('\0') steps through every character of a page.
 */
function mayHoldNul(bytes: Buffer, charset: string): boolean {
  return !NUL_IS_BYTE_ZERO.has(charset) || bytes.includes(0);
}

function tooLarge(maxBytes: number, what = 'read'): InputError {
  return new InputError(
    'INPUT_TOO_LARGE',
    `larger than ${maxBytes} bytes (${what}; stopped there). Raise the cap with --max-input-bytes or ${MAX_INPUT_ENV}`,
  );
}

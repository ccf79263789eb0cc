import { isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';

/** How the bytes of a document were turned into text. */
export interface DecodedBody {
  text: string;
  /** The charset actually used (lower-case iconv name). */
  charset: string;
  /** Where it came from: a byte-order mark, the HTTP header, the document's own declaration, or a guess. */
  source: 'bom' | 'header' | 'declaration' | 'default' | 'sniffed';
  /** The charset the header / declaration claimed, when the bytes proved it wrong and another was used. */
  overridden: string | null;
}

/** Labels the web reads as windows-1252 (WHATWG Encoding): C1 bytes are the Windows punctuation. */
const AS_WINDOWS_1252 = /^(?:us-?ascii|ascii|iso[-_]?8859[-_]?1|latin-?1|l1|cp819|iso-ir-100)$/i;

/**
 * Decodes fetched bytes to a string. Order of trust: a byte-order mark, then the charset of the
 * HTTP Content-Type, then the XML declaration / HTML meta charset, then UTF-8 — corrected by
 * what the bytes show: a document declared (or defaulted to) UTF-8 that is not valid UTF-8 is read
 * with the other declaration, else byte by byte (UTF-8 sequences as UTF-8, the rest as windows-1252); a document declared as a legacy charset
 * (ISO-8859-1, windows-1252, ASCII, Shift_JIS, …) whose bytes are valid UTF-8 with non-ASCII
 * characters is read as UTF-8 (such bytes are practically never legacy text). ISO-8859-1 and ASCII labels are
 * read as windows-1252, as browsers do. Unknown charset names are ignored.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = charsetFromBom(buf);
  if (bom) return { text: stripBom(iconv.decode(buf, bom)), charset: bom, source: 'bom', overridden: null };

  const sniffed = unicodeWithoutBom(buf);
  if (sniffed)
    return { text: stripBom(iconv.decode(buf, sniffed)), charset: sniffed, source: 'sniffed', overridden: null };

  const header = known(charsetFromContentType(contentType));
  const declaration = known(charsetFromMarkup(buf));
  const claimed = header ?? declaration;
  const source = header ? 'header' : declaration ? 'declaration' : 'default';
  const validUtf8 = isUtf8(buf);
  const ascii = !validUtf8 ? false : isAscii(buf);

  let charset: string;
  let overridden: string | null = null;
  if (!claimed || isUtf8Label(claimed) || /^utf-?(?:16|32)/i.test(claimed)) {
    // UTF-8 (declared or default), or UTF-16/32 declared over bytes with no UTF-16/32 shape.
    if (validUtf8) charset = 'utf-8';
    else {
      const other = [header, declaration].find((c) => c && !isUtf8Label(c) && !/^utf-?(?:16|32)/i.test(c));
      if (claimed) overridden = claimed;
      if (!other) {
        // No other declaration: UTF-8 where the bytes are UTF-8, windows-1252 for the bytes that are
        // not (a UTF-8 feed with a few pasted-in legacy characters keeps both readable).
        const mixed = decodeUtf8OrWindows1252(buf);
        return { text: stripBom(mixed.text), charset: mixed.charset, source: 'sniffed', overridden };
      }
      charset = webName(other);
    }
    if (claimed && /^utf-?(?:16|32)/i.test(claimed) && charset === 'utf-8') overridden = claimed;
  } else if (validUtf8 && !ascii) {
    // Non-ASCII bytes that are valid UTF-8 throughout are UTF-8, whatever was declared: legacy text
    // (single-byte, and in practice Shift_JIS / GBK / Big5 too) almost never is.
    charset = 'utf-8';
    overridden = claimed;
  } else {
    charset = webName(claimed);
  }
  return {
    text: stripBom(iconv.decode(buf, charset)),
    charset,
    source: overridden ? 'sniffed' : source,
    overridden,
  };
}

/**
 * Valid UTF-8 sequences as UTF-8, every other byte as windows-1252. Charset `windows-1252` when no
 * multi-byte UTF-8 sequence was found (a plain legacy document), else `utf-8+windows-1252`.
 */
function decodeUtf8OrWindows1252(b: Buffer): { text: string; charset: string } {
  const parts: string[] = [];
  let runStart = 0;
  let sawUtf8 = false;
  let i = 0;
  while (i < b.length) {
    const byte = b[i] ?? 0;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const n =
      byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (n && i + n <= b.length && isUtf8(b.subarray(i, i + n))) {
      sawUtf8 = true;
      i += n;
      continue;
    }
    parts.push(b.toString('utf8', runStart, i), iconv.decode(b.subarray(i, i + 1), 'windows-1252'));
    i++;
    runStart = i;
  }
  parts.push(b.toString('utf8', runStart));
  return { text: parts.join(''), charset: sawUtf8 ? 'utf-8+windows-1252' : 'windows-1252' };
}

function known(name: string | null): string | null {
  return name && iconv.encodingExists(name) ? name.toLowerCase() : null;
}

function isUtf8Label(name: string): boolean {
  return /^utf-?8$/i.test(name);
}

function webName(name: string): string {
  return AS_WINDOWS_1252.test(name) ? 'windows-1252' : name.toLowerCase();
}

function isAscii(b: Buffer): boolean {
  for (const byte of b) if (byte > 0x7f) return false;
  return true;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function charsetFromBom(b: Buffer): string | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 4 && b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return 'utf-32le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return null;
}

/** `<` written in UTF-32 or UTF-16 without a byte-order mark (the XML spec's autodetection table). */
function unicodeWithoutBom(b: Buffer): string | null {
  if (b.length < 4) return null;
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0x00 && b[3] === 0x3c) return 'utf-32be';
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x00 && b[3] === 0x00) return 'utf-32le';
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] !== 0x00 && b[3] === 0x00) return 'utf-16le';
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] !== 0x00) return 'utf-16be';
  return null;
}

function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = ct ? /charset\s*=\s*["']?([\w.:-]+)["']?/i.exec(ct) : null;
  return m?.[1] ?? null;
}

function charsetFromMarkup(b: Buffer): string | null {
  // Declarations sit in the first bytes; reading them as latin1 is safe for ASCII-compatible charsets.
  const head = b.subarray(0, 1024).toString('latin1');
  const xml = /<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1];
  const meta = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

/**
 * Removes what XML 1.0 forbids: control characters other than tab, CR, LF; U+FFFE / U+FFFF; and
 * unpaired surrogates (left by a broken encoder).
 */
export function stripIllegalXmlChars(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
}

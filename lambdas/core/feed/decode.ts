import { isAscii, isUtf8 } from 'node:buffer';

/** How the bytes of a document were turned into text. */
export interface DecodedBody {
  text: string;
  /** The charset actually used (the lower-cased label, e.g. `windows-1252`, `shift_jis`). */
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
  if (bom) return { text: stripBom(decodeAs(buf, bom)), charset: bom, source: 'bom', overridden: null };

  const sniffed = unicodeWithoutBom(buf);
  if (sniffed) return { text: stripBom(decodeAs(buf, sniffed)), charset: sniffed, source: 'sniffed', overridden: null };

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
    text: stripBom(decodeAs(buf, charset)),
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
    parts.push(b.toString('utf8', runStart, i), decodeWindows1252(b.subarray(i, i + 1)));
    i++;
    runStart = i;
  }
  parts.push(b.toString('utf8', runStart));
  return { text: parts.join(''), charset: sawUtf8 ? 'utf-8+windows-1252' : 'windows-1252' };
}

/**
 * Charsets are decoded by the platform's WHATWG Encoding decoder (TextDecoder over ICU: every label
 * a browser reads, Shift_JIS, GBK, Big5, EUC-KR and the single-byte ones included) rather than
 * iconv-lite, whose tables are ~490 kB of every bundle that decodes (npm run bench:bundle). UTF-32,
 * which the Encoding standard dropped, is read here (BOM / autodetection only).
 */
const UTF_32 = /^utf-?32(be|le)$/i;

function decodeAs(b: Buffer, charset: string): string {
  const utf32 = UTF_32.exec(charset);
  if (utf32) return decodeUtf32(b, utf32[1]!.toLowerCase() === 'le');
  const decoder = new TextDecoder(charset);
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(b) : decoder.decode(b);
}

/** Bytes 0x80–0x9F of windows-1252 (WHATWG index; the five unassigned ones stay C1 controls). */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * windows-1252 (and the labels read as it: ISO-8859-1, ASCII): Latin-1 with the table above for
 * 0x80–0x9F. Not TextDecoder: Node 20's drops those bytes (`new TextDecoder('windows-1252')
 * .decode(Uint8Array.of(0x93))` is ''), and they are the curly quotes and dashes of every such page.
 */
function decodeWindows1252(b: Buffer): string {
  return b.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** UTF-32 code units as text; a unit that is no Unicode scalar value, and trailing bytes, as U+FFFD. */
function decodeUtf32(b: Buffer, littleEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: string[] = [];
  for (let i = 0; i + 4 <= b.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    parts.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd');
  }
  if (b.length % 4) parts.push('\ufffd');
  return parts.join('');
}

/** A label the decoder knows (not `replacement`, the Encoding standard's sink for unsafe charsets). */
function isKnownCharset(name: string): boolean {
  if (UTF_32.test(name) || /^utf-?32$/i.test(name)) return true;
  try {
    return new TextDecoder(name).encoding !== 'replacement';
  } catch {
    return false;
  }
}

function known(name: string | null): string | null {
  return name && isKnownCharset(name) ? name.toLowerCase() : null;
}

function isUtf8Label(name: string): boolean {
  return /^utf-?8$/i.test(name);
}

function webName(name: string): string {
  return AS_WINDOWS_1252.test(name) ? 'windows-1252' : name.toLowerCase();
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

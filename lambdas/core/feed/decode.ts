import * as iconv from 'iconv-lite';

/**
 * Decodes fetched bytes to a string. Order of trust: a byte-order mark, then the charset of the
 * HTTP Content-Type, then the XML declaration / HTML meta charset, then UTF-8. Unknown charset
 * names fall back to UTF-8 rather than failing the document.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): { text: string; charset: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = charsetFromBom(buf);
  const declared = bom ?? charsetFromContentType(contentType) ?? charsetFromMarkup(buf) ?? 'utf-8';
  const charset = iconv.encodingExists(declared) ? declared.toLowerCase() : 'utf-8';
  // iconv-lite strips a BOM by default.
  return { text: iconv.decode(buf, charset), charset };
}

function charsetFromBom(b: Buffer): string | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return null;
}

function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = ct ? /charset\s*=\s*"?([\w.:-]+)"?/i.exec(ct) : null;
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

/** Removes characters that XML 1.0 forbids (control characters other than tab, CR, LF). */
export function stripIllegalXmlChars(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

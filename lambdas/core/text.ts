import { parseDocument } from 'htmlparser2';
import * as DomUtils from 'domutils';

/** Collapses every kind of whitespace (NBSP, narrow NBSP, tabs, newlines) to single spaces and trims. */
export function squashWhitespace(s: string): string {
  return s.replace(/[\s\u00a0\u202f\u2007\u2009\u200a\u2028\u2029]+/g, ' ').trim();
}

/**
 * Plain text of an HTML fragment (a feed description, a title with markup): parsed by a real HTML
 * parser, entities decoded, whitespace collapsed. Null for empty input.
 */
export function htmlToPlainText(html: string | null | undefined): string | null {
  if (html == null) return null;
  if (!/[<&]/.test(html)) return squashWhitespace(html) || null;
  const doc = parseDocument(html, { decodeEntities: true });
  const text = squashWhitespace(DomUtils.textContent(doc.children));
  return text || null;
}

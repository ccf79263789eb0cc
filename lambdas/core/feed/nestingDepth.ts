/**
 * Refuses documents nested deeper than any feed is, before a parser sees them. One linear pass over
 * the text: XML parsers (sax / xml2js) and the code that walks their trees spend time or stack in
 * proportion to the depth at every element, so a 280 KB document of 40,000 nested `<x>` would cost
 * minutes, and a JSON Feed of 100,000 nested arrays overflows the stack.
 */
import { FeedParseError } from '../errors';
import { FEED_ERROR_CODES } from './types';

/** Deepest nesting a feed may have. A real feed is 3–6 levels deep, 20 with XHTML content. */
export const MAX_FEED_DEPTH = 256;

/**
 * Throws FeedParseError `FEED_TOO_DEEP` when an element is nested deeper than `max` (the root is
 * depth 1). Comments, CDATA sections, processing instructions and the DOCTYPE are skipped; a
 * self-closing tag does not nest; an end tag closes up to the matching open element, as the lenient
 * parser does with unclosed tags (`<br>` in a description), and an end tag that matches no open
 * element is ignored. Linear in the length of the document.
 * Returns where the outermost items lie (for parseFeed's item cap before parsing).
 */
export function checkXmlDepth(doc: string, max = MAX_FEED_DEPTH): ItemSpan[] {
  const spans: ItemSpan[] = [];
  /** Depth of the open `item` / `entry` element the scan is in (0: none). */
  let itemDepth = 0;
  let itemStart = 0;
  const open: string[] = [];
  /** How many of each name are open: an end tag with no open element of its name pops nothing. */
  const openCount = new Map<string, number>();
  let i = 0;
  for (;;) {
    const lt = doc.indexOf('<', i);
    if (lt < 0) return spans;
    const next = doc.charCodeAt(lt + 1);
    if (doc.startsWith('<!--', lt)) i = skipPast(doc, '-->', lt + 4);
    else if (doc.startsWith('<![CDATA[', lt)) i = skipPast(doc, ']]>', lt + 9);
    else if (next === 0x3f /* ? */) i = skipPast(doc, '?>', lt + 2);
    else if (next === 0x21 /* ! */) i = skipDeclaration(doc, lt);
    else if (next === 0x2f /* / */) {
      const end = tagEnd(doc, lt + 2);
      const name = tagName(doc, lt + 2);
      if (name && (openCount.get(name) ?? 0) > 0) {
        for (;;) {
          const top = open.pop() as string;
          openCount.set(top, (openCount.get(top) ?? 1) - 1);
          if (itemDepth > open.length) {
            // The item closes here: with its own end tag, or with its parent's (left unclosed).
            spans.push({ start: itemStart, end: top === name ? (end < 0 ? doc.length : end) : lt });
            itemDepth = 0;
          }
          if (top === name) break;
        }
      }
      i = end;
    } else {
      const name = tagName(doc, lt + 1);
      if (!name) {
        i = lt + 1; // `a < b` in text
        continue;
      }
      const end = tagEnd(doc, lt + 1 + name.length);
      if (doc.charCodeAt(end - 2) !== 0x2f /* `/>` */) {
        open.push(name);
        if (itemDepth === 0 && ITEM_NAME.test(name)) {
          itemDepth = open.length;
          itemStart = lt;
        }
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        if (open.length > max) {
          throw new FeedParseError(
            FEED_ERROR_CODES.tooDeep,
            `elements are nested more than ${max} deep (at character ${lt}); refused`,
          );
        }
      }
      i = end;
    }
    if (i < 0) return spans;
  }
}

/** Where one item (`<item>…</item>`, `<entry>…</entry>`, any prefix) lies in the document. */
export interface ItemSpan {
  start: number;
  end: number;
}
const ITEM_NAME = /^(?:[\w.-]+:)?(?:item|entry)$/;

/**
 * Throws FeedParseError `FEED_TOO_DEEP` when JSON arrays / objects are nested deeper than `max`.
 * Brackets inside strings do not count. Linear in the length of the text.
 */
export function checkJsonDepth(json: string, max = MAX_FEED_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) {
        throw new FeedParseError(
          FEED_ERROR_CODES.tooDeep,
          `JSON is nested more than ${max} deep (at character ${i}); refused`,
        );
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth = Math.max(0, depth - 1);
  }
}

/** The index after `close` searched from `from`, or -1 (the rest of the document is inside). */
export function skipPast(doc: string, close: string, from: number): number {
  const at = doc.indexOf(close, from);
  return at < 0 ? -1 : at + close.length;
}

/** Past a `<!DOCTYPE …>` (with its `[ … ]` internal subset) or another `<!…>` declaration. */
export function skipDeclaration(doc: string, lt: number): number {
  const gt = doc.indexOf('>', lt);
  const bracket = doc.indexOf('[', lt);
  if (gt < 0) return -1;
  if (bracket < 0 || bracket > gt) return gt + 1;
  const close = doc.indexOf(']', bracket);
  return close < 0 ? -1 : skipPast(doc, '>', close);
}

/** The element name starting at `at` (lower-cased: the lenient pass reads names that way), or '' if none. */
function tagName(doc: string, at: number): string {
  const c = doc.charCodeAt(at);
  // A name starts with a letter, `_` or `:` (or any non-ASCII character).
  if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c > 0x7f)) return '';
  let j = at + 1;
  while (j < doc.length) {
    const d = doc.charCodeAt(j);
    if (d === 0x2f || d === 0x3e || d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d) break;
    j++;
  }
  return doc.slice(at, j).toLowerCase();
}

/**
 * The index after the `>` that ends the tag whose attributes start at `from`, or -1. A `>` inside a
 * quoted attribute value does not end it; a quote opens a value only after `=` (a lenient parser
 * reads `title=it's` as an unquoted value, and so must this scan, or it would skip what follows).
 */
function tagEnd(doc: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let j = from; j < doc.length; j++) {
    const c = doc.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
      continue;
    }
    if (c === 0x3e /* > */) return j + 1;
    if ((c === 0x22 || c === 0x27) && afterEquals) quote = c;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) afterEquals = c === 0x3d; /* = */
  }
  return -1;
}

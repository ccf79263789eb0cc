import { DomHandler, Parser, Tokenizer } from 'htmlparser2';
import { type AnyNode, type Document, type Element, hasChildren, isComment, isText } from 'domhandler';

/**
 * htmlparser2 with a nesting limit. Its parser keeps open tags in an array it `unshift`s, so a
 * megabyte of unclosed `<b>` costs seconds (quadratic); a real page nests a few dozen levels. Past
 * MAX_DEPTH we stop building a DOM and read the text with the (linear) tokenizer instead.
 */
export const MAX_DEPTH = 400;

/** The parts of htmlparser2's tokenizer (10.x) that TextRunTokenizer steps over; private in its typings. */
interface TokenizerState {
  buffer: string;
  offset: number;
  index: number;
  stateText(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  fastForwardTo(c: number): boolean;
  /** TextRunTokenizer's: the buffer `ampAt` was found in, and the index there of an `&` (see skipRun). */
  ampIn: string | null;
  ampAt: number;
}

const LT = 0x3c;
const AMP = 0x26;

/**
 * htmlparser2's tokenizer with changes of speed, none of result: in text, every character but `<`
 * and `&` is a step that does nothing, and in a quoted attribute value every character but its
 * quote and `&`; so a run of them is passed at once instead of one state-machine step each
 * (release pages are up to three quarters white space between tags, and their tags carry long
 * URLs, class lists and inline data). Where it waits for one character (the end of a script, a
 * comment or a tag), it finds it with `indexOf` instead of a loop over the characters. The tokens,
 * and the DOM, are the same (tests/unit/core/parser/domText.test.ts compares them on the real pages).
 */
export class TextRunTokenizer extends Tokenizer {
  /** The buffer `ampAt` belongs to (null: none searched yet). */
  ampIn: string | null = null;
  /** The index of the first `&` in `ampIn` at or after the last search's start; its length when there is none. */
  ampAt = -1;
}
/**
 * Passes the run of characters after the current one up to the next `stop` or `&` of the buffer:
 * leaves the index just before it, as the tokenizer's loop steps past the index it leaves (onto the
 * `stop` / `&`, or past the end of the buffer). Both are found with `indexOf`; the next `&` is kept
 * for the runs after it (a page without one would otherwise be searched to its end at every run).
 */
function skipRun(state: TokenizerState, stop: number): void {
  const buffer = state.buffer;
  const from = state.index - state.offset + 1;
  const stopAt = buffer.indexOf(String.fromCharCode(stop), from);
  let end = stopAt === -1 ? buffer.length : stopAt;
  if (state.ampIn !== buffer || state.ampAt < from) {
    const amp = buffer.indexOf('&', from);
    state.ampIn = buffer;
    state.ampAt = amp === -1 ? buffer.length : amp;
  }
  if (state.ampAt < end) end = state.ampAt;
  state.index = state.offset + end - 1;
}
const proto = TextRunTokenizer.prototype as unknown as TokenizerState;
const baseStateText = (Tokenizer.prototype as unknown as TokenizerState).stateText;
if (typeof baseStateText === 'function') {
  proto.stateText = function (this: TokenizerState, c: number) {
    if (c === LT || c === AMP) return baseStateText.call(this, c);
    skipRun(this, LT);
  };
}
const baseInAttributeValue = (Tokenizer.prototype as unknown as TokenizerState).handleInAttributeValue;
if (typeof baseInAttributeValue === 'function') {
  proto.handleInAttributeValue = function (this: TokenizerState, c: number, quote: number) {
    if (c === quote || c === AMP) return baseInAttributeValue.call(this, c, quote);
    skipRun(this, quote);
  };
}
if (typeof (Tokenizer.prototype as unknown as TokenizerState).fastForwardTo === 'function') {
  /** As htmlparser2's: moves the index onto the next `c` and says true, else onto the buffer's last character. */
  proto.fastForwardTo = function (this: TokenizerState, c: number): boolean {
    const at = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
    if (at !== -1) {
      this.index = this.offset + at;
      return true;
    }
    this.index = this.buffer.length + this.offset - 1;
    return false;
  };
}

class DepthLimitedHandler extends DomHandler {
  tooDeep = false;
  stop: (() => void) | null = null;
  /** When set, every element is pushed here as it is built. */
  elements: Element[] | null = null;

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    super.onopentag(name, attribs);
    if (this.elements) this.elements.push(this.tagStack[this.tagStack.length - 1] as Element);
    if (!this.tooDeep && this.tagStack.length > MAX_DEPTH) {
      this.tooDeep = true;
      this.stop?.();
    }
  }
}

/**
 * The DOM of `markup`, or null when it nests deeper than MAX_DEPTH (use `tokenizedText` then).
 * With `elements`, every element is pushed onto it as it is built: in document order (the tree only
 * ever grows by appending to the element open last), so a caller that indexes the page's elements
 * needs no second walk over the tree.
 */
export function parseDom(markup: string, xmlMode = false, elements: Element[] | null = null): Document | null {
  const handler = new DepthLimitedHandler(null);
  handler.elements = elements;
  const parser = new Parser(handler, {
    xmlMode,
    decodeEntities: true,
    lowerCaseTags: !xmlMode,
    lowerCaseAttributeNames: !xmlMode,
    recognizeCDATA: xmlMode,
    Tokenizer: TextRunTokenizer,
  });
  handler.stop = () => parser.pause();
  parser.write(markup);
  if (handler.tooDeep) return null;
  parser.end();
  return handler.root;
}

/** The attributes of an element releaseDom took apart (frozen: nothing may write to them). */
const RELEASED_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Takes apart a DOM its caller is done with: every node loses its parent, its siblings and its
 * children, a text node its text and an element its attributes (`elements`: all the DOM's
 * elements, as parseDom reported them). For speed only, a page's DOM being most of what a parse
 * allocates: a DOM outlives a collection of the young generation or two while it is built, so its
 * first nodes move to the old generation, and the dead old nodes would keep what they point at in
 * the young generation (the nodes built after them, their texts and attribute values) alive until
 * the next full collection, to be copied out as if alive. Unlinked, those are simply dropped.
 */
export function releaseDom(doc: Document, elements: readonly Element[]): void {
  for (const parent of [doc, ...elements]) {
    for (const child of parent.children) {
      child.parent = null;
      child.prev = null;
      child.next = null;
      if (isText(child)) child.data = '';
    }
    parent.children.length = 0;
  }
  for (const el of elements) el.attribs = RELEASED_ATTRIBUTES;
}

/**
 * The text of a node (or nodes): every text node's data in document order, as domutils'
 * textContent gives it, but joined once: textContent joins at every level, copying a deep page's
 * text once per level (the release-container choice read the whole page's text so, ~40 % of a
 * large page's parse).
 */
export function textContent(node: AnyNode | AnyNode[]): string {
  const parts: string[] = [];
  const stack: AnyNode[] = Array.isArray(node) ? [...node].reverse() : [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (hasChildren(n)) {
      if (!isComment(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    } else if (isText(n)) parts.push(n.data);
  }
  return parts.join('');
}

/** `textContent(node).length`, without building the text. */
export function textLength(node: AnyNode): number {
  let length = 0;
  const stack: AnyNode[] = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (hasChildren(n)) {
      if (!isComment(n)) for (const child of n.children) stack.push(child);
    } else if (isText(n)) length += n.data.length;
  }
  return length;
}

const BREAKING = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'table',
]);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);

/**
 * The text of markup read with htmlparser2's tokenizer alone (linear time, no tree): block tags
 * become line breaks, script and style contents are dropped, entities are decoded.
 */
export function tokenizedText(markup: string): string {
  const out: string[] = [];
  let hidden = 0;
  const name = (start: number, end: number) => markup.slice(start, end).toLowerCase();
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      ontext(start, end) {
        if (!hidden) out.push(markup.slice(start, end));
      },
      ontextentity(codepoint) {
        if (!hidden) out.push(String.fromCodePoint(codepoint));
      },
      onopentagname(start, end) {
        const n = name(start, end);
        if (HIDDEN.has(n)) hidden++;
        else if (BREAKING.has(n)) out.push('\n\n');
      },
      onclosetag(start, end) {
        const n = name(start, end);
        if (HIDDEN.has(n)) hidden = Math.max(0, hidden - 1);
        else if (BREAKING.has(n)) out.push('\n\n');
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onopentagend() {},
      onprocessinginstruction() {},
      onselfclosingtag() {},
    },
  );
  tokenizer.write(markup);
  tokenizer.end();
  return out.join('');
}

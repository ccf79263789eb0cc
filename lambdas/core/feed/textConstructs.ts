/**
 * How a feed element's text is to be read, by the specs (issue 10 §4):
 * - Atom 1.0 Text Constructs (RFC 4287 §3.1): `type="text"` (the default) is literal text — an
 *   escaped `&lt;blink&gt;` stays the characters `<blink>`; `type="html"` is markup escaped once,
 *   unescaped by the XML parser and then reduced to text; `type="xhtml"` is the text of the inner div.
 * - Atom 0.3 content (`mode="xml"` default, `"escaped"`, `"base64"`; `type` a MIME type, default
 *   `text/plain`): base64 is decoded, escaped is markup.
 * - RSS titles and descriptions carry no type and are HTML by usage: read as markup (markup left
 *   unescaped in them is kept as its text).
 * - Media RSS `media:title` (`type="plain"` default, or `"html"`).
 * Returns what the value is, for parseFeed to reduce markup to text within the field's limits.
 */

export interface TextValue {
  kind: 'text' | 'html';
  value: string;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The text of one xml2js value (a string, or `{_: text, $: attrs, child: […]}`), read by its `type`
 * / `mode` attributes. `dialect` says what an element without `type` is: Atom text, RSS markup, or
 * Media RSS plain text. Null when there is no text.
 */
export function textConstruct(raw: unknown, dialect: Dialect): TextValue | null {
  const el = Array.isArray(raw) ? raw[0] : raw;
  if (typeof el === 'string')
    return readTextConstruct({ value: el, type: null, mode: null, hasChildren: false }, dialect);
  if (!isNode(el)) return null;
  const attrs = isNode(el['$']) ? el['$'] : {};
  const hasChildren = Object.keys(el).some((k) => k !== '$' && k !== '_');
  const value = hasChildren ? nodeText(el) : typeof el['_'] === 'string' ? el['_'] : '';
  return readTextConstruct(
    { value, type: attribute(attrs, 'type'), mode: attribute(attrs, 'mode'), hasChildren },
    dialect,
  );
}

export type Dialect = 'atom' | 'rss' | 'media';

/** An element as read by any XML reader: its text (children's text included), `type`, `mode`, whether it had child elements. */
export interface TextElement {
  value: string;
  type: string | null;
  mode: string | null;
  hasChildren: boolean;
}

/** The rules above, for an element read by any XML reader (also core/parser/feedItem's htmlparser2). */
export function readTextConstruct(el: TextElement, dialect: Dialect): TextValue | null {
  const untyped: TextValue['kind'] = dialect === 'rss' ? 'html' : 'text';
  const type = el.type?.trim().toLowerCase() || null;
  const mode = el.mode?.trim().toLowerCase() || null;
  let value = el.value;
  if (!value.trim()) return null;
  if (mode === 'base64') value = Buffer.from(value.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (mode === 'escaped') return { kind: 'html', value };
  // Child elements were XHTML (or markup left unescaped): their text is what the element says.
  if (el.hasChildren) return { kind: 'text', value };
  if (type === 'html' || type === 'text/html') return { kind: 'html', value };
  if (type === 'xhtml' || type === 'application/xhtml+xml') return { kind: 'text', value };
  if (type === 'text' || type === 'text/plain' || type === 'plain') return { kind: 'text', value };
  return { kind: untyped, value };
}

function attribute(attrs: Node, name: string): string | null {
  const key = Object.keys(attrs).find((k) => k.toLowerCase() === name);
  const v = key ? attrs[key] : undefined;
  return typeof v === 'string' ? v : null;
}

/**
 * The text of an element and its children, iteratively (xml2js keeps no order between an element's
 * own text and its children; own text first is right for `<div>Less: <em>&lt;</em></div>`).
 */
export function nodeText(root: unknown): string {
  const out: string[] = [];
  const todo: unknown[] = [root];
  while (todo.length > 0) {
    const v = todo.pop();
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) todo.push(v[i]);
    else if (isNode(v)) {
      const children = Object.entries(v).filter(([k]) => k !== '$' && k !== '_');
      for (let i = children.length - 1; i >= 0; i--) todo.push(children[i]?.[1]);
      if (typeof v['_'] === 'string') todo.push(v['_']);
    }
  }
  return out.join(' ');
}

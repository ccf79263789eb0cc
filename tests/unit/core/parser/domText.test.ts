import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as DomUtils from 'domutils';
import { type AnyNode, DomHandler, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { parseDom, releaseDom, textContent, textLength } from '../../../../lambdas/core/parser/dom';

// The parser's textContent / textLength replace domutils' textContent (which joins at every level)
// for speed only: on every node of these documents they must give exactly what domutils gives.
const PAGES = [
  '<!DOCTYPE html><html><head><title>A &amp; B</title><style>p { color: red }</style>' +
    '<script type="application/ld+json">{"datePublished":"2025-01-02"}</script></head>' +
    '<body><!-- a comment --><div id="x"><p>One <b>two <i>three</i></b> four</p>' +
    '<table><tr><td>cell&nbsp;1</td><td><p>cell</p><p>two</p></td></tr></table>' +
    '<?php echo 1 ?><br/>tail &#x201c;quoted&#x201d;<pre>  a\n  b</pre></div>' +
    '<ul><li>x</li><li></li><li> y </li></ul></body></html>',
  '<p>' + '<span>deep '.repeat(60) + 'core' + '</span>'.repeat(60) + '</p><p>after</p>',
  // tags the parser closes or opens by itself: a <p> in a <p>, a stray </p> and </br>, open <li>s
  '<div><p>a<p>b</p></p></br><ul><li>1<li>2</ul><table><td>x</table><select><option>o<option>p</select>',
];

function allNodes(doc: AnyNode): AnyNode[] {
  const out: AnyNode[] = [doc];
  for (let i = 0; i < out.length; i++) {
    const n = out[i]!;
    if ('children' in n) out.push(...n.children);
  }
  return out;
}

describe('parser text of DOM nodes (speed-only replacement of domutils textContent)', () => {
  it.each(PAGES.map((p, i) => [i, p] as const))('page %i: every node, and node lists, as domutils gives', (_, page) => {
    const doc = parseDom(page);
    expect(doc).not.toBeNull();
    const nodes = allNodes(doc!);
    expect(nodes.length).toBeGreaterThan(10);
    for (const node of nodes) {
      const expected = DomUtils.textContent(node);
      expect(textContent(node)).toBe(expected);
      expect(textLength(node)).toBe(expected.length);
    }
    expect(textContent(doc!.children)).toBe(DomUtils.textContent(doc!.children));
    expect(textContent([])).toBe('');
  });

  it('keeps the text of scripts and styles and drops comments, as domutils does', () => {
    const doc = parseDom('<div>a<!--hidden--><script>var s = 1;</script><style>b{}</style>c</div>')!;
    expect(textContent(doc)).toBe('avar s = 1;b{}c');
    expect(textLength(doc)).toBe('avar s = 1;b{}c'.length);
  });
});

/** A node as plain data: type, name, attributes, text, children (what the parser reads of a DOM). */
function dump(node: AnyNode): unknown {
  const base = { type: node.type, start: node.startIndex, end: node.endIndex };
  if ('children' in node) {
    const attribs = 'attribs' in node ? node.attribs : undefined;
    const name = 'name' in node ? node.name : undefined;
    return { ...base, name, attribs, children: node.children.map(dump) };
  }
  return { ...base, data: 'data' in node ? node.data : undefined };
}

/** The DOM htmlparser2 builds with its own tokenizer and the options parseDom uses. */
function stockDom(markup: string, xmlMode = false): AnyNode {
  const handler = new DomHandler(null, { withStartIndices: false, withEndIndices: false });
  const parser = new Parser(handler, {
    xmlMode,
    decodeEntities: true,
    lowerCaseTags: !xmlMode,
    lowerCaseAttributeNames: !xmlMode,
    recognizeCDATA: xmlMode,
  });
  parser.write(markup);
  parser.end();
  return handler.root;
}

/** Two long texts are equal; a difference is shown around where it starts (a full diff takes minutes). */
function expectSameText(got: string, expected: string): void {
  let at = 0;
  while (at < got.length && got.charCodeAt(at) === expected.charCodeAt(at)) at++;
  expect(got.slice(Math.max(0, at - 200), at + 200)).toBe(expected.slice(Math.max(0, at - 200), at + 200));
  expect(got.length).toBe(expected.length);
}

const PAGES_DIR = path.join(__dirname, '../../../fixtures/real/pages');

describe('parseDom (the tokenizer passes text runs in one loop, for speed only)', () => {
  const realPages = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html'));

  it.each(realPages)('real page %s: the same DOM as htmlparser2 builds', (file) => {
    const markup = readFileSync(path.join(PAGES_DIR, file), 'utf8');
    expectSameText(JSON.stringify(dump(parseDom(markup)!)), JSON.stringify(dump(stockDom(markup))));
  });

  it.each([...realPages, ...PAGES.map((_, i) => i)])(
    'page %s: the elements it reports as it builds are every element of the DOM once, in document order',
    (page) => {
      const markup = typeof page === 'number' ? PAGES[page]! : readFileSync(path.join(PAGES_DIR, page), 'utf8');
      const elements: Element[] = [];
      const doc = parseDom(markup, false, elements)!;
      const inOrder = DomUtils.findAll(() => true, doc.children);
      expect(elements.length).toBe(inOrder.length);
      expect(elements.every((el, i) => el === inOrder[i])).toBe(true);
    },
  );

  it('releaseDom takes a DOM apart: no node keeps a parent, a sibling, a child, a text or an attribute', () => {
    const elements: Element[] = [];
    const doc = parseDom(PAGES[0]!, false, elements)!;
    const nodes = allNodes(doc);
    releaseDom(doc, elements);
    for (const node of nodes) {
      expect([node.parent, node.prev, node.next]).toEqual([null, null, null]);
      if ('children' in node) expect(node.children).toEqual([]);
      if (node.type === 'text') expect(node.data).toBe('');
    }
    for (const el of elements) expect(el.attribs).toEqual({});
    expect(Object.isFrozen(elements[0]!.attribs)).toBe(true);
  });

  it.each([
    ['entities in text and attributes', '<p title="a &amp; b">x &amp; y &copy 2025 &#169; &unknown; & tail</p>&amp'],
    ['text at the very end, and a lone <', 'a < b <p>c</p> trailing text'],
    [
      'title, textarea, script and style',
      '<title>A &amp; B</title><textarea>x &lt; y</textarea><script>if (a < b) {}</script><style>p{}</style>',
    ],
    ['comments, CDATA and processing instructions', '<!-- c --><![CDATA[ x ]]><?php echo 1 ?><p>t</p>'],
    ['white space runs', '  \n\n\t  <div>\n   \n</div>   \n  '],
    [
      'attribute values: the other quote, entities, unquoted, and one left open at the end',
      `<a href="/x?a=1&amp;b='2'" title='say "hi" &copy; &#x201c;x&#x201d;' data-v=a&amp;b class="">t</a><img alt="open`,
    ],
    [
      'what the tokenizer waits for: a comment with dashes (--->), a script full of <, junk in an end tag, a declaration, a long run with its & far on',
      '<!DOCTYPE html><!-- a - b -- c ---><script>if (a<b && c</d) x("</scrip")</script><p x="1">y</p junk="1">' +
        `<div title="${'v '.repeat(40)}">${'text '.repeat(60)}</div><style>a<b{}</style>&amp; <i>z</i> &copy`,
    ],
    ['a comment left open at the end', '<p>a</p><!-- never - closed -'],
    ['a script left open at the end', '<p>a</p><script>var a = "<b>" < 2;'],
    ['no & anywhere, and an end tag left open', '<div class="a b">one</div>\n  <p>two</p  '],
  ])('%s: the same DOM as htmlparser2 builds, as HTML and as XML', (_, markup) => {
    expect(JSON.stringify(dump(parseDom(markup)!))).toBe(JSON.stringify(dump(stockDom(markup))));
    expect(dump(parseDom(markup, true)!)).toEqual(dump(stockDom(markup, true)));
  });
});

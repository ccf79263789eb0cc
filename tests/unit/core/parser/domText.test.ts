import * as DomUtils from 'domutils';
import type { AnyNode } from 'domhandler';
import { parseDom, textContent, textLength } from '../../../../lambdas/core/parser/dom';

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

/**
 * Reshapes the xml2js tree into what rss-parser can read, for shapes real feeds have and rss-parser
 * trips on: shapeDocument walks the parsed tree once, children before their parent, and hands each
 * node to shapeNode with its path (element names after CANONICAL_TAGS). This used to be xml2js's
 * `validator` hook, which rebuilds the whole ancestor path at every closing tag: quadratic in the
 * depth (a feed nesting 40,000 elements took a minute).
 *
 * - Atom `<link>http://…</link>` (text instead of `href`): rss-parser reads `link.$.href` and would
 *   throw on the missing attributes, losing the feed; the text becomes the href.
 * - A title with markup inside (`<title type="xhtml"><div>…</div></title>`, or unescaped HTML in a
 *   lenient read) becomes its text instead of being dropped.
 * - An Atom `<link>` without `rel` is `rel="alternate"` (RFC 4287), so it wins over an enclosure
 *   listed before it.
 * - An Atom entry's `xml:base` is kept as `nw:base` for resolving its relative links.
 * - RSS 2.0 items written after `</channel>` (directly under `<rss>`) are moved into the channel.
 * - A feed root with no channel (`<rss version="2.0"/>`) or an empty Atom `<feed/>` is an empty feed.
 */
type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Shapes every node of an xml2js result (`{root: node}`; children in arrays under their names, as
 * with xml2js's default `explicitArray`) in place, children first, and returns it. Iterative: no
 * stack depth however deep the tree.
 */
export function shapeDocument(doc: unknown): unknown {
  if (!isNode(doc)) return doc;
  type Slot = { holder: Node | unknown[]; key: string | number; path: string; childrenQueued: boolean };
  const get = (s: Slot): unknown => (s.holder as Record<string | number, unknown>)[s.key];
  const todo: Slot[] = Object.keys(doc).map((k) => ({ holder: doc, key: k, path: `/${k}`, childrenQueued: false }));
  while (todo.length > 0) {
    const slot = todo[todo.length - 1] as Slot;
    const value = get(slot);
    if (!slot.childrenQueued) {
      slot.childrenQueued = true;
      if (isNode(value)) {
        for (const [name, children] of Object.entries(value)) {
          if (name === '$' || name === '_' || !Array.isArray(children)) continue;
          const path = `${slot.path}/${name}`;
          for (let i = 0; i < children.length; i++) {
            // A text-only element (a string) has no children: shaped at once, without a slot.
            if (isNode(children[i])) todo.push({ holder: children, key: i, path, childrenQueued: false });
            else children[i] = shapeNode(path, undefined, children[i]);
          }
        }
      }
      continue;
    }
    todo.pop();
    (slot.holder as Record<string | number, unknown>)[slot.key] = shapeNode(slot.path, undefined, value);
  }
  return doc;
}

export function shapeNode(xpath: string, _existing: unknown, node: unknown): unknown {
  const atom = xpath.startsWith('/feed/');
  if (atom && xpath.endsWith('/link')) return atomLink(node);
  if (atom && xpath.endsWith('/entry') && isNode(node) && isNode(node['$'])) {
    const base = node['$']['xml:base'];
    if (typeof base === 'string' && base.trim()) return { ...node, 'nw:base': [base.trim()] };
  }
  if (xpath.endsWith('/title') && isNode(node) && typeof node['_'] !== 'string' && hasChildren(node)) {
    return { ...(isNode(node['$']) ? { $: node['$'] } : {}), _: deepText(node).replace(/\s+/g, ' ').trim() };
  }
  if (xpath === '/rss') return rssRoot(node);
  // RSS 1.0 keeps its items beside the channel, by design.
  if (xpath === '/rdf:RDF') return withChannel(node);
  if (xpath === '/feed' && !isNode(node)) return {};
  return node;
}

/** A root with a channel: an empty one when the document has none (an empty feed, not a broken one). */
function withChannel(node: unknown): Node {
  const root: Node = isNode(node) ? node : {};
  if (!Array.isArray(root['channel']) || !isNode(root['channel'][0])) root['channel'] = [{}];
  return root;
}

/** RSS 0.9x / 2.0 root: with a channel, and items written after `</channel>` moved into it. */
function rssRoot(node: unknown): Node {
  const root = withChannel(node);
  const channel = (root['channel'] as Node[])[0] as Node;
  if (Array.isArray(root['item'])) {
    const inside = Array.isArray(channel['item']) ? channel['item'] : [];
    channel['item'] = [...inside, ...root['item']];
    delete root['item'];
  }
  return root;
}

function atomLink(node: unknown): unknown {
  if (typeof node === 'string') return node.trim() ? { _: node, $: { href: node.trim(), rel: 'alternate' } } : node;
  if (isNode(node)) {
    const attrs: Node = isNode(node['$']) ? { ...node['$'] } : {};
    if (typeof attrs['href'] !== 'string' && typeof node['_'] === 'string' && node['_'].trim()) {
      attrs['href'] = node['_'].trim();
    }
    if (typeof attrs['rel'] !== 'string' || !attrs['rel'].trim()) attrs['rel'] = 'alternate';
    return { ...node, $: attrs };
  }
  return node;
}

function hasChildren(node: Node): boolean {
  return Object.keys(node).some((k) => k !== '$' && k !== '_');
}

/** The text of a node and its children (xml2js keeps no order between text and children; close enough for a title). */
function deepText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(deepText).join(' ');
  if (!isNode(v)) return '';
  const own = typeof v['_'] === 'string' ? v['_'] : '';
  const children = Object.entries(v)
    .filter(([k]) => k !== '$' && k !== '_')
    .map(([, c]) => deepText(c));
  return [own, ...children].join(' ');
}

/**
 * What a feed's XML may declare, and the repair that lets a strict parser read what real feeds get
 * wrong. No entity is ever expanded by the XML parser (rss-parser / xml2js / sax do not read DTDs);
 * this module refuses the documents built to attack parsers that do, and substitutes the harmless
 * declarations itself.
 */
import { FeedParseError } from '../errors';
import { FEED_ERROR_CODES } from './types';

/** More declarations than this is not a feed's doing. */
const MAX_ENTITY_DECLARATIONS = 64;
const MAX_ENTITY_VALUE_CHARS = 1024;
/**
 * Characters that substituting declared entities may add to a document: 1 MiB, and never more than
 * twice the document's own length. One 1 KiB entity referenced 500,000 times (1.5 MB of feed) would
 * otherwise expand to 512 MB.
 */
export const MAX_ENTITY_EXPANSION_CHARS = 1024 * 1024;
export const MAX_ENTITY_EXPANSION_RATIO = 2;

/**
 * Reads the internal DTD subset. Refuses with FeedParseError:
 * - `FEED_ENTITY_BOMB`: an entity whose value refers to another entity (the nesting that makes
 *   "billion laughs" expand exponentially), parameter entities, more than 64 declarations, or a
 *   value over 1 KiB;
 * - `FEED_EXTERNAL_ENTITY`: an entity that points outside the document (SYSTEM / PUBLIC: XXE),
 *   except the W3C HTML entity sets old feeds declare (never fetched, ignored).
 * Returns the remaining simple declarations (name → replacement text) for repairXml.
 */
export function checkEntityDeclarations(doc: string): Map<string, string> {
  const entities = new Map<string, string>();
  const subset = internalSubset(doc);
  if (!subset) return entities;
  const decls = subset.match(/<!ENTITY[\s\S]*?>/gi) ?? [];
  if (decls.length > MAX_ENTITY_DECLARATIONS) {
    throw new FeedParseError(FEED_ERROR_CODES.entityBomb, `the document declares ${decls.length} entities; refused`);
  }
  for (const decl of decls) {
    const m = /^<!ENTITY\s+(%\s+)?([\w.:-]+)\s+(?:"([^"]*)"|'([^']*)'|((?:SYSTEM|PUBLIC)\b[\s\S]*))\s*>$/i.exec(decl);
    if (!m)
      throw new FeedParseError(FEED_ERROR_CODES.entityBomb, `unreadable entity declaration ${clip(decl)}; refused`);
    const [, percent, name = '', dq, sq, external] = m;
    // Old RSS 0.91 feeds pull in the W3C HTML entity sets (`<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES
    // Latin 1 for XHTML//EN" …>`): never fetched, harmless; their entities are kept as text and decoded
    // as HTML later.
    if (external && percent && /^PUBLIC\s+["']-\/\/W3C\/\/ENTITIES /i.test(external)) continue;
    if (external) {
      throw new FeedParseError(FEED_ERROR_CODES.externalEntity, `external entity ${name} (${clip(external)}); refused`);
    }
    if (percent) throw new FeedParseError(FEED_ERROR_CODES.entityBomb, `parameter entity %${name}; refused`);
    const value = dq ?? sq ?? '';
    if (/[&%][\w.:-]+;/.test(value.replace(/&#(?:\d+|x[0-9a-f]+);/gi, ''))) {
      throw new FeedParseError(
        FEED_ERROR_CODES.entityBomb,
        `entity ${name} refers to other entities (expansion bomb); refused`,
      );
    }
    if (value.length > MAX_ENTITY_VALUE_CHARS) {
      throw new FeedParseError(
        FEED_ERROR_CODES.entityBomb,
        `entity ${name} is ${value.length} characters long; refused`,
      );
    }
    entities.set(name, value);
  }
  return entities;
}

/** The text between `[` and `]` of a `<!DOCTYPE … [ … ]>` in the prolog, or null. */
function internalSubset(doc: string): string | null {
  const head = doc.slice(0, 200_000);
  const start = /<!DOCTYPE[^>[]*\[/i.exec(head);
  if (!start) return null;
  const from = start.index + start[0].length;
  const end = head.indexOf(']', from);
  return end < 0 ? head.slice(from) : head.slice(from, end);
}

function clip(s: string): string {
  return JSON.stringify(s.replace(/\s+/g, ' ').slice(0, 80));
}

const XML_ENTITY = /^(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+)$/i;

/**
 * A copy a strict XML parser accepts more often, changing only text outside CDATA sections and
 * comments: a `<` that cannot start markup is escaped (`a < b`); every `&` that does not start a valid reference is escaped (`AT&T` → `AT&amp;T`);
 * references to entities the document declared are replaced by their (checked) values; references
 * to undeclared names (`&nbsp;`, `&eacute;` — HTML entities) are kept as literal text, which the
 * HTML-to-text step of titles and summaries then decodes. A root end tag cut before its `>` is
 * closed. Throws FeedParseError `FEED_ENTITY_EXPANSION` as soon as the substituted values would add
 * more than MAX_ENTITY_EXPANSION_CHARS, or MAX_ENTITY_EXPANSION_RATIO × the document's length.
 */
export function repairXml(doc: string, declared: ReadonlyMap<string, string>): string {
  const budget = new ExpansionBudget(Math.min(MAX_ENTITY_EXPANSION_CHARS, MAX_ENTITY_EXPANSION_RATIO * doc.length));
  const repairText = (s: string) => repairTextWithin(s, declared, budget);
  const out: string[] = [];
  const protectedRe = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/gi;
  let last = 0;
  for (let m = protectedRe.exec(doc); m; m = protectedRe.exec(doc)) {
    out.push(repairText(doc.slice(last, m.index)));
    out.push(m[0].startsWith('<!DOCTYPE') || m[0].startsWith('<!doctype') ? '' : m[0]);
    last = m.index + m[0].length;
  }
  out.push(repairText(doc.slice(last)));
  // A document cut in its very last bytes (`…</channel></rss`) loses nothing: close the root.
  return out.join('').replace(/<\/([\w.-]+:)?(rss|feed|RDF)\s*$/, '</$1$2>');
}

/** What entity substitution may still add to one document. */
class ExpansionBudget {
  private used = 0;
  constructor(private readonly limit: number) {}

  spend(name: string, chars: number): void {
    this.used += chars;
    if (this.used > this.limit) {
      throw new FeedParseError(
        FEED_ERROR_CODES.entityExpansion,
        `declared entities (&${name}; and others) expand to more than ${this.limit} characters; refused`,
      );
    }
  }
}

/**
 * One stretch of text repaired. The references are walked with `exec`, not `String.replace` with a
 * callback: V8 collects every match of a global replace before the first callback, so a document of
 * 500,000 references would cost their collection before the budget could stop it.
 */
function repairTextWithin(s: string, declared: ReadonlyMap<string, string>, budget: ExpansionBudget): string {
  // A `<` that cannot start markup (`a < b`) is text.
  const text = s.replace(/<(?![A-Za-z_/!?])/g, '&lt;');
  const reference = /&([^\s&;<>]{0,40});?/g;
  const out: string[] = [];
  let last = 0;
  for (let m = reference.exec(text); m; m = reference.exec(text)) {
    const [whole, name = ''] = m;
    const closed = whole.endsWith(';');
    if (closed && XML_ENTITY.test(name)) continue;
    out.push(text.slice(last, m.index));
    last = m.index + whole.length;
    const value = closed ? declared.get(name) : undefined;
    if (value !== undefined) {
      budget.spend(name, value.length);
      out.push(value);
    } else out.push(`&amp;${whole.slice(1)}`);
  }
  out.push(text.slice(last));
  return out.join('');
}

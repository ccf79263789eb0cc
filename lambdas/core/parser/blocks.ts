import type { Link } from '../record';

/**
 * The unit every parser stage works on: one paragraph-like block of the release, with its lines
 * kept apart. Text and HTML inputs are both turned into blocks first, so dateline, sections,
 * contacts and tickers have one implementation for every input kind.
 */
export interface Block {
  /** Lines as written (hard-wrapped text, `<br>`-separated contact lines, table rows). */
  lines: string[];
  /** Links found inside the block (HTML `<a>`, markdown links, bare URLs). */
  links: Link[];
  /** Text of a leading `<b>`/`<strong>` (HTML) or `**bold**` (markdown): a heading glued to its text. */
  boldLead: string | null;
  /** Rows of a table or a `<pre>`: the line breaks carry meaning and are kept in the body text. */
  preformatted: boolean;
  /** A markdown heading level or HTML `<hN>`, when the block is a heading. */
  headingLevel: number | null;
  /** The whole block is the text of one HTML link (any href, a relative one too): a linked headline. */
  anchored: boolean;
  /** A bulleted list item of a text release (`* …`, `- …`, `• …`), its marker removed from the line. */
  listItem: boolean;
}

/** A block with defaults filled in. */
export function makeBlock(lines: string[], extra: Partial<Omit<Block, 'lines'>> = {}): Block {
  return {
    lines,
    links: extra.links ?? [],
    boldLead: extra.boldLead ?? null,
    preformatted: extra.preformatted ?? false,
    headingLevel: extra.headingLevel ?? null,
    anchored: extra.anchored ?? false,
    listItem: extra.listItem ?? false,
  };
}

/** Words a document holds, asked one at a time (see `vocabulary`). */
export interface WordSet {
  has(word: string): boolean;
}

const EMPTY: WordSet = new Set<string>();

/** Prefixes that are joined to the next word with a hyphen (`long-term`), not a line-end split. */
const COMPOUND_PREFIXES = new Set(
  (
    'self non co well long short high low full part year end real state cross multi pre post anti e x ' +
    'first second third one two three four five six seven eight ten half semi mid inter intra ' +
    'sub super ultra under over re de all best world market cutting next top large small mid-size ' +
    'fast open closed data AI cloud cost energy time user customer industry record year-over'
  )
    .toLowerCase()
    .split(' '),
);

/**
 * Joins the lines of a hard-wrapped paragraph into one line. A word split by a line-end hyphen
 * (`manu-` + `facturing`) is re-joined; a real compound (`long-` + `term`) keeps its hyphen. Which is
 * which is decided from the rest of the document (`known`: does `long-term` or `manufacturing` occur
 * elsewhere?) and then from a short list of compound prefixes; that is as far as we go without a
 * dictionary.
 */
/**
 * The last 60 characters of joinLines' output so far (pieces are never empty). A module function,
 * not a closure made on every call (for speed only: bundles that keep function names pay for naming
 * each closure they make).
 */
function tail(pieces: readonly string[]): string {
  let t = '';
  for (let i = pieces.length - 1; i >= 0 && t.length < 60; i--) t = (pieces[i] ?? '') + t;
  return t.length > 60 ? t.slice(-60) : t;
}

export function joinLines(lines: string[], known: WordSet = EMPTY): string {
  // The output is kept as pieces joined once at the end: appending to one string and reading its
  // tail on every line flattens the string each time, which is quadratic in the paragraph's length.
  const pieces: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (pieces.length === 0) {
      pieces.push(line);
      continue;
    }
    // Both hyphen rules below need the output to end in `-`: most lines skip them cheaply.
    if (!(pieces[pieces.length - 1] ?? '').endsWith('-')) {
      pieces.push(' ', line);
      continue;
    }
    const tailOfOut = tail(pieces);
    const hy = /([A-Za-z]{1,40})-$/.exec(tailOfOut);
    const next = /^([a-z][a-z]{0,40})/.exec(line);
    // `COVID-` + `19`, `2024-` + `2025`, `Coca-` + `Cola`: a hyphen before a digit or a capital is kept.
    if (/[\p{L}\d]-$/u.test(tailOfOut) && !tailOfOut.endsWith('--') && /^[\p{Lu}\d]/u.test(line)) {
      pieces.push(line);
      continue;
    }
    if (hy && next && hy[1] && next[1] && !tailOfOut.endsWith('--')) {
      const head = hy[1];
      const rest = next[1];
      const seenHyphen = known.has(`${head}-${rest}`.toLowerCase());
      const seenClosed = known.has(`${head}${rest}`.toLowerCase());
      // `state-of-the-` + `art`: the word before the line end is already part of a compound.
      const inCompound = /[A-Za-z]-[A-Za-z]{1,40}-$/.test(tailOfOut);
      const keep = seenHyphen || (!seenClosed && (inCompound || COMPOUND_PREFIXES.has(head.toLowerCase())));
      if (!keep) {
        const lastPiece = pieces.pop() ?? '';
        if (lastPiece.length > 1) pieces.push(lastPiece.slice(0, -1));
      }
      pieces.push(line);
      continue;
    }
    pieces.push(' ', line);
  }
  return pieces.join('');
}

/**
 * The words of a document (lower-cased, hyphenated compounds kept whole), so that `joinLines` can
 * ask "does this word occur elsewhere?" in constant time. Built on the first question only: most
 * documents (HTML pages, flattened text) never split a word at a line end.
 */
export function vocabulary(text: string): WordSet {
  let words: Set<string> | null = null;
  return {
    has(word: string): boolean {
      if (!words) {
        words = new Set<string>();
        for (const m of text.toLowerCase().matchAll(/[a-z]+(?:-[a-z]+)*/g)) words.add(m[0]);
      }
      return words.has(word);
    },
  };
}

/** The text of a block as one paragraph (lines joined; table rows kept on their own lines). */
export function blockText(block: Block, known: WordSet = EMPTY): string {
  if (block.preformatted)
    return block.lines
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
  return joinLines(block.lines, known);
}

/** Number of words: whitespace-separated tokens holding a letter or digit (so `--` and `|` are not words). */
export function countWords(text: string): number {
  // One pass over the characters, no tokens built: a token is a run of characters that are not
  // white space (as `\s` reads it), and it counts once a character of it is a letter or digit.
  let n = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) counted = false;
      else if (!counted && ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a))) {
        counted = true;
        n++;
      }
      continue;
    }
    // Beyond ASCII the character (a whole code point: a surrogate pair is one) is asked of the regexes.
    const cp = text.codePointAt(i) ?? c;
    const ch = cp > 0xffff ? text.slice(i, i + 2) : text.charAt(i);
    if (WHITE_SPACE.test(ch)) counted = false;
    else if (!counted && WORDLIKE.test(ch)) {
      counted = true;
      n++;
    }
    if (cp > 0xffff) i++;
  }
  return n;
}
const WORDLIKE = /^[\p{L}\p{N}]$/u;
const WHITE_SPACE = /^\s$/u;

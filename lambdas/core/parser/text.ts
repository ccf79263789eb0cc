import type { Link } from '../record';
import { type Block, makeBlock } from './blocks';
import { parseTimestamp } from './dates';

/**
 * Whitespace as wires and copy-paste produce it: CRLF, NBSP, narrow NBSP, figure/thin spaces, tabs,
 * zero-width characters and soft hyphens. Everything becomes a plain space or `\n`, runs of spaces
 * collapse, and lines are trimmed, so later regexes only ever see one kind of space.
 */
export function normalizeWhitespace(input: string): string {
  return (
    input
      // A distributor's issuer slot after the dateline's closing slash, its own slash lost to a run
      // of spaces (`/ September 26, 2023 /  Acme Energy    Text`): the slash is put back.
      .replace(/(\/ [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4} \/) {2,}(\p{Lu}[^/\n]{1,60}?) {2,}(?=\S)/gu, '$1 $2 / ')
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
      .replace(/[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      .split('\n')
      .map((l) =>
        l
          .replace(/ {2,}/g, (run, offset: number, all: string) =>
            // Two spaces between sentences are a paragraph break in flattened text: keep them
            // visible. On a flattened line (one line of paragraphs), two spaces are all that is left
            // of any break, also after a headline, which ends without a stop.
            // A markdown heading ends where two spaces stand before a capital: a heading is one line.
            offset > 0 &&
            (all.length >= FLATTENED_LINE ||
              /[.!?:"”)]/.test(all.charAt(offset - 1)) ||
              (/^\[?#{1,6} /.test(all) && /[\p{Lu}\d"“-]/u.test(all.charAt(offset + run.length))))
              ? '  '
              : ' ',
          )
          .trim(),
      )
      .join('\n')
  );
}

/**
 * Older wire copy marks paragraphs by indenting their first line, with no blank line between them
 * (`    PITTSBURGH, July 18 /PRNewswire/ -- …` / continuation lines flush left / `    Sales rose…`).
 * When a text is written that way (at least two indented lines that follow a flush-left line),
 * a blank line is put before each indented line, so paragraphs split as usual.
 */
export function markIndentedParagraphs(input: string): string {
  const lines = input.split(/\r\n?|\n/);
  let indentedAfterText = 0;
  for (let i = 1; i < lines.length && indentedAfterText < 2; i++) {
    if (/^(?: {2,8}|\t)\S/.test(lines[i] ?? '') && /^\S/.test(lines[i - 1] ?? '')) indentedAfterText++;
  }
  if (indentedAfterText < 2) return input;
  return lines
    .map((l, i) => (i > 0 && /^(?: {2,8}|\t)\S/.test(l) && (lines[i - 1] ?? '').trim() ? `\n${l}` : l))
    .join('\n');
}

/**
 * The same character classes for inline text (an HTML text node): every kind of space becomes a
 * plain space but nothing is trimmed, so `<span>in</span> <span>Columbus</span>` keeps its space.
 */
export function normalizeInlineSpaces(input: string): string {
  return input
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ');
}

export interface FrontMatter {
  title: string | null;
  /** A `date:` with its zone (`2025-03-18T10:00:00-04:00`), as UTC ISO; a bare date is not an instant. */
  publishedAt: string | null;
}

/**
 * Removes what a corpus or CMS puts above a release and is not part of it: a leading
 * `date YYYY-MM-DD` line (the seed corpus; on the same line as the dateline there) and YAML front
 * matter. The date is dropped on purpose: the dateline carries the release's own date.
 */
export function stripFrontMatter(text: string): { text: string; front: FrontMatter } {
  const front: FrontMatter = { title: null, publishedAt: null };
  let rest = text.replace(/^\s+/, '');
  if (rest.startsWith('---\n')) {
    const end = rest.indexOf('\n---', 4);
    if (end > 0 && end < 4000) {
      for (const line of rest.slice(4, end).split('\n')) {
        const m = /^title:\s*(.{1,300})$/i.exec(line);
        if (m?.[1]) front.title = m[1].replace(/^["']|["']$/g, '').trim() || null;
        const d = /^(?:date|published|publishDate|pubDate):\s*["']?([^"'\n]{6,40}?)["']?\s*$/i.exec(line);
        if (d?.[1]) front.publishedAt ??= parseTimestamp(d[1]);
      }
      rest = rest.slice(end + 4).replace(/^-*\n?/, '');
    }
  }
  rest = rest.replace(/^\s*date:?\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?\S{0,10})?[ \t]*/i, '');
  return { text: rest, front };
}

/**
 * A heading that stops on a word no headline ends with: an article, a preposition, a conjunction, a
 * modal that needs its verb (`… in Dayton Could` / `Cut Bills`), a spaced dash before a second half
 * (`Acme Stout -` / `A Brew Born From Punk`), or a headline verb that always takes an object
 * (`Acme Announces` / `2026 Award Winners`).
 */
export const HEADING_GOES_ON =
  / (?:to|of|for|the|a|an|and|or|nor|in|on|at|by|from|with|as|into|via|vs\.?|than|between|among|&|[-–—]|could|would|should|announces?|unveils|introduces|appoints|welcomes|acquires|selects|celebrates)$/i;
const BULLET = /^(?:[-*•·▪◦]|\d{1,2}[.)])\s+\S/;
/** A markdown heading; `# # #` (an end marker) is not one. */
const MD_HEADING = /^(#{1,6})\s+(?![#\s]*$)(.*)$/;
// Quantified classes exclude their own opener (`[`, `(`): a run of openers then fails at once (linear time).
const MD_LINK = /\[([^[\]\n]{0,500})\]\((https?:\/\/[^\s()]{1,2000})\)/g;
const BARE_URL = /\bhttps?:\/\/[^\s<>"'()[\]]{1,2000}/g;

/** True when the text uses markdown markup (headings, emphasis around words, links). */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 20000);
  return (
    /^#{1,6} \S/m.test(head) ||
    /\[[^\]\n]{1,200}\]\((?:https?:|\/)/.test(head) ||
    /(^|\s)\*\*[^*\n]{1,200}\*\*/.test(head) ||
    // A setext heading: a line of text directly over a line of `===`.
    /^[^\n=\s][^\n]{2,}\n {0,3}={3,}[ \t]*$/m.test(head)
  );
}

/** Strips markdown emphasis and turns `[text](url)` into `text`, remembering the link. */
function unmarkdown(line: string, links: Link[]): { text: string; boldLead: string | null } {
  let boldLead: string | null = null;
  const lead = /^(?:\*\*|__)([^*_\n]{1,300}?)(?:\*\*|__)/.exec(line);
  if (lead?.[1]) boldLead = lead[1].trim();
  const text = line
    // An image with no alt text (`![](https://…/logo.png)`) has nothing to read.
    .replace(/!\[\s*\]\(https?:\/\/[^\s()]{1,2000}\)/g, '')
    .replace(MD_LINK, (_m, label: string, url: string) => {
      links.push({ url, text: label.trim() || null });
      return label;
    })
    .replace(/(\*\*|__)(?=\S)([^*_\n]{1,500}?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]{1,500}?)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/^>\s?/, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
  return { text, boldLead };
}

/** Bare URLs in a text line, as links (markdown links were taken already). */
function bareLinks(line: string, links: Link[]): void {
  for (const m of line.matchAll(BARE_URL)) {
    const url = m[0].replace(/[.,;:!?]+$/, '');
    if (!links.some((l) => l.url === url)) links.push({ url, text: null });
  }
}

/** A setext underline: `===` (level 1) or `---` (level 2), at least three characters. */
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

/**
 * Markdown's setext headings (`Title` over a line of `=` or `-`, as HTML-to-markdown converters write
 * them by default) rewritten as `#` headings: one line of text, after a blank line or the start,
 * that is not a list item, a quote or a heading already. A `---` after a blank line stays a rule.
 */
function atxHeadings(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 1; i < out.length; i++) {
    const m = SETEXT_UNDERLINE.exec(out[i] ?? '');
    const above = out[i - 1] ?? '';
    if (!m?.[1] || m[1].length < 3 || above.trim() === '' || (out[i - 2] ?? '').trim() !== '') continue;
    if (/^\s*(?:[-*+>#]|\d+[.)])\s/.test(above) || SETEXT_UNDERLINE.test(above)) continue;
    out[i - 1] = `${m[1].startsWith('=') ? '#' : '##'} ${above.trim()}`;
    out[i] = '';
  }
  return out;
}

/**
 * Splits a text release into blocks. Blank lines separate paragraphs (hard-wrapped text); a text
 * with no blank lines at all has one paragraph per line; a single very long line (flattened text)
 * is split where two spaces follow a sentence end. Bullet items and markdown headings become
 * blocks of their own.
 */
export function textToBlocks(text: string, markdown: boolean): Block[] {
  const rawLines = markdown ? atxHeadings(text.split('\n')) : text.split('\n');
  const hasBlankLines = rawLines.some((l, i) => l === '' && i > 0 && i < rawLines.length - 1);
  // With no blank lines, lines are paragraphs, unless the text is one hard-wrapped paragraph: every
  // line but the last filled to nearly the same width of 60–80 columns.
  const wrappedRun = !hasBlankLines && isWrappedRun(rawLines.filter((l) => l !== ''));
  const groups: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) groups.push(current);
    current = [];
  };
  for (const [n, line] of rawLines.entries()) {
    if (line === '') {
      flush();
      continue;
    }
    // A heading wrapped onto the next line (`# Acme Fiesta is coming to` / `Springfield for the
    // first time`): a heading that ends on a word that cannot end one goes on.
    const prev = rawLines[n - 1] ?? '';
    if (markdown && MD_HEADING.test(prev) && !MD_HEADING.test(line) && HEADING_GOES_ON.test(prev)) {
      const last = groups[groups.length - 1];
      if (last && last[last.length - 1] === prev) {
        last[last.length - 1] = `${prev} ${line}`;
        continue;
      }
    }
    // A hard wrap that left a blank line after every line (`… a film development and production` /
    // `` / `company rooted in …`): a line that opens with a lower-case word under one blank line goes on
    // a line of some length above it that ends on a word or a comma, no sentence's end, and reads as
    // running text (see runningText: no heading, `About acme and its partners`), unless either is a list
    // item or a heading.
    const above = groups[groups.length - 1];
    const aboveLine = above?.[above.length - 1] ?? '';
    if (
      !current.length &&
      above &&
      rawLines[n - 1] === '' &&
      rawLines[n - 2] === aboveLine &&
      aboveLine.length >= 40 &&
      // (the cheap tests of the two lines' edges first: most paragraphs open in a capital)
      /^\p{Ll}[\p{L}'’-]*[\s,]/u.test(line) &&
      /(?:^|\s)[\p{L}'’-]+,?$/u.test(aboveLine) &&
      runningText(gluedTail(aboveLine)) &&
      !BULLET.test(line) &&
      !BULLET.test(above[0] ?? '') &&
      !(markdown && (MD_HEADING.test(aboveLine) || MD_HEADING.test(line)))
    ) {
      above.push(line);
      continue;
    }
    // A spaced dash the wrap set at a line's start (`… one of the hardest-hit states` / `- along with
    // Texas, …`): punctuation going on the line above, not a list item, when a lower-case word follows
    // it and the line above is a wrapped line of running text (see runningText) that ends on a word
    // or a comma, in a paragraph that is no list.
    const prevLine = current[current.length - 1] ?? '';
    if (
      (hasBlankLines || wrappedRun) &&
      /^[-–—] \p{Ll}/u.test(line) &&
      prevLine.length >= 50 &&
      /[\p{L}\d,)]$/u.test(prevLine) &&
      runningText(prevLine) &&
      !BULLET.test(current[0] ?? '') &&
      !(markdown && MD_HEADING.test(prevLine))
    ) {
      current[current.length - 1] = `${prevLine} ${line}`;
      continue;
    }
    const isHeading = markdown && MD_HEADING.test(line);
    if ((!hasBlankLines && !wrappedRun) || isHeading || (BULLET.test(line) && current.length > 0)) {
      flush();
    }
    current.push(line);
    if (isHeading) flush();
  }
  flush();

  const blocks: Block[] = [];
  for (const group of groups) {
    for (const split of splitFlattened(group)) {
      const piece = markdown ? joinWrappedLinks(split) : split;
      const links: Link[] = [];
      let headingLevel: number | null = null;
      let boldLead: string | null = null;
      const listItem = /^[-*+•·▪◦] (?=\S)/.test(piece[0] ?? '');
      const lines = piece.map((line, i) => {
        let l = line.replace(/ {2,}/g, ' ');
        if (markdown) {
          const h = MD_HEADING.exec(l);
          if (h?.[1] && h[2] !== undefined) {
            headingLevel = h[1].length;
            l = h[2].replace(/\s#+$/, '');
          }
          // A list item's marker is markup, not text; a `+` a wrap set at the start of a line within a
          // paragraph is text (`… Acme Home` / `+ Cloud, a service…`), unless the line above is an item too.
          if (i === 0 || /^[-*+] (?=\S)/.test(piece[i - 1] ?? '')) l = l.replace(/^[-*+] (?=\S)/, '');
          const md = unmarkdown(l, links);
          if (i === 0) boldLead = md.boldLead;
          l = md.text;
        } else if (i === 0) {
          // A bullet symbol is layout, as an HTML <li>'s marker is; numbered items keep their numbers.
          l = l.replace(/^[*•·▪◦] (?=\S)/, '');
        }
        bareLinks(l, links);
        return l;
      });
      // A line left empty by its markup (an image or a link with no text) is no line of the block.
      const kept = lines.filter((l) => l.trim() !== '');
      blocks.push(makeBlock(kept.length ? kept : lines, { links, headingLevel, boldLead, listItem }));
    }
  }
  return blocks;
}

/**
 * A markdown link or image whose text a hard wrap broke over lines (`[Click image above to view full` /
 * `announcement.](https://…)`): its lines joined back into one, so the link reads as one (its text kept,
 * its address taken) as it does unwrapped. A line joins the next only while a `[` it opens is still
 * unclosed and the next line closes it into a link (`](`); a stray bracket joins nothing.
 */
function joinWrappedLinks(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = unclosedBracket(line);
    let joined: string | null = null;
    if (open >= 0) {
      let acc = line;
      for (let k = i + 1; k < lines.length && k <= i + 3; k++) {
        acc = `${acc} ${lines[k] ?? ''}`;
        if (WRAPPED_LINK.test(acc.slice(open))) {
          joined = acc;
          i = k;
          break;
        }
        if (/[[\]]/.test(lines[k] ?? '')) break;
      }
    }
    out.push(joined ?? line);
  }
  return out;
}
/** Where a line opens a bracket it does not close (-1 when it closes all it opens). */
function unclosedBracket(line: string): number {
  const open = line.lastIndexOf('[');
  return open > line.lastIndexOf(']') ? open : -1;
}
const WRAPPED_LINK = /^\[[^[\]\n]{1,500}\]\((?:https?:\/\/|\/)/;

/**
 * What follows the line's last sentence end glued to a capital (`…a third.About acme AI`): a piece a
 * scraper ran on (a heading, a contact label), to be read on its own; else the whole line.
 */
function gluedTail(line: string): string {
  const joint = /[.!?]["”’)]?(?=\p{Lu}[^.!?]*$)/u.exec(line);
  return joint ? line.slice(joint.index + joint[0].length) : line;
}

/** Words of running text: three lower-case words at least, and more of them than capitalised ones. */
function runningText(line: string): boolean {
  const lower = (line.match(/(?:^|\s)\p{Ll}[\p{L}'’-]*(?=[\s,]|$)/gu) ?? []).length;
  const upper = (line.match(/(?:^|\s)\p{Lu}[\p{L}'’-]*(?=[\s,]|$)/gu) ?? []).length;
  return lower >= 3 && lower > upper;
}

/** Lines hard-wrapped at one width (60–80 columns): all but the last within 15 columns of the longest. */
function isWrappedRun(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const width = Math.max(...lines.map((l) => l.length));
  if (width < 60 || width > 80) return false;
  return lines.slice(0, -1).every((l) => l.length >= width - 15 && !BULLET.test(l));
}

/** A line at least this long with no line break in it is a flattened run of paragraphs. */
const FLATTENED_LINE = 400;

/** A flattened paragraph (one long line) split at double spaces after a sentence end. */
function splitFlattened(group: string[]): string[][] {
  if (group.length !== 1) return [group.map((l) => l.replace(/ {2,}/g, ' '))];
  const line = group[0] ?? '';
  // A markdown heading with two spaces before a capital: the heading ends there (flattened copy
  // keeps nothing else of the break after it) — unless all that follows is a few more words of no
  // sentence (`# Acme Launches New  Customizable Platform For Teams`): a stray double space.
  if (/^\[?#{1,6} /.test(line) && line.length < FLATTENED_LINE) {
    const pieces = line
      .split(/ {2,}(?=[\p{Lu}\d"“-])/u)
      .map((p) => p.replace(/ {2,}/g, ' ').trim())
      .filter(Boolean);
    const tail = pieces[1] ?? '';
    if (pieces.length === 2 && tail.split(' ').length <= 10 && !/[.!?:;…"”)\]]$/.test(tail))
      return [[pieces.join(' ')]];
    return pieces.map((p) => [p]);
  }
  if (line.length < FLATTENED_LINE || !line.includes('  ')) return [[line]];
  // A paragraph opens with a capital, a digit or a quote: two spaces before a lower-case word
  // (`Acme LLP (www.acme.com)  informs investors…`) are a scraper's, not a break; nor are two
  // spaces after a comma or semicolon (`Acme Oncology,  (Beijing) has begun…`): no paragraph ends so;
  // nor does one open with a dateline's dash (`Victoria, B.C. (May 5, 2025)  – The Acme Foundation…`).
  const pieces = line
    .split(/(?<![,;]) {2,}(?!\p{Ll}|[–—] |-- )/u)
    .map((p) => p.trim())
    .filter(Boolean);
  // A headline with a colon and its second half (`Clean Water for the Midwest:  Northwind Opens Its
  // Fourth Ohio Plant`), or with a stray double space after a word or dash no headline ends on
  // (`Upgrades in Dayton Could  Cut Water Bills`): the opening piece ends so and the next is a few
  // words of no sentence.
  const [first, second] = pieces;
  const goesOn = first !== undefined && (first.endsWith(':') || HEADING_GOES_ON.test(first));
  if (first && second && goesOn && second.split(' ').length <= 12 && !/[.!?:;…"”]$/.test(second))
    pieces.splice(0, 2, `${first} ${second}`);
  return pieces.map((p) => [p]);
}

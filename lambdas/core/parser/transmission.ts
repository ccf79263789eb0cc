/* eslint-disable no-control-regex -- IPTC 7901 and ANPA 1312 are framed by control characters (SOH, STX, ETX, SYN, US). */
/**
 * The envelope a news-agency transmission puts around a release, and how to take it off.
 *
 * Agency and wire-to-newsroom feeds (AAP / Medianet, dpa, KNA, Canadian Press, AP) still send
 * text in the formats of the teleprinter era:
 * - **IPTC 7901**: `SOH` + a header line (source and message number, priority, category, word
 *   count, optional keywords: `kna014 4 pl 171 Bundestag`), keyword/slug lines, `STX` + the
 *   headline (often ended by `=`), the text, `ETX`, a transmission-time line, `EOT`; an
 *   editorial note after `The following information is not for publication` is not the text.
 * - **ANPA 1312**: `SYN SYN SOH` + a selector line (`b1488` `US` `cpstf`), a second header line
 *   (priority, category, format codes, slug, take, `MM-DD` filing date, word count), `STX`, format
 *   lines starting with `^` and ending with `<` (slug, headline, byline), tab-indented paragraphs,
 *   `ETX`, the transmission time, `EOT`.
 * - **ZCZC … NNNN** (teleprinter framing, also as plain text without control characters): the
 *   `ZCZC` line, header lines marked by their first character (`$` category, `:` keyword, `=` take,
 *   `^` headline, `*` format, `&` service level, `+` subject code, `@` place, `~` genre, `%` a
 *   distributor's field; AAP Medianet writes the release's title as the `:` field), the text, `NNNN`.
 * The framing, header lines and trailer are removed; the headline found in the header is put back
 * above the text (unless the text repeats it), and the header's words are kept so a distributor
 * named there can give the wire.
 */
export interface Unwrapped {
  /** The release's text: headline (when the header held it) and body, without the framing. */
  text: string;
  /** The header and trailer lines that were removed. */
  envelope: string[];
}

const SOH = '\x01';
const STX = '\x02';
const ETX = '\x03';

/** IPTC 7901's header line: source + number, priority, category, word count, then anything. */
const IPTC_HEADER = /^[A-Za-z]{0,8}\d{1,6} [0-9A-Za-z] [A-Za-z]{1,3} \d{1,5}(?: .{0,200})?$/;
/** ANPA 1312's first header line: service level + story number, then the selector code. */
const ANPA_SELECTOR = /^[A-Za-z]?\d{4}[\s\x1f]*[A-Za-z0-9-]{0,16}$/;
/** ANPA 1312's second header line: priority, category, slug (`bc-…`), take, `MM-DD` filing date, word count. */
const ANPA_HEADER = /^[A-Za-z] [A-Za-z]\S{0,4} \S.{0,120} \d{1,2}-\d{1,2} \d{0,4}$/;
/** A ZCZC header field: one marker character, then the value (no space after the marker). */
const ZCZC_FIELD = /^([$:=^*&+%#@~])(\S.{0,300})$/;
/** ANPA's transmission-time trailer, and IPTC 7901's (`171209 Jan 17`, `12-05-24 1530GMT`). */
const TIME_TRAILER =
  /^(?:\d{6} [A-Za-z]{3} \d{2}|\d{2}:?\d{2} ?[A-Z]{2,4} \d{1,2}-\d{1,2}-\d{2,4}|.{0,40}\d{1,2}-\d{1,2}-\d{2,4} \d{4}\s?[A-Z]{2,4})$/;
/** The `ZCZC` start-of-message line (a receiving system may leave a few characters before it). */
const ZCZC_LINE = /^[^\n]{0,20}?\bZCZC\b([^\n]*)\n?/m;
const NOT_FOR_PUBLICATION = /^The following (?:information )?is not (?:intended )?for publication/im;

/** True when the text is framed as an agency transmission (control characters or `ZCZC`). */
export function looksLikeTransmission(input: string): boolean {
  const head = input.slice(0, 4000);
  return (
    /^[\s\x16]*\x01/.test(head) || (head.includes(STX) && head.includes(SOH)) || ZCZC_LINE.test(head.slice(0, 1000))
  );
}

/** The release inside an agency transmission, or null when the text is not framed as one. */
export function unwrapTransmission(input: string): Unwrapped | null {
  if (!looksLikeTransmission(input)) return null;
  let s = input.replace(/\r\n?/g, '\n');
  const envelope: string[] = [];
  // Control-character framing: the heading is everything before STX, the text ends at ETX.
  const stx = s.indexOf(STX);
  if (stx >= 0 && stx < 4000) {
    envelope.push(...s.slice(0, stx).split('\n'));
    s = s.slice(stx + 1);
  }
  const etx = s.indexOf(ETX);
  if (etx >= 0) {
    envelope.push(...s.slice(etx + 1).split('\n'));
    s = s.slice(0, etx);
  }
  // Teleprinter framing: `ZCZC` opens (the rest of its line is header), `NNNN` closes.
  const zczc = ZCZC_LINE.exec(s.slice(0, 1000));
  if (zczc) {
    envelope.push(...s.slice(0, zczc.index).split('\n'), zczc[1] ?? '');
    s = s.slice(zczc.index + zczc[0].length);
  }
  const nnnn = /^[ \t]*NNNN[ \t]*$/m.exec(s);
  if (nnnn) {
    envelope.push(...s.slice(nnnn.index + nnnn[0].length).split('\n'));
    s = s.slice(0, nnnn.index);
  }
  const note = NOT_FOR_PUBLICATION.exec(s);
  if (note) {
    envelope.push(...s.slice(note.index).split('\n'));
    s = s.slice(0, note.index);
  }
  // Other control characters (SYN, US, the DC format codes, a stray SOH/EOT) are not text.
  s = s.replace(/\f/g, '\n').replace(/[\x00-\x08\x0b\x0e-\x1f\x7f]/g, ' ');

  const lines = s.split('\n');
  let headline: string | null = null;
  let colonHeadline: string | null = null;
  // Header lines at the top of what is left (when control characters did not mark them off).
  let i = 0;
  let sawHeader = false;
  for (; i < lines.length && i < 40; i++) {
    const line = (lines[i] ?? '').replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const field = ZCZC_FIELD.exec(line);
    if (IPTC_HEADER.test(line) || ANPA_SELECTOR.test(line) || ANPA_HEADER.test(line)) {
      envelope.push(line);
      sawHeader = true;
      continue;
    }
    if (field?.[1] && field[2] !== undefined && !/^\^.*<$/.test(line)) {
      const value = field[2].replace(/[<=]+$/, '').trim();
      if (field[1] === '^' && !headline) headline = value;
      // `:` is the keyword (one slug word) for most senders, the headline for some.
      else if (field[1] === ':' && value.split(' ').length >= 3) colonHeadline ??= value;
      envelope.push(line);
      sawHeader = true;
      continue;
    }
    // IPTC 7901 keyword/slug lines between the header and the headline (`Budget/Rivers`).
    if (sawHeader && /^[\p{L}\p{N}][\p{L}\p{N}./-]{0,40}$/u.test(line) && /[/-]/.test(line)) {
      envelope.push(line);
      continue;
    }
    break;
  }
  let body = lines.slice(i);
  // ANPA starts each paragraph with a tab (continuation lines are flush left): a blank line before each.
  if (body.filter((l) => l.startsWith('\t')).length >= 2)
    body = body.flatMap((l) => (l.startsWith('\t') ? ['', l] : [l]));
  // The trailer's transmission time, when no ETX cut it off.
  while (
    body.length &&
    (body[body.length - 1]?.trim() === '' || TIME_TRAILER.test(body[body.length - 1]?.trim() ?? ''))
  ) {
    const last = body.pop();
    if (last?.trim()) envelope.push(last.trim());
  }
  // IPTC 7901's headline is the first line of the text, ended by `=`: a paragraph of its own.
  const firstText = body.findIndex((l) => l.trim() !== '');
  const first = body[firstText]?.trim() ?? '';
  if (/\S=$/.test(first) && first.length <= 300) body.splice(firstText, 1, first.slice(0, -1).trim(), '');
  body = formatCodesRemoved(body);
  // ANPA's `^` lines at the top: a slug (`BC-Acme-Earnings`), then the headline (`HL:` optional).
  const caret: string[] = [];
  while (body.length && /^\s*(?:\^|$)/.test(body[0] ?? '')) {
    const line = (body.shift() ?? '').trim();
    if (line) caret.push(line.replace(/^\^/, '').trim());
  }
  if (caret.length && isSlug(caret[0] ?? '')) envelope.push(caret.shift() ?? '');
  if (caret[0] && !headline) headline = (caret.shift() ?? '').replace(/^HL: ?/, '');
  body = [...caret, '', ...body];
  headline ??= colonHeadline;
  let text = body.join('\n').replace(/^\n+/, '');
  if (headline && !collapsed(text.slice(0, 3000)).includes(collapsed(headline))) text = `${headline}\n\n${text}`;
  return { text, envelope: envelope.map((l) => l.trim()).filter(Boolean) };
}

/** A slug or keyword line: no sentence, words joined by hyphens (`BC-Acme-Earnings`, `Dollar-Markets, 7th Writethru`). */
function isSlug(line: string): boolean {
  return /^[A-Za-z]{2}-[A-Za-z]{2}--/.test(line) || /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}.]+)+(?:,.{0,40})?$/u.test(line);
}

/**
 * ANPA's format codes at line ends (`<` ends a paragraph, `@<` a format line) and IPTC 7901's `=`
 * after a paragraph: removed when the text is written that way (a third of its lines or more), so
 * an `=` that belongs to a sentence or URL elsewhere stays.
 */
function formatCodesRemoved(lines: string[]): string[] {
  const full = lines.map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const share = (re: RegExp) => full.filter((l) => re.test(l)).length / Math.max(1, full.length);
  const lt = share(/<$/) >= 0.33;
  const eq = share(/\S=$/) >= 0.33;
  return lines.map((l) => {
    let out = l.trimEnd();
    if (lt) out = out.replace(/@?<$/, '');
    if (eq) out = out.replace(/(?<=\S)=$/, '');
    return out;
  });
}

function collapsed(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

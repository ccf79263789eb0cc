import { decodeHTMLStrict } from 'entities';
import type { AboutSection, Body, Contact, Dateline, Link, PressReleaseRecord, Ticker, Wire } from '../record';
import { tokenizedText } from './dom';
import { warningsOf } from './warnings';

export { warningsOf };
import { type Block, blockText, countWords, makeBlock, vocabulary, type WordSet } from './blocks';
import { dedupeContacts, isContactHeading, isPersonName, parseContactBlock } from './contacts';
import { findDateline, findTaggedDateline, placeOnlyDateline, repeatedPlaceLength, taglessDateline } from './dateline';
import { dateAtStart, parseTimestamp, parseWrittenDate } from './dates';
import { looksLikeFeedItem, parseFeedItem } from './feedItem';
import { parseHtmlPage } from './html';
import { declaredIssuer } from './pageMeta';
import { detectLanguage } from './language';
import {
  callToActionOrganization,
  initialsOf,
  ownDomainLabels,
  passiveAgentOrganization,
  personLeadIssuer,
  personSubject,
  republishedBy,
  topicalLeadIssuer,
} from './issuer';
import {
  boilerplateOrganization,
  clauseOrganization,
  commonWord,
  fullerByHeadline,
  fullerInLead,
  fullerName,
  shorterSpelling,
  headlineOrganization,
  headlinePrefixOrganization,
  leadOrganization,
  sameOrganization,
  sentenceSubjectOrganization,
  spellingInLead,
  splitAttribution,
  spokespersonOrganization,
  widerInParagraphs,
  withoutCategoryWord,
} from './lead';
import { normalizePlace } from './places';
import { escapeRegExp } from './regex';
import { CAPTION, splitSections, withoutMarks } from './sections';
import {
  HEADING_GOES_ON,
  looksLikeMarkdown,
  markIndentedParagraphs,
  normalizeWhitespace,
  stripFrontMatter,
  textToBlocks,
} from './text';
import { findTickers } from './tickers';
import { unwrapTransmission } from './transmission';
import { wireMentioned, wireNamed, wireOfLink } from './wires';

/**
 * The press-release parser: one entry point for text releases, HTML release pages and saved feed
 * items. Pure: no I/O, no clock, no randomness — the same input always gives the same output.
 *
 * Layout: each input kind is turned into blocks (text.ts, html.ts, feedItem.ts); `analyze` then
 * runs the one shared implementation of dateline (dateline.ts + wires.ts), place (places.ts),
 * sections (sections.ts: body / About / FLS / contacts / SOURCE), tickers, lead and language.
 */

/** Bump when the output for some input changes, so stored records can be re-processed. */
export const PARSER_VERSION = '0.405.0';

export interface ParseInput {
  content: string;
  url?: string | null;
}

/** The record fields a release's own content gives, before the pipeline adds id, feed, raw and fetch data. */
export type ParsedRelease = {
  kind: 'text' | 'html' | 'feed-item';
  /** `<link rel=canonical>` / og:url / input.url / feed item link / the "View original content" URL. */
  canonicalUrl: string | null;
  /** Only for feed-item input. */
  guid: string | null;
  /** Only for feed-item input: the description as plain text. */
  summary: string | null;
  /** Page / item timestamp with its zone → UTC ISO, else the dateline date at T00:00:00.000Z. */
  publishedAt: string | null;
} & Pick<
  PressReleaseRecord,
  | 'title'
  | 'subtitle'
  | 'wire'
  | 'dateline'
  | 'place'
  | 'source'
  | 'tickers'
  | 'contacts'
  | 'body'
  | 'about'
  | 'attribution'
  | 'language'
  | 'links'
  | 'warnings'
>;

/** What each reading (text, page, feed item) produces; the warnings are added once at the end. */
/** (`sourceDeclared`: a line names the source, which nothing the text says overrides; never output.) */
type Reading = Omit<ParsedRelease, 'warnings'> & { sourceDeclared?: boolean };

/** What the shared analysis finds in the blocks of any input kind. */
interface Analysis {
  dateline: Dateline | null;
  wire: Wire | null;
  /** Lines above the dateline (headline, deck, navigation, a timestamp). */
  pre: Block[];
  body: Body;
  links: Link[];
  about: AboutSection[];
  contacts: Contact[];
  source: string | null;
  /** Whether a line names the source (`SOURCE Acme`, `Source: Acme`, a credit above the release), not the lead. */
  sourceDeclared: boolean;
  attribution: string | null;
  tickers: Ticker[];
  language: string | null;
  originalUrl: string | null;
}

/** A portal's date and time line with no zone (`Aug. 28, 2015 08:00 AM`). */
const STAMP_WITHOUT_ZONE = /^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? \d{1,2}:\d{2}(?: ?[AaPp]\.?[Mm]\.?)?$/;

/** How many blocks from the top are searched for a place-only dateline (`STAMFORD, CT – Text`), under some page chrome. */
const PLACE_ONLY_SEARCH_BLOCKS = 12;
/** How many blocks from the top are searched for the dateline (navigation can be long). */
const DATELINE_SEARCH_BLOCKS = 80;
/** A wire-tagged dateline is looked for further down: a page saved as markdown can hold hundreds of chrome blocks. */
const TAGGED_DATELINE_SEARCH_BLOCKS = 600;

function analyze(blocks: Block[], mailtos: Link[], vocab: WordSet): Analysis {
  let pre: Block[] = [];
  let rest = blocks;
  let dateline: Dateline | null = null;
  let wire: Wire | null = null;
  let credited: string | null = null;
  // Two passes: a wire-tagged dateline anywhere near the top wins over a tag-less one above it
  // (a `Published March 7, 2024 |` line in the page chrome is not the dateline).
  for (const tagged of [true, false]) {
    for (let i = 0; i < Math.min(blocks.length, tagged ? TAGGED_DATELINE_SEARCH_BLOCKS : DATELINE_SEARCH_BLOCKS); i++) {
      const block = blocks[i];
      if (!block || block.preformatted) continue;
      const text = blockText(block, vocab);
      // findDateline is the tagged dateline, else the tag-less one; the second pass only runs when
      // the first found no tagged dateline in any of these blocks, so each half is read once.
      const found = tagged ? findTaggedDateline(text) : taglessDateline(text);
      if (!found) continue;
      dateline = found.dateline;
      wire = found.wire;
      credited = found.issuer ?? null;
      const before = text.slice(0, found.start).trim();
      pre = [...blocks.slice(0, i), ...(before ? [makeBlock([before])] : [])];
      const first = text.slice(found.bodyStart).trim();
      // Links inside the dateline (the wire's own, behind its tag) are not the body's.
      const firstLinks = block.links.filter((l) => l.text === null || first.includes(l.text));
      rest = [...(first ? [makeBlock([first], { links: firstLinks })] : []), ...blocks.slice(i + 1)];
      break;
    }
    if (dateline) break;
  }
  // No dated dateline: a place-only one opening one of the first paragraphs (`STAMFORD, CT – Acme…`),
  // under the headline and a deck.
  // (a scraper's page chrome may push the release down: the few blocks under a markdown headline too)
  const heading = dateline ? -1 : blocks.slice(0, DATELINE_SEARCH_BLOCKS).findIndex((b) => b.headingLevel === 1);
  const placeOnlyEnd = Math.min(blocks.length, Math.max(PLACE_ONLY_SEARCH_BLOCKS, heading + 6));
  for (let i = 0; !dateline && i < placeOnlyEnd; i++) {
    const block = blocks[i];
    if (!block || block.preformatted || block.headingLevel) continue;
    const text = blockText(block, vocab);
    const found = placeOnlyDateline(text);
    if (!found) continue;
    dateline = found.dateline;
    pre = blocks.slice(0, i);
    rest = [makeBlock([text.slice(found.bodyStart).trim()], { links: block.links }), ...blocks.slice(i + 1)];
  }
  // No dateline at all: a markdown `# Title` near the top is still the headline, and the body
  // starts after it.
  // No dateline, and the text opens with a list page's linked heading (`[### 06:00 ET Acme Reports…`):
  // that heading is the headline (a teaser cut from a wire's list of releases).
  const teaser = dateline ? -1 : teaserHeading(blocks);
  const linked = blocks[teaser];
  if (linked) {
    // The list's time of day opening the heading is not part of the headline.
    pre = [
      linked.headingLevel === null
        ? linked
        : { ...linked, lines: linked.lines.map((l) => l.replace(TIMED_HEADING, '')) },
    ];
    rest = blocks.slice(teaser + 1);
  } else if (!dateline) {
    const h1 = firstHeading(blocks, vocab);
    if (h1 >= 0) {
      pre = blocks.slice(0, h1 + 1);
      rest = blocks.slice(h1 + 1);
      // A deck under it: one short line that ends no sentence, above a longer paragraph.
      // (a media advisory's label in capitals, `WHAT:`, may stand between it and that paragraph)
      const deck = rest[0];
      const next = rest[1] && isSectionLabel(rest[1], vocab) ? rest[2] : rest[1];
      if (deck && next && isDeck(deck, next, vocab, blockText(blocks[h1] as Block, vocab))) {
        pre = [...pre, deck];
        rest = rest.slice(1);
      }
      // That label over the lead is no paragraph of it.
      if (rest[0] && rest[1] && isSectionLabel(rest[0], vocab) && /[.!?"”]$/.test(blockText(rest[1], vocab).trim()))
        rest = rest.slice(1);
      // Highlights under it: two or more list items, then the lead (a paragraph of sentences). A
      // dateline would stand under them; with none, they are still not the body.
      const items = highlightsAt(rest, 0, vocab);
      if (items > 0) rest = rest.slice(items);
      // A form's labelled title line under it (`Title: Acme Unveils…`) is header, not the lead.
      const labelled = rest[0];
      if (
        labelled &&
        rest.length > 1 &&
        TITLE_FIELD.test(blockText(labelled, vocab)) &&
        countWords(blockText(labelled, vocab)) <= 40
      ) {
        pre = [...pre, labelled];
        rest = rest.slice(1);
      }
    } else {
      const lead = chromeAboveLead(blocks, vocab);
      const plain = lead ? null : headlineOpening(blocks, vocab);
      if (lead) {
        pre = [lead.headline];
        rest = blocks.slice(lead.at);
      } else if (plain) {
        // A list's time of day opening the headline line (`18:29 ET Acme Declares…`) is not part of it.
        pre = blocks
          .slice(0, plain)
          .filter(hasWordCharacter)
          .map((b, i) => (i === 0 ? { ...b, lines: b.lines.map((l) => l.replace(TIMED_HEADING, '')) } : b));
        rest = blocks.slice(plain);
      }
    }
  }

  // No dateline (or a bare tag, `--News Direct--`): a syndicating portal's byline (`By: Business
  // Wire`, `By Jane Roe, Example Markets`) and timestamp above the lead are not body; a byline
  // naming a wire names the release's wire.
  if (!dateline || (!dateline.location && !dateline.date)) {
    for (let i = 0; i < 3 && rest[0]; i++) {
      const text = blockText(rest[0], vocab).trim();
      const byline = /^By:? (\S.{0,40})$/.exec(text);
      if (byline?.[1] && byline[1].split(' ').length <= 5) {
        wire ??= wireNamed(byline[1]);
        rest = rest.slice(1);
      } else if (NAMED_BYLINE.test(text)) rest = rest.slice(1);
      else if (text.length <= 40 && (parseTimestamp(text) || STAMP_WITHOUT_ZONE.test(text))) rest = rest.slice(1);
      else break;
    }
  }

  // A bare tag line (`--News Direct--`) with the dated, placed dateline in the paragraph under it.
  if (dateline && !dateline.location && !dateline.date) {
    const next = rest.findIndex((b) => blockText(b, vocab) !== '');
    const block = next >= 0 && next < 2 ? rest[next] : undefined;
    const text = block && !block.preformatted ? blockText(block, vocab) : '';
    const found = text ? findDateline(text) : null;
    if (block && found && found.start === 0 && found.dateline.location) {
      dateline = found.dateline;
      wire = found.wire ?? wire;
      const first = text.slice(found.bodyStart).trim();
      rest = [...(first ? [makeBlock([first], { links: block.links })] : []), ...rest.slice(next + 1)];
    }
  }
  rest = withoutLegends(rest, vocab, !!dateline);
  if (dateline) rest = withoutRepeats(rest, pre, vocab);

  // The attribution line is body text and is also reported on its own; in flattened text it is
  // split off the lead so the first paragraph is the attribution, as distributed.
  let attribution: string | null = null;
  const head = rest[0];
  if (head) {
    const split = splitAttribution(blockText(head, vocab));
    if (split) {
      attribution = split.attribution;
      rest = [
        makeBlock([split.attribution]),
        ...(split.rest ? [makeBlock([split.rest], { links: head.links })] : []),
        ...rest.slice(1),
      ];
    }
  }

  // A contact block above the headline (`Media Contact:` / name / phone / email) is contacts, not
  // a headline.
  const preContacts: Contact[] = [];
  pre = pre.filter((b) => {
    if (b.preformatted || !isContactHeading(b.lines[0] ?? '')) return true;
    preContacts.push(...parseContactBlock(b.lines, b.links));
    return false;
  });
  const sections = splitSections(rest, mailtos);
  const paragraphs = sections.body.map((b) => blockText(b, vocab)).filter((p) => p !== '');
  const text = paragraphs.join('\n\n');
  const links: Link[] = [];
  for (const b of sections.body) {
    for (const l of b.links) {
      if (/^mailto:/i.test(l.url) || links.some((x) => x.url === l.url)) continue;
      links.push(l);
    }
  }
  const lead = paragraphs.find((p) => p !== attribution) ?? '';
  // A distributor's `/ Org /` credit names the issuer or its agency: the lead's subject comes first,
  // but when both name one organization the credit spells it as the issuer does (`/ Acme Dialing,
  // LLC /` over `Acme Dialing is…`, `/ Acme Law Firm /` over `The Acme Law Firm`), or the credit is
  // the fuller name (`/ Jane Roe Photography /` over `Jane Roe has been honored…`), or the shorter
  // name the issuer goes by (`/ Acme /` over `Acme for Good is…`, `/ Friends of ASH /` over `Friends of
  // Austin State Hospital is…`), or the lead opens with a person (`/ Acme Cabinets /` over `Jane Roe,
  // a carpenter, has…`: the person is the owner or the client the credit names).
  // (a common word a sentence opens with, `Adults who drank…`, is no subject: the text writes it in
  // lower case too)
  const leadName = leadOrganization(lead);
  const subject =
    leadName && commonWord(leadName, [...paragraphs, ...sections.about.map((a) => a.text)].join('\n'))
      ? null
      : leadName;
  const issuer =
    credited &&
    subject &&
    (sameOrganization(credited, subject) ||
      fullerName(credited, subject) ||
      shorterSpelling(credited, subject) ||
      personSubject(subject, paragraphs))
      ? credited
      : subject
        ? articleAsWritten(
            subject,
            [...pre.map((b) => blockText(b, vocab)), ...paragraphs, ...sections.about.map((a) => a.text)].join('\n'),
            sections.about.map((a) => a.organization),
          )
        : credited;
  const sourceLine = sections.sourceLine ? withoutTrailingCredit(sections.sourceLine, text) : null;
  const declared = sections.source ?? sourceLine ?? creditAbove(pre, vocab);
  const source = declared ?? issuer;
  const orgs = [source, ...sections.about.map((a) => a.organization)].filter((o): o is string => !!o);
  const tickerText = [text, ...sections.about.map((a) => a.text)].join('\n\n');
  return {
    dateline,
    // No tag: the wire whose site the release's `View source version on …` line points to.
    wire: wire ?? wireOfLink(sections.originalUrl),
    pre,
    body: { text, paragraphs, wordCount: countWords(text) },
    links,
    about: sections.about,
    contacts: dedupeContacts([...preContacts, ...sections.contacts]).map((c) => orgAsName(c, orgs)),
    source,
    sourceDeclared: declared !== null,
    attribution,
    tickers: findTickers(tickerText),
    language: detectLanguage(text),
    originalUrl: sections.originalUrl,
  };
}

/**
 * A `Source: …` line under the body with a distributor's or syndicator's credit run onto it
 * (`Source: Acme Heart Fund Feature Service`): when the text never writes the whole line but does
 * write a name of two or more words the line opens with, or that name ends with a kind of body
 * (`Source: Acme Growers Commission Family Features`), the credit after that name is dropped.
 * A legal form (`Inc.`, `LLC`) is never taken for a credit.
 */
function withoutTrailingCredit(name: string, text: string): string {
  const words = name.split(' ');
  if (words.length < 3 || text.includes(name)) return name;
  for (let n = words.length - 1; n >= Math.max(2, words.length - 2); n--) {
    const tail = words.slice(n);
    if (!tail.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return name;
    const head = words.slice(0, n).join(' ');
    if (tail.some((w) => ORGANIZATION_WORD.test(w))) return name;
    if (new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(head)}(?![\\p{L}\\d])`, 'u').test(text)) return head;
    if (BODY_WORD.test(words[n - 1] ?? '')) return head;
  }
  return name;
}
/** A word that ends the name of a body (not of a place or trade: `Bank of America`, `Acme Media`). */
const BODY_WORD = /^(?:Foundation|Association|Society|Institute|Commission|Council|Board|Alliance|Federation)$/;
/** A word that ends organizations' names: a legal form or a kind of body (`Inc`, `Group`, `Foundation`). */
const ORGANIZATION_WORD =
  /^(?:Inc|Incorporated|Llc|Ltd|Limited|Corp|Corporation|Company|Co|Group|Holdings|Partners|Foundation|Association|Society|Institute|Commission|Council|Board|Center|Centre|Network|Alliance|Agency|Bank|Fund|Trust|University|College|School|Hospital|Clinic|Club|Studios?|Labs?|Systems|Technologies|Solutions|Services|Media|Capital|Ventures|Industries|International|Global|America|Americas|Europe|Asia)$/;

/**
 * `The Acme Club encourages…` at a sentence's start: a capital article there says nothing, so it is
 * part of the name the lead gives when the text writes it with its capital inside a sentence too
 * (`…, The Acme Group said`, `founder of The Acme Group`) or an About heading does (`About The Timken
 * Company`). Else it is dropped when the text writes it in lower case inside one (`the Acme Club
 * (formerly…)`) or calls the organization by the initials of the name without it (`The Acme Tourism
 * Board … ATB will…`).
 */
function articleAsWritten(name: string, texts: string, aboutOrgs: readonly (string | null)[]): string {
  if (!name.startsWith('The ') || name.length < 8) return name;
  const bare = name.slice(4);
  if (aboutOrgs.some((o) => o?.startsWith(name))) return name;
  let lower = false;
  for (let at = texts.indexOf(bare), seen = 0; at >= 0 && seen < 50; at = texts.indexOf(bare, at + 1), seen++) {
    const before = texts.slice(Math.max(0, at - 6), at);
    if (/[\p{Ll},;:] The $/u.test(before)) return name;
    if (/[\p{Ll},;] the $/u.test(before)) lower = true;
  }
  const short = initialsOf(bare);
  const abbreviated = short.length >= 3 && new RegExp(String.raw`(?<![\p{L}\d])${short}(?![\p{L}\d])`, 'u').test(texts);
  return lower || abbreviated ? bare : name;
}

/**
 * The headline's block in a text with no dateline: an H1 among the first 5 blocks, or an H1 further
 * down (below a saved page's menus) that repeats the text's first line (the page's title). -1 when none.
 */
function firstHeading(blocks: Block[], vocab: WordSet): number {
  const near = blocks.slice(0, 5).findIndex((b) => b.headingLevel === 1);
  if (near >= 0) return near;
  const first = blocks[0] ? blockText(blocks[0], vocab).trim() : '';
  if (countWords(first) < 4) return -1;
  return blocks
    .slice(0, DATELINE_SEARCH_BLOCKS)
    .findIndex((b, i) => i > 0 && b.headingLevel === 1 && blockText(b, vocab).trim() === first);
}

/** A photo's caption or credit line near the headline (`Photo: Courtesy of Acme`, `(Image: handout)`). */
function isCaptionLine(text: string): boolean {
  return CAPTION.test(text.replace(/^\((.*)\)$/, '$1')) && text.split(' ').length <= 12;
}

/** A page's credit of its desk or staff with no `By` (`Example Ledger Newsdesk`, `Daily Example Staff`). */
const DESK_CREDIT =
  /^(?:\p{Lu}[\p{L}.'’&-]*\s){0,4}(?:Newsdesk|News Desk|Newsroom|Staff|Staff Writer|Staff Reports?|Editorial Team|Editorial Staff|Editors|Desk)$/u;

/** A byline a page sets off from its date by a bar (`By Example Staff | Posted on May 5, 2025`). */
const BARRED_BYLINE = /^By:? \p{Lu}[^|.!?\n]{1,60} \| /u;

/**
 * Scraped text with no dateline whose page chrome (menus, share buttons, a byline with ` | `) stands
 * above the release: the lead is the first paragraph of sentences (12 words or more, ending a
 * sentence) and the headline the last line above it that reads as one (4 to 30 words, no
 * navigation, no sentence end). Null unless chrome is seen above the lead.
 */
function chromeAboveLead(blocks: Block[], vocab: WordSet): { at: number; headline: Block } | null {
  const limit = Math.min(blocks.length, 40);
  let at = -1;
  for (let i = 0; i < limit; i++) {
    const b = blocks[i] as Block;
    if (b.preformatted) continue;
    const text = blockText(b, vocab).trim();
    // (a cookie or consent notice is written in sentences too, but it is the page's; so is a byline
    // set off by a bar, `By Example Staff | Posted on July 27, 2025 at 6:02 a.m.`; a markdown heading
    // that ends in a quote, `# Acme to Host a Roundtable on “Water & the Future”`, is a headline)
    if (
      countWords(text) >= 12 &&
      /[.!?:"”]$/.test(text) &&
      !isScrapedChrome(text) &&
      !BARRED_BYLINE.test(text) &&
      !(b.headingLevel !== null && !/[.!?:]["”]?$/.test(text))
    ) {
      at = i;
      break;
    }
  }
  if (at < 2) return null;
  const above = blocks.slice(0, at).map((b) => blockText(b, vocab).trim());
  if (!above.some((t) => / [|»›>·•] /.test(t) || PAGE_CHROME.test(t) || isScrapedChrome(t))) return null;
  // (lines the page or the release set around the headline: menus, bylines, credits, captions, legends)
  const aside = (t: string): boolean =>
    t === '' ||
    isNavigation(t) ||
    isScrapedChrome(t) ||
    /^By:? /.test(t) ||
    DESK_CREDIT.test(t) ||
    CREDIT_LINE.test(t) ||
    isCaptionLine(t) ||
    isLegend(t);
  for (let i = at - 1; i >= 0; i--) {
    const t = above[i] ?? '';
    const words = countWords(t);
    if (aside(t)) continue;
    // The nearest block above this line but such lines (`# Acme Opens Plant` / `Image: Handout` /
    // `Fourth plant brings 40 jobs`): a markdown headline over a deck; a deck of bullet items counts
    // as one (`# Acme Sells Plaza` / `* Plaza fully leased` / `* Acme keeps managing it`).
    const bullets = blocks[i]?.listItem === true;
    let h = i - 1;
    while (h >= 0 && (aside(above[h] ?? '') || (bullets && blocks[h]?.listItem)) && blocks[h]?.headingLevel !== 1) h--;
    const heading = blocks[h];
    const headingText = above[h] ?? '';
    const hw = countWords(headingText);
    if (words >= 4 && words <= 30 && (!/[.!?:;,]$/.test(t) || punctuatedHeadline(t))) {
      // A deck under a markdown headline (`# Acme Opens Plant` / `Fourth plant brings 40 jobs`): the
      // headline is the heading.
      if (heading?.headingLevel === 1 && blocks[i]?.headingLevel !== 1 && hw >= 3) return { at, headline: heading };
      return { at, headline: blocks[i] as Block };
    }
    // A deck written as one short sentence (see periodDeck) under a markdown headline; the lead is
    // block `at`, below `above`.
    if (
      heading?.headingLevel === 1 &&
      hw >= 4 &&
      hw <= 30 &&
      blocks[i]?.lines.length === 1 &&
      periodDeck(t, words, headingText, blockText(blocks[at] as Block, vocab))
    )
      return { at, headline: heading };
    return null;
  }
  return null;
}

/**
 * Plain text with no dateline and no markup that opens with its headline: a one-line block of 4–30
 * words ending no sentence, then at most one more such line (a deck), then a paragraph of sentences.
 * Returns where the body starts, or 0 when the text does not open so.
 */
function headlineOpening(blocks: Block[], vocab: WordSet): number {
  // Markup debris with no letter or digit above the headline (a link's lone `[`) is skipped.
  let skip = 0;
  while (skip < blocks.length && skip < 3 && !hasWordCharacter(blocks[skip] as Block)) skip++;
  let byline = 0;
  for (let i = 0; i < Math.min(blocks.length - skip, 3 + byline); i++) {
    const b = blocks[skip + i] as Block;
    const text = blockText(b, vocab).trim().replace(TIMED_HEADING, '');
    const words = countWords(text);
    // Highlights under the headline (two or more list items, then the lead) are not the lead.
    const items = i > 0 ? highlightsAt(blocks, skip + i, vocab) : 0;
    if (items > 0) return skip + i + items;
    // The lead may end in a colon before a list (`Here are the topics of this issue:`).
    if (i > 0 && !b.preformatted && words >= 12 && /[.!?:"”]$/.test(text)) return skip + i;
    // A byline under the headline (`By Jane Roe, Example Markets`) is neither headline nor lead, nor
    // is a legend or a release-date line (`FOR IMMEDIATE RELEASE`, `Release Date: May 5, 2025`).
    if (i > 0 && byline < 2 && b.lines.length === 1 && ((/^By:? \p{Lu}/u.test(text) && words <= 8) || isLegend(text))) {
      byline++;
      continue;
    }
    const headlineLike =
      b.lines.length === 1 &&
      !b.preformatted &&
      words >= 4 &&
      words <= 30 &&
      (!/[.!?:;,]$/.test(text) || (i === 0 && punctuatedHeadline(text))) &&
      !isNavigation(text) &&
      !CREDIT_LINE.test(text) &&
      !/^By:? /.test(text);
    // A deck written as one short sentence under the headline (see periodDeck).
    const next = blocks[skip + i + 1];
    if (
      !headlineLike &&
      i === 1 + byline &&
      b.lines.length === 1 &&
      !b.preformatted &&
      words >= 4 &&
      next &&
      periodDeck(text, words, blockText(blocks[skip] as Block, vocab), blockText(next, vocab).trim())
    )
      continue;
    if (!headlineLike || i === 2 + byline) return 0;
  }
  return 0;
}

/**
 * How many list-item blocks of highlights stand from `at`, then the lead (a paragraph of 12 words or
 * more ending a sentence), else 0. Highlights are two items or more; flattened copy runs them into
 * one (`* Acme opened a plant. * It employs 40.`), which counts.
 */
function highlightsAt(blocks: Block[], at: number, vocab: WordSet): number {
  let n = 0;
  while (blocks[at + n]?.listItem) n++;
  const one = blocks[at];
  if (n < 2 && !(n === 1 && one && /[.!?]["”]? [*•] \S/.test(blockText(one, vocab)))) return 0;
  const after = blocks[at + n];
  const afterText = after ? blockText(after, vocab).trim() : '';
  return countWords(afterText) >= 12 && /[.!?"”]$/.test(afterText) ? n : 0;
}

/** Lines as separate lines, but a line that cannot end a headline joined to the next (`… are coming to` / `Dayton for the first time`). */
function linesGoingOn(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.length - 1;
    if (last >= 0 && HEADING_GOES_ON.test((out[last] ?? '').trim()))
      out[last] = `${(out[last] ?? '').trim()} ${line.trim()}`;
    else out.push(line);
  }
  return out;
}

/** A labelled title or subtitle line, as a submission form prints it (`Title: …`, `Subheadline: …`). */
const TITLE_FIELD = /^(?:Title|Headline|Sub-?title|Sub-?headline|Subhead)\s?:\s?\S/i;

/**
 * A headline that asks a question, capitalized as a headline (`Where Is Acme Legal in the US?`), or
 * one closed by a full stop, capitalized so too (`Acme: a New Platform for Safer Payments.`).
 */
function punctuatedHeadline(text: string): boolean {
  const stop = /\p{Ll}\.$/u.test(text) && countWords(text) >= 5;
  if ((!text.endsWith('?') && !stop) || /[.!?]\s/.test(text)) return false;
  const words = text.split(' ');
  return words.filter((w) => /^[\p{Lu}\d"“']/u.test(w)).length >= words.length * 0.6;
}

function hasWordCharacter(block: Block): boolean {
  return block.lines.some((l) => /[\p{L}\p{N}]/u.test(l));
}

/** A section's label alone on its line, in capitals with a colon (`WHAT:`, `EVENT DETAILS:`), as media advisories write them. */
function isSectionLabel(block: Block, vocab: WordSet): boolean {
  return block.lines.length === 1 && /^\p{Lu}[\p{Lu}\d &'’-]{1,30}:$/u.test(blockText(block, vocab).trim());
}

/**
 * A headline's deck: one line of at most 25 words that ends no sentence, over a longer paragraph;
 * or one short sentence that does not read as the lead (see periodDeck).
 */
function isDeck(block: Block, next: Block, vocab: WordSet, headline = ''): boolean {
  // (a subheading under the headline, `## Fourth plant brings 40 jobs`, is a deck too; hard-wrapped,
  // a deck may run over two lines)
  if (block.lines.length > 2 || block.preformatted || block.headingLevel === 1) return false;
  const text = blockText(block, vocab).trim();
  const words = countWords(text);
  const nextText = blockText(next, vocab).trim();
  // (a line that ends no sentence may be longer than the lead under it, when that lead is a paragraph
  // of sentences: `Donation to fund arts programs across the county` / `For the second year, …`)
  const unended = !/[.!?:;,"”)]$/.test(text);
  const nextWords = countWords(nextText);
  return (
    words >= 4 &&
    words <= (unended ? 35 : 25) &&
    (unended || periodDeck(text, words, headline, nextText)) &&
    !/^(?:By|Par|Por|Von)\b/.test(text) &&
    (nextWords > 2 * words || (unended && nextWords >= 12 && /[.!?"”]$/.test(nextText)))
  );
}

/**
 * A deck written as one short sentence under a markdown headline (`# Acme Launches App` / `Michigan
 * platform brings referral tracking to agents nationwide.`): at most 20 words, no announcement or
 * quote verb, not opening with the headline's first word as a lead opens with the issuer, over a
 * paragraph of sentences.
 */
function periodDeck(text: string, words: number, headline: string, nextText: string): boolean {
  const first = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/u.exec(s)?.[0] ?? '').toLowerCase();
  return (
    words <= 20 &&
    /\p{Ll}\.$/u.test(text) &&
    !/[.!?]["”]? /.test(text) &&
    !/\b(?:today|announced?|announces|said|says)\b/i.test(text) &&
    first(text) !== '' &&
    first(text) !== first(headline.replace(/^#+\s*/, '')) &&
    countWords(nextText) >= 12 &&
    /[.!?"”]$/.test(nextText)
  );
}

/** A byline in another language naming a person or a desk (`Por Juana Pérez`, `Par Jean Dupont`, `Von Hans Müller`). */
const NAMED_BYLINE =
  /^(?:Por|Par|Von|Di|Door):? \p{Lu}[\p{L}.'’-]*(?:[ ,]+(?:\p{Lu}[\p{L}.'’-]*|de|del|la|los|y|e|et|van|von|der|da|di)){0,5}$/u;

/** A distribution legend alone on its line (`FOR IMMEDIATE RELEASE`), or a labelled release date (`Release Date: March 26, 2025`). */
const LEGEND_LINE =
  /^(?:FOR IMMEDIATE RELEASE|For Immediate Release|For immediate release|IMMEDIATE RELEASE|NEWS RELEASE|PRESS RELEASE|News Release|Press Release|PARA (?:DIFUSIÓN|PUBLICACIÓN|DISTRIBUCIÓN) INMEDIATA|Para (?:difusión|publicación|distribución) inmediata|COMUNICADO DE PRENSA|Comunicado de [Pp]rensa|NOTA DE PRENSA|Nota de [Pp]rensa|COMUNICADO À IMPRENSA|Comunicado à [Ii]mprensa|COMMUNIQUÉ DE PRESSE|Communiqué de presse|POUR DIFFUSION IMMÉDIATE|Pour diffusion immédiate|PRESSEMITTEILUNG|Pressemitteilung|COMUNICATO STAMPA|Comunicato stampa)[.:]?$/u;
const RELEASE_DATE_LINE = /^(?:Release Date|Released|Date)\s?:\s?(\S.{4,40})$/;
/**
 * A paid-promotion disclosure above the lead (`Disseminated on behalf of Acme Inc. and may include
 * paid advertisements.`, `This article has been disseminated on behalf of Acme.`): the publisher's, not the release's.
 */
const DISCLOSURE_LINE =
  /^(?:This (?:article|release|post|content|communication) (?:has been|was|is being|is) )?(?:[Dd]isseminated|[Dd]istributed|[Pp]ublished) on behalf of \p{Lu}[\p{L}\d&.'’-]*(?:,? (?:\p{Lu}[\p{L}\d&.'’-]*|&|and|of|for|the|de)){0,9}(?:,? and (?:may (?:include|contain)|includes|contains) paid (?:advertising|advertisements?|promotion|promotional content|content))?\.?$/u;

/** A byline or credit in a tag's parentheses opening a lead with no dateline (`(Jane Roe ) - Text`). */
const PARENTHESIZED_CREDIT = /^\( ?(?:\p{Lu}[\p{L}.'’-]*\s?){1,5}\)\s?(?:--|[-–—])\s(?=["“\p{Lu}])/u;

/** A legend or a labelled release date alone on its line. */
function isLegend(text: string): boolean {
  const date = RELEASE_DATE_LINE.exec(text)?.[1];
  // (a date line alone, `May 5, 2025`, `Monday, May 5, 2025`, is one too)
  return (
    LEGEND_LINE.test(text) ||
    (text.length <= 200 && DISCLOSURE_LINE.test(text)) ||
    (!!date && !!parseWrittenDate(date)) ||
    (text.length <= 60 && isDateLine(text)) ||
    isPageMetaLine(text)
  );
}

/**
 * A portal's byline and date line set off by bars or middle dots (`Staff Report | Published: August 6, 2025 |
 * Updated: 8:59 AM`, `By Staff | Posted on May 5, 2025 at 9:03 a.m.`, `Acme Newsdesk | May 5, 2025 · 2 min
 * read`): two to four short parts, one of them a date or a Published / Updated label; a time's `a.m.`
 * ends no sentence.
 */
function isPageMetaLine(text: string): boolean {
  const parts = text.split(/ [|·] /);
  const sentence = (p: string): boolean => /[.!?]$/.test(p) && !/\d ?[ap]\.m\.$/i.test(p);
  if (parts.length < 2 || parts.length > 4 || parts.some((p) => p.length > 40 || sentence(p))) return false;
  return parts.some((p) => /^(?:Published|Updated|Posted|Last updated)\b/i.test(p) || isDateLine(p));
}

/** Legends and a release-date line above the lead (under the dateline or the headline) are not body. */
function withoutLegends(rest: Block[], vocab: WordSet, dated: boolean): Block[] {
  const lead = rest[0];
  const credit = !dated && lead && !lead.preformatted ? PARENTHESIZED_CREDIT.exec(lead.lines[0] ?? '') : null;
  if (lead && credit)
    return [
      { ...lead, lines: [(lead.lines[0] ?? '').slice(credit[0].length), ...lead.lines.slice(1)] },
      ...rest.slice(1),
    ];
  let n = 0;
  while (n < Math.min(rest.length - 1, 3)) {
    const block = rest[n] as Block;
    // (hard-wrapped, a longer legend such as a disclosure may run over two or three lines)
    const text = block.lines.length <= 3 && !block.preformatted ? blockText(block, vocab).trim() : '';
    if (!text || !isLegend(text)) break;
    n++;
  }
  return n ? rest.slice(n) : rest;
}

/**
 * A heading run into a second, date-less dateline that opens the lead (`Acme Clinic: The Best Spa in
 * Dayton, OHDayton, OH - Acme Clinic is…`, as flattening joins them): the length of the heading and
 * `City, Region - ` to drop, or 0. The place must start inside a word (glued on), after a heading of
 * three to sixteen words capitalized as a heading, with no sentence in it or closing it, and be a city with a known region or country after it.
 */
function headingThenPlaceLength(line: string): number {
  // (the place ends in a dash before a capital within the 120 characters repeatedPlaceLength reads
  // from a start below 200: a line without one there is not searched position by position)
  if (!/[-–—] \p{Lu}/u.test(line.slice(0, 320))) return 0;
  for (let p = 10; p < Math.min(line.length, 200); p++) {
    if (!/\p{Lu}/u.test(line[p] ?? '') || !/[\p{L}\d:)]/u.test(line[p - 1] ?? '')) continue;
    const heading = line.slice(0, p);
    if (/[.!?]["”]?(?:\s+\p{Lu}|$)/u.test(heading) || countWords(heading) < 3 || countWords(heading) > 16) continue;
    // capitalized as a heading: four in five of its words that are no small word
    const words = heading
      .split(/\s+/)
      .filter((w) => w && !/^(?:a|an|the|of|in|for|and|or|to|at|on|by|with|from)$/.test(w));
    if (words.filter((w) => /^["“(]?[\p{Lu}\d]/u.test(w)).length < words.length * 0.8) continue;
    const place = repeatedPlaceLength(line.slice(p));
    if (place > 0) return p + place;
  }
  return 0;
}

/**
 * What some distributors repeat under the dateline: the headline again as the first paragraph, and
 * a second, date-less dateline opening the lead (`Sarasota, Florida - Acme, a provider of…`).
 */
function withoutRepeats(rest: Block[], pre: Block[], vocab: WordSet): Block[] {
  let out = rest;
  const first = out[0];
  const key = (b: Block) => blockText(b, vocab).replace(/\s+/g, ' ').trim().toLowerCase();
  // (hard-wrapped, the repeated headline may run over a few lines)
  if (first && out.length > 1 && first.lines.length <= 3) {
    const k = key(first);
    if (k && pre.some((b) => key(b) === k)) out = out.slice(1);
  }
  const lead = out[0];
  if (lead && !lead.preformatted) {
    // A distribution legend between the dateline and the lead (`-- FOR IMMEDIATE RELEASE -- Acme…`).
    const legend = /^(?:FOR IMMEDIATE RELEASE|For Immediate Release)\s?(?:--|[-–—:])?\s+(?=\S)/.exec(
      lead.lines[0] ?? '',
    );
    const line = (lead.lines[0] ?? '').slice(legend?.[0].length ?? 0);
    if (legend) out = [{ ...lead, lines: [line, ...lead.lines.slice(1)] }, ...out.slice(1)];
    // With its date too (`Melbourne, FL, April 8th, 2024- Acme…`): a tag-less dateline again.
    const again = findDateline(line);
    // (alone on its line, `Burlington, ON – December 11, 2025`, it is no paragraph of the body)
    if (
      again?.wire === null &&
      again.start === 0 &&
      again.dateline.location &&
      again.dateline.date &&
      !line.slice(again.bodyStart).trim() &&
      lead.lines.length === 1 &&
      out.length > 1
    )
      return out.slice(1);
    const cut =
      again && again.wire === null && again.start === 0 && again.dateline.location && again.bodyStart < line.length
        ? again.bodyStart
        : repeatedPlaceLength(line) || headingThenPlaceLength(line);
    if (cut > 0) out = [{ ...lead, lines: [line.slice(cut), ...lead.lines.slice(1)] }, ...out.slice(1)];
  }
  return out;
}

/**
 * The issuer a distributor credits above the release: a `Source: Acme Inc.` line, or the end of
 * GlobeNewswire's stamp (`March 07, 2024 08:00 ET | Source: Acme Inc.`).
 */
function creditAbove(pre: Block[], vocab: WordSet): string | null {
  for (const b of pre) {
    for (const line of [...b.lines, blockText(b, vocab)]) {
      const asianet = ASIANET_CREDIT.exec(line.trim());
      if (asianet?.[1]) return asianet[1];
      const m = /(?:^| \| )Source: (\S[^|\n]{0,118}?)\s*$/.exec(line.trim());
      if (m?.[1] && m[1].split(' ').length <= 10 && !/^https?:/.test(m[1])) return m[1];
    }
  }
  return null;
}

/** Comparable form of an organization name: lower case, no legal suffix, no punctuation. */
function orgKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/,?\s(?:inc|llc|ltd|corp|corporation|co|plc|gmbh|ag|sa|s\.a|nv|ab|asa|limited)\.?$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A contact whose "name" is the issuer (`Fenwick Quantum` / `Olivia Hartley-Webb`: the organization
 * line came first) gets the two swapped; the release's own SOURCE and About names decide.
 */
function orgAsName(c: Contact, orgs: string[]): Contact {
  if (!c.name) return c;
  const k = orgKey(c.name);
  const isOrg = orgs.some((o) => {
    const ok = orgKey(o);
    return ok === k || (k.length > 3 && ok.startsWith(`${k} `));
  });
  if (!isOrg) return c;
  const person = c.organization && isPersonName(c.organization) ? c.organization : null;
  return { ...c, name: person, organization: person ? c.name : (c.organization ?? c.name) };
}

/** A line above the dateline that is page chrome, not a headline (one of fewer than `minWords` words is). */
function isNavigation(line: string, minWords = 3, chromeWords = true): boolean {
  if (/ [|»›>·•] /.test(line) || /^https?:\/\//.test(line)) return true;
  // A CJK headline has no spaces: count its characters instead of its words.
  const cjk = (line.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length;
  if (cjk < 8 && line.split(' ').length < minWords) return true;
  if (parseTimestamp(line)) return true;
  if (isDateLine(line)) return true;
  if (
    /^(?:NOT FOR (?:DISTRIBUTION|DISSEMINATION|RELEASE|PUBLICATION)|FOR IMMEDIATE RELEASE|EMBARGOED|Embargoed (?:until|for)|For Immediate Release)\b/i.test(
      line,
    )
  )
    return true;
  return chromeWords && PAGE_CHROME.test(line);
}

const MD_LINK = String.raw`\[[^\]\n]{1,200}\]\([^\s)]{0,800}\)`;
/** A line made only of markdown links (bullets, separators between): a menu, breadcrumbs, a logo. */
const LINKS_ONLY = new RegExp(String.raw`^(?:[-*+•] )?${MD_LINK}(?:[\s|»›>/·•,]*${MD_LINK})*$`);
/** A share bar's buttons as a scraper leaves them: only networks and share words. */
const SHARE_BAR =
  /^(?:(?:Share(?: on| via| this)?|Tweet|Facebook|Twitter|X|LinkedIn|E-?mail|WhatsApp|Pinterest|Reddit|Telegram|Print|Copy link)[\s|:·•,]*){2,}$/i;

/** Words a news site's menu items are made of (sections and account links), not a headline's. */
const MENU_WORD =
  /^(?:Home|News|Latest|World|Local|National|Business|Economy|Markets?|Finance|Money|Tech|Technology|Science|Health|Energy|Sports?|Politics|Opinion|Lifestyle|Entertainment|Culture|Travel|Video|Videos|Podcasts?|Events|Companies|Industries|Sectors|Regions|Newsroom|Press|Releases|About|Contact|Subscribe|Newsletters?|Login|Register|Search|Menu|More)$/;

/**
 * A menu whose links a scraper joined into one line of words (`World Economy Tech Health Energy`):
 * four or more capitalized words and nothing else, at least half of them a menu's.
 */
function isMenuLine(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length < 4 || !words.every((w) => /^\p{Lu}[\p{L}&-]*$/u.test(w))) return false;
  return words.filter((w) => MENU_WORD.test(w)).length * 2 >= words.length;
}

/**
 * A raw line above the headline that a scraper kept from the page around it: a line of markdown
 * links (two or more, or one to the site's own root or an anchor: a menu, breadcrumbs, the logo),
 * a short bulleted menu item, a menu joined into a line of words, a share bar, or a cookie or
 * consent notice.
 */
function isScrapedChrome(line: string): boolean {
  if (LINKS_ONLY.test(line) && ((line.match(/\]\(/g) ?? []).length >= 2 || /\]\((?:\/|#)/.test(line))) return true;
  if (/^[-*+•] \S/.test(line) && line.split(' ').length <= 5) return true;
  if (SHARE_BAR.test(line) || isMenuLine(line)) return true;
  return (
    /\bcookies?\b|\binformation on your device\b/i.test(line) &&
    /\b(?:accept|agree|consent|reject|settings|preferences)\b/i.test(line)
  );
}

/**
 * The names a page's copyright lines credit (`© 2026 Example Portal. All rights reserved.`,
 * `Copyright © Example Portal 2026 | Privacy`), in lower case.
 */
function copyrightHolders(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/^(?:©|\(c\)|Copyright)(?: ?©)? ?(?:\d{4}(?:[-–]\d{4})?,? )?(.+)$/gim)) {
    const name = (m[1] ?? '')
      .split(/ \| |\. All rights reserved|, All rights reserved|\. |\s\d{4}\b/i)[0]
      ?.replace(/[.,]$/, '')
      .trim();
    if (name && name.split(' ').length <= 6) names.push(name.toLowerCase());
  }
  return names;
}

/**
 * A line above the headline that is the site's own name, as its copyright line credits it, or its
 * staff byline (`Example Portal Newsdesk`, `By Example Portal Staff`).
 */
function isSiteName(line: string, sites: readonly string[]): boolean {
  const t = line
    .trim()
    .toLowerCase()
    .replace(/^by /, '')
    .replace(/ (?:staff|newsdesk|newsroom|news desk|editors|editorial team|team|desk|reporters?)$/, '');
  return sites.includes(t);
}

/** The words a page's menus, share bars and reading tools open with. */
const PAGE_CHROME =
  /^(?:Home|Menu|Search|Skip to|Share|Print|E-?mail|Subscribe|Sign in|Log in|News provided by|Back to|Press Releases?|News Releases?|Newsroom|Latest News|Follow us|Read more|Listen to (?:this|the) (?:article|story)|Reading time|\d{1,2} min(?:ute)?s? read|Save (?:article|story|for later)|Gift this (?:article|story)|Text size)\b/i;

/**
 * A date line above the headline: `Monday, March 7, 2024`, `Published: March 7, 2024`, `Posted on
 * March 7, 2024 by Newsdesk`, `March 7, 2024 10:00 AM` — a page's, not the release's headline.
 */
function isDateLine(line: string): boolean {
  const t = line
    .trim()
    .replace(/^(?:Published|Posted|Updated|Last updated|Date|Dated|Released|Issued)(?: on| at)?:? /i, '')
    .replace(/^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? /, '');
  const date = dateAtStart(t);
  if (!date?.iso) return false;
  const rest = t.slice(date.end).trim();
  return /^(?:,? ?(?:at )?\d{1,2}:\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,4})?)?(?: ?by [^.]{1,40})?$/.test(rest);
}

/**
 * PR Newswire AsiaNet's credit lines run into the headline on one line, as flattened copy has them
 * (`Source: Acme Ltd MEDIA RELEASE PR67278 Acme Enrolls First Patient…`): group 1 is the issuer.
 */
const ASIANET_CREDIT = /^Source: (\S[^\n]{0,80}?) (?:MEDIA RELEASE|Media Release) PR ?\d{1,8}(?: |$)/;

/** A credit line a distributor prints above the headline: `Source: Acme Inc.`, `MEDIA RELEASE PR67276`. */
const CREDIT_LINE = /^(?:Source: [^\n]{1,120}|MEDIA RELEASE(?: PR ?\d{1,8})?|Media Release(?: PR ?\d{1,8})?)$/;
/** A wire list's time of day with its zone, and the space after it (`17:30 ET `, `6:05 p.m. EDT `). */
const TIME_OF_DAY = String.raw`\d{1,2}:\d{2}(?: ?[AaPp]\.?[Mm]\.?)? [A-Z]{1,4} `;

/**
 * A list page's stamp glued before the headline (`[### May 08, 2025, 17:30 ET Acme Reports…`, `[###
 * 06:00 ET Acme Reports…` on the day's list): the link bracket, the heading marks and the date and
 * time are not the headline.
 */
const HEADLINE_STAMP = new RegExp(
  String.raw`^(?:\[(?:#{1,6} )?|#{1,6} )(?:(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? )?${TIME_OF_DAY})?(?=\S)`,
);

/** A list page's linked thumbnail (`[![Headline](https://…/logo.jpg "Headline")`), the teaser's link left open. */
const TEASER_IMAGE = /^\[!\[[^\]\n]{0,400}\]\([^\s)]{0,800}(?: "(?:[^"\\\n]|\\.){0,400}")?\)$/;
/** A markdown image alone on its line (`![Logo](https://…)`, a teaser's linked thumbnail): never the headline. */
const IMAGE_LINE = /^\[?!\[[^\]\n]{0,400}\]\([^\s)]{0,800}(?: "(?:[^"\\\n]|\\.){0,400}")?\)\]?(?:\([^\s)]{0,800}\))?$/;
/** A heading that opens with the list's time of day (`06:50 ET Acme Reports…`). */
const TIMED_HEADING = new RegExp(String.raw`^(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4},? )?${TIME_OF_DAY}(?=\S)`);

/**
 * Where a teaser cut from a wire's list of releases has its headline, among the first blocks (site
 * chrome may come before it): a linked heading (`[### 06:00 ET Acme Reports…`), or a heading
 * opening with the time of day under the teaser's linked thumbnail. -1 when there is none.
 */
function teaserHeading(blocks: Block[]): number {
  for (let i = 0; i < Math.min(blocks.length, 16); i++) {
    const block = blocks[i];
    const line = block?.lines[0] ?? '';
    if (!block) continue;
    // A linked heading hard-wrapped over a few lines is still one heading (no line of it ends a sentence).
    if (
      /^\[#{1,6} \S/.test(line) &&
      block.lines.length <= 3 &&
      block.lines.slice(0, -1).every((l) => !/[.!?]$/.test(l))
    )
      return i;
    if (block.lines.length !== 1) continue;
    const above = blocks[i - 1];
    if (
      block.headingLevel !== null &&
      TIMED_HEADING.test(line) &&
      above &&
      TEASER_IMAGE.test(above.lines.join(' ').trim())
    )
      return i;
  }
  return -1;
}

/**
 * The wire a short line names as the release's distributor (`Distributed by Acme Newswire.`, `Sent
 * via PR Newswire`, also labelled: `Distributed by: Reportable, Inc.`).
 */
function distributorLine(text: string): Wire | null {
  for (const m of text.matchAll(
    /^.{0,60}\b(?:[Dd]istributed|[Ii]ssued|[Tt]ransmitted|[Ss]ent) (?:by|via|through|on):? (.{3,60})$/gm,
  )) {
    const wire = m[1] ? wireMentioned(m[1]) : null;
    if (wire) return wire;
  }
  // Run into the text around it (flattened copy): only a wire named right after the words.
  for (const m of text.matchAll(/\b(?:[Dd]istributed|[Tt]ransmitted) (?:by|via|through):? (.{3,60})/g)) {
    const wire = m[1] ? wireMentioned(m[1]) : null;
    if (wire && m[1]?.startsWith(wire.tag)) return wire;
  }
  return null;
}

/** Headline, deck and timestamp from what precedes the dateline in a text release. */
function headlines(
  pre: Block[],
  vocab: WordSet,
  sites: readonly string[] = [],
): { title: string | null; subtitle: string | null; stamp: string | null } {
  let title: string | null = null;
  let subtitle: string | null = null;
  let stamp: string | null = null;
  const h1 = pre.findIndex((b) => b.headingLevel === 1);
  let shortHeading: string | null = null;
  let skipNext = false;
  for (const [i, whole] of pre.entries()) {
    // Credit lines above the headline (`Source: Acme Inc.` / `MEDIA RELEASE PR67276`) are not it.
    // AsiaNet's credit run into the headline on one line is cut off it (the headline stays).
    const lines = whole.lines
      .map((l) => l.replace(ASIANET_CREDIT, ''))
      .filter((l) => l.trim() !== '' && !CREDIT_LINE.test(l.trim()) && !IMAGE_LINE.test(l.trim()));
    if (lines.length === 0) continue;
    const block =
      lines.every((l, j) => l === whole.lines[j]) && lines.length === whole.lines.length ? whole : { ...whole, lines };
    // A list page's time of day (and date) opening a heading is not part of the headline.
    const stamped = blockText(block, vocab).replace(HEADLINE_STAMP, '');
    // (in plain text too, when what follows the time reads as a headline: `19:00 ET Acme Renews Its Shelf`)
    const untimed = stamped.replace(TIMED_HEADING, '');
    const unstamped =
      block.headingLevel !== null || (untimed !== stamped && countWords(untimed) >= 4 && /^\p{Lu}/u.test(untimed))
        ? untimed
        : stamped;
    // A saved page's title line ends with the site's name (`Acme Opens Plant | Example Portal`).
    const suffix = / [|–—-] ([^|–—]{2,80})$/.exec(unstamped);
    const text =
      suffix?.[1] && sites.includes(suffix[1].trim().toLowerCase()) ? unstamped.slice(0, suffix.index) : unstamped;
    // `March 07, 2024 08:00 ET | Source: Acme Inc.` (GlobeNewswire's line above the release).
    stamp ??= parseTimestamp(text) ?? parseTimestamp(text.split(' | ')[0]);
    // A timestamp on its own line inside a block (`Acme Corp.` / `Mar 07, 2024, 08:00 ET`).
    for (const line of block.lines) stamp ??= parseTimestamp(line);
    // `News provided by` is followed by the issuer's name, which is not the headline.
    if (skipNext || /^News provided by$/i.test(text)) {
      skipNext = !skipNext;
      continue;
    }
    // With a markdown `# heading`, it is the title and the next line before the dateline the deck.
    if (h1 >= 0 && i < h1) continue;
    // A markdown `# heading` of one or two words (`# Launch Notice`, a template's `# Headline`) is the
    // title when no line under it reads as one: short, but marked as the headline (a menu's section
    // words, `# Newsroom`, are not).
    const words = text.split(' ');
    if (i === h1 && words.length < 3 && !isNavigation(text, 1) && !words.every((w) => MENU_WORD.test(w))) {
      shortHeading = text;
      continue;
    }
    // (a markdown `# heading` that a bar splits into two halves of four words or more is a headline
    // with a subtitle after the bar, `# Acme Expands Its Loan Service | Marking a New Era for Lenders`,
    // not a breadcrumb or a page title ending in the site's name)
    const piped = i === h1 && text.split(' | ').length === 2 && text.split(' | ').every((p) => countWords(p) >= 4);
    // (nor is one of seven words or more that opens with a word a page's chrome opens with, `# Email
    // reminders raised flu shot rates…`, `# Home prices rose in May…`)
    const long = i === h1 && countWords(text) >= 7;
    const navigation = isNavigation(piped ? text.replace(' | ', ' ') : text, 3, !long);
    if (navigation || words.length > 60) continue;
    if (block.lines.every((l) => isScrapedChrome(l.trim())) || isMenuLine(text)) continue;
    // A menu's items one under another (three or more lines of at most three words) is no headline.
    if (block.lines.length >= 3 && block.lines.every((l) => l.trim().split(/\s+/).length <= 3)) continue;
    if (sites.length && isSiteName(text, sites)) continue;
    if (isCaptionLine(text)) continue;
    if (!title) title = text;
    // A headline line ending in a colon goes on on the next line (`Acme Releases Its Second Book:` /
    // `“Widgets: A Field Guide”`): the two lines are the headline.
    else if (!subtitle && /[:：]$/.test(title.trim()) && countWords(text) <= 25) title = `${title.trim()} ${text}`;
    else if (!subtitle) subtitle = text;
  }
  return { title: title ?? shortHeading, subtitle: title ? subtitle : null, stamp };
}

function datelineMidnight(dateline: Dateline | null): string | null {
  return dateline?.date ? `${dateline.date}T00:00:00.000Z` : null;
}

/** An absolute http(s) URL, resolving a relative one against `base`; null otherwise. */
function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  const h = href?.trim();
  if (!h) return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** The body's listings, then any the headline writes that the body does not (`Acme (FSE: 3AC) Featured in …`). */
function withHeadlineListings(tickers: Ticker[], title: string | null): Ticker[] {
  if (!title?.includes(':')) return tickers;
  const seen = new Set(tickers.map((t) => `${t.exchange}:${t.symbol}`));
  return [...tickers, ...findTickers(title).filter((t) => !seen.has(`${t.exchange}:${t.symbol}`))];
}

function fromAnalysis(
  kind: ParsedRelease['kind'],
  a: Analysis,
  extra: Pick<ParsedRelease, 'canonicalUrl' | 'guid' | 'summary' | 'title' | 'subtitle' | 'publishedAt'>,
): Reading {
  return {
    kind,
    canonicalUrl: extra.canonicalUrl,
    guid: extra.guid,
    summary: extra.summary,
    title: extra.title,
    subtitle: extra.subtitle,
    wire: a.wire,
    dateline: a.dateline,
    place: normalizePlace(a.dateline?.location ?? null),
    publishedAt: extra.publishedAt ?? datelineMidnight(a.dateline),
    source: a.source,
    sourceDeclared: a.sourceDeclared,
    tickers: withHeadlineListings(a.tickers, extra.title),
    contacts: a.contacts,
    body: a.body,
    about: a.about,
    attribution: a.attribution,
    language: a.language,
    links: a.links,
  };
}

/**
 * Scraped text and markdown often keep the page's character references (`Acme &amp; Co`,
 * `&#x201C;`): they are decoded once, only in their strict form (with the semicolon), so a
 * `&copy` inside a URL's query stays as written.
 */
function decodeCharacterReferences(content: string): string {
  return /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/.test(content)
    ? decodeHTMLStrict(content)
    : content;
}

function parseText(content: string, url: string | null): Reading {
  // An agency transmission (IPTC 7901, ANPA 1312, ZCZC … NNNN): its framing and header lines go.
  const unwrapped = unwrapTransmission(content);
  const normalized = normalizeWhitespace(
    markIndentedParagraphs(decodeCharacterReferences(unwrapped ? unwrapped.text : content)),
  );
  const { text, front } = stripFrontMatter(normalized);
  const blocks = textToBlocks(text, looksLikeMarkdown(text));
  const vocab = vocabulary(text);
  const a = analyze(blocks, [], vocab);
  // In a text whose paragraphs are one line each, a line break above the dateline separates the
  // headline from the deck; in hard-wrapped text it only wraps the headline.
  const long = blocks.filter((b) => b.lines.join(' ').length > 200);
  const wrapped = long.filter((b) => b.lines.length > 1).length;
  const lineBreaksSeparate = long.length >= 1 && wrapped / long.length < 0.3;
  const pre = lineBreaksSeparate
    ? a.pre.flatMap((b) =>
        b.lines.length > 1 && !b.preformatted && b.lines.every((l) => l.length <= 200)
          ? linesGoingOn(b.lines).map((l) => makeBlock([l], { headingLevel: b.headingLevel }))
          : [b],
      )
    : a.pre;
  const h = headlines(pre, vocab, copyrightHolders(text));
  // A distributor named in the transmission's header or trailer sent it, as does one a line names
  // as the distributor (`Media release distributed by AAP Medianet.`).
  if (!a.wire && unwrapped) a.wire = wireMentioned(unwrapped.envelope.join('\n'));
  if (!a.wire) a.wire = distributorLine(text);
  return fromAnalysis('text', a, {
    canonicalUrl: absoluteUrl(url, null) ?? absoluteUrl(a.originalUrl, null),
    guid: null,
    summary: null,
    title: front.title ?? h.title,
    subtitle: h.subtitle,
    publishedAt: front.publishedAt ?? h.stamp,
  });
}

/** How long a JSON-LD articleBody must be to stand in for a page body its markup does not hold. */
const MIN_DECLARED_BODY = 200;

function parseHtml(content: string, url: string | null): Reading {
  const page = parseHtmlPage(content);
  const pageText = page.blocks.map((b) => b.lines.join('\n')).join('\n');
  const vocab = vocabulary(pageText);
  const a = analyze(page.blocks, page.mailtos, vocab);
  // What the page declares in its metadata counts only where the release text gives nothing: a
  // wire it names as the article's publisher or author (a portal reposting a wire's copy), and —
  // when the text has no wire-tagged dateline and none of the text's own clues names the issuer —
  // the organization its JSON-LD article names as source or author (never the site itself, a
  // person or a wire).
  const wireTagged = a.dateline !== null && a.wire !== null;
  const declared = page.declared.article;
  if (!a.wire && declared) {
    for (const party of [declared.publisher, ...declared.authors]) if (party) a.wire ??= wireNamed(party.name);
  }
  const canonicalUrl =
    absoluteUrl(page.canonicalUrl, url) ?? absoluteUrl(url, null) ?? absoluteUrl(a.originalUrl, null);
  // A page on a wire's own site (its URL's host, or the og:site_name it declares) is that wire's.
  if (!a.wire)
    a.wire = wireOfLink(canonicalUrl) ?? (page.declared.og.siteName ? wireNamed(page.declared.og.siteName) : null);
  // As in a text release, a line naming the distributor (`Distributed by: Reportable, Inc.`).
  if (!a.wire) a.wire = distributorLine(pageText);
  // A page whose markup holds no body (its article is rendered by script) but whose JSON-LD
  // declares the article's text: that text is read as a text release, under the page's headline.
  const declaredBody = declared?.articleBody ?? '';
  if (a.body.paragraphs.length === 0 && declaredBody.length >= MIN_DECLARED_BODY) {
    const t = parseText(declaredBody, null);
    return {
      ...t,
      kind: 'html',
      canonicalUrl: canonicalUrl ?? t.canonicalUrl,
      title: page.title ?? t.title,
      subtitle: page.subtitle ?? t.subtitle,
      publishedAt: page.publishedAt ?? t.publishedAt,
      wire: t.wire ?? a.wire,
      source:
        t.source ??
        (t.wire && t.dateline
          ? null
          : declaredIssuer(page.declared, {
              url: page.canonicalUrl ?? url,
              isPerson: isPersonName,
              isWire: (name) => wireNamed(name) !== null,
            })),
    };
  }
  const reading = fromAnalysis('html', a, {
    canonicalUrl,
    guid: null,
    summary: null,
    title: page.title,
    subtitle: page.subtitle,
    publishedAt: page.publishedAt,
  });
  if (!wireTagged && !settleSource(reading, null).source) {
    reading.source = declaredIssuer(page.declared, {
      url: page.canonicalUrl ?? url,
      isPerson: isPersonName,
      isWire: (name) => wireNamed(name) !== null,
    });
  }
  return reading;
}

/**
 * The first 4,000 characters after a byte-order mark and leading whitespace: a saved page may open
 * with kilobytes of blank lines (a template's), which must not hide its markup.
 */
function headOf(content: string): string {
  return content
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4000);
}

/** True when the content is an HTML document or fragment rather than text. */
function looksLikeHtml(content: string): boolean {
  const head = headOf(content).toLowerCase();
  if (
    /^<(?:!doctype html|html|head|body|meta|section|article|main|div|p|h[1-6]|ul|table|span|b|strong|!--)[\s>/]/.test(
      head,
    )
  )
    return true;
  if (head.includes('<html') || head.includes('<body')) return true;
  return head.split('</p>').length > 2;
}

/** The release itself as parsed from a feed item's content (HTML or text). */
function parseFeedContent(content: string, url: string | null): Reading {
  return looksLikeHtml(content) || /<\/?(?:p|br|div|a)\b/i.test(headOf(content))
    ? parseHtml(content, url)
    : parseText(content, url);
}

/**
 * Parses a press release — a text release, an HTML release page or a saved feed item, told apart
 * by content — into its parts. Unknown parts are null (or empty lists), never guessed; `warnings`
 * says what was not found. Never throws: on an internal error it returns what a plain-text reading
 * gives, marked `fallback-text-only` (see `parseReleaseStrict`).
 */
export function parseRelease(input: ParseInput): ParsedRelease {
  try {
    return parseReleaseStrict(input);
  } catch {
    // A parser bug must not drop the release: keep its text so it can be stored and re-processed
    // when PARSER_VERSION moves. Tests call parseReleaseStrict so such bugs still fail them.
    return fallbackTextOnly(input);
  }
}

/** The degraded reading kept when the parser failed: the content's plain text, nothing else. */
export function fallbackTextOnly(input: ParseInput): ParsedRelease {
  const content = typeof input?.content === 'string' ? input.content : '';
  const text = normalizeWhitespace(looksLikeHtml(content) ? tokenizedText(content) : content).trim();
  const paragraphs = text
    ? text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
    : [];
  const reading: Reading = {
    kind: 'text',
    canonicalUrl: absoluteUrl(input?.url ?? null, null),
    guid: null,
    summary: null,
    title: null,
    subtitle: null,
    wire: null,
    dateline: null,
    place: null,
    publishedAt: null,
    source: null,
    tickers: [],
    contacts: [],
    body: { text: paragraphs.join('\n\n'), paragraphs, wordCount: countWords(text) },
    about: [],
    attribution: null,
    language: null,
    links: [],
  };
  return { ...reading, warnings: ['fallback-text-only', ...warningsOf(reading)] };
}

/** `parseRelease` without the safety net: throws on a parser bug (used by tests). */
export function parseReleaseStrict(input: ParseInput): ParsedRelease {
  const reading = read(input);
  return { ...reading, warnings: warningsOf(reading) };
}

/** The issuer without the trademark signs a text writes on its name (`Acme®`, `Acme(TM)`). */
function read(input: ParseInput): Reading {
  const { sourceDeclared: _declared, ...r } = readSettled(input);
  if (!r.source) return r;
  const source = withoutMarks(r.source);
  return { ...r, source: source ? articleByHeadline(source, r.title, r.body.paragraphs) : null };
}

/**
 * `The Acme Foundation` read off a sentence's start is `Acme Foundation` when the headline writes the
 * name with no article (`Acme Foundation Pledges…`, `…Contact the Acme Law Group…`, after any
 * lower-case word: `…on Display at Acme Museum`) and no sentence
 * writes `The Acme Foundation` with its capital in its middle (`…as The Acme Haunt returns` keeps it).
 */
function articleByHeadline(name: string, title: string | null, paragraphs: readonly string[]): string {
  if (!title || !name.startsWith('The ') || name.length < 8) return name;
  const bare = name.slice(4);
  const at = title.indexOf(bare);
  if (at < 0 || !(at === 0 || /(?:^|[\s,;:])\p{Ll}+ $/u.test(title.slice(0, at)))) return name;
  const capital = new RegExp(String.raw`[\p{Ll},;] The ${escapeRegExp(bare)}`, 'u');
  return [title, ...paragraphs].some((t) => capital.test(t)) ? name : bare;
}

/**
 * A name an upper-case heading gives (`ACME ROBOTICS`, `THE AB CO`) as the text writes it in mixed
 * case (`Acme Robotics`, `The AB Co`), when it does; a name written only in capitals (`ACME`, `DATAGROUP`) stays, and so
 * does one written in lower case only in an address (`www.acme.com`). A name a headline writes with
 * no capital inside a word (`Acmeworks.com`) is taken as the text writes it with one (`AcmeWorks.com`).
 */
function caseAsWritten(name: string, texts: readonly string[]): string {
  const written = new RegExp(String.raw`(?<![\p{L}\d])${escapeRegExp(name)}(?![\p{L}\d])`, 'giu');
  // A name a title-cased headline writes with one capital to a word (`Acmeworks.com`) as the text
  // writes it with capitals inside a word (`AcmeWorks.com`): title case loses them.
  if (/\p{Ll}/u.test(name) && !/\p{Ll}\p{Lu}/u.test(name)) {
    for (const t of texts) {
      for (const m of t.matchAll(written)) if (/\p{Ll}\p{Lu}/u.test(m[0])) return m[0];
    }
    return name;
  }
  // (in capitals: a run of four, `ACME`, or two words and more, `THE AB CO`; not a lone short acronym)
  if (!/\p{Lu}{4}/u.test(name) && !/^[\p{Lu}\d&.'’-]+(?: [\p{Lu}\d&.'’-]+)+$/u.test(name)) return name;
  for (const t of texts) {
    for (const m of t.matchAll(written)) if (/^\p{Lu}/u.test(m[0]) && /\p{Ll}/u.test(m[0])) return m[0];
  }
  return name;
}

function readSettled(input: ParseInput): Reading {
  const content = typeof input.content === 'string' ? input.content : '';
  const url = input.url?.trim() || null;
  if (looksLikeFeedItem(content)) {
    const item = parseFeedItem(content);
    if (item) {
      const link = absoluteUrl(item.link, null);
      const inner = parseFeedContent(item.content, link ?? url);
      return settleSource(
        {
          ...inner,
          kind: 'feed-item',
          canonicalUrl: link ?? inner.canonicalUrl,
          guid: item.guid,
          summary: item.summary,
          title: item.title ?? inner.title,
          publishedAt: item.publishedAt ?? inner.publishedAt,
          wire: inner.wire ?? item.wire,
        },
        item.organization,
      );
    }
  }
  return settleSource(looksLikeHtml(content) ? parseHtml(content, url) : parseText(content, url), null);
}

/** The rest of a place-based descriptor an About heading's cut leaves at its text's start (`York-based`). */
const RUN_INTO_DESCRIPTOR = /^[\p{L}.'’]+-(?:based|headquartered|owned|founded|led)\s\p{Ll}/u;

/**
 * The issuer when the text's own lines did not give it: the organization a feed's metadata names
 * (its spelling wins when the text gives the same name in capitals, `ACME FOODS INC.`), else the
 * headline's subject when the lead or an About section confirms it.
 */
function settleSource(read: Reading, feedOrganization: string | null): Reading {
  // An About heading run into a sentence that opens on a place-based descriptor (`About A New
  // York-based maker of robots, Acme…`) names no organization the issuer could be: its words are the
  // sentence's. (The About sections themselves are left as read.)
  const about = read.about.map((a) => (RUN_INTO_DESCRIPTOR.test(a.text) ? { ...a, organization: null } : a));
  if (about.every((a, i) => a === read.about[i])) return settledSource(read, feedOrganization);
  return { ...settledSource({ ...read, about }, feedOrganization), about: read.about };
}

function settledSource(r: Reading, feedOrganization: string | null): Reading {
  if (feedOrganization && (!r.source || orgKey(r.source) === orgKey(feedOrganization))) {
    return { ...r, source: feedOrganization };
  }
  const paragraphs = r.body.paragraphs.filter((p) => p !== r.attribution);
  const lead = paragraphs[0] ?? '';
  if (r.source) {
    // The lead's subject gives way to the organization the headline opens with and an About section
    // describes, when the lead opens on its topic (issuer.ts); an organization a SOURCE or `Source:`
    // line names never does.
    const subject = leadOrganization(lead);
    const aboutNames = r.about.flatMap((a) => (a.organization ? [a.organization] : []));
    const fromLead = !r.sourceDeclared && subject && sameOrganization(subject, r.source);
    // (so does a person the lead opens with, for the only About's organization: issuer.ts)
    const uniqueAbouts = aboutNames.filter((o, i, all) => all.findIndex((x) => orgKey(x) === orgKey(o)) === i);
    const topical = fromLead
      ? (topicalLeadIssuer(r.title, lead, r.source, aboutNames) ?? personLeadIssuer(lead, r.source, uniqueAbouts))
      : null;
    // (a word for the kind of organization the lead puts before the name the headline opens with,
    // `NGO Acme Relief` under `Acme Relief Is Running…`, is no part of it)
    const named = fromLead && !topical ? { ...r, source: withoutCategoryWord(r.source, r.title) } : r;
    return withoutIssuerSuffix(
      topical ? { ...r, source: fullerByHeadline(topical, r.title, paragraphs) ?? topical } : named,
    );
  }
  // The subject of a later clause of the first paragraphs that the headline names too.
  const clause = clauseOrganization(r.title, paragraphs);
  const source = headlineOrganization(
    r.title,
    lead,
    r.about.flatMap((a) => (a.organization ? [a.organization] : [])),
  );
  // Either is spelled as the first paragraphs write it when a clause there names the same
  // organization (`Acme Hosts…` / `About Acme` over `…, Acme AG, a maker of…, underlined…`).
  const spelled = (name: string) => {
    // (or as far as the first paragraphs write the name the headline opens with as a verb's subject:
    // `Acme Capital Partners updates…` under `Acme Capital Partners Updates…`)
    const fuller = fullerByHeadline(name, r.title, paragraphs);
    if (fuller) return fuller;
    if (clause && sameOrganization(clause, name)) return clause;
    // (or as a clause there writes it with more words among the name's: `Acme Market` / `Acme
    // Italian Market & Bakery is offering…`)
    const wider = widerInParagraphs(name, paragraphs);
    if (wider) return wider;
    // (or as the lead writes it as a clause's subject, without the legal form: `…as Acme Stores
    // announced…` over `About Acme Stores, Inc.`)
    return (
      spellingInLead(name, lead) ??
      fullerInLead(name, lead) ??
      caseAsWritten(name, [r.title ?? '', ...r.body.paragraphs, ...r.about.map((a) => a.text)])
    );
  };
  if (source) return withoutIssuerSuffix({ ...r, source: spelled(source) });
  // Else the organization of the release's only About section: the issuer describing itself (an
  // About a page repeats, `About Acme` twice, is one).
  const abouts = r.about
    .flatMap((a) => (a.organization ? [a.organization] : []))
    .filter((o, i, all) => all.findIndex((x) => orgKey(x) === orgKey(o)) === i);
  if (abouts.length === 1 && abouts[0]) return { ...r, source: spelled(abouts[0]) };
  // Else that clause's subject.
  if (clause) return withoutIssuerSuffix({ ...r, source: clause });
  // Else the organization a republishing note says first published the release (`This announcement
  // was originally published by Acme.`).
  const republisher = republishedBy(r.body.paragraphs);
  if (republisher) return withoutIssuerSuffix({ ...r, source: republisher });
  // Else the organization an unheaded boilerplate paragraph at the end describes (`Founded in
  // 1991, the Acme Policy Center promotes…`), when the release names it earlier too.
  const described = boilerplateOrganization(r.title, paragraphs);
  if (described) return withoutIssuerSuffix({ ...r, source: described });
  // Else the name a headline puts before a colon (`Acme ASA: First Quarter Results`), when the
  // first paragraphs name it too.
  const prefixed = headlinePrefixOrganization(r.title, paragraphs);
  if (prefixed) return { ...r, source: fullerInLead(prefixed, lead) ?? prefixed };
  // Else the organization most sentences of the first paragraphs open with.
  const subject = sentenceSubjectOrganization(paragraphs);
  if (subject) return withoutIssuerSuffix({ ...r, source: subject });
  // Else the organization the lead names only as a passive verb's agent (`…introduced by Acme Films,`).
  const agent = passiveAgentOrganization(r.title, paragraphs);
  if (agent) return withoutIssuerSuffix({ ...r, source: agent });
  // Else the organization the people quoted hold their roles at.
  const spoken = spokespersonOrganization(r.body.paragraphs);
  if (spoken) return withoutIssuerSuffix({ ...r, source: spoken });
  // Else the organization a closing call to action sends readers to, when its own address spells it
  // (`Learn more about Acme at acme.com`).
  const ownDomains = ownDomainLabels(
    r.contacts.flatMap((c) => (c.email ? [c.email] : [])),
    r.links,
    [...r.body.paragraphs, ...r.about.map((a) => a.text)],
  );
  const invited = callToActionOrganization(r.body.paragraphs, ownDomains);
  return invited ? { ...r, source: invited } : r;
}

/**
 * Whether `short` is the initials of the words just before it (`New York Retail Association (NYRA)`,
 * `Institute for Safe Water (ISW)`): an abbreviation the headline glosses, part of the headline.
 */
function abbreviates(short: string, before: string): boolean {
  if (!/^[A-Z][A-Za-z&]{1,9}$/.test(short)) return false;
  const letters = short.replace(/[^A-Z]/g, '');
  const initials = before
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join('');
  return letters.length >= 2 && initials.endsWith(letters);
}

/**
 * A portal's title with the issuer appended in parentheses (`Acme Raises Prices (Acme
 * Corporation)`): the headline is what comes before it.
 */
function withoutIssuerSuffix(r: Reading): Reading {
  const m = r.title ? / \(([^()]{2,80})\)$/.exec(r.title) : null;
  if (!m?.[1] || !r.title || abbreviates(m[1], r.title.slice(0, m.index))) return r;
  const k = orgKey(m[1]);
  const orgs = [r.source, ...r.about.map((a) => a.organization)];
  if (!k || !orgs.some((o) => o && orgKey(o) === k)) return r;
  return { ...r, title: r.title.slice(0, m.index).trim() };
}

import type { AboutSection, Contact, Link } from '../record';
import { type Block, blockText, countWords, makeBlock } from './blocks';
import { escapeRegExp, execAll } from './regex';
import {
  contactFromMailto,
  findEmail,
  findPhone,
  isContactHeading,
  isContactLike,
  isLabelledContactLine,
  isPersonName,
  parseContactBlock,
  sentenceContacts,
} from './contacts';

/**
 * Splits what follows the dateline into the body and the boilerplate around it: About sections,
 * forward-looking / safe-harbour statements and disclaimers, contact blocks, "View original
 * content" lines, the SOURCE line and end markers. One implementation for text and HTML inputs.
 */

export interface Sections {
  body: Block[];
  about: AboutSection[];
  contacts: Contact[];
  /** Organization of the `SOURCE X` line. */
  source: string | null;
  /** Organization of a `Source: X` line (weaker than SOURCE). */
  sourceLine: string | null;
  /** The URL of a "View original content:" line: the wire's own URL for the release. */
  originalUrl: string | null;
}

type Kind =
  | { type: 'about'; organization: string | null; rest: string[] }
  | { type: 'contact' }
  | { type: 'fls' }
  | { type: 'view-original'; url: string | null }
  | { type: 'source'; organization: string | null }
  | { type: 'source-line'; organization: string }
  | { type: 'end' }
  | { type: 'caption' }
  | { type: 'social' }
  | { type: 'none' };

const LEGAL_SUFFIX =
  /,? (?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|plc|PLC|AG|SA|S\.A|NV|N\.V|GmbH|AB|ASA|LP|L\.P)\.?$/;
/**
 * The short legal forms a described name may end in (`Acme, Inc.`, `Acme GmbH`), for UNHEADED_ABOUT and
 * DESCRIBED_NAME (LEGAL_SUFFIX is the fuller list a heading's name may end in, with its full stop).
 */
const LEGAL_FORM = 'Inc|LLC|Ltd|Corp|Co|plc|AG|SA|NV|GmbH|LP';
/** One word that is an abbreviated legal form, as a run-in heading's name may end in (`LLC`, `Inc.`, `S.A.`). */
const LEGAL_FORM_WORD = /^(?:Inc\.|LLC\.?|L\.L\.C\.|Ltd\.|Corp\.|plc\.?|PLC|AG|S\.A\.|N\.V\.|NV|GmbH|ASA|LP|L\.P\.)$/;
/** A name that ends in a legal form, also spelled out (`Acme Corporation`, `Acme Limited`). */
const ENDS_IN_LEGAL_FORM = new RegExp(String.raw`(?:^|[\s,])(?:${LEGAL_FORM}|Corporation|Limited)\.?$`);
const FLS_HEADING =
  /^(?:Cautionary (?:Note|Statement|Language)s?\b|Forward[- ]Looking (?:Statements?|Information)\b|(?:Note|Notice|Statement) Regarding Forward|Safe Harbou?r\b|Disclaimers?\b|Legal Disclaimers?|Important (?:Information|Notice|Disclosures?)\b|Additional Information and Where to Find It|Reader Advisory|Advisories|Advisory Regarding|Notes? (?:to|for) (?:editors?|Editors?)\b|Attachments?$|Attachments?:|No Offer or Solicitation|Declaraciones (?:prospectivas|a futuro|sobre el futuro)|Información prospectiva|Aviso legal|Déclarations prospectives|Énoncés prospectifs|Mise en garde|Avertissement|Zukunftsgerichtete Aussagen|Haftungsausschluss|Declarações (?:prospectivas|sobre o futuro)|Dichiarazioni previsionali|Toekomstgerichte verklaringen|前瞻性陈述|前瞻性聲明|将来の見通し|免责声明|免責事項)/i;
/**
 * A forward-looking-statements paragraph with no heading: how such a paragraph opens (`This press
 * release contains…`, `Statements in this release that are not historical…`, `All statements other
 * than…`, `Except for historical information…`) and, within its first sentences, what it is about.
 */
const FLS_PARAGRAPH =
  /^(?:This (?:(?:press|news) )?(?:release|announcement|communication|document)\b|(?:Certain|Some|All|Any|The|Such) (?:of the )?(?:statements|information|matters)\b|Statements\b|Information (?:in|contained in|included in) this\b|(?:Except for|Other than) (?:the )?(?:statements of )?historical\b|Forward[- ]looking statements? (?:in|contained|made|included|are|involve)\b|(?:We|The Company) (?:caution|cautions|wish(?:es)? to caution)\b)[^\n]{0,400}?(?:forward[- ]looking|(?:are|is|be) not (?:statements of )?historical)/i;
/** A heading that names forward-looking statements anywhere (`THE FOLLOWING FORWARD-LOOKING STATEMENTS REFLECT…`). */
const FLS_IN_HEADING = /\bforward[- ]looking (?:looking )?(?:statements?|information)\b/i;
/** Law firms' notices: `Attorney Advertising`, `Prior results do not guarantee a similar outcome`. */
const LAW_FIRM_DISCLAIMER =
  /^(?:Attorney Advertising\b|(?:This (?:press release|release|notice|announcement|communication) )?(?:may be|is) considered (?:attorney )?advertising\b|May be considered attorney advertising\b|(?:Prior|Past) results do not guarantee\b)/i;
/**
 * Exchange disclaimers and sign-offs that close Canadian releases; also a views disclaimer, however worded
 * (`Statements … are solely those of the study authors…`, `The views expressed … do not necessarily reflect…`),
 * and a disclosure under its label, qualified, in capitals or in parentheses (`Disclosure:`, `(FULL DISCLOSURE: …)`,
 * `Author Disclosure: …`).
 */
const DISCLAIMER_PARAGRAPH =
  /^(?:Distribution channels:|Hashtags?: #|(?:All )?(?:other )?(?:trademarks|trade names|brand names|product names)\b[^.]{0,120}\b(?:are|remain) (?:the )?(?:sole )?property of\b|[^.]{0,160}\b(?:is|are) (?:a )?(?:registered )?trademarks? (?:or registered trademarks? )?of\b|Editor['’]?s? [Nn]otes?\b|This (?:post|article|content|story|page|video) (?:contains|includes|is) (?:sponsored|paid|promotional)\b|(?:Sponsored|Paid) (?:content|post|press release|article)\.?$|This is an? (?:paid|sponsored) (?:press release|post|article|content)\b|Information contained on this page is provided by\b|This (?:post|article|content) is (?:for informational purposes only|not (?:intended (?:to be|as) )?(?:investment|investing|financial) advice)\b|\(?(?:[A-Z][A-Za-z-]* ){0,3}(?:Disclosures?|DISCLOSURES?)\s?: ?\S|Related [Ll]inks?: ?https?:\/\/|The issuer is solely responsible for the content of this announcement|You just read:|Article originally published on|EIN Presswire(?:'s)? (?:provides|does not)|This (?:information is |is )?information (?:is information )?that [^\n]{1,120}? (?:is|was) (?:obliged|required) to make public|(?:Denna|Tämä|Denne) information |This (?:press |news )?(?:release|announcement) (?:shall not|does not|is not|will not) constitute|This (?:press |news )?release is (?:for information(?:al)? purposes only|not an offer)|NEITHER (?:THE )?(?:TSX|CANADIAN SECURITIES EXCHANGE|CSE)\b|Neither (?:the )?(?:TSX|TSXV|Canadian Securities Exchange|CSE|NEO)\b|(?:The )?(?:TSX Venture Exchange|Canadian Securities Exchange|CSE) (?:has not|does not|has neither)|On behalf of the Board\b|ON BEHALF OF THE BOARD\b|[^.!?\n]{0,200}\b(?:are|is) solely (?:those|the (?:views?|opinions?)) of (?:the )?(?:authors?|study authors?|speakers?|presenters?|writers?|contributors?)\b|(?:The )?(?:views?|opinions?|statements?)[^.!?\n]{0,150}\bdo(?:es)? not necessarily (?:reflect|represent)\b)/;
/** A release's media kit heading (`MULTIMEDIA ASSETS`, `Media Kit`, `B-roll`): what follows it is downloads, not body. */
/** A release's social-media list heading (`Stay connected:`, `Follow us on LinkedIn`): links, not body. */
/** Social networks a release lists its handles on (`@acme on Instagram`). */
const NETWORKS = 'Facebook|Instagram|YouTube|LinkedIn|Pinterest|X|TikTok|Snapchat|Twitter|Threads|Bluesky';
const SOCIAL_HEADING =
  /^(?:@[\w.]{2,30} on (?:Facebook|Instagram|YouTube|LinkedIn|Pinterest|X|TikTok|Snapchat|Twitter|Threads|Bluesky)\b.*|(?:Stay connected|Follow us|Connect with us|Stay in touch|Social Media|Social)(?: (?:on|with) [\w ]{1,30})?|Hashtags?|Social (?:Media )?(?:Links|Channels|Handles|Profiles)\b[^.!?\n]{0,80}|Follow (?:\S+ ){1,4}on (?:social media|social|LinkedIn|Facebook|Instagram|X|Twitter|TikTok|YouTube)(?: at| here)?)[:：.]?$/i;
/** The networks a handle or address is labelled with (also the short forms `FB`, `IG`). */
const NETWORK_LABEL = String.raw`(?:${NETWORKS}|FB|IG|Twitter \(X\)|X \(Twitter\)|X \(formerly Twitter\)|Telegram|Discord|Medium|Reddit|WhatsApp)`;
/** One network's address on a line of its own (`Instagram: https://…`, `Twitter (X): @acme`, `FB: @acme`). */
const SOCIAL_LINE = new RegExp(String.raw`^${NETWORK_LABEL}\s?:\s?(?:https?:\/\/|@|www\.|\[https?:)\S`);
/**
 * `Follow Acme:` / `Follow Acme Robotics:` over a list that names a network or links: the issuer's
 * social list, however it names itself (a `Follow these steps:` heading is over no such list).
 */
const FOLLOW_HEADING = /^Follow (?:@?[A-Z][\w&.'’@-]*)(?: [A-Z][\w&.'’-]*){0,3}:$/;
const NAMES_NETWORK = new RegExp(String.raw`\b(?:${NETWORKS})\b|https?:\/\/|(?:^|\s)@\w`);
/**
 * A smart contract's address a token release gives under its text (`CA: 0x…`, `Contract Address: 0x…`):
 * the start of its list of links, not a paragraph.
 */
/**
 * A line of handles under a short label run into it (`Jane Roe on Social Media:Instagram: @janeroeX:
 * @janeroe`, `Acme online: Facebook: https://…`): the label (eight words at most, closed by a colon)
 * and the first network's handle or address.
 */
const LABELLED_SOCIAL_LINE = new RegExp(
  String.raw`^(?:[^\n:.!?]{1,80}:\s?)${NETWORK_LABEL}\s?:\s?(?:https?:\/\/|@|www\.|\[https?:)\S`,
);
/**
 * A website's address alone under its label (`Website: https://acme.example`, `Company Web: www.acme.example`),
 * also a label naming whose website it is, run into the word or not (`Website of Acme Expo: www.…`,
 * `WebsiteAcme Expo: www.…`).
 */
const WEBSITE_LINE =
  /^(?:(?:[Cc]ompany |COMPANY )?(?:[Ww]ebsite|WEBSITE|[Ww]eb|WEB|[Ss]ite|SITE|URL|[Uu]rl)|(?:[Ww]ebsites?|WEBSITES?|[Ww]eb [Ss]ites?) ?(?:(?:of|for) (?:the )?)?\p{Lu}[^:\n]{0,60}?)\s?:\s?(?:https?:\/\/|www\.)\S+$/u;
/**
 * The same label opening a row of network addresses (`Website: https://acme.example Facebook: https://…`),
 * also a list's items run together, as flattened copy has them (`Website: https://… * Facebook: https://…`).
 */
const WEBSITE_ROW = new RegExp(
  String.raw`^(?:Company )?(?:[Ww]ebsite|WEBSITE|Web|Site|URL)\s?:\s?(?:https?:\/\/|www\.|\[https?:)\S+?\s?(?:[*•·|] )?${NETWORK_LABEL}\s?:\s?(?:https?:\/\/|@|www\.|\[https?:)\S`,
);
const CONTRACT_LABEL = String.raw`(?:CA|Contract(?: Address)?|Token Address)\s?:\s?0x[0-9a-fA-F]{8}`;
const CONTRACT_ADDRESS = new RegExp(`^${CONTRACT_LABEL}`);
const MEDIA_KIT_HEADING =
  /^(?:(?:Multimedia|Media|Press|Downloadable|Broadcast|Digital) (?:Assets|Kit|Resources|Materials|Downloads)|B-?[Rr]oll(?: (?:Package|Footage))?|MULTIMEDIA (?:ASSETS|KIT|RESOURCES)|MEDIA (?:ASSETS|KIT|RESOURCES))[:：]?$/;
/**
 * A heading over a list of resources (`Additional Resources:`, `Related Links`, `Helpful resources`) or
 * of notes (`Footnotes`, `References`, `Sources:`): links to read further or the text's notes, not body,
 * when a list (its first item marked or numbered) or links follow it.
 */
const RESOURCES_HEADING =
  /^(?:(?:(?:Additional|Related|Helpful|Useful|More|Other|Further|Online|Media|Key) )?(?:Resources|Links|Reading)|Footnotes?|Endnotes?|Notes|References|Citations|Sources)[:：]?$/i;
/**
 * The heading of the issuer's calendar of reporting dates (`Financial calendar`, `Upcoming financial
 * events`, `Finanzkalender`): boilerplate under the body when dated lines, not sentences, follow it.
 */
const CALENDAR_HEADING =
  /^(?:(?:Financial|Corporate|Investor|Reporting) [Cc]alendar|(?:Upcoming )?[Ff]inancial (?:[Ee]vents|[Dd]ates)|Reporting [Dd]ates|FINANCIAL CALENDAR|Finanzkalender|Finanztermine|Calendrier financier|Calendario financiero)[:：]?$/;
/**
 * The heading of a note on how a ranking, survey or study was made (`Methodology`, `Survey
 * Methodology`, `METHODOLOGY:`), alone on its line or run into its text (`MethodologyFirms on the list…`):
 * a note under the body, as a disclaimer is, when a paragraph of sentences follows it.
 */
const METHODOLOGY_HEADING =
  /^(?:(?:Survey|Study|Research|Poll|Ranking|Rankings|Report|Index|Data) )?(?:Methodology|METHODOLOGY)(?: ?:)?(?:$|(?=\p{Lu}\p{Ll})| (?=\p{Lu}\p{Ll}))/u;
/**
 * End marks: `###`, `ENDS`, `./.` (as Vietnamese copy closes a text, also run onto its last words), and
 * `30`, `0` or `END(S)` set between dashes of any kind, spaced or not (`-30-`, `— 30 —`, `–0–`, `- ends -`).
 */
const END_MARKER = /^(?:#{3}|# # #|\*{3}|ENDS|[-–—*~]{1,3} ?(?:ENDS?|30|0) ?[-–—*~]{1,3}|\.\/\.)$/i;
const VIEW_ORIGINAL =
  /^(?:View (?:the )?(?:original|source) (?:content|press release|release|version)(?: to download multimedia)?|To view the (?:source|original) version of this press release)[^:\n]{0,80}?:?\s?(https?:\/\/\S*)?/i;
const COPYRIGHT = /^(?:©|\(c\)|Copyright ©?)\s?\d{4}/i;
/**
 * A pointer to the full article a text is an excerpt of (`To view the full press release, visit …`,
 * `To view the full announcement, click here.`), or to the release the text reports on
 * (`To view the company's most recent earnings release, visit …`, `Read its latest press release`).
 */
const FULL_ARTICLE = String.raw`(?:To (?:view|read)|(?:View|Read)) (?:the (?:full|complete|entire)|(?:the company['’]s|its)(?: (?:most recent|latest|full))?) (?:(?:earnings|financial|quarterly|press|news) ){0,2}(?:release|announcement|article|story)\b`;
const FULL_ARTICLE_POINTER = new RegExp(`^${FULL_ARTICLE}`);
/**
 * Lines a web portal writes under a release it republishes: `The post X appeared first on Y.`,
 * `This article has been amplified by …`. Nothing after them is the release's.
 */
const PORTAL_TRAILER = new RegExp(
  String.raw`^(?:The post \S.{0,300} (?:appeared first|first appeared) on \S|(?:Read more|Originally published (?:at|on|by|in))\b:? ?\S|(?:Read|READ|Continue|CONTINUE) (?:[Mm]ore|MORE|[Rr]eading|READING) ?(?:>+|»|→|\.{3}|…)?$|Tags?: \S|Share this (?:article|story|post|release)$|${FULL_ARTICLE}|(?:This|The) (?:article|post|content|story) (?:was|is) (?:originally|first) published (?:on|at|by|in)\b|Related (?:Articles|Stories|News|Posts|Content)$|(?:Press|News) release (?:distributed|issued|published) (?:by|via|through)\b|This (?:article|press release|release|news release|story|content) (?:has been|was|is being) (?:amplified|distributed|published|republished|syndicated|brought to you) (?:by|via|through|on)\b)`,
);
/**
 * A portal's label line under a post (`Keywords: …`, `Category: …`, `Issued for Acme by Beta PR`): it ends
 * the body like PORTAL_TRAILER, unless a paragraph of prose follows it — an awards release's
 * `Category: Best New Product` between its paragraphs is the release's own text, not a trailer.
 */
const PORTAL_LABEL_LINE = /^(?:(?:Keywords?|Categor(?:y|ies)): \S|Issued (?:on behalf of|for) \S.{0,80}? by \S)/;
/**
 * A list's item (its marker already taken off), or a short heading run into a marked item
 * (`Key points:* One`, as flattening joins them): the body goes on with it as with prose.
 */
function isListItem(block: Block): boolean {
  return block.listItem || /^[^\n.!?:]{1,40}:\s?[*•–-] \S/.test(block.lines[0] ?? '');
}
/** A paragraph of sentences that nothing marks as boilerplate (what the body goes on with). */
function isProse(block: Block): boolean {
  const text = blockText(block).trim();
  return (
    !block.preformatted &&
    countWords(text) >= 20 &&
    /\p{Ll}[.!?]["”’)]?$/u.test(text) &&
    !/https?:\/\/|www\./.test(text) &&
    classify(block).type === 'none'
  );
}
/** A methodology note's heading (see METHODOLOGY_HEADING) over a paragraph of sentences, or run into one. */
function methodologyNote(block: Block, next: Block | undefined): boolean {
  const first = (block.lines[0] ?? '').trim();
  const m = METHODOLOGY_HEADING.exec(first);
  if (!m) return false;
  const rest = blockText(block).trim().slice(m[0].length).trim();
  if (!rest) return block.lines.length === 1 && !!next && isProse(next);
  return countWords(rest) >= 20 && /\p{Ll}[.!?]["”’)]?$/u.test(rest);
}
/**
 * A caption or a pointer to a picture, not a paragraph: `Photo: …`, `Figure 1`, `Image caption: …`,
 * `Click image above to view …`, a wire's pointer to its multimedia (`Photo - https://…`, `Logo - https://…`),
 * or a markdown image left as its alt text (`!Logo`); also a labelled pointer to download one (`Photo download: https://…`,
 * `Image gallery: …`; a sentence saying where photos are is the text's own), and a note that a photo of
 * someone is available for download or on request (`A picture of Jane Roe is available for download at: …`).
 */
export const CAPTION =
  /^(?:(?:Pictured|Above|Left to right|From left|L-R)\s?[:：]|(?:Photos?|Images?|Videos?|Logos?|Audio|Infographics?|Multimedia) [-–—] https?:\/\/|(?:Photos?|Images?|Pictures?|Figures?) \d{1,3}[a-z]? ?[-–—] ?\S|(?:Photos?|Images?|Pictures?|Figures?|Fig\.|Graphics?|Videos?|Captions?)(?: \d{1,3}[a-z]?)?(?: (?:credit|caption|courtesy|source|downloads?|links?|gallery))?(?:\s?[:：|–—]|\s?$)|(?:Click|Tap) (?:on )?(?:the )?(?:images?|photos?|pictures?|graphics?|videos?|logo) (?:above|below)\b|(?:Photos?|Images?|Pictures?) (?:courtesy|credit) of\b|(?:(?:An?|The) )?(?:(?:high|hi|low)[- ]res(?:olution)? |print[- ]quality |downloadable )?(?:photos?|pictures?|images?|photographs?|headshots?|portraits?)\b[^!?\n]{0,120}? (?:is|are) available (?:for download|to download|on request|upon request)\b|(?:Featured |Cover |Header )?(?:photo|image|picture) by \S[^.!?]{0,80}\bon (?:Unsplash|Pexels|Pixabay|Shutterstock|Getty Images|iStock|Adobe Stock)\.?$)/i;
/** The credit of a post's featured image (`Featured photo by Jane Roe on Unsplash.`, `Featured image: Acme`). */
const FEATURED_CREDIT =
  /^(?:Featured|Cover|Header) (?:photo|image|picture)(?: by| courtesy of| credit)?:? \S[^\n]{0,100}$/i;
/** A postal address on one line: a street number, then a US ZIP or a Canadian postal code within 100 characters. */
const POSTAL_LINE = /^\d{1,6},? [^\n.!?]{3,100}?(?:\b\d{5}(?:-\d{4})?|\b[A-Z]\d[A-Z] ?\d[A-Z]\d)(?!\d)/;
/**
 * The issuer's address on a line of its own under the body, its name before it (`Acme Outfitters -
 * 18 Elm St, Suite 4, Dayton, OH, 45402`, `Acme | 18 Elm St, …`) or not: a postal line, no sentence.
 */
const ADDRESS_LINE =
  /^(?:\p{Lu}[^\n.!?]{0,60}? [-–—|] )?\d{1,6},? [^\n!?]{3,100}?(?:\b\d{5}(?:-\d{4})?|\b[A-Z]\d[A-Z] ?\d[A-Z]\d)(?!\d)[^\n.!?]{0,30}$/u;
/**
 * A credit under the text (`Report by the Acme Valley desk`, `(Written by Jane Roe, Researcher at the
 * Acme Institute)`): who wrote it, not a paragraph of it.
 */
const CREDIT_LINE =
  /^(?:\((?:Written|Reported|Report|Compiled|Edited|Text|Article|Story|Photos?) by \S[^()]{1,200}\)|(?:Written|Reported|Report|Compiled|Edited|Text|Article|Story) by \S[^.!?]{1,120})$/;
/**
 * A one-sentence paragraph that tells the reader whom to contact (`To schedule an interview with
 * Acme, please contact Jane Roe, jane@acme.com.`, `For media inquiries, email …`): the contact's
 * lead-in, not body, when nothing of the text follows it. (`For more information, contact …` is the text's
 * closing line, as releases write it.)
 */
/**
 * A paragraph that opens by describing an organization as boilerplate does: `Founded in 1967, Acme
 * Corporation is an…`, `Headquartered in Dayton, Acme is a…`, `Acme, Inc. (NYSE: ACME) is a…`, also
 * with its history (`Acme, Inc. was founded in…`, `… has been a…`, `… traces its origins to…`) (group 1 the name).
 */
const UNHEADED_ABOUT = new RegExp(
  String.raw`^(?:(?:Founded|Established|Headquartered|Based) in [^,]{2,40}, )?((?:\p{Lu}[\p{L}\d&.'’-]*)(?: (?:\p{Lu}[\p{L}\d&.'’-]*|of|and|&)){0,5}(?:,? (?:${LEGAL_FORM})\.?)?)(?: \([^()]{2,60}\))?,? (?:(?:is|are|has been) (?:a|an|the|one of the)|(?:was|were) (?:founded|established|formed|incorporated|created)|traces (?:its|their) (?:origins|roots|history))\b`,
  'u',
);
/**
 * A line under a contact heading that asks the reader to contact someone (`Please contact the Press
 * Office:`, `Kindly direct enquiries to:`, `For interviews, please reach out to`): the contact's, not body.
 */
/** A letter's closing word alone on its line (`Best,`, `Kind regards,`, `Sincerely,`): a signature follows. */
const VALEDICTION =
  /^(?:Best|Best (?:regards|wishes)|(?:Kind|Warm|Warmest) regards|Regards|Sincerely|Yours sincerely|Thanks|Thank you|Cheers),$/i;
const CONTACT_REQUEST =
  /^(?:[^.!?:\n]{1,60}, )?(?:Please |Kindly )?(?:contact|reach(?: out to)?|write to|e-?mail|call|direct (?:all |any )?(?:inquiries|enquiries|questions|requests)(?: to)?)\b[^.!?\n]{0,150}[:.]?$/i;
const CONTACT_LEAD_IN =
  /^(?:To (?:schedule|arrange|request|book|set up)\b|(?:For|With) (?:all |any )?(?:media|press|interview|editorial)\b|(?:Media|Press|Journalists|Reporters|Members of the media)\b)[^.!?]{0,200}?\b(?:contact|reach out to|e-?mail|call|write to)\b/i;
/**
 * A sentence that invites the reader to contact someone and ends in a colon, the address on the lines
 * under it (`For more information about the program, please contact:`, `Questions? Reach out to:`,
 * `To learn more, e-mail or call:`).
 */
const CONTACT_INVITATION =
  /\b(?:contact|reach out to|reach|e-?mail|call|write to|get in touch with)(?: (?:us|me|them|our team|the following))?(?: (?:at|on|via))?\s?[:：]$/i;
/**
 * A short line giving a contact under a label of up to three capitalised words, a region, an
 * audience or a desk (`Americas: Jane Roe at +1 555 010 0100 / jane@acme.example`, `Press: jane@…`):
 * after the label only names, phone numbers and addresses (group 1), joined by `at`, `or`, commas,
 * slashes or dashes.
 */
const LABELLED_CONTACT_LINE = /^(?:\p{Lu}[\p{L}.&'’-]*\s?){1,3}(?:\([^()\n]{1,30}\)\s?)?[:：]\s*(\S.{0,200})$/u;
/** What a contact line may hold besides names: its addresses, phone numbers and the words joining them. */
const CONTACT_LINE_FILLER =
  /[\w.%+'-]+@[\w.-]*[A-Za-z]|\+?\(?\d[\d ().-]{5,}\d|(?<![\p{L}])(?:at|or|and|tel|phone|e-?mail)\.?(?![\p{L}])|[,/|–—:;-]/giu;
/**
 * A one-line contact under a label (see LABELLED_CONTACT_LINE), twenty words at most, with an e-mail
 * address: wider than isLabelledContactLine (any capitalised label, a region or a desk, not only an
 * audience word), so read only where the body ends or under it.
 */
function isLabelledContactRow(text: string): boolean {
  const rest = LABELLED_CONTACT_LINE.exec(text)?.[1];
  if (!rest || !findEmail(rest) || countWords(text) > 20) return false;
  // (the rest names only: every word left capitalised, `Jane Roe`, `Acme Advisors Inc.`)
  const names = rest.replace(CONTACT_LINE_FILLER, ' ').split(/\s+/).filter(Boolean);
  return names.every((w) => /^[\p{Lu}(][\p{L}.&'’()-]*$/u.test(w));
}
/**
 * A line that is an e-mail address alone, or one under a contact label written before it on the same
 * line, a scraper having run the two together or not (`Media Relations press@…`, `Investor
 * Relationsir@…`, `Press Contact: press@…`).
 */
function isLabelledAddress(text: string): boolean {
  const email = findEmail(text);
  if (!email) return false;
  const at = text.toLowerCase().lastIndexOf(email);
  if (at < 0 || at + email.length !== text.length) return false;
  const label = text.slice(0, at).trim();
  return label === '' || (countWords(label) <= 5 && isContactHeading(label));
}
/** A sentence saying the text is no advice (see its use at the end of splitSections). */
const ADVICE_DISCLAIMER =
  /\b(?:not (?:necessarily )?(?:intended (?:as|to (?:be|provide|constitute))|meant (?:as|to be)|offering|to be (?:construed|taken) as|a substitute for)|does not (?:constitute|provide)|should not be (?:construed|taken|relied upon) as)(?: an?)?(?: (?:legal|medical|financial|investment|investing|tax|professional))? advice\b/i;
/**
 * A paragraph whose last sentence says the text is no advice, with the sentences before it that speak
 * of the text itself (`this article`, `this release`): the paragraph without them (null when there
 * is no such tail, when it is over 80 words, or when nothing of the paragraph would be left).
 */
function withoutAdviceTail(text: string): string | null {
  const sentences = text.trim().split(/(?<=[.!?]["”]?)\s+(?=["“]?\p{Lu})/u);
  let k = sentences.length - 1;
  if (k < 1 || !ADVICE_DISCLAIMER.test(sentences[k] ?? '')) return null;
  while (
    k > 1 &&
    /\bthis (?:article|release|press release|news release|content|post|story|piece)\b/i.test(sentences[k - 1] ?? '')
  )
    k--;
  if (countWords(sentences.slice(k).join(' ')) > 80) return null;
  return sentences.slice(0, k).join(' ');
}

/**
 * The marks of an offer's fine print, however worded: its charges (`taxes`, `fees`, `surcharges`, `APR`),
 * who qualifies (`eligible`, `ineligible`, `qualifying`), its conditions (`terms apply`, `subject to change`,
 * `void`, `excludes`, `requires`, `not combinable`), its limits (`minimum purchase`, `limit one`, `while
 * supplies last`) and its credits and expiry (`promo credit`, `offer ends`, `expires`).
 */
const FINE_PRINT_MARKS = [
  /\b(?:taxes|surcharges|fees)\b/i,
  /\b(?:in)?eligib(?:le|ility)\b|\bqualifying (?:purchase|plan|device|line|account|order)s?\b/i,
  /\b(?:terms|conditions|restrictions|exclusions) (?:and conditions )?(?:may )?apply\b|\bsubject to (?:change|availability|(?:credit )?approval|(?:[a-z]+ ){0,2}terms)\b/i,
  /(?:^|[.;:] )(?:Void|Excludes?|Requires?|Applies|Available only|Valid (?:only|through|until|on))\b/,
  /\b(?:not (?:be )?(?:combinable|combined|valid|transferable|redeemable)|cannot be combined)\b/i,
  /\b(?:minimum|maximum) (?:purchase|spend|order|\$)|\blimit (?:one|1|two|2)\b|\bwhile supplies last\b/i,
  /\b(?:promo(?:tional)?|bill|statement|trade-in) credits?\b|\bcredits? (?:applied|ends|will be applied)\b/i,
  /\b(?:offer|promotion|promo) (?:ends|expires|valid|available)\b|\bexpires? (?:on )?(?:\d|January|February|March|April|May|June|July|August|September|October|November|December)/i,
  /\bAPR\b|\bAuto ?Pay\b|\bper (?:line|month|mo\.?)\b|\/mo(?:nth)?\b/i,
];
/**
 * A paragraph of fine print under a release's offer: four marks of FINE_PRINT_MARKS or more, no quote
 * and no first person; the terms of an offer, not its text.
 */
function isFinePrint(text: string): boolean {
  if (/["“”]|\b(?:said|says|we|our|I)\b/.test(text)) return false;
  return FINE_PRINT_MARKS.filter((mark) => mark.test(text)).length >= 4;
}

/** A markdown thematic break (`---`, `___`): on a republishing portal, the line above its link list. */
const THEMATIC_BREAK = /^(?:-{3,}|_{3,}|(?:- ){2,}-)$/;
/**
 * Markup a converter or a CMS left on a line of its own: a markdown code fence (```` ``` ````,
 * ```` ```html ````) around a release pasted as code, or a shortcode (`[toc]`, `[/caption]`).
 */
const LEFTOVER_MARKUP = /^(?:`{3,}|~{3,})[\w-]{0,20}$|^\[\/?[a-z][a-z_-]{1,20}\]$/;
/**
 * A portal's advertisement slot left in the text by a scraper (`Advertisement`, `Story continues
 * below advertisement`): not a paragraph of the release.
 */
const AD_SLOT = /^(?:Advertisement|Ad|(?:Story|Article) continues (?:below|after) (?:this )?(?:advertisement|ad))$/i;
/**
 * The label of a link to the release in another language, the link lost (`Spanish news release`, `Read
 * this release in French`, `Versión en español`): not a paragraph of the release.
 */
const LANGUAGE = String.raw`(?:Spanish|English|French|German|Italian|Portuguese|Dutch|Chinese|Japanese|Korean|Arabic|Russian|Polish|Swedish|Turkish|Vietnamese|Thai|Indonesian|Hindi)`;
const OTHER_LANGUAGE_VERSION = new RegExp(
  String.raw`^(?:(?:Read|View|See) (?:this|the) (?:(?:news|press) )?release in ${LANGUAGE}|${LANGUAGE} (?:language )?(?:(?:news|press) )?(?:release|version|translation)|Versión en español|Version française|Deutsche Version|Versione italiana|Versão em português)[.:]?$`,
);
/** The labels of a portal's link list under a release (`Original/Source Press Release`, `Pickup - …`). */
const PORTAL_LINK_LABEL = /^(?:Original(?:\/Source)?|Source) (?:Press Release|Article|Story)$|^Pickup -/i;

/**
 * The words that open an "About" section, in the languages releases come in: `About`, `Acerca de`,
 * `Sobre`, `À propos de`, `Über`, `Informazioni su`, `Over`; group 1 is the whole opener.
 */
const ABOUT_OPENER =
  /^((?:About|ABOUT|Acerca de(?: la| los| el)?|Sobre(?: (?:a|o|la|el|os|as))?|[ÀA] propos (?:de la|de|du|des)|Über|Uber|Informazioni su|Chi è|Over) (?:the )?|[ÀA] propos d['’](?=\p{Lu}))/u;
/** CJK openers: `关于X` / `關於X` (zh), `X について` (ja), `X 소개` (ko). */
const ABOUT_CJK = /^(?:关于|關於)\s?(\S.{0,60}?)[:：]?$|^(\S.{0,60}?)\s?(?:について|소개)[:：]?$/;
/** Lower-case words an organization name may hold (`Bank of Nowhere`, `Sabores del Caribe`). */
const NAME_SMALL_WORDS =
  /^(?:of|and|for|the|de|del|des|du|da|do|dos|das|di|della|la|le|les|el|los|las|der|die|das|und|van|von|y|e|et|in|at|on|an|a|\+|&)$/;

/**
 * A brand written in lower case with capitals further in (`alphaMountain`, `tinyBird3D`) or as its
 * domain (`tinyfox.io`, `acme-labs.fyi`): a name word, though it opens in lower case.
 */
const LOWER_BRAND_WORD = String.raw`\p{Ll}[\p{Ll}\d]{0,24}(?:\p{Lu}[\p{L}\d]{0,24}|(?:-[\p{Ll}\d]{1,24})?\.[a-z]{2,6})`;
const LOWER_BRAND = new RegExp(String.raw`^${LOWER_BRAND_WORD}:?$`, 'u');

/** An `About Acme Robotics` heading: org name only, no sentence. */
function aboutHeading(line: string): string | null | undefined {
  const t = line.trim();
  const cjk = ABOUT_CJK.exec(t);
  if (cjk && /[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(t)) {
    return cleanOrg((cjk[1] ?? cjk[2] ?? '').trim());
  }
  const opener = ABOUT_OPENER.exec(t);
  if (!opener?.[1]) return undefined;
  const written = t.slice(opener[1].length).trim();
  const m = /^(\S[^\n]{0,100}?)\s?[:.]?$/.exec(written);
  if (!m?.[1]) return undefined;
  const name = m[1].trim();
  const words = name.split(' ');
  // A brand may open in lower case before its capitals (`iCoreConnect`, `eBay`), a domain registry
  // with the dot of its top-level domain (`.WS`, `.io`); a word of a Spanish name may open with an
  // inverted mark (`¡Que Rico! Foods`, `Acme ¿Sabías? Awards`).
  if (
    words.length > 10 ||
    (!/^(?:[¡¿]?[\p{Lu}\d"“]|\p{Ll}{1,2}\p{Lu}|\.\p{L}{2,24}\b)/u.test(name) && !LOWER_BRAND.test(words[0] ?? '')) ||
    // (two legal forms may close it, `Acme Co., Ltd.`, `Roe & Co., Inc.`)
    /[.!?]$/.test(name.replace(LEGAL_SUFFIX, '').replace(LEGAL_SUFFIX, ''))
  )
    return undefined;
  // An organization name is capitalized word by word (`Acme Robotics`, `Bank of Nowhere`); prose is not.
  // Outside English, names keep lower-case adjectives (`Coopérative forestière Boréalis`): allow two.
  const lower = words.filter(
    (w) =>
      !/^(?:[¡¿]?[\p{Lu}\d"“(&]|\p{Ll}{1,2}\p{Lu}|\.\p{L}{2,24}$|[–—]$)/u.test(w) &&
      !LOWER_BRAND.test(w) &&
      !NAME_SMALL_WORDS.test(w),
  ).length;
  // `About the Merger to form Acme Holdings`: a heading on the release's own subject, however it goes on.
  const subject = t
    .replace(/^(?:About|ABOUT) /, '')
    .split(' ')
    .slice(0, 2)
    .join(' ');
  if (/^(?:About|ABOUT) /.test(t) && ABOUT_SUBJECT.test(subject)) return null;
  // `About the Acme RX-9 Test`, `About the Acme Heart Study`: a named test, study or event (see
  // NAMED_SUBJECT) the release is about, written with `the`, is no organization either.
  if (/^About the \p{Lu}/u.test(t) && NAMED_SUBJECT_OR_TEST.test(` ${name.replace(/\s?[:.]$/, '')}`)) return null;
  if (lower > (/^(?:About|ABOUT) /.test(t) ? 0 : 2)) return undefined;
  if (ABOUT_SUBJECT.test(t.replace(/^(?:About|ABOUT) /, '').replace(/\s?[:.]$/, ''))) return null;
  return cleanOrg(written);
}

/**
 * An About heading on a release's own subject, not an organization (`About the Survey`, `About
 * This Study`, `About the Awards`), or on the people behind it (`About the Founders`, `About the
 * Team`): a section with no organization.
 */
const ABOUT_SUBJECT =
  /^(?:the|this|our) (?:Survey|Study|Report|Research|Poll|Index|Data|Methodology|Findings|Trial|Book|Authors?|(?:Co-?)?Founders?|Team|Hosts?|Speakers?|Artists?|Creators?|Film|Series|Campaign|Awards?|Event|Program|Programme|Competition|Contest|Prize|Exhibition|Festival|Conference|Summit|Webinar|Podcast|Album|Game|Show|Project|Initiative|Partnership|Collaboration|Agreement|Offering|Transaction|Deal|Merger|Acquisition)$/i;

/** A product code, not an organization (`IFB-088`, `XR12`): letters then digits, one word. */
const PRODUCT_CODE = /^\p{Lu}{1,6}[- ]?\d{2,}[\p{L}\d-]*$/u;

/** How an About text opens after the name: a listing, an appositive, `is a…` or a verb of what it does. */
/** The last word of a name that is an award, event or study, not an organization. */
const NAMED_SUBJECT =
  /\s(?:Awards?|Prize|Medal|Trophy|Competition|Contest|Championships?|Conference|Summit|Festival|Expo|Exhibition|Fair|Week|Games|Survey|Study|Report|Index|Ranking|Programme|Program|Campaign|Challenge)$/;

/** NAMED_SUBJECT, or a named test or trial (`the Acme RX-9 Test`). */
const NAMED_SUBJECT_OR_TEST = new RegExp(String.raw`(?:${NAMED_SUBJECT.source}|\s(?:Test|Assay|Trial))$`);

const DESCRIBES =
  /^(?: [\p{Lu}\d][\p{L}\d&.'’-]*){0,4}(?:,? \(|, (?:a|an|the|one)\b| (?:is|was|are) (?:a|an|the|one)\b| (?:operates|provides|offers|develops|delivers|designs|manufactures|owns|manages|serves|specializes|invests) )/u;

/**
 * A heading alone on its line that the next paragraph confirms: `About twentytwo & brand` (a name
 * the issuer writes in lower case) followed by `Twentytwo & brand is…`, or, with no `About` at all
 * (a portal dropped it), a capitalised name followed by a paragraph that describes it
 * (`Duke Energy` / `Duke Energy (NYSE: DUK), a Fortune 150 company…`), once the body has begun.
 */
function confirmedHeading(line: string, next: string, around: Around): string | null {
  const t = line.trim();
  if (t.length > 80 || /[.!?]$/.test(t.replace(ABBREVIATION_END, ''))) return null;
  const opener = ABOUT_OPENER.exec(t)?.[1];
  // (or the name with its tagline after a colon, `Acme: WE BUILD WHAT LASTS®`, over a paragraph in which
  // the issuer speaks for itself, `At Acme (NYSE: ACME), we…`)
  const tagline = opener ? null : /^(\p{Lu}[^:]{1,40}): \p{Lu}[^.!?:]{2,80}$/u.exec(t)?.[1];
  const name = (opener ? t.slice(opener.length) : (tagline ?? t)).replace(/:$/, '').trim();
  const words = name.split(' ');
  if (!name || words.length > 6) return null;
  if (opener) {
    const start = next.slice(0, name.length + 1).toLowerCase();
    return start.startsWith(name.toLowerCase()) && !/[\p{L}\d]$/u.test(start) ? cleanOrg(name) : null;
  }
  if ((around.bodyParagraphs ?? 0) < 2 || !words.every((w) => /^[\p{Lu}\d&]/u.test(w) || NAME_SMALL_WORDS.test(w)))
    return null;
  // A named award, event or study the release writes about (`The RoSPA Awards`, `The Acme Summit`) is
  // a section of the body, not the boilerplate of an organization.
  if (NAMED_SUBJECT.test(name)) return null;
  // (a name and a title over a paragraph on it, `Acme Vault: Storage for Teams` / `Acme Vault is…`, is a
  // section of the body; the tagline heads the boilerplate only over the issuer speaking as `we`)
  if (tagline) {
    const after = next.startsWith(`At ${name}`) ? next.slice(name.length + 3).replace(/^ \([^()]{1,40}\)/, '') : '';
    return /^, (?:we|our)\b/.test(after) ? cleanOrg(name) : null;
  }
  return next.startsWith(name) && DESCRIBES.test(next.slice(name.length)) ? cleanOrg(name) : null;
}

/**
 * The name an About text opens by describing (`Acme Protection is a Los Angeles-based…`, `Acme, a provider of…`),
 * also with its legal form before a listing (`Acme, Inc. (OTCQB: ACME) acquires…`).
 */
const DESCRIBED_NAME = new RegExp(
  String.raw`^((?:[\p{Lu}\d][\p{L}\d&.'’-]*)(?: (?:[\p{Lu}\d&][\p{L}\d&.'’-]*|of|and|for|the|de)){0,5}(?:,? (?:${LEGAL_FORM})\.?)?)(?:,? \(|, (?:a|an|the)\b| (?:is|was|are) (?:a|an|the|one)\b| (?:was|were) (?:founded|established|formed|incorporated|created|launched) (?:in|by|on|as|at)\b)`,
  'u',
);

/** A name ending in an abbreviation's full stop (`Inc.`, `Acme Corp.`, `Acme S.A.`), which is the name's. */
const ABBREVIATION_END =
  /(?:^|[\s,])(?:Inc|Corp|Co|Ltd|Bros|Intl|Mfg|Pty|Cia|Cie|Jr|Sr|St|Ph\.D|INC|CORP|CO|LTD|BROS|INTL|MFG|PTY|CIA|CIE)\.$|(?:^|[\s.])\p{L}\.$/u;

/**
 * The organization as the heading writes it (`NIKE, Inc.`, `The Standard`, `YETI Holdings, Inc.`):
 * legal suffix, leading article and case are the issuer's. Only what is not the name goes: a
 * trailing colon, a full stop that ends no abbreviation, surrounding quotes, and parentheses after
 * the name (a listing `(NYSE: RL)`, `(Stock Code: 0788.HK)`, a short form `(CRA)`), and trademark
 * signs (`Acme™`, `Acme(TM)`, `Acme®`).
 */
function cleanOrg(name: string): string | null {
  let cleaned = withoutMarks(name.trim()).replace(/^["“]|["”]$/g, '');
  for (let i = 0; i < 4; i++) {
    const before = cleaned;
    cleaned = cleaned
      .replace(/\s\([^()]{0,80}\)?$/, '')
      .replace(/\s?[:;,]$/, '')
      .trim();
    if (cleaned.endsWith('.') && !ABBREVIATION_END.test(cleaned)) cleaned = cleaned.slice(0, -1).trim();
    if (cleaned === before) break;
  }
  return cleaned || null;
}

/**
 * A name without its trademark signs: `™`, `®`, `℠`, and `(TM)`, `(R)`, `(SM)` written onto a word
 * (`Acme(TM)`; `Acme (R)` with its space is left, as it may be something else).
 */
export function withoutMarks(name: string): string {
  return name
    .replace(/[®™℠]/g, '')
    .replace(/(?<=[\p{L}\d])\((?:TM|R|SM)\)/gu, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Words that open an About text's first sentence when it does not restart with the name. */
const ABOUT_TEXT_OPENER =
  /^(?:Founded|Headquartered|Co-(?:[Ff]ounded|[Hh]eadquartered)|Established|Based|Since|Launched|Formed|Incorporated|Created|Together|Today|With|As|Our|We|At|The|For|Across|From|Known|Trusted|Built)$/;

/** A name of two to eight words written twice, the second time glued onto the first's last word. */
const NAME_GLUED_AGAIN = /^([\p{Lu}\d][^\s]*(?: [^\s]+){1,7}?)\1(?=[\s,])/u;

/** Prepositions that open a sentence (`Through a…`, `In the…`, `By its…`), for aboutGlued. */
const PREPOSITION_OPENER =
  /^(?:Through|Throughout|In|By|Under|Over|Within|Beyond|Along|Using|Via|Amid|Among|Since|With|For|From|Across|At|After|During|Like|Unlike)$/;

/** A place-based adjective that opens a sentence: `Calgary-based`, `Ohio-headquartered`. */
const PLACE_ADJECTIVE = /^\p{Lu}[\p{L}.'’]*-(?:based|headquartered)$/u;

/**
 * A word written twice with nothing between (`CloudbenchCloudbench`, `Inc.Inc.`), the second time
 * maybe as its web address (`PeakLedgerPeakLedger.com`): the length of the first, else 0.
 */
function twiceAt(word: string): number {
  return WRITTEN_TWICE.exec(word)?.[1]?.length ?? 0;
}
const WRITTEN_TWICE = /^([\p{Lu}\d]\S{1,40}?)\1(?:\.[a-z]{2,6})?$/u;

/**
 * A one-word brand in lower case written twice with nothing or a space between, then the About text goes
 * on (`acmeacme AG (XETR: ACM) is…`, `acmeacme is…`, flattened `acme acme AG offers…`): a heading run
 * into a text that restarts with the name.
 */
const LOWER_BRAND_TWICE =
  /^(\p{Ll}[\p{Ll}\d]{2,24}) ?\1(?= (?:\p{Lu}|\(|(?:is|are|was|has|offers|provides|develops|builds|makes)\b)|[,:] )/u;

/** A word with the punctuation around it dropped, for comparing names. */
function bare(word: string): string {
  return word.replace(/^[("“¡¿]+|[)"”,:;.’'!?]+$/g, '').toLowerCase();
}

/**
 * Where inside one word an About text starts glued to its heading, or -1: after a colon (not one
 * inside a parenthesis, `(SIX:ACM)`) or a closing parenthesis (`Innovations:Shoulder`, `0788.HK)China`), where the name starts again
 * (`CompanyThe Timken`, `LLCFinys`, `SYSTEMSXNRGY`, `Acme.comAcme`) or with a later word of it (`Northern Acme
 * WorksAcme Works was`), or before a sentence opener (`ZoneFounded`, also after an acronym: `ACMAThe`).
 */
function gluedAt(word: string, firstWord: string | null, earlier: readonly string[] = []): number {
  const twice = twiceAt(word);
  if (twice > 0) return twice;
  for (let p = 1; p < word.length; p++) {
    if (!/[\p{Lu}\d]/u.test(word[p] ?? '')) continue;
    const prev = word[p - 1] ?? '';
    const tail = word.slice(p);
    // (not after the colon of a listing in parentheses written with no space: `(SIX:XLS)`, `(NYSE:ACME)`)
    if ((prev === ':' && !/\([^()]*$/.test(word.slice(0, p))) || prev === ')') return p;
    if (firstWord && firstWord.length >= 2 && bare(tail).startsWith(firstWord)) return p;
    // `About Acme.comAcme is…`: a name written as its web address, the text restarting with the name.
    const site = /^([\p{L}\d-]{2,})\.(?:com|net|org|io|ai|co)$/u.exec(word.slice(0, p))?.[1];
    if (site && bare(tail).startsWith(site.toLowerCase())) return p;
    // `About Northern Acme WorksAcme Works was founded…`: the text restarts with a later word of the name.
    if (/\p{Ll}/u.test(prev) && earlier.some((w) => w.length >= 3 && bare(tail).startsWith(w))) return p;
    // `About ACMAThe Acme Contractors Association (ACMA) represents…`: after an acronym too, or a name
    // ending in a capital (`About AcmeXHeadquartered in…`).
    const acronym = /\p{Lu}/u.test(prev) && p >= 2 && /^\p{Lu}[\p{L}\d]*$/u.test(word.slice(0, p));
    if ((/[\p{Ll}.]/u.test(prev) || acronym) && ABOUT_TEXT_OPENER.test(tail.replace(/[,:]$/, ''))) return p;
  }
  return -1;
}

/**
 * `About Acme Robotics Acme Robotics is …` (flattened text, or `<b>About Acme</b> Acme is …`): the
 * heading is the words after `About` up to where the About text starts: where the name starts
 * again (`About ATP Flight School ATP is`, `ABOUT ACME CORP Acme Corp (NYSE: ACME) is`), glued or
 * not (`About CloudbenchCloudbench is`), after a colon or a parenthesis (`About China Tower (Stock
 * Code: 0788.HK)China Tower is`), or before a sentence opener (`About Stretch ZoneFounded in`).
 */
function aboutGlued(text: string): { organization: string | null; rest: string } | null {
  const opener = ABOUT_OPENER.exec(text)?.[1];
  if (!opener) return null;
  const after = text.slice(opener.length, opener.length + 400);
  // `About acmeacme AG is…`: a brand written in lower case, glued to its text that restarts with it.
  const lowerBrand = LOWER_BRAND_TWICE.exec(after)?.[1];
  if (lowerBrand)
    return { organization: cleanOrg(lowerBrand), rest: text.slice(opener.length + lowerBrand.length).trimStart() };
  // `About Acme Robotics – Building robots that help Acme Robotics is…`, `About Acme - www.acme.comAcme
  // is…`: a tagline or address after a dash, the text restarting with the name; the name is before the dash.
  const tagged = /^(\S.{1,60}?) [–—-] \S/.exec(after);
  const tagName = tagged?.[1];
  if (tagName && after.indexOf(tagName, tagged[0].length) > 0 && aboutHeading(`${opener}${tagName}`)) {
    return {
      organization: cleanOrg(tagName),
      rest: text.slice(opener.length + tagName.length).replace(/^ [–—-] /, ''),
    };
  }
  // `About U of DigitalU of Digital is…`, `About X Labs Inc.X Labs Inc. builds…`: a name of two words or
  // more written again glued onto its last word (its first word may be too short to be looked for alone).
  const gluedName = NAME_GLUED_AGAIN.exec(after)?.[1];
  if (gluedName) return { organization: cleanOrg(gluedName), rest: text.slice(opener.length + gluedName.length) };
  // `About ACMEAcme Cargo Mining AG (ACME) is…`: an acronym glued onto the name it stands for, which the
  // text then glosses with it in parentheses; also a name in mixed case ending in capitals (`About
  // AcmeIDAcme Identity Diagnostics, Inc. (AcmeID) is…`).
  const acronym = /^(\p{Lu}[\p{L}\d&]{0,14}?\p{Lu})(?=\p{Lu}\p{Ll})/u.exec(after)?.[1];
  if (acronym && after.slice(acronym.length, acronym.length + 200).includes(`(${acronym})`)) {
    return { organization: acronym, rest: text.slice(opener.length + acronym.length) };
  }
  const words = after.split(' ');
  for (let n = 1; n <= Math.min(8, Math.floor(words.length / 2)); n++) {
    const name = words.slice(0, n).join(' ');
    const again = words.slice(n, 2 * n).join(' ');
    // `About Oakmere Data Centers Oakmere Data Centers, Inc. develops…`: the repeat may carry a comma.
    const restated = again.replace(/[®™]?[,:;.]?$/, '');
    // (a heading in capitals restated in title case: `ABOUT ACME ROBOTICS Acme Robotics is…`)
    const same = name === restated || (name === name.toUpperCase() && name === restated.toUpperCase());
    // (a brand may open in lower case: `About blueRiver AI blueRiver AI, Inc. is…`)
    if ((name === again || same) && (/^[\p{Lu}\d]/u.test(name) || LOWER_BRAND.test(words[0] ?? ''))) {
      return { organization: cleanOrg(name), rest: text.slice(opener.length + name.length).trim() };
    }
  }
  const tokens = [...after.matchAll(/\S+/g)].slice(0, 12);
  // `ABOUT THE AUTHOR Jane Roe is…`, `ABOUT ACME ROBOTICS Jane Roe founded…`: a heading in capitals run
  // into its text ends where the words turn to mixed case (a heading on a subject names no organization).
  // (also at an article opening the text before a lower-case word: `ABOUT ACME A member of…`)
  const turn = /^ABOUT /.test(opener)
    ? tokens.findIndex(
        (t, k) => /^["“(]?\p{Lu}\p{Ll}/u.test(t[0]) || (t[0] === 'A' && /^\p{Ll}/u.test(tokens[k + 1]?.[0] ?? '')),
      )
    : -1;
  const capsBefore = tokens.slice(0, Math.max(turn, 0));
  if (turn >= 1 && capsBefore.every((t) => !/\p{Ll}/u.test(t[0]))) {
    const end = (tokens[turn]?.index ?? 0) - 1;
    const org = aboutHeading(`${opener}${after.slice(0, end).trim()}`);
    if (org !== undefined) return { organization: org, rest: text.slice(opener.length + end).trim() };
  }
  const firstWord = tokens[0] && !twiceAt(tokens[0][0]) ? bare(tokens[0][0]) : null;
  const headingUpTo = (end: number) => {
    const heading = after.slice(0, end).trim();
    const rest = text.slice(opener.length + end).trim();
    const balanced = heading.split('(').length === heading.split(')').length;
    if (!rest || !balanced || NAME_SMALL_WORDS.test(heading.slice(heading.lastIndexOf(' ') + 1))) return null;
    if (aboutHeading(`${opener}${heading}`) === undefined) return null;
    return { organization: cleanOrg(heading), rest };
  };
  // `About Acme reviewsAcme is…`, `About Acme trading platformAcme offers…`: search keywords in lower case
  // after the name, the text restarting with the name glued on: the name is the heading's capitalised words.
  const keywordsAfterName = (end: number, tail: string) => {
    const words = after.slice(0, end).trim().split(' ');
    const k = words.findIndex((w) => /^\p{Ll}/u.test(w));
    if (k < 1 || !firstWord || !bare(tail).startsWith(firstWord)) return null;
    if (!words.slice(k).every((w) => /^\p{Ll}+$/u.test(w) || /^\p{Ll}+\p{Lu}/u.test(w))) return null;
    const name = words.slice(0, k).join(' ');
    if (!aboutHeading(`${opener}${name}`)) return null;
    return { organization: cleanOrg(name), rest: text.slice(opener.length + end).trim() };
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) break;
    const at = token.index ?? 0;
    const earlier = tokens
      .slice(1, i)
      .map((t) => t[0])
      .filter((t) => /^\p{Lu}\p{Ll}/u.test(t))
      .map(bare);
    const glued = gluedAt(token[0], i === 0 ? null : firstWord, earlier);
    if (glued > 0) return headingUpTo(at + glued) ?? keywordsAfterName(at + glued, token[0].slice(glued));
    // `About Acme: is a leading…` / `About Acme: a maker of…`: a colon ends the heading, whatever follows.
    if (token[0].endsWith(':')) {
      const found = headingUpTo(at + token[0].length);
      if (found) return found;
    }
    const next = tokens[i + 1]?.[0];
    // (a name may open with Spanish punctuation: `¡Que Onda! Magazine is…`)
    // (a brand may open in lower case before its capitals: `About nwGroup and nwFilters nwFilters is…`)
    if (!next || !/^[¡¿]?(?:[\p{Lu}\d]|\p{Ll}{1,2}\p{Lu})/u.test(next)) continue;
    const restarts = tokens
      .slice(0, i + 1)
      .some((t) => /^[("“]?(?:[\p{Lu}\d]|\p{Ll}{1,2}\p{Lu})/u.test(t[0]) && bare(t[0]) === bare(next));
    // `About Baird Putting clients first since 1919, Baird is…`: a capitalised participle followed by
    // a lower-case word opens a sentence; a name is capitalised word by word.
    const after2 = tokens[i + 2]?.[0] ?? '';
    const participle =
      /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(next) && /^\p{Ll}/u.test(after2) && !NAME_SMALL_WORDS.test(after2);
    // `About Acme Fine Goods In 1964, Jane Roe opened…`: a preposition before a year opens a sentence.
    const dated = /^(?:In|By|Until|Through|Throughout)$/.test(next) && /^(?:1[89]|20)\d\d,?$/.test(after2);
    // `About Acme Ltd. Calgary-based Acme Ltd. is…`: a place-based adjective opens the text.
    const placeBased = PLACE_ADJECTIVE.test(next);
    // `About Acme, LLC Through a people-centric approach, Acme…`: a preposition before an article or
    // a determiner in lower case opens a sentence; a name's words are capitalised.
    const prepositional =
      PREPOSITION_OPENER.test(next) && /^(?:a|an|the|its|our|their|this|more|over|nearly)$/.test(after2);
    // `About Acme Partners, LLC Through a…`, `About Acme GmbH Our team…`: an abbreviated legal form closes
    // the name, unless another legal form follows it (`Acme Ltd. GmbH`); not `Co.`, which may go on
    // inside a name (`Acme Co. Holdings`).
    const legalEnd = i > 0 && LEGAL_FORM_WORD.test(token[0]) && !LEGAL_FORM_WORD.test(next.replace(/,$/, ''));
    // `About Acme® Jane Roe founded Acme in…`: a trademark sign closes the brand when the text names its
    // word again but never with the next word after it (not `About Acme® Robotics Founded…, Acme Robotics…`).
    const brand = withoutMarks(token[0]);
    const tail = text.slice(opener.length + at + token[0].length);
    const markEnd =
      /[®™]$/.test(token[0]) &&
      brand.length >= 2 &&
      new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(brand)}(?![\\p{L}\\d])`, 'u').test(tail) &&
      !tail.includes(`${brand} ${next}`) &&
      !/[®™]/.test(next) &&
      !tail.includes(`${token[0]} ${next}`);
    if (
      restarts ||
      participle ||
      dated ||
      placeBased ||
      prepositional ||
      legalEnd ||
      markEnd ||
      ABOUT_TEXT_OPENER.test(next.replace(/[,:]$/, '')) ||
      token[0].endsWith(':') ||
      (i > 0 && token[0].endsWith(')'))
    ) {
      const found = headingUpTo(at + token[0].length);
      if (found) return found;
    }
  }
  return null;
}

/**
 * `About Acme Magazine Journalist Jane Roe founded…`: an About heading run into a text that restarts
 * with no clue but the name, when the body already named the organization. The heading is the
 * longest run of capitalized words after `About` (up to six) that the body wrote as a phrase, while
 * that run and the next word never stand together in it.
 */
function aboutNamedInBody(text: string, body: () => string): { organization: string | null; rest: string } | null {
  const opener = /^(?:About|ABOUT) /.exec(text);
  if (!opener || countWords(text) < 12) return null;
  const words = text.slice(opener[0].length, opener[0].length + 300).split(' ');
  const seen = body();
  for (let n = Math.min(6, words.length - 2); n >= 1; n--) {
    const name = words.slice(0, n);
    const next = words[n] ?? '';
    if (!name.every((w) => /^[\p{Lu}\d&]/u.test(w) || NAME_SMALL_WORDS.test(w)) || !/^\p{Lu}\p{Ll}/u.test(next))
      continue;
    const phrase = name.join(' ');
    if (!new RegExp(`(?:^|[\\s(“"])${escapeRegExp(phrase)}(?![\\p{L}\\d])`, 'u').test(seen)) continue;
    if (seen.includes(`${phrase} ${next}`)) continue;
    return { organization: cleanOrg(phrase), rest: text.slice(opener[0].length + phrase.length).trim() };
  }
  return null;
}

/** The SOURCE label in PR Newswire's languages (`FUENTE`, `QUELLE`, `FONTE`, `BRON`, `消息来源`, `ソース`, `출처`). */
const SOURCE_WORDS = 'SOURCE|FUENTE|QUELLE|FONTE|BRON|消息来源|消息來源|ソース|출처';
/** The `SOURCE X` line PR Newswire ends a release with (also news aktuell's `ÜBERMITTELT VON X`). */
const SOURCE_LINE = new RegExp(String.raw`^(?:${SOURCE_WORDS}|ÜBERMITTELT VON)\s?[:：]?\s?([^\s:：][^\n]{0,200})$`);
/** The label alone, its organization on the next line (`SOURCE:` / `Acme Ltd`, as flattened copy splits it). */
const SOURCE_LABEL = new RegExp(String.raw`^(?:${SOURCE_WORDS})\s?[:：]$`);

/**
 * news aktuell's credit under an ots release (`Original-Content von: Acme GmbH, übermittelt durch
 * news aktuell`; older copy `ots Originaltext: Acme GmbH`): the issuer, as a SOURCE line names it.
 */
const OTS_CREDIT =
  /^(?:Original-Content von|(?:ots )?Originaltext)\s?:\s?(\S[^\n]{0,150}?)(?:,? übermittelt (?:durch|von) [^\n]{1,40})?$/;

/** Leading emoji a portal puts before a label (`📩 Contact:`, `🌎 Website:`); not `©`, `®`, `™`. */
const LEADING_SYMBOLS = /^(?:(?![©®™])[\p{Extended_Pictographic}\uFE0F\u200D]\s?)+/u;

/** What `classify` may look at around a block: the next block, and whether the body has begun. */
interface Around {
  next?: Block | undefined;
  bodyParagraphs?: number;
  /** The body read so far, as one text (asked only for a block that opens with `About`). */
  body?: () => string;
}

/** An organization without the name it was formerly known by (`Acme, Inc. f/k/a Beta Corp.`, `Acme (formerly Beta)`). */
function withoutFormerName(name: string): string {
  return name.replace(/,?\s+\(?(?:f\/k\/a|formerly known as|formerly)\s.*$/i, '').trim();
}

function classify(block: Block, around: Around = {}): Kind {
  const first = (block.lines[0] ?? '').trim().replace(LEADING_SYMBOLS, '');
  const text = blockText(block);
  // `* About Acme Summit 2025` among other items of a list (a release's resource links): one link of
  // the list, not an About section's heading.
  if (block.listItem && around.next?.listItem && block.lines.length === 1 && ABOUT_OPENER.test(first))
    return { type: 'caption' };
  const src = SOURCE_LINE.exec(first);
  if (src?.[1] && block.lines.length <= 2) return { type: 'source', organization: withoutFormerName(src[1]) };
  if (SOURCE_LABEL.test(first)) {
    const org =
      block.lines.length === 2 ? block.lines[1] : around.next?.lines.length === 1 ? around.next.lines[0] : null;
    const name = org?.trim() ?? '';
    if (block.lines.length <= 2) return { type: 'source', organization: name && countWords(name) <= 12 ? name : null };
  }
  const ots = OTS_CREDIT.exec(first);
  if (ots?.[1] && block.lines.length <= 2) return { type: 'source', organization: ots[1].trim() };
  const srcLine = /^Source: (\S[^\n]{0,200})$/i.exec(first);
  if (srcLine?.[1] && block.lines.length <= 2 && srcLine[1].split(' ').length <= 10) {
    return { type: 'source-line', organization: withoutFormerName(srcLine[1]) };
  }
  if (END_MARKER.test(first) && block.lines.length === 1) return { type: 'end' };
  // A pointer to the full article between paragraphs of the text (an excerpt, the link, then more
  // of it) is left out; the body goes on.
  if (
    block.lines.length <= 3 &&
    FULL_ARTICLE_POINTER.test(first) &&
    (around.bodyParagraphs ?? 0) >= 1 &&
    around.next &&
    (isProse(around.next) || isListItem(around.next))
  )
    return { type: 'caption' };
  // (hard-wrapped, a portal's line may run over a few lines: `The post … appeared` / `first on Acme.`)
  if (PORTAL_TRAILER.test(first) || (block.lines.length > 1 && block.lines.length <= 4 && PORTAL_TRAILER.test(text)))
    return { type: 'end' };
  if (
    PORTAL_LABEL_LINE.test(first) ||
    (block.lines.length > 1 && block.lines.length <= 4 && PORTAL_LABEL_LINE.test(text))
  )
    return block.lines.length <= 2 && around.next && isProse(around.next) ? { type: 'caption' } : { type: 'end' };
  // A portal's `Original/Source Press Release` label opens its link list, also with the links lost.
  if (block.lines.length === 1 && PORTAL_LINK_LABEL.test(first)) return { type: 'end' };
  // A featured image's credit closes a portal's post (`Featured photo by Jane Roe on Unsplash.`):
  // what follows it is the portal's own boilerplate.
  if (FEATURED_CREDIT.test(first) && block.lines.length === 1 && (around.bodyParagraphs ?? 0) >= 2)
    return { type: 'end' };
  if (isCaption(block, text)) {
    // `Photo courtesy of Acme Images Source: Beta Association`: a flattened credit with the feature's
    // Source line run in after it.
    const credited = block.lines.length <= 2 ? / Source: (\p{Lu}[^:|]{1,80})$/u.exec(text.trim()) : null;
    if (credited?.[1] && credited[1].split(' ').length <= 8)
      return { type: 'source-line', organization: withoutFormerName(credited[1]) };
    return { type: 'caption' };
  }
  // A thematic break, an ad slot, markup left over or a link label to the release in another language
  // between paragraphs (or under the last one) is no paragraph.
  const line = block.lines.length === 1 ? (block.lines[0] ?? '').trim() : '';
  if (
    line &&
    (THEMATIC_BREAK.test(line) || AD_SLOT.test(line) || LEFTOVER_MARKUP.test(line) || OTHER_LANGUAGE_VERSION.test(line))
  )
    return { type: 'caption' };
  // A credit or the issuer's address under the body; between paragraphs of the text a credit is
  // only left out, and an address line stays the text's (an event's venue).
  if (
    (around.bodyParagraphs ?? 0) >= 1 &&
    (block.lines.length <= 2 || hardWrapped(block, 4)) &&
    countWords(text) <= 40
  ) {
    const followed = !!around.next && isProse(around.next);
    if (CREDIT_LINE.test(text.trim())) return followed ? { type: 'caption' } : { type: 'end' };
    if (line && !followed && ADDRESS_LINE.test(line)) return { type: 'contact' };
  }
  const view = VIEW_ORIGINAL.exec(first);
  if (view) {
    const url = view[1] || block.links.find((l) => /^https?:/.test(l.url))?.url || null;
    return { type: 'view-original', url };
  }
  if (block.boldLead && ABOUT_OPENER.test(block.boldLead)) {
    const org = aboutHeading(block.boldLead);
    if (org !== undefined) {
      const rest = text.slice(text.indexOf(block.boldLead) + block.boldLead.length).replace(/^[:.\s]+/, '');
      return { type: 'about', organization: org, rest: rest ? [rest] : [] };
    }
  }
  const second = block.lines[1] ?? '';
  const heading = block.lines.length === 1 || first.length < second.length * 0.6 ? aboutHeading(first) : undefined;
  // A heading hard-wrapped over two or three lines (`About the Acme Institute for Water Studies at` /
  // `Dayton College`, also the part cut off a line it was glued to, `About Acme and the Water` /
  // `Research Institute`): the whole block is the heading.
  if (heading === undefined && block.lines.length > 1 && block.lines.length <= 3) {
    const whole = aboutHeading(text);
    if (whole !== undefined) return { type: 'about', organization: whole, rest: [] };
  }
  // `About [Acme Widgets](…)Acme` / `Widgets is a maker…`: a hard wrap left the heading's line with the
  // start of its glued text (the line looks short once the link's address is gone); the heading ends
  // where the text starts inside a word of it, as it does unwrapped.
  const wrappedGlued = heading && block.lines.length > 1 ? aboutGlued(text) : null;
  const gluedName = wrappedGlued?.organization;
  if (gluedName && heading && heading.startsWith(gluedName) && /^\S/.test(heading.slice(gluedName.length)))
    return { type: 'about', organization: gluedName, rest: wrappedGlued.rest ? [wrappedGlued.rest] : [] };
  if (heading !== undefined) {
    const rest = block.lines.length > 1 ? [block.lines.slice(1).join(' ')] : [];
    return { type: 'about', organization: heading, rest };
  }
  const named =
    around.next && block.lines.length === 1 ? confirmedHeading(first, blockText(around.next), around) : null;
  if (named) return { type: 'about', organization: named, rest: [] };
  // A bare `About` heading (`About` / `ABOUT:`): the section's organization is the one its text opens by describing.
  const described =
    /^(?:About|ABOUT)[:.]?$/.test(first) && block.lines.length === 1 && around.next
      ? DESCRIBED_NAME.exec(blockText(around.next))
      : null;
  if (described?.[1]) return { type: 'about', organization: cleanOrg(described[1]), rest: [] };
  // A bare `About:` run into a text that opens by describing an organization (`About: Acme Haunt is a…`,
  // as flattening joins them): that organization's section.
  const runIn = /^(?:About|ABOUT)[:.] (?=\p{Lu})/u.exec(first);
  const runInName = runIn ? DESCRIBED_NAME.exec(text.slice(runIn[0].length)) : null;
  if (runIn && runInName?.[1])
    return { type: 'about', organization: cleanOrg(runInName[1]), rest: [text.slice(runIn[0].length)] };
  // A bare `About` run into its text (`About Founded in 2019 by…`): a section naming no organization.
  if (
    /^(?:About|ABOUT) (?:Founded|Headquartered|Established|Based|Launched|Formed|Incorporated|Created) \p{Ll}/u.test(
      first,
    )
  )
    return { type: 'about', organization: null, rest: [text.slice(6)] };
  const glued = aboutGlued(text) ?? (around.body ? aboutNamedInBody(text, around.body) : null);
  if (glued) return { type: 'about', organization: glued.organization, rest: glued.rest ? [glued.rest] : [] };
  // `Contact Jane Roe` over `Email: …` / `Phone: …`: a contact heading that names the person.
  const nextFirst = (around.next?.lines[0] ?? '').trim();
  if (
    /^Contact \p{Lu}[^.!?:\n]{1,50}$/u.test(first) &&
    block.lines.length === 1 &&
    /^(?:Email|E-mail|Phone|Tel|Telephone|Mobile)\s?:/i.test(nextFirst)
  )
    return { type: 'contact' };
  // A website line under the body (`Website: https://acme.example`), also opening a row of the issuer's
  // network addresses, glued or not (`Website: https://acme.example Facebook: https://…Twitter: @acme`),
  // is the contact block's; between paragraphs of the text (a paragraph of sentences under it) it is
  // only left out and the body goes on.
  // (the row also hard-wrapped over a few lines)
  if ((block.lines.length === 1 && WEBSITE_LINE.test(first)) || (block.lines.length <= 6 && WEBSITE_ROW.test(text)))
    return around.next && isProse(around.next) ? { type: 'caption' } : { type: 'contact' };
  // A distributor's labelled contact form (`Company Name: Acme` / `Contact Person: Jane Roe` / `Email: …`).
  if (
    isContactHeading(first) ||
    isLabelledContactLine(first) ||
    /^(?:Company Name|Contact (?:Person|Name))\s?:/.test(first)
  )
    return { type: 'contact' };
  if (
    SOCIAL_HEADING.test(first) ||
    (block.lines.length <= 2 && (SOCIAL_LINE.test(first) || CONTRACT_ADDRESS.test(first))) ||
    (block.lines.length <= 2 &&
      LABELLED_SOCIAL_LINE.test(first) &&
      countWords(first.slice(0, first.indexOf(':'))) <= 8) ||
    (block.lines.length === 1 && FOLLOW_HEADING.test(first) && NAMES_NETWORK.test(blockText(around.next ?? block)))
  )
    return { type: 'social' };
  const short = first.split(' ').length <= 14;
  // A heading glued to its text (flattened input): `Forward-Looking Statements This release…`.
  const fls = FLS_HEADING.exec(first);
  // (`Disclaimer:The information…`: its colon run into the text's first word)
  const afterFls = fls ? first.slice(fls[0].length) : '';
  const gluedHeading = fls && (/^:? \p{Lu}/u.test(afterFls.replace(/^\S*/, '')) || /^:\p{Lu}\p{Ll}/u.test(afterFls));
  if (
    ((short || gluedHeading) && fls) ||
    FLS_PARAGRAPH.test(text) ||
    // A heading naming forward-looking statements, also hard-wrapped over two lines.
    (block.lines.length <= 2 && !/\.$/.test(text) && FLS_IN_HEADING.test(text) && countWords(text) <= 20) ||
    DISCLAIMER_PARAGRAPH.test(first) ||
    // (hard-wrapped, its marks may fall on a later line: `Statements … are solely those of the` / `study authors…`)
    (block.lines.length > 1 && DISCLAIMER_PARAGRAPH.test(text)) ||
    (block.lines.length === 1 && MEDIA_KIT_HEADING.test(first)) ||
    ((around.bodyParagraphs ?? 0) > 0 && methodologyNote(block, around.next)) ||
    (block.lines.length === 1 &&
      CALENDAR_HEADING.test(first) &&
      !!around.next &&
      /\b(?:19|20)\d{2}\b/.test(blockText(around.next)) &&
      !isProse(around.next)) ||
    (block.lines.length === 1 &&
      RESOURCES_HEADING.test(first) &&
      !!around.next &&
      (around.next.links.length > 0 ||
        /https?:\/\/|www\./.test(blockText(around.next)) ||
        around.next.listItem ||
        /^\s*(?:[*•·-]|\d{1,2}[.)])\s/.test(around.next.lines[0] ?? ''))) ||
    LAW_FIRM_DISCLAIMER.test(first) ||
    // A note to editors in parentheses (`(Note to editor: photos of the event are linked here.)`).
    /^\((?:Notes? (?:to|for) (?:the )?editors?|Editor['’]?s? notes?)\b/i.test(first) ||
    COPYRIGHT.test(first)
  )
    return { type: 'fls' };
  return { type: 'none' };
}

/**
 * Markers inside a long line, each after a sentence end: View original content and SOURCE are
 * unmistakable, so they split after any space; an About heading also splits after an e-mail or
 * web address (a flattened contact block ends there; also glued on, `…acme.comAbout Beta`) or after a social handle's network (`@acme on
 * TikTok About Acme`), and a run of social handles (`@acme on Instagram`) splits off.
 * (For speed only, the leading lookahead holds the first character of every form's marker, so the
 * lookbehinds are tried only where a marker can start; the two forms whose lookbehind is long test
 * their marker first.)
 */
const GLUED_MARKER = new RegExp(
  String.raw`(?=[.VSFQMPTICDRWHYLXBG#\-–—AÀÜ@])(?:(?<= )(?=\.\/\.$)|(?<= )(?=View original content|View source version on|(?:SOURCE|FUENTE|QUELLE|FONTE) \p{Lu}[^\n]{0,150}$)|(?<=[.!?"”)\]] ?)(?=(?:View original content|SOURCE \S|Media Contacts?:|Press Contacts?:|For (?:further|more) information(?::|,? (?:please )?contact\b)|To view the source version|View the original press release|Investor Contacts?:|Investor Relations:|Contacts?:|Contact (?=\p{Lu}[^.!?\n]{1,60}? (?:Email|E-mail|Phone|Tel)\s?:)|Company Name:|Contact Person:|Contact Name:|Contacts (?=(?:Media|Investors?|Press|For)\b)|Contacto de prensa:|Pressekontakt:|Contact presse ?:|Forward-Looking Statements|Cautionary Note|Safe Harbor|Hashtags?: #|Related [Ll]inks?: ?https?:\/\/|The issuer is solely responsible for the content|Disclaimers?\s?:|(?:Written|Reported|Report|Compiled) by \S[^.!?\n]{1,80}$|${NETWORK_LABEL}\s?:\s?(?:https?:\/\/|\[https?:)|${CONTRACT_LABEL}|(?:#{3}|# # #|[-–—] ?(?:30|0) ?[-–—])(?= |$)|To (?:view|read) the (?:full|complete) (?:article|story),? |(?:About(?: the)?|ABOUT(?: THE)?|Acerca de|À propos de|Über|Sobre) (?=\p{Lu})|(?:About|ABOUT): (?=\p{Lu})|About (?=(?<brand>\p{Ll}[\p{Ll}\d]{2,24})\k<brand> )|About (?=${LOWER_BRAND_WORD}(?: \p{Lu}[\p{L}\d.&]{0,24}){0,2}:?$)))|(?=(?:About|ABOUT|Acerca de|À propos de|Über|Sobre) \p{Lu}|About: \p{Lu})(?<=[\w-]\.[a-z]{2,24}(?:\/[^\s/]{0,200}){0,8}\/? ?)|(?<=[.!?"”)\]/] ?)(?=@[\w.]{2,30} on (?:${NETWORKS})\b)|(?=(?:About|Acerca de|À propos de|Über|Sobre) \p{Lu})(?<=\bon (?:${NETWORKS}) )|(?<=[\p{L}\d%] )(?<unmarked>)(?=(?:About(?: the)?|ABOUT(?: THE)?) \p{Lu}))`,
  'gu',
);

/**
 * For speed only: text that every match of GLUED_MARKER holds at or after the place it cuts (each
 * marker's own words, or for a few the part of them a cheap search can look for: the `://` of a
 * network label's address, the `0x` of a contract address). GLUED_MARKER opens every form with a
 * lookbehind, which the regex engine tries at every position of a line; a line (with the start of
 * the next) holding none of these is not searched with it.
 */
const GLUED_MARKER_NEEDS =
  /View |SOURCE |FUENTE |QUELLE |FONTE |\.\/\.|Contact|Pressekontakt|For further|For more|To view|To read|Investor|Company Name|Forward-Looking|Cautionary Note|Safe Harbor|Hashtag|Related |The issuer|Disclaimer|Written by|Reported by|Report by|Compiled by|:\/\/|\[http|0x|#|[-–—] ?3?0 ?[-–—]|About|ABOUT|Acerca de|À propos de|Über|Sobre|@/;

/**
 * A `SOURCE X` or "View original content" glued to the end of the last paragraph (flattened or
 * carelessly copied text) is split off into its own block first, so `classify` sees it.
 */
export function splitGlued(input: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of splitAtFooterLines(input)) {
    if (block.preformatted || block.lines.length === 0) {
      out.push(block);
      continue;
    }
    out.push(...splitGluedBlock(block));
  }
  return out;
}

/**
 * One block cut at its glued markers. The last line is scanned as before; hard-wrapped copy of a
 * flattened text has them inside earlier lines too (`…for new solutions.About Acme` / `Acme is a…`):
 * there the block is cut at the marker and the part from it goes on over the lines under it.
 */
function splitGluedBlock(block: Block): Block[] {
  const out: Block[] = [];
  let lines = block.lines;
  let boldLead = block.boldLead;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const isLast = i === lines.length - 1;
    // (on an earlier line, an About heading is judged with the text the lines under it go on with)
    let after: string | undefined;
    const cuts: number[] = [];
    // (a marker the wrap broke after its first word, `…click here.About` / `AcmeFounded in…`, is
    // looked for with the next line's start, and cut on this line)
    const scan = isLast ? line : `${line} ${(lines[i + 1] ?? '').slice(0, 60)}`;
    if (!GLUED_MARKER_NEEDS.test(scan)) continue;
    for (const m of execAll(GLUED_MARKER, scan)) {
      const at = m.index ?? 0;
      if (at >= line.length) break;
      if (at <= (cuts.at(-1) ?? 0)) continue;
      after ??= isLast ? '' : ` ${lines.slice(i + 1).join(' ')}`;
      const candidate = line.slice(at) + after;
      // `About 200 people…` is prose, not a heading: accept About only when it is a real heading.
      // A heading left at the end of the line (its text is the next paragraph) counts too.
      // (not a link's title left by a scraper: `[About Acme](/about "About Acme")`), also with its
      // listing at the end (`…he said. About Acme Corp. (OTC: ACME)`).
      const alone =
        !/["“”()[\]]/.test(candidate.replace(/ \([^()"“”[\]]{1,40}\)$/, '')) && aboutHeading(candidate) !== undefined;
      // `…Tier B: $340 General Tier: $260 About` / `Acme Music Since 1988, Acme Music has…`: after a word
      // with no mark between (a price list's or a table's last cell, flattened or hard-wrapped), only a
      // heading its text confirms and names again is one (not a title's `…to Learn About Senior Living`).
      if (m.groups?.unmarked !== undefined && !namedAgain(aboutGlued(candidate))) continue;
      if (ABOUT_OPENER.test(candidate) && !aboutGlued(candidate) && !alone) continue;
      cuts.push(at);
      // On an earlier line, the first cut is enough: the rest is scanned as a block of its own.
      if (!isLast) break;
    }
    if (cuts.length === 0) continue;
    const head = [...lines.slice(0, i), line.slice(0, cuts[0]).trim()];
    out.push(makeBlock(head, { links: linksIn(head.join(' '), block.links), boldLead }));
    boldLead = null;
    if (isLast) {
      const pieces = cuts.map((c, k) => line.slice(c, cuts[k + 1]).trim());
      for (const p of pieces) if (p) out.push(makeBlock([p], { links: linksIn(p, block.links) }));
      return out;
    }
    // (the part cut off starts mid-line: joined with the line under it, it is not read as a short
    // heading line, `…stores. About Acme` / `Robotics Acme Robotics is…`)
    const cut = line.slice(cuts[0]).trim();
    const under = lines[i + 1];
    lines = under !== undefined ? [`${cut} ${under}`, ...lines.slice(i + 2)] : [cut];
    i = -1;
  }
  if (out.length === 0) return [block];
  out.push(makeBlock(lines, { links: linksIn(lines.join(' '), block.links) }));
  return out;
}

/** An About heading run into a text that names its organization again (`Acme Music Since 1988, Acme Music has…`). */
function namedAgain(found: { organization: string | null; rest: string } | null): boolean {
  const first = withoutMarks(found?.organization ?? '')
    .split(' ')
    .map((w) => w.replace(/[,:;.]+$/, ''))
    .find((w) => w.length >= 2 && !/^(?:The|THE|A|An)$/.test(w) && !NAME_SMALL_WORDS.test(w));
  if (!found || !first) return false;
  return new RegExp(`(?:^|[\\s(“"])${escapeRegExp(first)}(?![\\p{L}\\d])`, 'u').test(found.rest.slice(0, 300));
}

/** A line that asks the reader to act (`Call 555-0100`, `Email us at…`, `Visit…`): body, not a contact. */
const CALL_TO_ACTION =
  /^(?:Call|Text|Write|Visit|Reach|Book|Register|RSVP|Order|Learn|Find|Follow|Join|Download|Get|Go|Click|For|To|Please|Tickets?|Reservations?|Available|Open)\b/i;

/** Boilerplate kinds a line can open inside a block (contact lines are left to the contact reader). */
const LINE_OPENS = new Set<Kind['type']>(['about', 'fls', 'view-original', 'source', 'end']);

/**
 * A footer line written right under the last paragraph with no blank line (`…he said.` /
 * `SOURCE Acme`), and text that puts each paragraph on one line with no blank line between
 * (`…of this offering.` / `This press release shall not constitute…` / `About Acme Inc.`): the block
 * is cut before every line that opens boilerplate after a line that ends a sentence or is a whole
 * paragraph, so each part is classified on its own.
 */
function splitAtFooterLines(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const cuts: number[] = [];
    if (!block.preformatted && block.lines.length > 1 && !SOURCE_LINE.test((block.lines[0] ?? '').trim())) {
      for (let i = 1; i < block.lines.length; i++) {
        const line = (block.lines[i] ?? '').trim();
        const prev = (block.lines[i - 1] ?? '').trim();
        if (SOURCE_LINE.test(line) || VIEW_ORIGINAL.test(line) || END_MARKER.test(line)) cuts.push(i);
        // A line longer than any hard wrap is a whole paragraph, however it ends (`… at [email protected]`).
        // (A line may end in a bracket, `… by email at [email protected]`, as the last line of a hard-wrapped paragraph does.)
        else if ((/[.!?"”’:)\]]$/.test(prev) || prev.length > 120) && LINE_OPENS.has(classify(makeBlock([line])).type))
          cuts.push(i);
      }
    }
    if (cuts.length === 0) {
      out.push(block);
      continue;
    }
    let from = 0;
    for (const at of [...cuts, block.lines.length]) {
      const lines = block.lines.slice(from, at);
      const extra = from === 0 ? { boldLead: block.boldLead } : {};
      out.push(makeBlock(lines, { links: linksIn(lines.join(' '), block.links), ...extra }));
      from = at;
    }
  }
  return out;
}

function linksIn(text: string, links: Link[]): Link[] {
  return links.filter((l) => text.includes(l.url) || (l.text !== null && text.includes(l.text)));
}

/**
 * A block of two to six short lines that reads as a contact card: a person's name or an
 * organization, and a phone number or an email address (written or behind a mailto link).
 */
function isSignatureBlock(block: Block): boolean {
  const n = block.lines.length;
  if (n < 2 || n > 10 || block.preformatted) return false;
  if (!block.lines.every(isContactLike)) return false;
  const reach =
    block.lines.some((l) => findEmail(l) || findPhone(l)) || block.links.some((l) => /^mailto:/i.test(l.url));
  return reach && block.lines.some((l) => isPersonName(l.trim()));
}

/**
 * A contact card a scraper ran onto one line (`Acme NewsAustin, Texaswww.acme.com512-555-0100
 * Officeeditor@acme.com`): an e-mail address and a phone number, and no prose around them (no
 * run of four lower-case words, no sentence end). Hard-wrapped copy may break it over lines.
 */
function isRunOnCard(block: Block): boolean {
  if (block.lines.length > 3 || block.preformatted) return false;
  const text = block.lines.map((l) => l.trim()).join(' ');
  if (text.length > 300 || countWords(text) > 25) return false;
  if (/(?<!\p{L})(?:\p{Ll}+[\s,]+){4}/u.test(text) || /\p{Ll}{2}[.!?]["”]?\s+\p{Lu}/u.test(text)) return false;
  return !!findEmail(text) && !!findPhone(text);
}

/**
 * A block of one line or two hard-wrapped over at most `max` lines: every line but the last filled to
 * 55 columns or more, as a wrap at 60–80 columns leaves them (a caption or a credit that short lines
 * would be two or three separate lines of, is not).
 */
function hardWrapped(block: Block, max: number): boolean {
  return block.lines.length <= max && block.lines.slice(0, -1).every((l) => l.length >= 55);
}

/** A short caption line or a markdown image left as its alt text (see CAPTION). */
function isCaption(block: Block, text: string): boolean {
  if ((block.lines.length > 2 && !hardWrapped(block, 6)) || block.preformatted) return false;
  // The cheap tests first: this runs on every line after a sentence end.
  const caption = CAPTION.test(text);
  if (!caption && !(/^!\S/.test(text) && block.links.length > 0)) return false;
  const words = countWords(text);
  // (a markdown image's alt text may be a caption sentence: `!Jane Roe joins Acme as head of sales`)
  return caption ? words <= 60 : words <= 40;
}

/** A block of a portal's link list: a short line that is a link, an image or a list label. */
function isLinkLine(block: Block): boolean {
  const text = blockText(block);
  if (block.lines.length > 2 || countWords(text) > 15) return false;
  // (a markdown link left as written, its target a relative path no link was made of:
  // `[Original/Source Press Release](acme-news-item)`)
  return (
    block.links.length > 0 ||
    /https?:\/\//.test(text) ||
    PORTAL_LINK_LABEL.test(text) ||
    /^\[[^\]\n]{1,80}\]\([^()\s]{1,300}\)$/.test(text.trim())
  );
}

/** A block that is one linked headline (`<a>Acme Reports First Quarter Results</a>`): 4–25 words, no sentence end. */
function isHeadlineLink(block: Block): boolean {
  if (block.lines.length !== 1 || block.preformatted) return false;
  const text = blockText(block).trim();
  const words = countWords(text);
  if (words < 4 || words > 25 || /[.!?:]$/.test(text)) return false;
  return block.anchored || block.links.some((l) => (l.text ?? '').replace(/\s+/g, ' ').trim() === text);
}

/**
 * Where a portal's list of other stories under the release starts: three or more linked headlines
 * to the end, each with at most one teaser paragraph under it. The text's length when there is none.
 */
function relatedList(blocks: Block[]): number {
  let heads = 0;
  let start = blocks.length;
  let gap = 0;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (isHeadlineLink(blocks[i] as Block)) {
      heads++;
      start = i;
      gap = 0;
    } else if (++gap > 1) break;
  }
  return heads >= 3 ? start : blocks.length;
}

/**
 * Where a republishing portal's link list starts (`---` / `[Original/Source Press Release](…)` /
 * `[Reddit Post](…)` / `![Blockchain Registration](…)`), or `blocks.length` when there is none: the
 * run of link lines that ends the document, under a thematic break or opened by a portal label.
 */
function portalLinkList(blocks: Block[]): number {
  let start = blocks.length;
  while (start > 0 && isLinkLine(blocks[start - 1] as Block)) start--;
  if (start === blocks.length) return start;
  const above = blocks[start - 1];
  if (above && above.lines.length === 1 && THEMATIC_BREAK.test((above.lines[0] ?? '').trim())) return start - 1;
  const label = blocks.slice(start).findIndex((b) => PORTAL_LINK_LABEL.test(blockText(b)));
  return label < 0 ? blocks.length : start + label;
}

/** Splits the blocks after the dateline into body and boilerplate (see module comment). */
export function splitSections(blocks: Block[], mailtos: Link[] = []): Sections {
  const result: Sections = { body: [], about: [], contacts: [], source: null, sourceLine: null, originalUrl: null };
  let state: 'body' | 'about' | 'contact' | 'fls' | 'social' | 'footer' = 'body';
  let about: { organization: string | null; parts: string[] } | null = null;
  // After an end marker, SOURCE or "View original content", nothing is body again.
  let seenFooter = false;
  // Whether the last block read was a contact heading alone (`Contact Information:`), nothing under it yet.
  let bareContactHeading = false;
  // Whether forward-looking statements were read.
  let seenFls = false;
  const closeAbout = () => {
    if (about && about.parts.length)
      result.about.push({ organization: about.organization, text: about.parts.join('\n\n') });
    about = null;
  };
  const split = splitGlued(blocks);
  const trailer = Math.min(portalLinkList(split), relatedList(split));
  for (let i = 0; i < trailer; i++) {
    const block = split[i] as Block;
    const kind = classify(block, {
      next: split[i + 1],
      bodyParagraphs: result.body.length,
      body: () => result.body.map((b) => blockText(b)).join(' '),
    });
    // A caption between paragraphs (or under the last one) is left out and changes nothing.
    if (kind.type === 'caption') continue;
    // `About IFB-088 (icerguastat)` inside a company's About: a product's paragraph of the same boilerplate.
    if (kind.type === 'about' && about && PRODUCT_CODE.test(kind.organization ?? '')) {
      (about as { parts: string[] }).parts.push(blockText(block));
      continue;
    }
    if (kind.type !== 'none') closeAbout();
    switch (kind.type) {
      case 'about': {
        // A product's About with no company About open names no organization.
        const organization = PRODUCT_CODE.test(kind.organization ?? '') ? null : kind.organization;
        about = { organization, parts: [...kind.rest] };
        state = 'about';
        continue;
      }
      case 'contact': {
        state = 'contact';
        bareContactHeading = block.lines.length === 1 && isContactHeading(blockText(block).trim());
        result.contacts.push(...parseContactBlock(block.lines, block.links));
        continue;
      }
      case 'fls':
        state = 'fls';
        seenFls = true;
        continue;
      case 'social':
        state = 'social';
        if (block.lines.slice(1).some((l) => findEmail(l)))
          result.contacts.push(...parseContactBlock(block.lines.slice(1), block.links));
        continue;
      case 'view-original':
        result.originalUrl ??= kind.url;
        seenFooter = true;
        state = 'footer';
        continue;
      case 'source':
        result.source ??= kind.organization;
        seenFooter = true;
        state = 'footer';
        continue;
      case 'source-line':
        result.sourceLine ??= kind.organization;
        continue;
      case 'end':
        seenFooter = true;
        state = 'footer';
        continue;
      case 'none':
        break;
    }
    const text = blockText(block);
    // A contact block with no heading (`Jane Doe` / `Acme` / `+1 …` / `email us here`), as EIN and
    // many issuers end a release, or one under a bare audience line (`Investors:` / `Jane Doe` / …):
    // taken as contacts wherever the body, an About section or forward-looking statements stand.
    if ((state === 'body' || state === 'about' || state === 'fls') && isSignatureBlock(block)) {
      closeAbout();
      state = 'contact';
      result.contacts.push(...parseContactBlock(block.lines, block.links));
      continue;
    }
    // A letter's closing word in the body, with a signature under it of up to four short lines that
    // are no sentence and give an e-mail address or a phone: the sender's contact, not body.
    if (state === 'body' && block.lines.length === 1 && VALEDICTION.test(text.trim())) {
      const signature = split.slice(i + 1, Math.min(trailer, i + 5)).map((b) => blockText(b).trim());
      const end = signature.findIndex((t) => findEmail(t) !== null || findPhone(t) !== null);
      const lines = end < 0 ? [] : signature.slice(0, end + 1);
      if (lines.length >= 2 && lines.every((t) => countWords(t) <= 8 && !/[.!?]["”’)]?$/.test(t))) {
        state = 'contact';
        continue;
      }
    }
    // Under the body, a card run onto one line (see isRunOnCard) is read as that one line; so is a
    // labelled contact line (`Agency (Region): Jane Roe jane@…`, see isLabelledContactRow).
    if (
      (state === 'about' || state === 'fls') &&
      (isRunOnCard(block) || (block.lines.length === 1 && isLabelledContactRow(text.trim())))
    ) {
      closeAbout();
      state = 'contact';
      result.contacts.push(...parseContactBlock([block.lines.map((l) => l.trim()).join(' ')], block.links));
      continue;
    }
    // An e-mail address alone on its line under the release (`press@acme.com`) is its contact; so is
    // one after a contact label, run into it or not (`Media Relations press@…`, `Press Officepress@…`).
    if (state !== 'body' && state !== 'footer' && isLabelledAddress(text.trim())) {
      result.contacts.push(...parseContactBlock(block.lines, block.links));
      continue;
    }
    // Under a social-media heading: links, and an e-mail address given as one of the ways to connect.
    if (state === 'social') {
      if (findEmail(text)) result.contacts.push(...parseContactBlock(block.lines, block.links));
      continue;
    }
    if (state === 'about' && about) {
      (about as { parts: string[] }).parts.push(text);
    } else if (state === 'contact') {
      // A postal address under a contact heading (`1885 Main Road, Suite 4 Dayton, Ohio 45402`) is the contact's.
      if (block.lines.length === 1 && POSTAL_LINE.test(text)) continue;
      // (so is a line that asks the reader to contact them: `Please contact the Press Office:`)
      // (and so is the one line right under a bare contact heading that is no sentence: the business or
      // person the contact names, however it is worded, `Contact Information:` / `Acme Dental Care in Dayton`)
      const named = bareContactHeading && block.lines.length === 1 && !/[.!?]["”’)]?$/.test(text.trim());
      bareContactHeading = false;
      // (and so is a line of no sentence over a line that gives an address or a phone: the contact's title,
      // however long, `Team Lead of the Lab Services Center, Kestrel Laboratories Group (KLG)` / `jon@…`)
      const nextText = split[i + 1] ? blockText(split[i + 1] as Block).trim() : '';
      const titled =
        block.lines.length === 1 &&
        !/[.!?]["”’)]?$/.test(text.trim()) &&
        countWords(text) <= 15 &&
        countWords(nextText) <= 8 &&
        (!!findEmail(nextText) || !!findPhone(nextText));
      if (
        block.lines.every(isContactLike) ||
        block.lines.length > 1 ||
        CONTACT_REQUEST.test(text.trim()) ||
        (named && countWords(text) <= 15) ||
        titled
      ) {
        result.contacts.push(...parseContactBlock(block.lines, block.links));
      } else {
        // (under forward-looking statements, back to them: the body does not go on under them)
        state = result.about.length || seenFooter ? 'footer' : seenFls ? 'fls' : 'body';
        if (state === 'body') result.body.push(block);
      }
    } else if (state === 'body') {
      result.body.push(block);
    }
  }
  closeAbout();
  // A short line with nothing under it ends the body (`Feature Impact` above the Source line, a
  // subheading whose section was cut off): a heading of no paragraph, or a credit, is not body;
  // a person's name under a closing quotation is its attribution and stays (`“…markets.”` / `Jane Roe`).
  while (result.body.length > 1) {
    const last = result.body[result.body.length - 1] as Block;
    const text = blockText(last).trim();
    const titleCase = /^\p{Lu}[\p{L}'’-]*(?: (?:\p{Lu}[\p{L}'’-]*|of|and|the|for|&)){0,3}$/u.test(text);
    if (last.lines.length !== 1 || !titleCase) break;
    // A person's name under a quotation that ends its paragraph, a name the text wrote before, is the
    // quote's attribution: the body's.
    const above = blockText(result.body[result.body.length - 2] as Block).trim();
    const surname = text.split(' ').at(-1) ?? '';
    const named = () =>
      result.body
        .slice(0, -1)
        .some((b) => new RegExp(`(?<!\\p{L})${escapeRegExp(surname)}(?!\\p{L})`, 'u').test(blockText(b)));
    if (/["”]$/.test(above) && isPersonName(text) && named()) break;
    result.body.pop();
  }
  // A closing notice that the text is no advice (`…to keep readers informed – not necessarily offering
  // advice tailored for their needs.`, `This article is not intended as legal advice.`) is a disclaimer.
  const closing = result.body[result.body.length - 1];
  if (
    result.body.length > 1 &&
    closing &&
    countWords(blockText(closing)) <= 80 &&
    ADVICE_DISCLAIMER.test(blockText(closing))
  )
    result.body.pop();
  else if (closing && !closing.preformatted) {
    // Run into the end of the last paragraph (hard-wrapped or flattened copy): the closing sentences
    // about the text itself (`… have written this article to inform.`) and the no-advice sentence.
    const kept = withoutAdviceTail(blockText(closing));
    if (kept) result.body[result.body.length - 1] = makeBlock([kept], { links: linksIn(kept, closing.links) });
  }
  // Fine print under the body (an offer's terms: charges, eligibility, conditions, credits), one
  // paragraph or more, is no body.
  while (result.body.length > 2 && isFinePrint(blockText(result.body[result.body.length - 1] as Block)))
    result.body.pop();
  // An unheaded About as the last paragraph (`Founded in 1967, Acme Corporation is an insurance…`,
  // `Acme, Inc. (NYSE: ACME) is a…`): the issuer the lead names, described; boilerplate, not body.
  const described = result.body.length > 2 ? result.body[result.body.length - 1] : undefined;
  const unheaded = described ? UNHEADED_ABOUT.exec(blockText(described).trim()) : null;
  // (an organization's: with a founding or seat clause, a legal form or a listing; not a person's bio)
  const organizational =
    !!unheaded &&
    (/^(?:Founded|Established|Headquartered|Based) /.test(unheaded[0]) ||
      /\)/.test(unheaded[0]) ||
      ENDS_IN_LEGAL_FORM.test(unheaded[1] ?? ''));
  if (unheaded?.[1] && organizational) {
    // (named in the lead: its first word of three letters or more, `Berkley` of `W. R. Berkley Corporation`)
    const word = unheaded[1].split(' ').find((w) => w.replace(/[,.]$/, '').length >= 3) ?? '';
    if (word && blockText(result.body[0] as Block).includes(word.replace(/[,.]$/, ''))) result.body.pop();
  }
  // The last paragraph a one-sentence contact lead-in with its address (see CONTACT_LEAD_IN): the
  // contact's, not body; its address is still read below. So is a one-sentence invitation to contact
  // someone that ends in a colon (`For details, please contact:`, `… reach out to:`) with the short
  // lines under it that give an address (a name, an organization, an e-mail, a phone; see leadInsJoined).
  const leadIn = result.body.length > 1 ? result.body[result.body.length - 1] : undefined;
  const leadInText = leadIn ? blockText(leadIn).trim() : '';
  const oneSentence = (t: string) => countWords(t) <= 45 && !/[.!?]\s+\p{Lu}/u.test(t.replace(/\S+@\S+/g, ''));
  if (
    leadIn &&
    oneSentence(leadInText) &&
    CONTACT_LEAD_IN.test(leadInText) &&
    (findEmail(leadInText) || findPhone(leadInText))
  ) {
    result.body.pop();
    result.contacts.push(...sentenceContacts(leadInText));
  } else {
    const at = result.body.findLastIndex((b) => CONTACT_INVITATION.test(blockText(b).trim()));
    const under = at >= 1 ? result.body.slice(at + 1).map((b) => blockText(b).trim()) : [];
    const invitation = at >= 1 ? blockText(result.body[at] as Block).trim() : '';
    if (
      under.length >= 1 &&
      under.length <= 5 &&
      // (a line may hold a list's items run together, flattened: `• Jane Roe, Acme | jane@… • Jon Doe, …`)
      under.every((t) => t.split(/\s[•·▪]\s/).every((item) => countWords(item) <= 12)) &&
      oneSentence(invitation) &&
      under.some((t) => findEmail(t) || findPhone(t))
    ) {
      result.body.splice(at);
      const read = sentenceContacts(`${invitation} ${under.join(' ')}`);
      // (every address the lines give is a contact, one item each)
      const more = parseContactBlock(under).filter((c) => c.email && !read.some((r) => r.email === c.email));
      result.contacts.push(...read, ...more);
    }
  }
  // One-line paragraphs closing the body that each give a person's or desk's e-mail address and are
  // no sentence (`Americas: Jane Roe at +1 (555) 010 2000 / roe@acme.example`, `Europe: …`): the
  // release's contacts, set under the text with no heading; not a call to action (`Write to…`), nor
  // lines a paragraph ending in a colon introduces (`Conference Call Information:` / `Dial-in: …`).
  // (Every labelled contact row, see isLabelledContactRow, is such a line: one rule serves both.)
  // (also an address alone on its line, and between such lines a phone number or a website's address
  // alone, a name run into its end or not, and a name of up to four capitalised words over an address or
  // a phone: `Acme` / `press@…` / `https://acme.example/Beta` / `Jane Roejane@beta.example`; at least one
  // line gives an address)
  let contactLines = 0;
  let addressLines = 0;
  let lastTaken = 0;
  while (contactLines < 8 && result.body.length - contactLines > 1) {
    const line = result.body[result.body.length - 1 - contactLines] as Block;
    const t = blockText(line).trim();
    if (line.lines.length !== 1 || countWords(t) > 20) break;
    const email = findEmail(t);
    const alone = !!email && t.toLowerCase() === email;
    if (email && !/[.!?]["”’)]?$/.test(t) && (alone || /^\p{Lu}/u.test(t)) && !CALL_TO_ACTION.test(t)) {
      contactLines++;
      addressLines++;
      lastTaken = contactLines;
      continue;
    }
    const website = /^(?:https?:\/\/|www\.)[^\s@]+(?: \p{Lu}[\p{L}&'’.-]*){0,3}$/u.test(t);
    const phone = findPhone(t);
    if (phone && t.replace(phone, '').trim() === '') {
      contactLines++;
      lastTaken = contactLines;
      continue;
    }
    const nameOverAddress =
      contactLines > 0 && lastTaken === contactLines && /^\p{Lu}[\p{L}&'’.-]*(?: \p{Lu}[\p{L}&'’.-]*){0,3}$/u.test(t);
    if (!website && !nameOverAddress) break;
    contactLines++;
  }
  // (the run ends at its topmost line that gives an address or names the one under it)
  if (!addressLines) contactLines = 0;
  while (contactLines > 0) {
    const top = blockText(result.body[result.body.length - contactLines] as Block).trim();
    if (findEmail(top) || /^\p{Lu}/u.test(top)) break;
    contactLines--;
  }
  // (nor the last items of a list a paragraph ending in a colon introduces: `The walk has three parts:` /
  // `The pond` / `Archive box: ops@…`)
  let k = result.body.length - 1 - contactLines;
  const short = (t: string) => countWords(t) <= 8 && !/[.!?:]["”’)]?$/.test(t);
  while (k > 0 && short(blockText(result.body[k] as Block).trim())) k--;
  const introducer = result.body[k];
  if (contactLines && introducer && !/:$/.test(blockText(introducer).trim()))
    for (const line of result.body.splice(result.body.length - contactLines, contactLines))
      result.contacts.push(...parseContactBlock(line.lines, line.links));
  for (const m of mailtos) {
    const c = contactFromMailto(m.url, m.text);
    if (c) result.contacts.push(c);
  }
  // Addresses a body or About sentence gives as a way to reach someone (`… or email jane@acme.com`).
  for (const text of [...leadInsJoined(result.body.map((b) => blockText(b))), ...result.about.map((a) => a.text)])
    result.contacts.push(...sentenceContacts(text));
  return result;
}

/**
 * Paragraphs with a paragraph that ends in a colon (`For tickets, visit the site or contact:`) joined
 * to the short lines under it (a name, a title, an address, a phone: at most five of twelve words or
 * fewer), so that a contact lead-in reaches the address it introduces.
 */
function leadInsJoined(texts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    let text = texts[i] ?? '';
    if (/[:：]\s*$/.test(text)) {
      for (let n = 0; n < 5 && i + 1 < texts.length && countWords(texts[i + 1] ?? '') <= 12; n++)
        text += ` ${texts[++i]}`;
    }
    out.push(text);
  }
  return out;
}

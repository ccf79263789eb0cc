import { dateAtStart, monthNumber } from './dates';
import { escapeRegExp, execAll } from './regex';

/**
 * What the first paragraph after the dateline tells: an attribution line (`A news report from
 * chinadaily.com.cn:`) and the organization the release is about (`Acme Robotics, Inc.
 * (NASDAQ: ACME), a leader in…`).
 */

const ATTRIBUTION =
  /^((?:A|An|This is an?)\s(?:news |press |special |sponsored )?(?:report|article|story|feature|release|statement|post)\s(?:from|by|of)\s[^:\n]{1,80}:)(?:\s|$)/i;

/**
 * Splits a lead-in attribution off the first paragraph. Returns the attribution and the rest of the
 * paragraph (empty when the attribution is the whole paragraph, as it is in the seed release).
 */
export function splitAttribution(first: string): { attribution: string; rest: string } | null {
  const m = ATTRIBUTION.exec(first.slice(0, 200));
  if (!m?.[1]) return null;
  return { attribution: m[1].trim(), rest: first.slice(m[0].length).trim() };
}

/** What the issuer does in a lead's first clause (`Acme Corp. today announced`, `… said today`). */
const LEAD_VERB = String.raw`(?:(?:today|recently|has|have|will|on \w+day|this week|yesterday) )?(?:announced|announces|said|says|reported|reports|launched|launches|introduced|introduces|unveiled|unveils|declared|declares|named|names|appointed|appoints|completed|completes|signed|signs|opened|opens|released|releases|agreed|agrees|entered|enters|expanded|expands|acquired|acquires|commissioned|closed|closes|received|receives|won|added|adds|celebrated|celebrates|filed|files|priced|prices|began|begins|started|starts|issued|issues|updates|initiates|reiterates|published|publishes|confirmed|confirms|debuted|debuts|revealed|reveals|partnered|partners|selected|selects|delivered|delivers|secured|secures|raised|raises|informs|reminds|notifies|encourages|investigates|continues|hosts|offers|provides|joins|welcomes|honors|invites|supports|brings|showcases|highlights|shares|plans|seeks|earns|achieves|surpasses|reaches|ranks|becomes|deploys|integrates|extends|renews|teams|collaborates|presents|hires|promotes|donates|awards|invests|commits|pledges|marks|kicks off|rings|anunció|anuncia|lanza|presenta|inaugura|annonce|a annoncé|lance|présente|dévoile|inaugure|lança|apresenta|lancia|gab heute bekannt|hat heute|gibt bekannt|anunciou|anuncia|ha annunciato|annuncia|heeft vandaag)\b`;

const LEGAL =
  /^(?:inc|ltée|Ltée|limitée|Limitée|Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|AG|SA|S\.A|S\.A\.U|SE|NV|N\.V|BV|B\.V|GmbH|AB|ASA|AS|A\/S|Oy|Oyj|SpA|S\.p\.A|Srl|S\.r\.l|SAS|S\.A\.S|KK|K\.K|Pty|Ltda|LP|L\.P|LLP|PLLC|P\.L\.L\.C|P\.C|PC|P\.A|APC|LPA|S\.A\.B|SAB|C\.V|Holdings|Group)\.?,?$/;
/** A legal form, also written in capitals (`ACME LABS INC.`). */
function isLegal(word: string): boolean {
  return (
    LEGAL.test(word) || (/^[A-Z][A-Z.]{1,12},?$/.test(word) && LEGAL.test(word.charAt(0) + word.slice(1).toLowerCase()))
  );
}
const CONNECTOR = /^(?:&|and|of|for|de|del|des|du|der|für|the|y|et|und|e|di|da|do)$/;

/**
 * Whether two spellings name the same organization: the same words once a leading `The`, a legal
 * form at the end (`, LLC`, `Inc.`) and case are set aside (`The Acme Law Firm` / `Acme Law Firm`,
 * `Acme Dialing Solutions` / `Acme Dialing Solutions, LLC`).
 */
export function sameOrganization(a: string, b: string): boolean {
  const x = nameCore(a);
  return x.length > 0 && x === nameCore(b);
}

/** A name's words without a leading `The` and a legal form, in lower case. */
function nameCore(name: string): string {
  return withoutLegalForm(
    name
      .trim()
      .replace(/^The\s/i, '')
      .split(/\s+/),
  ).toLowerCase();
}

/**
 * Whether `short` writes `long` shorter: its first words, the rest dropped (`Acme` / `Acme for Good`)
 * or written as their initials (`Friends of ASH` / `Friends of Austin State Hospital`, `ACR` / `Acme
 * Coastal Robotics`, small words such as `of` and `and` not counted), a leading `The`, a legal form
 * and case set aside.
 */
export function shorterSpelling(short: string, long: string): boolean {
  const s = nameCore(short).split(' ').filter(Boolean);
  const l = nameCore(long).split(' ').filter(Boolean);
  if (s.length === 0 || s.length >= l.length) return false;
  let k = 0;
  while (k < s.length && s[k] === l[k]) k++;
  if (k === s.length) return true;
  // (the last word may be the initials of the long name's words from there on: `Friends of ASH`,
  // or of the whole name, `ACR` for `Acme Coastal Robotics`)
  if (k !== s.length - 1) return false;
  const initials = l
    .slice(k)
    .filter((w) => !/^(?:of|and|for|the|on|in|&)$/.test(w))
    .map((w) => w.charAt(0))
    .join('');
  return initials.length >= 2 && initials === (s[k] ?? '').replace(/\./g, '');
}

/**
 * Whether a name is another's fuller spelling: the shorter one's words (a leading `The`, a legal form
 * and case set aside) open it (`Jane Roe Photography` / `Jane Roe`, `Acme Dialing Solutions` /
 * `Acme Dialing`).
 */
export function fullerName(longer: string, shorter: string): boolean {
  const short = nameCore(shorter);
  return short.length > 0 && nameCore(longer).startsWith(`${short} `);
}

/**
 * The name as the lead writes it without its legal form (`Acme Stores` for `Acme Stores, Inc.`),
 * when the lead has it so as the subject of a verb (`…as Acme Stores announced a gift`); else null.
 */
export function spellingInLead(name: string, lead: string): string | null {
  const core = withoutLegalForm(name.split(' '));
  if (core === name || core.length < 3) return null;
  for (let at = lead.indexOf(`${core} `); at >= 0; at = lead.indexOf(`${core} `, at + 1)) {
    if (at > 0 && /[\p{L}\d]/u.test(lead.charAt(at - 1))) continue;
    if (THEN_VERB.test(lead.slice(at + core.length + 1))) return core;
  }
  return null;
}

/**
 * The fuller name the headline opens with, as far as the first paragraphs write it as a verb's
 * subject (`Acme Capital` or `Acme` under `Acme Capital Partners Updates Coverage…` with `…: Acme
 * Capital Partners updates its coverage…`): a headline's title case does not show where a name
 * ends, the sentence's verb does. Else null.
 */
export function fullerByHeadline(name: string, title: string | null, paragraphs: readonly string[]): string | null {
  if (!title || !title.startsWith(`${name} `)) return null;
  const have = name.split(' ').length;
  const words = title.split(/\s+/);
  for (let k = Math.min(words.length - 1, have + 3); k > have; k--) {
    const fuller = words.slice(0, k).join(' ');
    if (!/^[\p{Lu}\d&]/u.test(words[k - 1] ?? '')) continue;
    for (const p of paragraphs.slice(0, 4)) {
      for (let at = p.indexOf(`${fuller} `); at >= 0; at = p.indexOf(`${fuller} `, at + 1)) {
        if (at > 0 && /[\p{L}\d]/u.test(p.charAt(at - 1))) continue;
        if (THEN_VERB.test(p.slice(at + fuller.length + 1))) return fuller;
      }
    }
  }
  return null;
}

/** A name's words without a legal form at the end, joined (`Acme Dialing,` `LLC` → `Acme Dialing`). */
function withoutLegalForm(words: readonly string[]): string {
  const kept = [...words];
  while (kept.length > 1 && isLegal((kept[kept.length - 1] ?? '').replace(/,$/, ''))) kept.pop();
  return kept.join(' ').replace(/,$/, '');
}

/** Articles before an organization's name (`The Coalition for…`, `Die Brunnhofer GmbH`, `A Cafezal S.A.`). */
const ARTICLE = /^(?:The|Die|Der|Das|La|Le|Les|El|Los|Las|L'|Il|Lo|A|O|Os|De|Het)\s/;
/** A capitalised participle opening the lead (`Navigating the…`, `Building on…`): not a name. */
const PARTICIPLE = /^[\p{Lu}][\p{Ll}]{2,}ing$/u;
/** The nouns a lower-case descriptor before a name ends with (`venture capital firm`, `retail developer`). */
const DESCRIPTOR_NOUN = String.raw`(?:firm|company|provider|maker|manufacturer|developer|bank|group|agency|startup|start-up|platform|retailer|insurer|fund|organization|organisation|brand|network|consultancy|operator|producer|supplier|distributor|leader|pioneer|innovator|specialist|author|writer|novelist|poet|artist|singer|songwriter|musician|rapper|host|coach|speaker|entrepreneur|founder|designer|chef|filmmaker|director|photographer|attorney|lawyer|physician|surgeon|dentist|consultant|expert|advocate|actor|actress|comedian|athlete|educator|scientist|researcher|investor)`;
/**
 * A lower-case descriptor before the name it describes: a capitalised first word, lower-case
 * words, a noun for a kind of organization or a person's role, then a capitalised name (`Global
 * venture capital firm Acme`, `The law firm of Acme`, `Leading software company Acme`, `The Mexican
 * startup Acme`, `Cybersecurity leader Acme`, `Award-winning jazz singer and radio host Jane Roe`).
 */
const DESCRIPTOR = new RegExp(
  String.raw`^(?:The (?:\p{Lu}[\p{Ll}-]+ )?|[\p{Lu}][\p{Ll}-]+ )(?:[\p{Ll}'’-]+ ){0,5}${DESCRIPTOR_NOUN}(?: of)? (?=[\p{Lu}\d])`,
  'u',
);
/** A noun for a kind of organization or a person's role, as a word of its own. */
const CATEGORY_NOUN = new RegExp(String.raw`^${DESCRIPTOR_NOUN}$`, 'u');
/**
 * The lead's subject without a capitalised word for the kind of organization before it (`NGO Acme
 * Relief has begun…`, `Startup Acme Labs today…`) when the headline opens with the name after that
 * word and never writes the word with it (`Acme Relief Is Running…`). Else the subject as it is.
 */
export function withoutCategoryWord(subject: string, title: string | null): string {
  const first = subject.split(' ')[0] ?? '';
  const category =
    /^(?:NGO|Nonprofit|Non-profit|Charity|Fintech|Biotech|Medtech|Edtech|Proptech|Insurtech)$/.test(first) ||
    (/^\p{Lu}\p{Ll}/u.test(first) && CATEGORY_NOUN.test(first.toLowerCase()));
  const rest = subject.slice(first.length + 1);
  if (!category || !title || !/^\p{Lu}/u.test(rest)) return subject;
  const opens = new RegExp(String.raw`^(?:The )?${escapeRegExp(rest)}(?![\p{L}\d])`, 'u').test(title);
  return opens && !title.includes(subject) ? rest : subject;
}
/** The verb after a long appositive: English finite forms only (`announced`, `has`, `today said`). */
const APPOSITIVE_VERB = new RegExp(
  String.raw`^(?:${LEAD_VERB}|(?:(?:today|recently|also|now|has|have|will|is|was) )?(?:[a-z]{3,}ed|has|have|will|is|was)\b)`,
);

/** Lead openings that are not an organization (`Today, …`, `In 2024, …`). */
const NOT_AN_ORG_WORDS = String.raw`Today|On|In|An|This|Our|We|As|At|For|With|After|During|Following|According|When|While|Whilst|If|Although|Though|Because|Since|Whether|Unless|Until|Amid|Amidst|Despite|Hoy|Aujourd'hui|Heute|Hoje|Oggi`;
const NOT_AN_ORG = new RegExp(String.raw`^(?:${NOT_AN_ORG_WORDS})\b`);
/**
 * Words that open an adverbial clause or phrase put before the lead's subject (`When a deal
 * closes, Acme…`, `In observance of World Water Day, Acme…`, `Ahead of the show, Acme…`). Some are
 * names' first words too (`Under Armour`), so they only send the search past the clause's comma when
 * the lead read from its start names no one.
 */
const CLAUSE_OPENER = new RegExp(
  String.raw`^(?:${NOT_AN_ORG_WORDS}|Across|Ahead|Before|Beyond|By|Earlier|From|Given|Like|Once|Over|Through|Throughout|Under|Unlike|Upon|Whatever|Con|Cuando|Desde|Durante|En|Tras|Para|Por|Ante|Dans|Avec|Après|Lors|Pour|Depuis|Pendant|Mit|Nach|Bei|Em|Com|Após|Per)\b|^À(?=\s)`,
);
/** How far into the lead an opening clause's comma is looked for. */
const OPENING_CLAUSE_CHARS = 240;

/** Irregular past forms a lead's verb takes (`Acme made…`, `Acme held…`, `Acme laid the groundwork…`). */
const IRREGULAR_PAST = String.raw`(?:made|held|laid|led|took|gave|sent|built|brought|sold|bought|paid|met|became|grew|chose|drew|kept|found|spent|won|began|sought|taught|told|wrote|rose|struck|broke|set out)`;

/**
 * A manner adverb and a present or past verb (`Acme proudly brings`, `Acme quietly launched`, `Acme
 * recently began`); nouns and adjectives ending in -ly are not adverbs.
 */
const ADVERB_THEN_VERB = String.raw`(?!(?:family|supply|assembly|early|only|daily|weekly|monthly|quarterly|yearly|rally|ally|holy|jolly|belly|friendly|lovely|likely)\b)[a-z]{4,}ly (?:[a-z]{3,}(?:s|ed)|${IRREGULAR_PAST})\b`;

/**
 * A finite verb the issuer's clause goes on with (`today announced`, `recalled`, `soft-launched`,
 * `hat heute`, `a annoncé`).
 */
const THEN_VERB = new RegExp(
  String.raw`^(?:${LEAD_VERB}|(?:(?:today|recently|yesterday|also|now|just|officially|formally|has|have|will|is|was) )?(?:(?:[a-z]{2,}-)?[a-z]{3,}ed|${IRREGULAR_PAST}|has|have|will|is|was)\b|(?:today|recently|yesterday|hat|haben|ha|han|hanno|ont|heeft|hebben|hoy|heute|hoje|oggi|aujourd'hui|ce jour)\b|a (?:[a-zà-ÿ]+é|fait|mis|pris|conclu|reçu|obtenu|choisi|ouvert|acquis|atteint|rejoint|franchi|réussi)(?![a-zà-ÿ])|${ADVERB_THEN_VERB})`,
);

/**
 * A person's role as an appositive after their name (`founder and chairman of Acme Corp`, `chief
 * executive officer at Acme`, `CEO of the Acme Group`): the organization the role is held at.
 */
const ROLE_AT =
  /^(?:(?:[Cc]o-?)?[Ff]ounder|[Cc]hief|CEO|CFO|COO|CTO|(?:[Vv]ice )?[Pp]resident|[Cc]hair(?:man|woman|person)?|[Mm]anaging|[Ee]xecutive|[Dd]irector|[Hh]ead|[Oo]wner|[Gg]eneral [Mm]anager)\b[^,()]*? (?:of|at) (?:the )?((?:[\p{Lu}\d][\p{L}\d&.'’-]*)(?: (?:[\p{Lu}\d&][\p{L}\d&.'’-]*|of|and|for|de)){0,6})$/u;
/** A board the role is on, before the organization's name (`Supervisory Board of Acme AG`). */
const BOARD_OF = /^(?:(?:Supervisory|Executive|Advisory|Management) )?Board(?: of Directors)? of (?:the )?/;

/** A person with a title or honorific (`President Jane Doe`, `Gov. John Roe`, `Dr. Ann Lee`): not an issuer. */
const TITLED_PERSON =
  /^(?:(?:Former|Vice|Deputy|U\.S\.|US) )?(?:President|Governor|Gov\.|Senator|Sen\.|Representative|Rep\.|Congressman|Congresswoman|Mayor|Secretary|Minister|Prime Minister|Premier|Chancellor|Dr\.|Mr\.|Mrs\.|Ms\.|Sir|Dame|Judge|Justice|King|Queen|Prince|Princess|Pope) \p{Lu}/u;

/**
 * The organization the lead is about, only when the sentence makes it unambiguous: a capitalized
 * name (a leading article dropped) that is the subject of the lead's first clause — followed by a
 * ticker parenthesis, by an appositive and then a verb (`Acme, a maker of X, today launched`), or
 * by the verb itself (`Acme Corp. today announced`, `The Coalition for Safer Highways today
 * urged`). Otherwise null — a guess is worse than nothing.
 */
export function leadOrganization(input: string): string | null {
  const org = leadOrganizationRead(input);
  return org && accusedSubject(input) ? null : org;
}

/** `…have been named as defendants`, `…has been sued`, `…was charged`: a subject others act against. */
const ACCUSED =
  /\b(?:has|have|had|was|were|is|are) (?:(?:now|recently|also) )?(?:been )?(?:named as (?:a )?(?:co-)?defendants?|sued|charged|indicted)\b/;

/**
 * Whether the lead's first sentence says its subject is sued or accused (`Acme, Inc. (NYSE: ACME) and
 * certain of its officers have been named as defendants…`): a law firm's or a watchdog's alert is not
 * the accused's own release. Not when the accusation is reported (`Acme announced that Beta has been
 * sued`).
 */
function accusedSubject(input: string): boolean {
  // (its end: after a word of four lower-case letters or more, not an abbreviation like `Inc.`)
  const end = /\p{Ll}{4}[.!?]["”’]?\s/u.exec(input);
  const sentence = input.slice(0, end ? end.index + 5 : 400);
  const m = ACCUSED.exec(sentence);
  return (
    !!m &&
    !/\b(?:announce[sd]?|said|says|report(?:s|ed)|reminds|informs|notifies|that|alleg\w+)\b/.test(
      sentence.slice(0, m.index),
    )
  );
}

/** A lead opening on a date as its subject (`The 3rd of May 2026 will mark…`, `June 9th is…`): the date and its verb. */
const DATE_SUBJECT = /^(?:The )?([\p{Lu}\d][\p{L}\d, ]{2,40}?) (?:is|was|will|marks|marked)\b/u;

/**
 * The issuer a lead opening on a date names in the sentence's next clause (`The 3rd of May 2026 will
 * mark a milestone when Acme DAO launches…`, `June 9th is Safety Day, and Acme Utilities reminds…`):
 * that clause's subject, read as the lead's is. Else null.
 */
function afterDateSubject(input: string): string | null {
  const date = DATE_SUBJECT.exec(input);
  if (!date?.[1] || !isDatePhrase(date[1])) return null;
  const end = /\p{Ll}{2}[.!?]["”’]?\s/u.exec(input);
  const sentence = input.slice(0, end ? end.index + 3 : 400);
  for (const m of sentence.matchAll(/(?:,? and|,? when|,? as|,? while) (?=the \p{Lu}|[\p{Lu}\d])/gu)) {
    const rest = input.slice((m.index ?? 0) + m[0].length);
    const found = leadSubject(rest.replace(/^the (?=\p{Lu})/u, 'The '));
    if (found) return found;
  }
  return null;
}

function leadOrganizationRead(input: string): string | null {
  const subject = leadSubject(input) ?? reportAuthor(input) ?? afterDateSubject(input);
  if (subject || !(CLAUSE_OPENER.test(input) || PARTICIPLE.test(input.split(' ')[0] ?? ''))) return subject;
  // The lead opens with a clause or phrase before its subject (`When the plant opened, Acme…`,
  // `As a founder, author and coach, Jane Roe has…`): the subject is read after one of its commas.
  // Within the first sentence: `In many towns, storms grew. In May, the Acme Fund…` names none.
  const end = /\p{Ll}{2}[.!?]["”’]?\s/u.exec(input);
  const head = input.slice(0, Math.min(OPENING_CLAUSE_CHARS, end ? end.index + 3 : Infinity));
  for (let at = head.indexOf(', '); at >= 0; at = head.indexOf(', ', at + 1)) {
    const rest = input.slice(at + 2);
    if (REPORT_FROM.test(rest)) {
      const author = reportAuthor(rest);
      if (author) return author;
      continue;
    }
    if (
      !/^(?:["“]|the (?=\p{Lu})|the (?:members|staff|employees|volunteers) of (?:the )?)?[\p{Lu}\d]/u.test(rest) ||
      CLAUSE_OPENER.test(rest)
    )
      continue;
    // (`In 2024, the Acme Fund made…`: the article is capitalised as a sentence would open with it.)
    const found = leadSubject(rest.replace(/^the (?=\p{Lu}|(?:members|staff|employees|volunteers) of )/u, 'The '));
    if (found) return found;
  }
  return null;
}

/** `A new survey from …`, `The annual index published by …`: a report named by who made it. */
const REPORT_FROM =
  /^(?:[Aa]n?|[Tt]he) (?:[\p{Ll}\d-]+ ){0,3}(?:report|study|survey|analysis|poll|index|white paper) (?:(?:released|published|conducted|commissioned|issued) )?(?:from|by) (?=(?:the )?[\p{Lu}\d])/u;
/** What a report does in the lead (`…finds that`, `…shows`). */
const FINDING_VERB =
  /^((?:\S+ ){1,10}?)(?:finds|found|shows|showed|suggests|suggested|indicates|indicated|concludes|concluded)\b/u;

/**
 * The organization a report the lead opens on is from, when the report is the sentence's subject
 * (`A new survey from Acme finds that…`, `…, a recent study by the Acme Institute suggests…`): the
 * name read as a lead's subject would be, the report's verb standing for its own. Else null.
 */
function reportAuthor(input: string): string | null {
  const m = REPORT_FROM.exec(input);
  if (!m) return null;
  const rest = input.slice(m[0].length).replace(/^the (?=\p{Lu})/u, 'The ');
  return leadSubject(rest.replace(FINDING_VERB, '$1reveals'));
}

/** `Miami-based`, `Employee-owned` (with a lower-case descriptor after it) before the lead's subject; built once, not per call. */
const PLACE_BASED = new RegExp(
  String.raw`^[\p{Lu}][\p{L}. ]{1,30}[- ](?:based|owned|led|backed|founded|headquartered) (?:(?:[\p{Ll}'’-]+ ){0,5}${DESCRIPTOR_NOUN}(?: of)? (?=[\p{Lu}\d]))?`,
  'u',
);

/**
 * How the subject is held, listed or run, before its name (`Privately held Acme`, `Publicly traded
 * Acme`, `Nasdaq-listed Acme`, `Family-run Acme`): an adverb in -ly or a hyphened word, then the
 * participle, then a capital. (`Acme held its meeting` has neither before the verb.)
 */
const HELD_OR_LISTED =
  /^(?:[\p{Lu}][\p{Ll}]{2,}ly |[\p{Lu}][\p{L}]{1,20}-)(?:held|traded|listed|run|operated|funded|financed) (?=[\p{Lu}\d])/u;

/**
 * Whether a capitalised run is only a date: a month name with a day or a year, in any order, with
 * `of` and commas between (`3rd of October 2026`, `June 3rd, 2025`, `March 2026`).
 */
function isDatePhrase(run: string): boolean {
  const words = run.split(/,?\s+/).filter((w) => w !== 'of');
  const month = words.filter((w) => monthNumber(w) !== null).length;
  const number = words.filter((w) => /^\d{1,4}(?:st|nd|rd|th)?,?$/.test(w)).length;
  return month === 1 && number >= 1 && month + number === words.length;
}

/** The lead's subject as its first words give it (see leadOrganization). */
function leadSubject(input: string): string | null {
  const cjk = cjkSubject(input);
  if (cjk) return cjk;
  // A second date heading the lead (`29 de marzo de 2025 — The startup Acme…`) is not its subject.
  const date = dateAtStart(input);
  const dash = date ? /^\s?[—–-]{1,2}\s/.exec(input.slice(date.end)) : null;
  const lead = date && dash ? input.slice(date.end + dash[0].length) : input;
  // `The Board of Directors of Acme Corp. declared…`, `Miami-based Acme today…` (or `Miami based Acme`), `Employee-owned
  // Acme announced`: the organization
  // is what follows; trademark signs are not part of its name.
  const plain = lead
    .slice(0, 400)
    .replace(/[®™℠]/g, '')
    // A dash glued to the words around it (`Acme (ACM)—a maker of robots—launched`) parts them.
    .replace(/(?<=[\p{L}\d).])([—–])(?=[\p{L}\d])/gu, ' $1 ')
    .replace(
      // (a date with its year may go on without a comma: `On June 3, 2025 the Acme Club welcomed…`)
      /^(?:Today|Yesterday|This (?:morning|week)|On (?:\w+day,? )?(?:\w+ \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? \w+)(?:,? \d{4})?|On \w+day)(?:,\s|(?<=\d{4})\s)(?:the\s(?=\p{Lu}))?/u,
      '',
    )
    // A law-firm alert's `Why:` / `WHAT:` label before its sentence.
    .replace(/^(?:Why|What|Who|WHY|WHAT|WHO): /, '')
    // (so do its people: `The members of the Acme Guild…`, `The staff of Acme Labs…`)
    .replace(
      /^(?:[Tt]he )?(?:(?:Supervisory|Executive|Management) )?(?:Board of Directors|Board|Management|[Mm]embers|[Ss]taff|[Ee]mployees|[Vv]olunteers) of (?:the )?(?=[\p{Lu}\d])/u,
      '',
    )
    // `Acme Corporation’s board of directors today declared…`: the board acts for the issuer.
    .replace(/^([\p{Lu}][^,.;:'’‘()]{1,80}?)['’‘]s (?:[Bb]oard of [Dd]irectors|[Bb]oard) /u, '$1 ')
    // (a lower-case descriptor may follow: `Denver-based retail owner and developer Acme Companies…`)
    .replace(PLACE_BASED, '')
    .replace(HELD_OR_LISTED, '')
    // A lower-case descriptor before the name: `Global venture capital firm Acme Partners, Inc.
    // today announced`, `The law firm of Acme & Partners, LLP informs`.
    .replace(DESCRIPTOR, '')
    // `Shareholder Rights Law Firm Robbins LLP reminds…`: a capitalised descriptor ending in `Law
    // Firm` before the firm's own name.
    .replace(/^(?:[\p{Lu}][\p{L}-]+ ){1,4}Law Firm (?=[\p{Lu}])/u, '');
  const article = ARTICLE.exec(plain);
  const text = article ? plain.slice(article[0].length) : plain;
  const words = text.slice(0, 300).split(' ');
  let count = 0;
  let end = 0;
  let pos = 0;
  let legal = false;
  let inner = '';
  for (let i = 0; i < words.length && count < 10; i++) {
    // `Acme Group, Inc.; (OTC PINK: ACME)`: a semicolon a scraper left after the name ends it like a comma.
    const w = (words[i] ?? '').replace(/;$/, ',');
    const bare = w.replace(/,$/, '');
    const wordEnd = pos + bare.length;
    pos += w.length + 1;
    // `Group` / `Holdings` inside a name goes on (`IG Design Group Americas, Inc.`).
    const nextWord = (words[i + 1] ?? '').replace(/[,;]$/, '');
    // So does a legal form before the word for a company's charity (`Acme Inc. Foundation`).
    const inside =
      (/^(?:Group|Holdings)$/.test(bare) &&
        /^[\p{Lu}][\p{Ll}]/u.test(nextWord) &&
        !isLegal(nextWord) &&
        !w.endsWith(',')) ||
      (/^(?:Inc|Corp|Co|Ltd|LLC)\.?$/.test(bare) && /^(?:Foundation|Trust|Fund|Endowment)$/.test(nextWord));
    if (count > 0 && isLegal(bare) && !inside) {
      end = wordEnd;
      legal = true;
      // `Maplecrest Brewing Company Inc.`, `Coral Coast Drones Pty Ltd`, `Acme Group, Inc.`.
      let next = pos;
      for (let j = i + 1; j < words.length && j < i + 4; j++) {
        const nw = (words[j] ?? '').replace(/;$/, ',');
        // `S.A.B. de C.V.`
        if (nw === 'de' && isLegal((words[j + 1] ?? '').replace(/,$/, ''))) {
          next += nw.length + 1;
          continue;
        }
        if (!isLegal(nw.replace(/,$/, ''))) break;
        end = next + nw.replace(/,$/, '').length;
        next += nw.length + 1;
        if (nw.endsWith(',') && !isLegal((words[j + 1] ?? '').replace(/,$/, ''))) break;
      }
      break;
    }
    // `The Acme Trust (AT) Foundation is…`: the initials of the name's words in parentheses inside
    // the name are set aside.
    const acronym = /^\((\p{Lu}{2,8})\)$/u.exec(bare);
    if (acronym?.[1] && count >= 2 && /^\p{Lu}\p{Ll}/u.test(nextWord) && !inner) {
      const initials = text
        .slice(0, end)
        .split(' ')
        .filter((x) => /^\p{Lu}/u.test(x))
        .map((x) => x.charAt(0))
        .join('');
      if (acronym[1] === initials || acronym[1] === initials + nextWord.charAt(0)) {
        inner = ` ${bare}`;
        continue;
      }
    }
    // A brand may open in lower case before its capitals (`iCoreConnect`, `eBay`, `alphaRidge`), or be
    // written in lower case with its legal form after it (`acmesoft SE (…) continues…`).
    // A name may also open on numbers joined by a slash (`24/7 Relief Line`, `9/11 Day`), or be a
    // brand written as its lower-case web address (`acme.io`, `acme-labs.com`).
    const capital =
      /^(?:[\p{Lu}\d]|\p{Ll}{1,10}\p{Lu})[\p{L}\d&.'’-]*$/u.test(bare) ||
      (i === 0 && /^\d{1,4}(?:\/\d{1,4})+$/.test(bare)) ||
      (i === 0 && /^\p{Ll}[\p{Ll}\d-]{2,}\.[a-z]{2,6}$/u.test(bare)) ||
      (i === 0 && /^\p{Ll}[\p{L}\d-]{2,}$/u.test(bare) && isLegal(nextWord) && !/^(?:Group|Holdings)$/.test(nextWord));
    if (!capital && !(count > 0 && CONNECTOR.test(bare))) break;
    count++;
    if (capital) end = wordEnd;
    // `Acme Robotics, Inc.` continues after the comma; `Acme Robotics, a leader` ends there.
    if (w.endsWith(',') && !isLegal((words[i + 1] ?? '').replace(/,$/, ''))) break;
  }
  if (end === 0) return null;
  // An abbreviation's full stop a lower-case word goes on after is the name's (`Acme&Co. is…`, `Acme
  // Bros. today…`), not a sentence's end.
  const abbreviated = /^\s\p{Ll}/u.test(text.slice(end));
  const bare = text
    .slice(0, end)
    .replace(inner, '')
    .replace(/[,.]$/, (m) => (legal || (m === '.' && abbreviated) ? m : ''));
  // An English `The` is part of the name as the issuer writes it (`The Timken Company`).
  const org = article?.[0] === 'The ' ? `The ${bare}` : bare;
  // A participle opens a sentence (`Navigating the…`), not after an article (`The Gathering soft-launched…`).
  if (NOT_AN_ORG.test(bare) || (!article && /^(?:The|A)$/.test(bare)) || (!article && PARTICIPLE.test(bare)))
    return null;
  // A number (a day, a year) is no name, nor is a date (`The 3rd of October 2026 will see…`, `May 2025
  // saw…`, `6/15 is…`).
  if (/^[\d.,/]+$/.test(bare) || isDatePhrase(bare)) return null;
  if (TITLED_PERSON.test(bare)) return null;
  // `TMS, or transcranial magnetic stimulation, offers…`: a term and its spelled-out gloss, no name.
  if (/^,? or \p{Ll}/u.test(text.slice(end))) return null;
  let after = text.slice(end).replace(/^[,;]?\s?/, '');
  // Ticker parentheses, then a co-issuer (`… and Lonestar Fiber Partners today announced`).
  after = after.replace(/^(?:\([^()]{0,80}\)\s?){1,6},?\s?/, (m) => (m ? ' ' : '')).trimStart();
  const listing = text.slice(end).replace(/^[,;]?\s?/, '');
  // `Acme Corp. (NYSE: ACME): Beta Research updates its coverage…`: the listed name and a colon
  // label the note; the subject is the sentence after the colon.
  const label = /^(?:\([^()]{1,40}:[^()]{1,30}\)\s?){1,3}:\s(?=\S)/.exec(listing);
  if (label) return leadSubject(listing.slice(label[0].length));
  const hasTicker = /^\((?:[^()]{0,40}):/.test(listing);
  if (hasTicker) return org;
  const coIssuer =
    /^(?:and|&|y|et|und) (?:[\p{Lu}][\p{L}\d&.'’-]*,? ){1,8}/u.exec(after) ??
    // `Acme Inc. and its domestic subsidiaries, a maker of…, announced`.
    /^and (?:its|their) (?:[a-z-]+ ){0,2}(?:subsidiaries|subsidiary|affiliates|affiliate)\b,? ?/.exec(after);
  if (coIssuer) after = after.slice(coIssuer[0].length);
  if (THEN_VERB.test(after)) return org;
  // An appositive between dashes, then the verb: `Acme—a non-profit body—launched`, `Acme -- the
  // tool library of Leeds -- has opened` (a hyphen closes it only between spaces).
  const dashed = /^(?:[—–]|--?) ?([^—–]{3,160}?)(?: ?[—–] ?| --? )(.*)$/su.exec(after);
  if (dashed?.[1] && dashed[2] !== undefined && /^[a-zà-ÿ\d]/.test(dashed[1]) && THEN_VERB.test(dashed[2])) return org;
  // An appositive between commas, then the verb: `Acme, a maker of robots, today launched` — its
  // comma right after the name (`TMS therapy, a treatment, has emerged` is about the therapy).
  const appositive = /^[^,()]{3,160}, (.*)$/s.exec(after);
  const nameThenComma = /^\s?(?:\([^()]{0,80}\)\s?){0,6},/.test(text.slice(end));
  if (appositive?.[1] !== undefined && /^[a-zà-ÿ]/.test(after) && nameThenComma) {
    // `Acme, an AI company, and Beta Corp today announced…`: a co-issuer after the appositive.
    const co = /^(?:and|&) (?:[\p{Lu}][\p{L}\d&.'’-]*,? ){1,6}/u.exec(appositive[1]);
    if (THEN_VERB.test(co ? appositive[1].slice(co[0].length) : appositive[1])) {
      // `Jane Roe, founder and chair of Acme Corp, was honored…`: a person by a role they hold; the
      // issuer is the organization the role is held at.
      const role = co ? null : ROLE_AT.exec(after.slice(0, after.length - appositive[1].length - 2));
      return role?.[1] ? role[1].replace(BOARD_OF, '') : org;
    }
  }
  // An appositive closed by a listing instead of its comma: `Acme, the betting arm of Beta Group
  // (NASDAQ: BETA) has been named…`.
  const listed = /^[a-zà-ÿ][^,()]{2,160}\([^()]{1,40}:[^()]{1,30}\)\s(.*)$/s.exec(after);
  if (listed?.[1] !== undefined && nameThenComma && THEN_VERB.test(listed[1])) return org;
  if (legal && /^(?:a|an|the)\s/.test(after)) return org;
  // A longer appositive with commas of its own (`Kin, the pioneering, direct-to-consumer, digital
  // insurer, today announced`; `Acme, Florida’s leading retailer, celebrated`): the clause that
  // follows one of its commas opens with the verb.
  // Only after a comma: `The Net Asset Value ("NAV") of Acme ASA was…` goes on with a preposition.
  // (a place's possessive may take more words: `Acme, Puerto Rico’s leading platform, will host`)
  if (nameThenComma && /^(?:[a-zà-ÿ]|(?:[\p{Lu}][\p{L}.-]* ){0,2}[\p{Lu}][\p{L}]*['’]s )/u.test(after)) {
    const pieces = after.slice(0, 400).split(', ');
    for (let k = 1; k < pieces.length && k < 8; k++) {
      if (APPOSITIVE_VERB.test(pieces.slice(k).join(', '))) return org;
    }
  }
  return null;
}

/** The subject of a CJK lead: `株式会社ミナトロボティクスは本日…` (ja), `云岭智造科技有限公司今日宣布…` (zh). */
function cjkSubject(lead: string): string | null {
  const ja = /^([^\s、。「」は]{2,40}?)は(?:本日|、|今日|このたび)/.exec(lead);
  if (ja?.[1] && /[\p{Script=Han}\p{Script=Katakana}]/u.test(ja[1])) return ja[1];
  const zh =
    /^([^\s，。、“”]{2,40}?(?:公司|集团|集團|银行|銀行|大学|大學|协会|協會|基金会|研究院))(?:今日|今天|近日|日前|宣布|于|於|正式)/.exec(
      lead,
    );
  if (zh?.[1]) return zh[1];
  return null;
}

/**
 * A Spanish, Portuguese, French, Italian or German headline's verb after its subject (`XTransfer est
 * agréé…`, `Acme anuncia…`, `Acme stellt … vor`): these headlines are written in sentence case, so the
 * verb is in lower case (or capitalized, as title case writes it).
 */
const FOREIGN_HEADLINE_VERB =
  /^(?:anuncia|lanza|presenta|nombra|adquiere|inaugura|firma|recibe|gana|obtiene|celebra|amplía|es|lança|apresenta|nomeia|adquire|recebe|conquista|é|annonce|lance|présente|dévoile|nomme|acquiert|ouvre|signe|reçoit|remporte|obtient|inaugure|rejoint|est|annuncia|lancia|nomina|acquisisce|riceve|vince|è|gibt|stellt|präsentiert|startet|erweitert|übernimmt|eröffnet|ernennt|kündigt|erhält|gewinnt|ist|feiert|meldet|bringt)$/i;
/**
 * What a headline says its subject did: a third-person verb (`Acme Announces…`, `Acme Reports…`),
 * a passive participle (`Acme Named to…`) or a plan (`Acme to Acquire…`).
 */
const HEADLINE_VERB =
  /^(?:Announces|Leads|Brings|Helps|Supports|Reports|Launches|Invests|Introduces|Unveils|Names|Appoints|Expands|Opens|Partners|Completes|Acquires|Receives|Wins|Joins|Celebrates|Signs|Secures|Raises|Closes|Declares|Files|Prices|Debuts|Releases|Adds|Selects|Teams|Achieves|Earns|Hosts|Enters|Agrees|Establishes|Marks|Reaches|Surpasses|Delivers|Schedules|Confirms|Commences|Issues|Publishes|Presents|Showcases|Welcomes|Deploys|Extends|Renews|Provides|Offers|Honors|Recognizes|Awards|Is|Has|Named|Recognized|Honored|Selected|Ranked|Awarded|to)$/;

/** Trademark signs and the quotes a lead may open with (a quoted statement by the issuer). */
const LEAD_OPENER = /^["“”'‘’]+/;

/**
 * The issuer from the headline, when the lead cannot say: the headline's subject (`Acme Capital
 * Invests in Beta`, `Acme.io Launches: …`, `Acme & brand Named to…`) counts only when the
 * release itself confirms it is the issuer — the lead opens with that name (`Acme Capital and Beta
 * are pleased to announce…`, `"Acme is reporting…`) or an About section is about it. The name is
 * returned as the lead writes it, with a legal form that follows it there (`Acme Corp.`).
 * Otherwise null.
 */
export function headlineOrganization(title: string | null, lead: string, aboutOrgs: readonly string[]): string | null {
  if (!title) return null;
  const words = title.replace(/[®™℠]/g, '').replace(/:/g, ' :').split(/\s+/).slice(0, 8);
  const verbAt = words.findIndex((w, i) => i > 0 && (HEADLINE_VERB.test(w) || FOREIGN_HEADLINE_VERB.test(w)));
  if (verbAt < 1 || verbAt > 6) return null;
  const name = words.slice(0, verbAt).join(' ');
  // One subject only: `Acme and Beta Announce…` names two, and a headline's first word is a capital.
  if (!/^(?:[\p{Lu}\d]|\p{Ll}{1,2}\p{Lu})/u.test(name) || /\s(?:and|y|et|und)\s/.test(name) || /[,;:()"“”]/.test(name))
    return null;
  if (NOT_AN_ORG.test(name) || PARTICIPLE.test(name)) return null;
  // A plan (`Acme Labs to Acquire…`) has a name before its `to`; a lower-case word there makes a
  // phrase of it (`Get ready to…`, `Time for families to…`).
  if (words[verbAt] === 'to' && words.slice(1, verbAt).some((w) => /^\p{Ll}{3,}/u.test(w) && !CONNECTOR.test(w)))
    return null;
  const opening = lead.replace(/[®™℠]/g, '').replace(LEAD_OPENER, '');
  // The lead calls it an initiative, a programme, a tour… (`…the Acme Tour, an initiative led by…`):
  // the release's subject, not its issuer.
  const glossed = new RegExp(
    String.raw`(?<![\p{L}\p{N}])${escapeRegExp(name)},? (?:(?:an?|the|its|their) )?(?:[\p{Ll}-]+ ){0,3}(?:initiative|program|programme|campaign|tour|series|project|event|festival|conference|competition|challenge|course|curriculum)\b`,
    'u',
  );
  if (glossed.test(opening)) return null;
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const inAbout = aboutOrgs.some((o) => key(o) === key(name));
  // The lead opens with the full name that defines the headline's short one in parentheses
  // (`ACME Leads…` over `Acme Corporation of Europe (ACME), with partners, to form…`, `Acme Hosts…`
  // over `Acme Works Ltd. (“Acme”), together with…`).
  const defined = new RegExp(
    String.raw`^([\p{Lu}\d][\p{L}\d&.'’-]*(?: (?:[\p{Lu}\d][\p{L}\d&.'’-]*|of|and|for|the|de|&)){1,9}?),? \((?:the )?["“]?${escapeRegExp(name)}["”]?\)`,
    'u',
  ).exec(opening);
  if (defined?.[1] && !NOT_AN_ORG.test(defined[1])) return defined[1];
  if (opening.startsWith(name) && !/^[\p{L}\p{N}]/u.test(opening.slice(name.length))) {
    // A legal form that follows the name in the lead is part of it as written (`Acme, Inc.`).
    let end = name.length;
    for (let i = 0; i < 2; i++) {
      const m = /^,? ([\p{L}./]{2,12})/u.exec(opening.slice(end));
      if (!m?.[1] || !isLegal(m[1]) || /^(?:Holdings|Group)$/.test(m[1])) break;
      end += m[0].length;
    }
    return opening.slice(0, end);
  }
  // Or the lead names it later as a whole (`Am 7. Mai …, wobei Acme Solar mit…` under `Acme Solar
  // stellt … vor`), not as the end of a longer name (`Museum Announces…` over `the Acme Museum is…`).
  const later = new RegExp(
    String.raw`(?<![\p{L}\p{N}]|[\p{Lu}\d][\p{L}\d&.'’-]* )${escapeRegExp(name)}(?![\p{L}\p{N}&])`,
    'u',
  );
  return inAbout || later.test(opening) ? name : null;
}

/** Two names then a plural verb opening a headline: a joint release. */
const JOINT_HEADLINE =
  /^(?:[\p{Lu}\d][\p{L}\d.'’-]*\s){1,5}(?:and|&)\s(?:[\p{Lu}\d][\p{L}\d.'’()-]*\s){1,5}(?:Announce|Launch|Partner|Form|Sign|Join|Team Up|Collaborate|Unveil|Enter|Complete|Expand|Introduce|Agree|Merge|Unite|Combine)\b/u;

/**
 * The issuer as the subject of a later clause of the first paragraphs, when the headline names it
 * too: `…sleep solutions, Acme introduces the Acme Cool Collection` under `Acme Cool Collection
 * Redefines…`, or `To address the problem, Acme Labs today launched…` under `…, Says New Acme Labs
 * Survey`. A clause opens a sentence or follows a comma; its subject must be followed by the verb
 * (see leadOrganization). Null when no such clause names an organization of the headline.
 */
export function clauseOrganization(title: string | null, paragraphs: readonly string[]): string | null {
  // A joint release (`Acme and Beta Announce…`, a plural verb after two names) has no one issuer.
  if (!title || JOINT_HEADLINE.test(title)) return null;
  const headline = ` ${title.replace(/[®™℠]/g, '').toLowerCase()} `;
  const wholeText = paragraphs.join(' ');
  for (const paragraph of paragraphs.slice(0, 8)) {
    const text = paragraph.replace(/[®™℠]/g, '').slice(0, 1500);
    for (const m of text.matchAll(/(?:^|[.!?] |, )(?=[\p{Lu}])/gu)) {
      const clause = text.slice((m.index ?? 0) + m[0].length);
      const org = leadOrganization(clause) ?? actingAsHeadline(clause, title);
      if (!org) continue;
      // The headline may leave out the legal form (`Acme Hosts…` over `…, Acme AG, a maker…, hosted`).
      const name = withoutLegalForm(org.replace(/^The /, '').split(' ')).toLowerCase();
      if (commonWord(name, wholeText)) continue;
      if (
        name.length >= 3 &&
        headline.includes(` ${name}`) &&
        !/[\p{L}\p{N}]/u.test(headline.charAt(headline.indexOf(` ${name}`) + name.length + 1))
      )
        return commaListName(text, org, headline);
    }
  }
  return null;
}

/**
 * A clause whose subject acts in the present tense as the headline's does (`WebStatus247 addresses
 * this…` under `WebStatus247 Redefines…`): the name the headline opens with before its verb, when
 * the clause opens with it before a verb too (any present-tense one, the headline vouching for it,
 * then its object: `this`, `the`, `its`…; `Acme products are…` is a plural noun's sentence).
 */
function actingAsHeadline(clause: string, title: string): string | null {
  const m =
    /^((?:[\p{Lu}\d][\p{L}\d&'’-]*)(?: [\p{Lu}\d][\p{L}\d&'’-]*){0,3}) \p{Ll}{2,}s (?=(?:this|that|these|those|the|a|an|its|their|it|them|every|each|all|both|how|what)\b)/u.exec(
      clause,
    );
  const name = m?.[1];
  if (!name || NOT_AN_ORG.test(name)) return null;
  return title.startsWith(`${name} `) && /^\p{Lu}\p{Ll}{2,}s\b/u.test(title.slice(name.length + 1)) ? name : null;
}

/**
 * A name that is a list of names (`Roe, Doe & Poe`, a law firm's partners) split at a comma into a
 * clause: the capitalised words the text writes before it, each with its comma, belong to it when
 * the headline writes it whole.
 */
function commaListName(text: string, org: string, headline: string): string {
  if (!/ (?:&|and) /.test(org)) return org;
  const list = new RegExp(String.raw`((?:\p{Lu}[\p{L}'’-]*, ){1,4})${escapeRegExp(org)}`, 'u').exec(text)?.[1];
  if (!list) return org;
  for (const words = list.slice(0, -2).split(', '); words.length > 0; words.shift()) {
    const whole = `${words.join(', ')}, ${org}`;
    if (headline.includes(` ${whole.toLowerCase()}`)) return whole;
  }
  return org;
}

/**
 * A common word written with a capital as a sentence opens with it (`Tea growers…`, `Adults who…`) is
 * not a name: the text uses it in lower case too — not in a web address (`visit acme.com`,
 * `www.acme.net`), which is written so. Only a name of one word of letters is judged (not `Acme.com`).
 */
export function commonWord(name: string, text: string): boolean {
  const word = name.toLowerCase();
  return (
    /^\p{L}+$/u.test(word) &&
    new RegExp(`(?<![\\p{L}./@-])${escapeRegExp(word)}(?![\\p{L}]|\\.[a-z]{2,}|-)`, 'u').test(text)
  );
}

/** How an unheaded boilerplate paragraph opens before the name (`Founded in 1991, the …`). */
const BOILERPLATE_OPENER =
  /^(?:(?:Founded|Established|Incorporated|Formed|Created|Launched|Started)(?: in \d{4}| \d{4})?(?: (?:in|by) [^,]{1,60})?|(?:Headquartered|Based) in [^,]{1,60}),\s(?:the\s)?/;
/** After the name in an unheaded boilerplate: the legal form, then a present-tense description verb. */
const BOILERPLATE_NAME =
  /^((?:\p{Lu}[\p{L}\p{N}'’&.-]*|&|and|of|for|the)(?: (?:\p{Lu}[\p{L}\p{N}'’&.-]*|&|and|of|for|the)){0,7})(?:,? \p{Lu}[\p{L}.]{1,11})?,? (?:is|are|has|provides|promotes|offers|develops|helps|builds|serves|operates|works|delivers|makes|designs|creates|supports|specializes|specialises|focuses|manages|represents|advocates|connects|empowers|enables|brings)\b/u;
/** `Acme Robotics, founded in 2009, is …` / `Acme Robotics was founded in 2009 …`. */
const NAME_THEN_FOUNDED =
  /^(?:The\s)?((?:\p{Lu}[\p{L}\p{N}'’&.-]*|&|and|of|for|the)(?: (?:\p{Lu}[\p{L}\p{N}'’&.-]*|&|and|of|for|the)){0,7})(?:, (?:founded|established) in \d{4},| (?:was|has been) (?:founded|established) in \d{4}\b)/u;

/** `The Acme Policy Center is a national…` / `Acme, Inc. (NYSE: ACME) is the leading…` / `24/7 Relief Line is a…`. */
const NAME_IS_DESCRIBED =
  /^(?:The\s)?((?:[\p{Lu}\p{N}][\p{L}\p{N}/'’&.-]*)(?: (?:\p{Lu}[\p{L}\p{N}'’&.-]*|&|and|of|for|the)){0,7})(?:, \p{Lu}[\p{L}.]{1,11})?(?: \([^()]{1,60}\))?,? (?:is|are) (?:a|an|the)\s/u;

/**
 * The issuer an unheaded boilerplate names: one of the last three body paragraphs opening
 * `Founded in 1991, the Acme Policy Center promotes…` (or `Based in Ohio, Acme is…`, `Acme, founded
 * in 2009, is…`, `Acme was founded in 2009…`, `The Acme Policy Center is a national…`), when the
 * headline or an earlier paragraph names the same organization too. Null otherwise.
 */
export function boilerplateOrganization(title: string | null, paragraphs: readonly string[]): string | null {
  const tail = paragraphs.slice(-3);
  for (let i = tail.length - 1; i >= 0; i--) {
    const text = (tail[i] ?? '').trim();
    const opener = BOILERPLATE_OPENER.exec(text);
    const m = opener
      ? BOILERPLATE_NAME.exec(text.slice(opener[0].length))
      : (NAME_THEN_FOUNDED.exec(text) ?? NAME_IS_DESCRIBED.exec(text));
    const name = m?.[1]?.replace(/(?: (?:&|and|of|for|the))+$/, '').trim();
    if (!name || NOT_AN_ORG.test(name) || /^(?:It|They|We|He|She)$/.test(name)) continue;
    const elsewhere = [title ?? '', ...paragraphs.slice(0, paragraphs.length - tail.length + i)];
    if (elsewhere.some((p) => p.includes(name))) return name;
  }
  return null;
}

/**
 * The fuller name the lead opens with when the headline or an About section gives a short form of it
 * (`Acme : Revolutionizing…` over `Acme Coin revolutionizes…`): up to three more capitalised words
 * after the name, then a lower-case word or a comma; a legal form, a day or a month is no part of it
 * here. Else null.
 */
export function fullerInLead(name: string, lead: string): string | null {
  const opening = lead.replace(/[®™℠]/g, '').replace(LEAD_OPENER, '');
  const m = new RegExp(
    String.raw`^(?:[-–—•*]\s+)?(?:The )?${escapeRegExp(name)}((?: [\p{Lu}][\p{L}\d&'’-]*){1,3})(?=,? \p{Ll})`,
    'u',
  ).exec(opening);
  const more = m?.[1]?.trim().split(' ') ?? [];
  if (!m?.[1] || more.some((w) => isLegal(w) || DAY_OR_MONTH.test(w))) return null;
  return `${name}${m[1]}`;
}

/**
 * The full name a clause of the first paragraphs acts under when the headline or an About section
 * gives it with words left out (`Acme Market’s Holiday Special` / `About ACME MARKET` over `…, Acme
 * Italian Market & Bakery is offering…`): a subject (read as the lead's is) that opens with the
 * name's first word and holds all its words in order, up to three more among them. Else null.
 */
export function widerInParagraphs(name: string, paragraphs: readonly string[]): string | null {
  const short = name.toLowerCase().split(' ');
  if (short.length < 2) return null;
  for (const paragraph of paragraphs.slice(0, 3)) {
    const text = paragraph.replace(/[®™℠]/g, '').slice(0, 1500);
    for (const m of text.matchAll(/(?:^|[.!?] |, )(?=[\p{Lu}])/gu)) {
      const org = leadOrganization(text.slice((m.index ?? 0) + m[0].length));
      const words = org?.toLowerCase().split(' ') ?? [];
      if (!org || words[0] !== short[0] || words.length <= short.length || words.length > short.length + 3) continue;
      let k = 0;
      for (const w of words) if (w === short[k]) k++;
      if (k === short.length) return org;
    }
  }
  return null;
}

/** A day's or a month's name (`Monday`, `May`): it follows a name in a lead, it is no part of it. */
const DAY_OR_MONTH =
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Today|Tomorrow|Yesterday)$/;

/** A name of two capitalised words or more, then a present-tense verb (`Acme Clinic stands…`). */
const PRESENT_SUBJECT =
  /^((?!(?:The|A|An|This|These|Those|Its|Their|Our|Each|Every) )[\p{Lu}][\p{L}\d&'’-]*(?: (?:of |and |& )?[\p{Lu}][\p{L}\d&'’-]*){1,4}) [a-z]{3,}s\b/u;

/**
 * The organization most sentences of the first paragraphs are about, when the lead opens with the
 * topic rather than the issuer (`TMS therapy involves… Acme Clinic is proud to… / Acme Clinic
 * provides… / Acme Clinic stands…`): the subject (read as the lead's is, or a name of two capitalised
 * words or more before a present-tense verb) that opens at least two sentences in at least two
 * paragraphs, more often than any other; else null.
 */
export function sentenceSubjectOrganization(paragraphs: readonly string[]): string | null {
  const counts = new Map<string, { n: number; paragraphs: Set<number> }>();
  paragraphs.slice(0, 8).forEach((paragraph, p) => {
    const text = paragraph.replace(/[®™℠]/g, '').replace(/ {2,}/g, ' ').slice(0, 2000);
    for (const m of text.matchAll(/(?:^|[.!?]["”’]? )(?=[\p{Lu}])/gu)) {
      const sentence = text.slice((m.index ?? 0) + m[0].length);
      const present = PRESENT_SUBJECT.exec(sentence)?.[1];
      const org = leadOrganization(sentence) ?? (present && !NOT_AN_ORG.test(present) ? present : null);
      if (!org || TITLED_PERSON.test(org)) continue;
      const c = counts.get(org) ?? { n: 0, paragraphs: new Set<number>() };
      c.n++;
      c.paragraphs.add(p);
      counts.set(org, c);
    }
  });
  const ranked = [...counts].sort((a, b) => b[1].n - a[1].n);
  const [top, next] = ranked;
  if (!top || top[1].n < 2 || top[1].paragraphs.size < 2 || (next && next[1].n >= top[1].n)) return null;
  return spelledOut(top[0], paragraphs) ?? top[0];
}

/**
 * The organization the people quoted speak for, when the text names no issuer otherwise: the one a
 * quote's speaker is said to hold a role at (`…,” said Jane Roe, president of home power at Acme.`,
 * `Jane Roe, chief executive officer of Acme, said…`), when every such speaker names the same one.
 */
export function spokespersonOrganization(paragraphs: readonly string[]): string | null {
  const found = new Set<string>();
  for (const paragraph of paragraphs.slice(0, 20)) {
    if (!REPORTING_VERB.test(paragraph)) continue;
    for (const m of execAll(SPEAKER_ROLE, paragraph)) {
      const role = m[1] ?? m[2];
      const org = role ? ROLE_AT.exec(role)?.[1]?.replace(BOARD_OF, '') : undefined;
      // (`director of Acme’s Integrity Project`: the project is the organization’s)
      if (org) found.add(org.replace(/['’]s .*$/, ''));
    }
  }
  const org = found.size === 1 ? [...found][0] : undefined;
  return org ? (spelledOut(org, paragraphs) ?? org) : null;
}

/**
 * The name an acronym stands for as the text writes it (`NLPC` → `National Legal and Policy
 * Center`): capitalised words whose initials make the acronym, small words (and, of, for, the, &)
 * left out of the count; else null.
 */
export function spelledOut(acronym: string, paragraphs: readonly string[]): string | null {
  if (!/^\p{Lu}{2,6}$/u.test(acronym)) return null;
  const small = String.raw`(?: (?:and|of|for|the|on|in|&))*`;
  const words = [...acronym].map((c) => String.raw`${c}[\p{Ll}\p{Lu}'’-]+`).join(String.raw`${small} `);
  const re = new RegExp(String.raw`(?<![\p{L}\d])${words}(?![\p{L}\d])`, 'u');
  for (const p of paragraphs) {
    const m = re.exec(p);
    if (m && m[0] !== acronym && m[0].split(' ').length > 1) return m[0];
  }
  return null;
}

/**
 * For speed only: text every match of SPEAKER_ROLE holds (each of its reporting verbs, as written
 * there); a paragraph without it is not searched with the long pattern.
 */
const REPORTING_VERB = /said|says|added|adds|explain|noted|notes|stated|states/;

/** A speaker's name and the role after it, by a reporting verb (`said Jane Roe, CEO of Acme.`, `Jane Roe, CEO of Acme, said`). */
const SPEAKER_ROLE =
  /(?:\b(?:said|says|added|adds|explained|explains|noted|notes|stated|states) (?:[\p{Lu}][\p{L}.'’-]* ){1,3}?[\p{Lu}][\p{L}'’-]+, ([^,.;“”"]{3,120}?)(?=[.;”"]|, (?!Inc|LLC|Ltd)|$)|(?:^|[.!?]["”]? )(?:[\p{Lu}][\p{L}.'’-]* ){1,3}?[\p{Lu}][\p{L}'’-]+, ([^,.;“”"]{3,120}?), (?:said|says|added|explained|noted|stated)\b)/gmu;

/**
 * The issuer a headline names before a colon, as European regulatory releases write it (`Acme ASA:
 * First Quarter Results 2025`), when one of the first paragraphs names it too. Null otherwise.
 */
export function headlinePrefixOrganization(title: string | null, paragraphs: readonly string[]): string | null {
  const m = title ? /^([\p{Lu}\d][^:]{1,60}?): \S/u.exec(title.replace(/[®™℠]/g, '')) : null;
  const name = m?.[1]?.trim();
  if (!name) return null;
  const words = name.split(' ');
  if (words.length > 8 || !words.every((w) => /^(?:[\p{Lu}\d&]|\p{Ll}{1,2}\p{Lu})/u.test(w) || CONNECTOR.test(w)))
    return null;
  if (
    NOT_AN_ORG.test(name) ||
    /^(?:UPDATE|CORRECTION|Correction|Update|BREAKING|Breaking|Press Release|News)$/.test(name)
  )
    return null;
  return paragraphs.slice(0, 3).some((p) => p.includes(name)) ? name : null;
}

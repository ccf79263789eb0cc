import type { Contact, Link } from '../record';

/**
 * Contacts from contact blocks (`Media Contact:` and the lines after it) and from mailto links.
 * Emails are lower-cased and de-obfuscated (`jane [at] acme [dot] com`); contacts are
 * de-duplicated by email. Regexes here only ever run on short lines (contact blocks), never on a
 * whole document.
 */

const EMAIL = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}/;
const EMAIL_ALL = new RegExp(EMAIL.source, 'g');
const PHONE = /(?:\+|\(|\b)\d[\d ().-]{5,22}\d(?: ?(?:x|ext\.?) ?\d{1,6})?/;
const PHONE_ALL = new RegExp(PHONE.source, 'g');
const LABEL =
  /^(?:Press Office|Contact (?:Information|Details)|Renseignements|Pour (?:(?:plus d'|de plus amples )(?:informations|renseignements)|en savoir plus)(?:,? veuillez (?:communiquer avec|contacter))?|Para (?:más|mayor) información|Información|Weitere Informationen|Für weitere Informationen|Para mais informações|Per ulteriori informazioni|Voor meer informatie|Contactos?(?: (?:de prensa|para (?:medios|prensa)|con (?:los )?medios|de medios))?|Contacts? (?:presse|médias|medias|investisseurs)|Relations (?:presse|médias|investisseurs)|Pressekontakte?|Medienkontakte?|Kontakt(?: für (?:Medien|Presse|Investoren))?|Ansprechpartner(?:in)?|Contatos?(?: (?:para|com a|de) imprensa)?|Assessoria de imprensa|Contatti(?: stampa)?|Contatto stampa|Ufficio stampa|Perscontact(?:en)?|Contactpersoon|媒体联系人?|媒體聯絡人?|联系人|お問い合わせ先?|報道関係者(?:の|からの)?お問い合わせ先?|미디어 문의|언론 문의|(?:More|Further) (?:information|info)|For (?:(?:more|further) information|(?:media|press|investor|sales|general) (?:inquiries|enquiries|information))(?:,? (?:please )?contact)?|(?:(?:Media|Press|Investor|Investors|Company|Analyst|Agency|PR|Public Relations|Editorial|Journalist|Trade Media|Financial Media|Business|Sales|US|U\.S\.|European|Global|International)\s){0,3}(?:Relations\s)?(?:Contacts?(?:\s(?:Information|Info|Details))?|Inquiries|Enquiries|Relations|Information))\s?(?:for [^:]{1,60})?[:：\-–—]?\s*/i;

/** `jane [at] acme [dot] com`, `jane(at)acme.com` → `jane@acme.com`. */
export function deobfuscateEmail(s: string): string {
  return s.replace(/\s?[[(]\s?at\s?[\])]\s?/gi, '@').replace(/\s?[[(]\s?dot\s?[\])]\s?/gi, '.');
}

/** The first email address in a short line, lower-cased, or null. */
export function findEmail(line: string): string | null {
  const text = separateAddresses(deobfuscateEmail(line.slice(0, 500)));
  const m = EMAIL.exec(text);
  if (!m) return null;
  const address = m[0].slice(gluedLead(text, m.index, m[0]));
  return unglue(address).toLowerCase();
}

/** Mailboxes of a role, not a person (`ir@`, `press@`, `info@`). */
const ROLE_MAILBOX =
  /^(?:ir|pr|info|press|media|news|contact|hello|investors?|sales|support|team|office|marketing|communications|comms|enquiries|inquiries)$/;

/**
 * How many characters at the start of an address found at `index` in `text` are words a scraper ran
 * into it, as the words before it show: a surname, when the address holds the first name written
 * before it (`Jane Roejane@`), is a role mailbox (`Max Rolleir@`) or is written with a capital of
 * its own (`Jane RoeAcme@`); a phone number's last digits (`+49 69 905505 56acme@`); or a brand
 * the line has already written with its capitals (`AcmeCo Inc. … AcmeCojane@`). 0 when nothing
 * shows a seam.
 */
function gluedLead(text: string, index: number, address: string): number {
  const local = address.slice(0, address.indexOf('@'));
  const before = text.slice(Math.max(0, index - 200), index);
  // (`Connect with usir@`, `Contact usinfo@`, `Email uspress@`: the invitation's `us` run into a role mailbox)
  if (/^us/i.test(local) && /\b(?:with|contact|e-?mail|reach|write to|call)\s?$/i.test(before))
    if (ROLE_MAILBOX.test(local.slice(2).toLowerCase())) return 2;
  // (for speed only: both patterns below need a letter and a space at the end of `before`)
  const wordEnds = before.endsWith(' ') && /[A-Za-z]/.test(before.charAt(before.length - 2));
  const previous = wordEnds ? /([A-Z][a-z]{1,20}) $/.exec(before)?.[1] : undefined;
  // `Mary Jones MaryJones@`, `Mary Jones Mary.Jones@`: the address spells the name written before it.
  const name = wordEnds ? /([A-Za-z]+) ([A-Za-z]+) $/.exec(before) : null;
  if (name && local.replace(/[._-]/g, '').toLowerCase() === `${name[1]}${name[2]}`.toLowerCase()) return 0;
  if (previous && /^[A-Z][a-z]/.test(local)) {
    const k = local.toLowerCase().indexOf(previous.toLowerCase(), 2);
    if (k > 0) return k;
    for (let j = 3; j <= local.length - 2; j++) {
      if (/^[A-Z][a-z]+(?:[A-Z][a-z]+)?$/.test(local.slice(0, j)) && ROLE_MAILBOX.test(local.slice(j))) return j;
    }
    // (or a surname the address ends with again, an initial or name before it: `Jane Roej.roe@`, `Ana Smithasmith@`)
    for (let j = 3; j <= local.length - 3; j++) {
      const word = local.slice(0, j);
      if (!/^[A-Z][a-z]+$/.test(word) || !/^[a-z]/.test(local.charAt(j))) continue;
      const rest = local.slice(j).toLowerCase();
      if (rest.length > j && rest.endsWith(word.toLowerCase())) return j;
    }
    // (not an address that spells the name: `Jane JaneRoe@`)
    const surname = /^[A-Z][a-z]+/.exec(local)?.[0] ?? '';
    // (nor a name with a capital inside: `MacKenzie@`, `DeAngelo@`)
    // (its capital after digits too: `Jane Roe45Acme@`)
    if (surname.length >= 4 && /^\d*[A-Z][a-z]/.test(local.slice(surname.length)) && surname !== previous)
      return surname.length;
  }
  // (or a name in camel case run into a mailbox that opens with a name the line wrote before it:
  // `Sara Roe, Agency PR for AcmeBiosara@`)
  // (for speed only: that lead opens with a capital)
  for (const n of /^[A-Z]/.test(local) ? (before.match(/\b[A-Z][a-z]{2,20}\b/g) ?? []) : []) {
    const k = local.toLowerCase().indexOf(n.toLowerCase(), 3);
    if (k < 0) continue;
    if (!/^[A-Z][a-z]*[A-Z][A-Za-z]*[a-z]$/.test(local.slice(0, k)) || !/^[a-z0-9._-]+$/.test(local.slice(k))) continue;
    // (the letter before the surname is the initial of the first name written before it, the
    // address's own: `Jane Roe, CEOjroe@` → `jroe@`)
    const first = new RegExp(String.raw`\b([A-Z])[a-z]+ ${n}\b`).exec(before)?.[1];
    if (first && k >= 3 && local.charAt(k - 1) === first.toLowerCase()) return k - 1;
    return k;
  }
  // (or its extension: `(555) 010-0100 x110jane.roe@`)
  const digits = /^(?:(?:x|ext\.?)\d{1,6}|\d{1,4}(?:-\d{1,4})?)(?=[A-Za-z])/i.exec(local)?.[0];
  if (digits && /\d[\d ()./-]{4,}\d $/.test(before)) return digits.length;
  // (for speed only: such a word, two capitals in it, opens the mailbox)
  // (a brand in camel case, not an acronym in capitals only: `HUBAgrp@` is written so, as `PRteam@`)
  const twoCapitals = /[A-Z].*[A-Z]/.test(local);
  for (const w of twoCapitals ? (before.match(/[A-Za-z][A-Za-z0-9]{3,30}/g) ?? []) : []) {
    if (local.startsWith(w) && /[A-Z].*[A-Z]/.test(w) && /[a-z]/.test(w) && /^[a-z]{2}/.test(local.slice(w.length)))
      return w.length;
  }
  // (or the address's own name, with its capital, after a dash or not: `Team Acmebd@acme.com`,
  // `Contact :-Acmemarketing@acme.ai`)
  const own = address.slice(address.indexOf('@') + 1).split('.')[0] ?? '';
  const dash = /^-(?=[A-Z])/.test(local) ? 1 : 0;
  const named = local.slice(dash);
  if (own.length >= 3 && /^[A-Z]/.test(named) && named.toLowerCase().startsWith(own.toLowerCase())) {
    if (/^[a-z]{2}/.test(named.slice(own.length))) return dash + own.length;
  }
  return 0;
}

/**
 * Two addresses a scraper ran together (`jane@acme.deir@beta.com`): the first one's top-level domain
 * runs into the second's mailbox; a space is put after a common top-level domain there.
 */
const COMMON_TLD =
  'com|net|org|info|biz|global|de|co|io|ai|uk|ca|au|ch|fr|it|es|nl|se|no|dk|fi|at|be|pl|eu|jp|cn|in|us|br|mx';
const GLUED_ADDRESSES = new RegExp(
  String.raw`(@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.(?:${COMMON_TLD}))(?=[A-Za-z0-9._%+'-]{1,64}@)`,
  'g',
);
/** A website (`www.` and a common top-level domain) run into the mailbox after it. */
const WEBSITE_BEFORE = new RegExp(
  String.raw`^www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*?\.(?:${COMMON_TLD})(?=[A-Za-z0-9])`,
);
/** A common top-level domain run into a lower-case name after it (`acme.comacme`). */
const TLD_THEN_OWN_NAME = new RegExp(String.raw`^(${COMMON_TLD})([a-z]{3,})$`);
/** A label that is a common top-level domain, in lower case. */
const COMMON_TLD_LABEL = new RegExp(String.raw`^(?:${COMMON_TLD})$`);
/** A common top-level domain run into a capitalised word after it (`acme.comAcme.com Newsroom`). */
const TLD_THEN_CAPITAL = new RegExp(String.raw`^(?:${COMMON_TLD})(?=[A-Z])`);

function separateAddresses(text: string): string {
  return text.includes('@') ? text.replace(GLUED_ADDRESSES, '$1 ') : text;
}

/**
 * The line with a space put where a scraper ran words into an address (see gluedLead); the line
 * above it is read too, as hard-wrapped copy may break the line before the address.
 */
function separateGlued(raw: string, above = ''): string {
  const line = separateAddresses(raw);
  let out = line;
  const context = above ? `${above.trim()} ` : '';
  const found = [...line.matchAll(EMAIL_ALL)].reverse();
  for (const m of found) {
    const k = gluedLead(context + line, context.length + (m.index ?? 0), m[0]);
    if (k > 0) out = `${out.slice(0, (m.index ?? 0) + k)} ${out.slice((m.index ?? 0) + k)}`;
  }
  return out;
}

/**
 * A job title, a team word or a company's legal form glued by a scraper to the address after it
 * (`CEOinvestorrelations@`, `Chief Marketing Officernick@`, `Marketing Teammktg@`, `Acme
 * Inc.hello@`): capitalised as written, with the address going on in lower case.
 * An acronym counts only after other letters (`PRteam@` is an address as written).
 */
const GLUED_TITLE =
  /^(?:[\p{L}'’.-]{1,40}?(?:CEO|CFO|COO|CTO|CMO|CIO|SVP|EVP|VP|PR|IR)|[\p{L}'’.-]{0,40}?(?:Advisory|Advisors|Partners|Associates|Consulting|Consult|Agency|Group|Officer|Director|Manager|President|Founder|Partner|Chair(?:man|woman|person)?|Spokesperson|Coordinator|Specialist|Consultant|Analyst|Associate|Executive|Relations|Communications?|[Kk]ommunikation|Marketing|Contact|Media|Press|Team|Desk|Office|Department|Inquiries|Enquiries|Esq\.?|Inc\.|Corp\.|Ltd\.|Co\.|LLC|LLP|GmbH))(?=[a-z])/u;

/**
 * An address as written, without the words a scraper ran into it: a phone number or postal code
 * before it (`617 599 9798katherine@`, `PA 19087info@`), a job title before it (see GLUED_TITLE),
 * a capitalised word after it (`ir@acme.comTel:`) or a website after it (`ir@acme.comwww.acme.com`).
 * Addresses are written in lower case, so a change of case inside one marks where a glued word
 * starts or ends.
 */
function unglue(address: string): string {
  const at = address.indexOf('@');
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  // (also after the name written before the number: `Jane Roe5550100142jroe@`, seven digits or more)
  const digits = /^[\d-]*\d{4,}[\d-]*(?=[A-Za-z])|^\p{L}{1,40}[\d-]*\d{7,}[\d-]*(?=[A-Za-z])/u.exec(local);
  if (digits) local = local.slice(digits[0].length);
  // (or a number written in groups, seven digits or more, after the word or legal form before it:
  // `APR555-010-0199jane@`, `Acme, Corp.555.010.0199info@`)
  const grouped = /^[\p{L}.]{1,40}?(\d{2,4}(?:[-.]\d{2,4}){2,3})(?=[A-Za-z])/u.exec(local);
  if (!digits && grouped?.[1] && grouped[1].replace(/\D/g, '').length >= 7) local = local.slice(grouped[0].length);
  const title = GLUED_TITLE.exec(local);
  if (title && /[a-z]/.test(local.slice(title[0].length))) local = local.slice(title[0].length);
  // `www.acme.cominfo@acme.com`: the website written before the address, run into it.
  const site = WEBSITE_BEFORE.exec(local);
  if (site && local.length > site[0].length) local = local.slice(site[0].length);
  // `jane@acme.comwww.acme.com`, `jane@acme.comhttps://…`: the website written after the address, run into it.
  const website = /^(.+?\.[A-Za-z]{2,24}?)www\.[A-Za-z0-9-]+\.[A-Za-z]{2,}/.exec(domain);
  if (website?.[1]) domain = website[1];
  const scheme = /^(.+\.[a-z]{2,24}?)https?$/.exec(domain);
  if (scheme?.[1]) domain = scheme[1];
  // `ir@acme.comTel`, `info@acme.comAcme.com Newsroom`: a label that runs from lower case into a
  // capital ends the address there — the last label whatever it is, an inner one when it is a common
  // top-level domain (the rest is the name or website written after the address).
  // (or a capitalised word after a common top-level domain written in lower case, the sentence's stop
  // between them: `jane@acme.com.More`, the next sentence run into the address)
  const labels = domain.split('.');
  for (let i = 1; i < labels.length; i++) {
    const label = labels[i] ?? '';
    if (
      i >= 2 &&
      /^\p{Lu}\p{Ll}+$/u.test(label) &&
      COMMON_TLD_LABEL.test(labels[i - 1] ?? '') &&
      !/\p{Lu}/u.test(labels.slice(0, i).join('.'))
    ) {
      domain = labels.slice(0, i).join('.');
      break;
    }
    const glued = (i === labels.length - 1 ? /^[a-z]{2,}(?=[A-Z])/ : TLD_THEN_CAPITAL).exec(label);
    if (!glued) continue;
    domain = [...labels.slice(0, i), glued[0]].join('.');
    break;
  }
  // `ir@acme.comacme AG`: the address's own name written after it in lower case, run into its
  // top-level domain (the name opens the domain's first label).
  const labelsNow = domain.split('.');
  const tail = TLD_THEN_OWN_NAME.exec(labelsNow[labelsNow.length - 1] ?? '');
  if (labelsNow.length >= 2 && tail?.[1] && tail[2] && (labelsNow[0] ?? '').startsWith(tail[2]))
    domain = [...labelsNow.slice(0, -1), tail[1]].join('.');
  // `Investor RelationsIR@ACME3D.COM`: an address written in capitals, the word before it run into
  // it; the mixed-case lead ends at its last lower-case letter.
  const caps = /^(.*\p{Ll})([A-Z0-9][A-Z0-9._%+'-]*)$/u.exec(local);
  if (caps?.[2] && /[A-Z]/.test(caps[2]) && /[A-Z]/.test(domain) && !/\p{Ll}/u.test(domain)) local = caps[2];
  // `acme.cominfo@acme.com`: the address's own domain written before it (a website), run into the mailbox.
  const own = local.toLowerCase().indexOf(domain.toLowerCase());
  // (a name run into that website too: `Jane Roeacme.cominfo@acme.com`)
  const lead = local.slice(0, own);
  if (
    own >= 0 &&
    (lead === '' || lead.endsWith('.') || /^\p{Lu}\p{Ll}+$/u.test(lead)) &&
    local.length > own + domain.length + 1
  )
    local = local.slice(own + domain.length);
  return `${local}@${domain}`;
}

export function findPhone(line: string): string | null {
  const m = PHONE.exec(line.slice(0, 500));
  if (!m) return null;
  const digits = m[0].replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 16) return null;
  // A year range or a date is not a phone number.
  if (/^\d{4}[-–]\d{4}$/.test(m[0].trim())) return null;
  return m[0].trim();
}

/**
 * Words that make a capitalised line an organization or a role, never a person: legal forms, the
 * nouns organizations are named with (Group, Bank, University, Technologies, …) and the words of a
 * press office (Media Relations, Investor Contacts). A general list of how organizations are named,
 * not a list of any release's names.
 */
const ORGANIZATION_WORD =
  /\b(?:Inc|LLC|LLP|LP|Ltd|Ltda|Limited|Limitada|Corp|Corporation|Company|Co|plc|PLC|GmbH|AG|SA|SE|NV|BV|AB|ASA|Oy|KK|SpA|Srl|Pte|Pty|Group|Holdings?|Partners|Partnership|Capital|Ventures|Bank|Fund|Trust|Foundation|Institute|University|College|School|Academy|Association|Council|Society|Federation|Union|Coalition|Alliance|Club|League|Agency|Department|Ministry|Government|Authority|Commission|County|Museum|Library|Libraries|Hospitals?|Clinics?|Center|Centre|Network|Networks|Systems|Solutions|Services|Technologies|Technology|Labs|Laboratories|Software|Industries|International|Global|Worldwide|Enterprises|Resources|Therapeutics|Pharmaceuticals|Biosciences|Sciences|Health|Healthcare|Energy|Financial|Finance|Insurance|Logistics|Robotics|Analytics|Security|Digital|Studios|Entertainment|Brands|Motors|Airlines|Properties|Realty|Consulting|Advisors|Advisory|Management|Investments|Mining|Minerals|Metals|Foods|Relations|Communications|Media|Press|Investors?|Affairs|Office|Team|Desk|Public|Marketing|Contacts?)\b/;
/** A role line that names no one (`Investor Relations`): skipped, not taken as a name or an organization. */
const ROLE =
  /^(?:(?:Investor|Media|Public|Press|Corporate|Global|Marketing|Analyst)\s)?(?:Relations|Contacts?|Communications|Affairs|Office|Team|Desk|Inquiries|Enquiries)$/i;

/** The kinds of line a phone's label may name when it is written after the number (`512-555-0100 Office`). */
const PHONE_KINDS = 'Office|Main|Mobile|Cell|Direct|Work';
/** Such a label after a phone number, at the end of a piece of a contact line. */
const LABEL_AFTER_PHONE = new RegExp(String.raw`(?<=\d) (?:${PHONE_KINDS})$`);

const PHONE_LABEL =
  /^(?:Tel|Phone|Ph|T|Mobile|Mob|Cell|M|Office|O|Direct|D|Tél|Téléfono|Teléfono|Telefone|Telefon|Telefono|Tfno|Handy|Celular|Móvil|电话|電話|手机|手機|전화)\.?\s?[:：]\s?/i;
const EMAIL_LABEL =
  /^(?:E-?mail|Correo(?: electrónico)?|Courriel|邮箱|郵箱|电子邮件|電子郵件|メール|이메일)\s?[:：]\s?/i;
/** Who a contact is for (`Media:`, `Investors:`, `Consumers:`): a new contact starts there. */
const AUDIENCE =
  '(?:Media|Press|Investors?|Investor Relations|IR|PR|Analysts?|Consumers?|Customers?|Journalists?|Reporters?|Editors?|Trade(?: Media)?|Financial Media|Sales|General(?: Inquiries)?|Contact|Name|Prensa|Medios|Inversores|Inversionistas|Presse|Médias|Investisseurs|Investoren|Imprensa|Investidores|Stampa|Investitori|広報担当|広報部|広報|報道関係|媒体|媒體|投资者|投資者|홍보|언론)(?: (?:Relations|Contacts?|Inquiries|Enquiries))?';
/** `Media:`, `Investors：`, or a dash after the audience (`Media – Jane Doe, …`). */
const AUDIENCE_LABEL = new RegExp(`^${AUDIENCE}(?:\\s?[:：]|\\s[-–—])\\s?`, 'i');
const AUDIENCE_ONLY = new RegExp(`^${AUDIENCE}[:：]?$`, 'i');

/** What is left between the parts of a contact written as a sentence (`at`, `or`, `by email at`). */
const CONNECTIVE =
  /^(?:at|or|and|by|via|on|to|by (?:phone|telephone|email|e-mail)(?: at)?|(?:phone|email|e-mail))[.:]?$/i;

/** Words of a job title (`Communications Manager`, `Vice President, Marketing`, `Conseiller en communication`). */
const JOB_WORD =
  /(?:^|[\s,])(?:CEO|CFO|COO|CTO|CMO|CIO|Chief|President|Présidente?|Presidente|Vice President|VP|SVP|EVP|Director|Directrice|Directeur|Directora|Diretora?|Direttore|Manager|Head of|Founder|Co-Founder|Chair|Chairman|Chairwoman|Chairperson|Officer|Spokesperson|Spokesman|Spokeswoman|Coordinator|Specialist|Consultant|Secretary|Treasurer|Analyst|Conseill(?:er|ère)|Responsable|Chargée?|Attachée? de presse|Porte-parole|Gerente|Portavoz|Jef[ea] de prensa|Pressesprecher(?:in)?|Sprecher(?:in)?|Leiter(?:in)?|Geschäftsführer(?:in)?|Assessora?|Responsabile|Managing Partner|Executive Vice|Senior Vice|General Counsel|Public Information Officer|\p{L}{0,20}(?:direktør|direktör|sjef|chef|leder|ledare|rådgiver|rådgivare))(?=$|[\s,])/iu;

/** A job title on its own: neither a name nor an organization. */
function isJobTitle(p: string): boolean {
  return p.split(' ').length <= 7 && JOB_WORD.test(p) && !/[@\d]/.test(p);
}

/** True for a line that reads like a person's name (`Jane Q. Doe`, `Dr. Li Wei`). */
export function isPersonName(line: string): boolean {
  // Chinese, Korean and Japanese names: two to four characters, or family and given name apart.
  if (
    /^(?:[\p{Script=Han}]{2,4}|[\p{Script=Hangul}]{2,4}|[\p{Script=Han}\p{Script=Katakana}]{1,4} [\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]{1,4})$/u.test(
      line,
    )
  )
    return true;
  const words = line.split(' ');
  if (words.length < 2 || words.length > 5 || ORGANIZATION_WORD.test(line)) return false;
  // An acronym among the words (`Lumora AI`, `Acme USA`) names an organization, unless the whole
  // name is written in capitals (`JANE DOE`).
  if (line !== line.toUpperCase() && words.some((w) => /^\p{Lu}{2,}$/u.test(w))) return false;
  return words.every((w) =>
    /^(?:[\p{Lu}][\p{L}'’-]{0,30}\.?|[\p{Lu}]\.|Dr\.|Mr\.|Ms\.|Mrs\.|de|van|von|der|la)$/u.test(w),
  );
}

/** True when the first line of a block is a contact heading (`Media Contact:`, `Investor Relations`). */
export function isContactHeading(line: string): boolean {
  const t = unslash(line);
  const m = LABEL.exec(t.slice(0, 200));
  if (!m) return false;
  // `For further information, contact Jane Doe, CEO, at 604-555-0181 or jane@acme.com.`: a
  // sentence that is a contact (it names a way to reach someone).
  if (/contact\s*$/i.test(m[0]) && (findEmail(t) || findPhone(t))) return true;
  const rest = t.slice(m[0].length);
  // `More information: Jane Roe, jane@acme.com` is a contact; `More information: the event runs…` is not.
  if (/^(?:More|Further) info/i.test(m[0]) && rest.trim() !== '' && !findEmail(rest) && !findPhone(rest)) return false;
  // A long line is a heading only with its colon: `For further information: Jane Doe, …`.
  if (t.length > 120) return /[:：]\s*$/.test(m[0]);
  // `Contact DetailsAcme Investors`: a scraper glued the heading to the block's first line.
  // (that line may open with a digit: `Contact Details9/11 Harbor Fund`)
  if (/\p{Ll}$/u.test(m[0]) && /^[\p{Lu}\d]/u.test(rest) && t.length <= 120) return true;
  // `Contacts Media: Jane Doe, …` (flattened Business Wire): the heading, then a labelled contact.
  if (AUDIENCE_LABEL.test(rest) && (findEmail(rest) || findPhone(rest))) return true;
  // `Contact us today…` is prose; a heading has a colon or stands alone.
  return /[:：\-–—]\s*$/.test(m[0]) || rest === '' || /^[:：\-–—]/.test(rest);
}

/** A line that is a contact on its own, after an audience label: `Media: Jane Doe, 602-555-0107, jane@acme.com`. */
export function isLabelledContactLine(line: string): boolean {
  const t = line.trim().slice(0, 300);
  return AUDIENCE_LABEL.test(t) && (!!findEmail(t) || !!findPhone(t));
}

/** `[jane@acme.com](mailto:jane@acme.com)`: a markdown mailto link written with its address as its text. */
const MD_MAILTO_AS_TEXT = /\[([^\s@[\]]{1,64}@[^\s[\]]{1,200})\]\(mailto:[^()\s]{1,260}\)/gi;

/** Removes a contact label from the start of a line. */
export function stripContactLabel(line: string): string {
  const t = unslash(line);
  const m = LABEL.exec(t);
  return m && isContactHeading(t) ? t.slice(m[0].length).trim() : t;
}

/** The old PR Newswire contact line `/CONTACT: Jane Doe of Acme, 412-555-0111/` without its slashes. */
function unslash(line: string): string {
  const t = line.trim();
  return /^\/CONTACT\b/i.test(t) ? t.slice(1).replace(/\/$/, '').trim() : t;
}

/** Prose rather than a name or organization line (`Acme Corp.` ends with a dot and is not prose). */
function looksLikeSentence(p: string): boolean {
  return p.split(' ').length > 8 || /[!?]$/.test(p) || /\b[a-z]{2,}\.$/.test(p);
}

/**
 * A postal address line (`1350 Main Avenue NW, Suite 800 Springfield, IL 62701`): a house number
 * and a street word, or a suite / floor / P.O. box.
 */
const ADDRESS =
  /(?:^|\s)\d{1,6}[A-Za-z]? (?:[\p{Lu}\d][\p{L}\d.'’-]* ){1,5}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Place|Pl\.?|Court|Ct\.?|Parkway|Pkwy\.?|Highway|Hwy\.?|Square|Sq\.?|Plaza|Terrace|Circle|Row)\b|\b(?:Suite|Ste\.|Floor|P\.? ?O\.? Box) \d/u;

/** True when a line looks like part of a contact block (email, phone, name, short org line, address). */
export function isContactLike(line: string): boolean {
  const t = line.trim();
  return (
    !!findEmail(t) ||
    !!findPhone(t) ||
    isPersonName(t) ||
    !looksLikeSentence(t) ||
    (t.length <= 160 &&
      ADDRESS.test(t) &&
      !/[.!?]["”]?$/.test(t.replace(/\b(?:St|Ave|Rd|Blvd|Dr|Ln|Pl|Ct|Pkwy|Hwy|Sq|Inc|Ltd|Corp|Co)\.$/, '')))
  );
}

/**
 * The contacts in a contact block. The block's lines are split further at `,`, `|`, `;` and ` // ` when a
 * contact is written on one line (`Jane Doe, Acme, jane@acme.com, +1 512 555 0100`). A new contact
 * starts at a person's name once the current one already has a name.
 */
export function parseContactBlock(lines: string[], links: readonly Link[] = []): Contact[] {
  const out: Contact[] = [];
  let cur: Contact = { name: null, organization: null, email: null, phone: null };
  const push = () => {
    if (cur.email || cur.phone || (cur.name && cur.organization)) out.push(cur);
    cur = { name: null, organization: null, email: null, phone: null };
  };
  // Each piece of text, and whether an audience label (`Media:`, `Investors`) opened a new contact there.
  const pieces: { text: string; fresh: boolean }[] = [];
  let fresh = false;
  // A mailto link's address stands in for its text (`email us here`, `Jane Doe`); a link whose text
  // is an address gives that address, as the reader reads it (the link may point at an older one).
  const mailtos = links.filter((l) => /^mailto:/i.test(l.url) && l.text && !findEmail(l.text));
  // A hard-wrapped contact line ends with a comma and continues on the next line. A markdown mailto
  // link whose text is its address is that address, set off from what a scraper ran into it
  // (`[jane@acme.com](mailto:jane@acme.com)555-0100`).
  const joined: string[] = [];
  for (const l of lines.map((x) => x.replace(MD_MAILTO_AS_TEXT, '$1 '))) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && /,$/.test(prev.trim())) joined[joined.length - 1] = `${prev.trim()} ${l.trim()}`;
    else joined.push(l);
  }
  for (const [r, raw] of joined.entries()) {
    // A fax number is not a way to reach a press contact.
    if (/\b(?:fax|facsimile|télécopieur)\b/i.test(raw) && !findEmail(raw)) continue;
    const link = mailtos.find((l) => l.text && raw.includes(l.text));
    let address = link
      ? findEmail(decodeURIComponentSafe(link.url.replace(/^mailto:/i, '').split('?')[0] ?? ''))
      : null;
    if (address && findEmail(raw) === address) address = null;
    const line = (
      address && link?.text
        ? raw.replace(link.text, isPersonName(link.text) ? `${link.text}, ${address}` : address)
        : raw
    )
      // Remarks in parentheses (`(Monday to Friday, 8 a.m. to 5 p.m.)`) are not contact data; an
      // area code `(512)` is.
      .replace(/ ?\((?=[^)]{0,120}\p{L})(?![^)]{0,120}@)[^()]{1,120}\)/gu, '');
    const stripped = splitRunOn(stripContactLabel(splitGluedWords(separateGlued(line, joined[r - 1]))));
    if (!stripped || AUDIENCE_ONLY.test(stripped)) {
      fresh = true;
      continue;
    }
    for (const piece of stripped.split(
      / ?[|;] ?| \/\/ |, (?![A-Z][a-z]{0,3}\.?$)(?!Inc\b|LLC\b|Ltd\b|Corp\b|S\.A\.)/,
    )) {
      // A phone's label may follow its number (`512-555-0100 Office`).
      let p = piece.trim().replace(PHONE_LABEL, '').replace(LABEL_AFTER_PHONE, '');
      const audience = AUDIENCE_LABEL.exec(p);
      if (audience) {
        fresh = true;
        p = p.slice(audience[0].length);
      }
      p = p.replace(EMAIL_LABEL, '');
      if (!p || AUDIENCE_ONLY.test(p)) {
        if (p) fresh = true;
        continue;
      }
      if (CONNECTIVE.test(p)) continue;
      // `Jane Doe +1 (202) 555-0141 https://acme.com`: a name, a phone and a website run together.
      const phone = findPhone(p);
      if (phone) {
        const at = p.indexOf(phone);
        const before = p.slice(0, at).trim();
        if (at > 0 && isPersonName(before)) {
          pieces.push({ text: before, fresh });
          fresh = false;
          p = p.slice(at).trim();
        }
        p = p.replace(/\s(?:https?:\/\/|www\.)\S+$/i, '');
      }
      if (!ROLE.test(p) && !isJobTitle(p) && !/^(?:Visit us on social media|Follow us)\b/i.test(p)) {
        pieces.push({ text: p, fresh });
        fresh = false;
      }
    }
  }
  for (const piece of pieces) {
    const p = piece.text;
    if (piece.fresh && (cur.email || cur.phone)) push();
    const email = findEmail(p);
    if (email && !isContactAddress(email)) continue;
    if (email) {
      if (cur.email) push();
      cur.email = email;
      continue;
    }
    const phone = findPhone(p);
    if (
      phone &&
      p
        .replace(phone, '')
        .replace(/\b(?:or|at|and)\b/g, '')
        .replace(/[^\p{L}]/gu, '').length < 4
    ) {
      if (cur.phone && !cur.email) push();
      cur.phone ??= phone;
      continue;
    }
    // A website (`https://…`, `www.acme.com`, `acme.com`) is not a contact's organization.
    if (/^(?:https?:\/\/|www\.)/i.test(p) || /^[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.[a-z]{2,24}(?:\/\S*)?$/.test(p))
      continue;
    // `Walter Kaminski of Lakeshore Appliance`, `Fernhill: Daniel Osei`, `Lumora AI: Noa Levi`: a
    // person and their organization (what stands before the colon labels the person after it).
    const of = /^(\S.{2,60}?) (?:of|at|from|with|de|di|von|bei|chez) (?:the )?(\p{Lu}.{1,80})$/u.exec(p);
    const labelled = /^([^:：]{2,60})[:：] ?(\S.{1,60})$/.exec(p);
    const pair =
      of?.[1] && of[2] && isPersonName(of[1])
        ? { name: of[1], organization: of[2] }
        : labelled?.[1] && labelled[2] && isPersonName(labelled[2])
          ? { name: labelled[2], organization: labelled[1] }
          : null;
    if (pair) {
      if (cur.name) push();
      cur.name = pair.name;
      cur.organization ??= pair.organization;
      continue;
    }
    if (isPersonName(p)) {
      // Two name-like lines in a row: the second is the organization (`Jane Doe` / `Acme Farms`).
      if (cur.name && !cur.email && !cur.phone && !cur.organization) {
        cur.organization = p;
        continue;
      }
      if (cur.name) push();
      cur.name = p;
      continue;
    }
    if (!cur.organization && !looksLikeSentence(p) && !p.endsWith(':')) {
      if (cur.name || cur.email || cur.phone || out.length === 0) cur.organization = p;
    }
  }
  push();
  return out;
}

/**
 * Words a scraper ran together when it dropped the line breaks of a contact block: a name run into
 * the job title after it (`Nicholas LevichChief Marketing Officer`) or a legal form run into the
 * name after it (`Check, LLPJonathan Naji`), or the label written after a phone number run into the
 * address after it (`512-555-0100 OfficeEditor@acme.com`). A `, ` is put at the seam. Only these
 * seams count: brand names are written in camel case too (`MetaMetrics`, `OpenStack`).
 */
const GLUED_SEAM = new RegExp(
  String.raw`(?<=\p{Ll}{2})(?=(?:Chief|Vice|Senior|Executive|Director|President|Manager|Head|Founder|Co-Founder|Partner|Officer|Spokesperson|Media|Investor|Public|Communications|Marketing)\b)|(?<=\b(?:LLP|LLC|Inc\.?|Ltd\.?|Corp\.?|PLC|GmbH|LP))(?=\p{Lu}\p{Ll})|(?<=\d (?:${PHONE_KINDS}))(?=\p{Lu}[\w.%+'-]{0,64}@)`,
  'gu',
);

function splitGluedWords(line: string): string {
  return line.replace(GLUED_SEAM, ', ');
}

/**
 * A contact written as one run of words (flattened text: `Acme Corp. Jane Doe, CEO 705-555-0196
 * jane@acme.com`) is cut before each email and phone number and after a legal suffix, with `|`.
 */
function splitRunOn(line: string): string {
  if (line.length < 40 || line.includes('|')) return line;
  const cuts = new Set<number>();
  for (const m of line.matchAll(/[A-Za-z0-9._%+'-]{1,64}@/g)) cuts.add(m.index ?? 0);
  for (const m of line.matchAll(PHONE_ALL)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 7 && digits <= 16) cuts.add(m.index ?? 0);
  }
  for (const m of line.matchAll(
    /\b(?:Inc|Corp|Ltd|LLC|plc|GmbH|AG|SA|S\.A|Co|Limited|Corporation)\.? (?=\p{Lu}\p{Ll})/gu,
  ))
    cuts.add((m.index ?? 0) + m[0].length);
  let out = '';
  let last = 0;
  for (const at of [...cuts].sort((a, b) => a - b)) {
    if (at <= last || line.charAt(at - 1) !== ' ') continue;
    out += line.slice(last, at).trimEnd() + ' | ';
    last = at;
  }
  return out + line.slice(last);
}

/**
 * Mailboxes that reach no one: a document to request (`prospectus@bank.com`, where an offering's
 * prospectus may be obtained) or an automated sender (`donotreply@`, `noreply@`, `bounces@`).
 */
const NOT_A_CONTACT_MAILBOX =
  /^(?:prospectus(?:es)?|prospectus[._-]?(?:requests?|dept|department)|(?:do[._-]?not|no)[._-]?reply|unsubscribe|bounces?|mailer[._-]?daemon|postmaster)@/;

/** An offering's documents a sentence tells the reader to obtain (`a copy of the prospectus`, `offering memorandum`). */
const OFFERING_DOCUMENT = /\b(?:prospectus(?:es)?|offering (?:circular|memorandum))\b/i;

/** True for an address a reader can write to about the release (not a prospectus or no-reply mailbox). */
export function isContactAddress(email: string): boolean {
  return !NOT_A_CONTACT_MAILBOX.test(email);
}

/**
 * Words that give the address after them as a way to reach someone: `email (us) (at)`, `contact`,
 * `write to`, `RSVP to`, `send your questions to`, `submit entries to`, `request a kit at`, `ask for a copy at`,
 * `correo`, `kontaktieren`.
 */
const REACH_CUE =
  /\b(?:e-?mail(?:ing)?|courriel|contact(?:ing)?|connect(?:ing)? with|get in touch(?: with)?|(?:speak|talk)(?:ing)? (?:with|to)|writ(?:e|ing) to|reach(?:ed)?|inquiries|enquiries|questions|rsvp|(?:send|forward|submit|direct)(?:s|ing|ed|ted)? (?:[^\s.!?@]+ ){0,6}?to|(?:request|ask|inquire|enquire)(?:s|d|ed|ing)? (?:[^\s.!?@]+ ){0,6}?(?:at|to|from|via)|correo(?: electrónico)?|kontakt(?:ieren)?)\b[^.!?@]{0,40}$/i;
/**
 * An `Email:` or `Mail:` label a scraper ran into the word or field before it (`Jane RoeEmail: jane@`,
 * `+1 555 010 0100Email: jane@`, `acme.com/Mail: ir@`).
 */
const GLUED_EMAIL_LABEL = /[\p{L}\d/)](?:E-?mail|Mail):\s?$/u;
/**
 * A contact label a flattened or wrapped text left inside a paragraph, the contact's name, title and
 * organization between it and the address (`MEDIA CONTACT: Jane Roe, Director of Sales Acme
 * Corporation jane@`); the label may be run into the word before it (`The BoardContact: Jane Roe`)
 * and the lines after it may carry an abbreviation's full stop (`Dr. Jane Roe`, `T. +49 …`), but no
 * sentence ends between (see SENTENCE_END).
 */
const CONTACT_LABEL_CUE =
  /(?:\b|(?<=\p{Ll}))(?:(?:(?:[Mm]edia|[Pp]ress|PR|[Ii]nvestor) )?[Cc]ontacts?|CONTACTS?|(?:[Ii]nvestor|[Mm]edia|[Pp]ress|[Pp]ublic) [Rr]elations|(?:INVESTOR|MEDIA|PRESS|PUBLIC) RELATIONS):([^!?@:]{0,150})$/u;
/** A sentence's end: a word of two lower-case letters or more, its stop and a capital (`…the city. The`). */
const SENTENCE_END = /\p{Ll}{2}[.!?]["”]?\s+["“]?\p{Lu}|\p{Ll}{2}[.!?]["”]?\s*$/u;

function contactLabelCue(wide: string): boolean {
  const m = CONTACT_LABEL_CUE.exec(wide);
  return !!m && !SENTENCE_END.test(m[1] ?? '');
}

/**
 * Contacts from the addresses a sentence of the body or an About section gives as a way to reach
 * someone (`Stakeholders with questions may call … or email at team@agent.com`, `For more
 * information, visit acme.com or email info@acme.com`): an address with a cue to write to it
 * shortly before it in the same sentence. Only the text around each `@` is read.
 */
export function sentenceContacts(written: string): Contact[] {
  const text = separateAddresses(written);
  const out: Contact[] = [];
  let lastEnd = -1;
  for (let at = text.indexOf('@'); at >= 0 && out.length < 20; at = text.indexOf('@', at + 1)) {
    const from = Math.max(0, at - 65);
    const window = text.slice(from, at + 120);
    const m = [...window.matchAll(EMAIL_ALL)].find((x) => from + (x.index ?? 0) + x[0].length > at);
    if (!m || from + (m.index ?? 0) > at) continue;
    const start = from + (m.index ?? 0);
    // (the words before it read too, for what a scraper ran into it: `Connect with usir@`)
    const email = findEmail(m[0].slice(gluedLead(text, start, m[0])));
    if (!email || !isContactAddress(email)) continue;
    // (`Copies of the prospectus may be obtained… Alternatively, contact Acme Securities… by email at
    // ecm@`): an address to request an offering's documents at, in its sentence or the one before, reaches no one.
    const lastTwo = text
      .slice(Math.max(0, start - 600), start)
      .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
      .slice(-2)
      .join(' ');
    if (OFFERING_DOCUMENT.test(lastTwo)) continue;
    const before = text.slice(Math.max(0, start - 80), start);
    const wide = text.slice(Math.max(0, start - 170), start);
    // An address listed right after one given so (`jane@acme.com or ir@acme.com`) is given so too, also
    // after the next person's name and a dash (`Contact: Jane Roe – jane@acme.com, Dr. Raj Patel – raj@…`).
    const listed =
      lastEnd >= 0 && /^\s?(?:[,;|/\-–—]|or|and)?\s?(?:[\p{L}.'’ ]{1,40} [-–—:] ?)?$/u.test(text.slice(lastEnd, start));
    if (REACH_CUE.test(before) || GLUED_EMAIL_LABEL.test(before) || contactLabelCue(wide) || listed) {
      out.push({ name: null, organization: null, email, phone: null });
      lastEnd = start + m[0].length;
    }
  }
  return out;
}

/**
 * A contact from a mailto link: the link text is the name unless it is an address, which is then
 * the contact's address as the reader reads it (`<a href="mailto:old@x.com">new@x.com</a>`).
 */
export function contactFromMailto(href: string, text: string | null): Contact | null {
  const addr = decodeURIComponentSafe(href.replace(/^mailto:/i, '').split('?')[0] ?? '');
  const email = findEmail(text ?? '') ?? findEmail(addr);
  if (!email || !isContactAddress(email)) return null;
  const label = (text ?? '').trim();
  const name = label && !findEmail(label) && isPersonName(label) ? label : null;
  return { name, organization: null, email, phone: null };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Merges contacts: one per email (the richer entry wins field by field); contacts without email kept. */
export function dedupeContacts(contacts: Contact[]): Contact[] {
  const out: Contact[] = [];
  const byEmail = new Map<string, Contact>();
  for (const c of contacts) {
    if (!c.email) {
      if (!out.some((o) => !o.email && o.name === c.name && o.phone === c.phone)) out.push({ ...c });
      continue;
    }
    const prev = byEmail.get(c.email);
    if (prev) {
      prev.name ??= c.name;
      prev.organization ??= c.organization;
      prev.phone ??= c.phone;
      continue;
    }
    const copy = { ...c };
    byEmail.set(c.email, copy);
    out.push(copy);
  }
  return out;
}

/**
 * Weighing the issuer candidates the grammar proposes against each other, with evidence from other
 * parts of the release (the headline, the About sections, the lead's first sentence).
 */
import type { Link } from '../record';
import { isPersonName } from './contacts';
import { sameOrganization } from './lead';
import { escapeRegExp } from './regex';
import { wireMentioned, wireOfLink } from './wires';

/** An honorific opening a person's name (`Dr. Jane Roe`). */
const PERSON_TITLE = /^(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sir|Dame|Rev)\.?\s/;

/** Legal forms an organization's initials leave out (`New Enterprise Associates, Inc.` → `nea`). */
const LEGAL_FORM =
  /^(?:Inc|LLC|LLP|LP|Ltd|Limited|Corp|Corporation|Co|Company|PLC|plc|GmbH|AG|SA|NV|BV|AB|ASA|Pty|Pte)\.?,?$/;

/** A name's letters and digits in lower case, a leading `The` dropped (`The Acme-Works` → `acmeworks`). */
function compact(name: string): string {
  return name
    .replace(/^The\s/i, '')
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/** The initials of a name's capitalised words (`New Enterprise Associates` → `nea`). */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !LEGAL_FORM.test(w))
    .map((w) => w.charAt(0).toLowerCase())
    .join('');
}

/**
 * The upper-case initials an organization is called by (`Acme Tourism Board` → `ATB`, `Society of
 * Acme Makers, Inc.` → `SAM`): its capitalised words' first letters, legal forms left out.
 */
export function initialsOf(name: string): string {
  return initials(name).toUpperCase();
}

/**
 * Whether two names may be one organization written shorter or longer: one's letters open with the
 * other's first word (`Acme Reinsurance Company` / `AcmeRe`, `Acme` / `Acme Robotics`), or one is
 * the other's initials (`New Enterprise Associates` / `NEA`).
 */
function maySpellOneOrganization(a: string, b: string): boolean {
  const first = (n: string) => compact(n.replace(/^The\s/i, '').split(/[\s,]+/)[0] ?? '');
  const [ca, cb, fa, fb] = [compact(a), compact(b), first(a), first(b)];
  if (!ca || !cb) return true;
  if ((fa.length >= 2 && cb.startsWith(fa)) || (fb.length >= 2 && ca.startsWith(fb))) return true;
  return (initials(a).length >= 2 && cb === initials(a)) || (initials(b).length >= 2 && ca === initials(b));
}

/** The headline opens with the name (`Acme Launches…`, `Acme: …`, `Acme’s…`). */
function opensHeadline(title: string, name: string): boolean {
  for (const n of [name, name.replace(/^The\s/, '')]) {
    if (title.startsWith(n) && /^(?:$|[\s:,’']|['’]s\b)/u.test(title.slice(n.length))) return true;
  }
  return false;
}

/**
 * A lead that opens on its topic rather than its issuer (`Bitcoin has hit a record high…` under
 * `Acme Poised to Help Investors as Bitcoin Surges`, `About Acme`): when the lead's subject has no
 * About section and the headline opens with an organization an About section describes, which the
 * lead's first sentence does not name (the issuer acting on it would: `Beta launched Acme.org…`),
 * that organization is the issuer. Two spellings of one organization (`Acme Reinsurance` / `AcmeRe`,
 * `NEA`) are never weighed against each other.
 */
export function topicalLeadIssuer(
  title: string | null,
  lead: string,
  leadSubject: string,
  abouts: readonly string[],
): string | null {
  if (!title || opensHeadline(title, leadSubject)) return null;
  const subject = compact(leadSubject);
  if (abouts.some((a) => sameOrganization(a, leadSubject) || compact(a).includes(subject))) return null;
  // (an About on a person, `About Dr. Jane Roe`, names no issuer)
  const named = abouts.find((a) => opensHeadline(title, a));
  if (!named || PERSON_TITLE.test(named) || maySpellOneOrganization(named, leadSubject)) return null;
  const sentence = /^.*?[.!?](?=\s+["“]?\p{Lu}|$)/su.exec(lead)?.[0] ?? lead;
  return compact(sentence).includes(compact(named)) ? null : named;
}

/**
 * A lead whose subject is a person the next sentence goes on about (`Jane Roe is to become chair of
 * Acme’s board. She succeeds…`, `Jane Roe has joined Acme as CFO. Her appointment…`): the person is
 * the news, not the issuer; the organization of the release's only About section is.
 */
export function personLeadIssuer(lead: string, leadSubject: string, abouts: readonly string[]): string | null {
  const about = abouts.length === 1 ? abouts[0] : undefined;
  if (!about || !isPersonName(leadSubject) || PERSON_TITLE.test(about)) return null;
  if (sameOrganization(about, leadSubject)) return null;
  const next = /^.*?[.!?](?:\s+)(\S+)/su.exec(lead)?.[1] ?? '';
  return /^(?:He|She|His|Her)$/.test(next) ? about : null;
}

/**
 * Whether the lead's subject is a person: a person's name (`Jane Roe`, `Dr. Ann Lee`) that the first
 * two paragraphs go on about with a personal pronoun (`…has built kitchens. Her shop…`). A name of
 * capitalised words only (`Harbor Cabinet Works`) reads like a person's too, the pronoun tells them apart.
 */
export function personSubject(subject: string, paragraphs: readonly string[]): boolean {
  return (
    isPersonName(subject) &&
    /\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)\b/.test(paragraphs.slice(0, 2).join(' '))
  );
}

/** A host's registrable label: `www.acme-robotics.co.uk` → `acmerobotics`, `mail.acme.com` → `acme`. */
function hostLabel(host: string): string | null {
  const parts = host.toLowerCase().replace(/\.$/, '').split('.');
  if (parts.length < 2) return null;
  // A country's second-level domain (`co.uk`, `com.au`) holds the name one label higher.
  const second = parts[parts.length - 2] ?? '';
  const at =
    parts.length >= 3 && /^(?:co|com|org|net|ac|gov|edu|or|ne)$/.test(second) ? parts.length - 3 : parts.length - 2;
  const label = (parts[at] ?? '').replace(/[^a-z0-9]/g, '');
  return label.length >= 2 ? label : null;
}

/**
 * The registrable labels of the release's own addresses (`acme` for `press@acme.com`,
 * `https://www.acme.com/`, `visit acme.com`): contact e-mails, links, and web addresses written in
 * the given texts. A wire's or distributor's own site is none.
 */
export function ownDomainLabels(emails: readonly string[], links: readonly Link[], texts: readonly string[]): string[] {
  const hosts: string[] = [];
  for (const e of emails) hosts.push(e.slice(e.lastIndexOf('@') + 1));
  for (const l of links) {
    const m = /^https?:\/\/([^/?#:]+)/i.exec(l.url);
    if (m?.[1] && !wireOfLink(l.url)) hosts.push(m[1]);
  }
  for (const t of texts) {
    for (const m of t.matchAll(
      /(?<![\w.@/-])(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:com|org|net|io|co|ai|app|uk|de|eu|us|ca|au))(?![\w-])/gi,
    )) {
      if (m[1] && !wireOfLink(`https://${m[1]}/`)) hosts.push(m[1]);
    }
  }
  const labels = hosts.map(hostLabel).filter((l): l is string => !!l);
  return labels.filter((l, i) => labels.indexOf(l) === i);
}

/**
 * The organization a closing call to action names (`Find out more about Acme – acme.com`, `Learn more
 * about Acme Works at www.acmeworks.com`, `For more information about Acme, visit…`), in the last
 * paragraphs, when one of the release's own domains spells it; else null.
 */
export function callToActionOrganization(paragraphs: readonly string[], ownDomains: readonly string[]): string | null {
  const invitation =
    /(?:(?:Find out|Learn|Read|Discover) more about|(?:For )?more information (?:about|on)) ((?:[\p{Lu}\d][\p{L}\d&.'’-]*)(?: (?:[\p{Lu}\d][\p{L}\d&.'’-]*|of|and|for|&)){0,5})/gu;
  for (const p of paragraphs.slice(-4).reverse()) {
    for (const m of p.matchAll(invitation)) {
      const name = (m[1] ?? '').replace(/[.,]$/, '');
      const core = compact(name);
      if (core.length >= 3 && ownDomains.some((d) => d === core || (d.startsWith(core) && d.length - core.length <= 3)))
        return name;
    }
  }
  return null;
}

/** A passive verb and its agent's preposition, in the languages releases come in (`introduced by`, `présenté par`). */
const PASSIVE_AGENT = new RegExp(
  String.raw`\b(?:(?:introduced|presented|hosted|unveiled|launched|organi[sz]ed|developed|created|released|offered|produced|sponsored|brought to you) by|(?:présentée?s?|organisée?s?|lancée?s?|développée?s?|proposée?s?) par|(?:presentad[oa]s?|organizad[oa]s?|lanzad[oa]s?|desarrollad[oa]s?|ofrecid[oa]s?) por|(?:präsentiert|veranstaltet|entwickelt|organisiert) von) (?:the |la |le |l['’]|el )?((?:[\p{Lu}\d][\p{L}\d&.'’-]*)(?: (?:[\p{Lu}\d][\p{L}\d&.'’-]*|of|and|for|de|&)){0,5})`,
  'gu',
);

/**
 * The issuer a lead names only as a passive verb's agent (`…a new film, proudly introduced by Acme
 * Films, promises…`, `…un spectacle présenté par Acme Théâtre…`), in the first two sentences, when
 * the headline or a later paragraph names it too (its first word); else null.
 */
export function passiveAgentOrganization(title: string | null, paragraphs: readonly string[]): string | null {
  const lead = paragraphs[0] ?? '';
  const opening = /^(?:.*?[.!?](?:\s+(?=["“]?\p{Lu})|\s*$)){1,2}/su.exec(lead)?.[0] ?? lead;
  const elsewhere = [title ?? '', ...paragraphs.slice(1, 6)].join('\n');
  for (const m of opening.matchAll(PASSIVE_AGENT)) {
    const name = (m[1] ?? '').replace(/[.,]+$/, '').replace(/ (?:of|and|for|de|&)$/, '');
    const first = name.split(' ')[0] ?? '';
    if (first.length < 3 || name.split(' ').length > 6) continue;
    if (new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(first)}(?![\\p{L}])`, 'iu').test(elsewhere)) {
      return name;
    }
  }
  return null;
}

/** `This announcement was originally published by Acme.` / `First issued by Acme Group on its site`. */
const REPUBLISHED_BY =
  /\b(?:[Oo]riginally|[Ff]irst) (?:published|issued|released|posted|distributed) by (?:the )?(\p{Lu}[\p{L}\p{N}'’&.-]*(?: (?:\p{Lu}[\p{L}\p{N}'’&.-]*|&|and|of|for|the)){0,6})(?=[.,;:]?(?:\s|$))/u;

/**
 * The organization a republishing note names as the one that first published the release (`This
 * announcement was originally published by Acme.`): the issuer, when nothing else names one. A wire
 * or a news site that first carried it is no issuer. Null otherwise.
 */
export function republishedBy(paragraphs: readonly string[]): string | null {
  for (const p of paragraphs) {
    // (a sentence ends after the name: `…published by Acme. Read the original.`)
    const name = REPUBLISHED_BY.exec(p)?.[1]
      ?.split(/\.\s/)[0]
      ?.replace(/\.$/, '')
      .replace(/(?: (?:&|and|of|for|the))+$/, '');
    if (name && !wireMentioned(name)) return name;
  }
  return null;
}

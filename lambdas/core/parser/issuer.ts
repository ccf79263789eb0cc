/**
 * Weighing the issuer candidates the grammar proposes against each other, with evidence from other
 * parts of the release (the headline, the About sections, the lead's first sentence).
 */
import { sameOrganization } from './lead';

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

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
const LEAD_VERB = String.raw`(?:(?:today|recently|has|have|will|on \w+day|this week|yesterday) )?(?:announced|announces|said|says|reported|reports|launched|launches|introduced|introduces|unveiled|unveils|declared|declares|named|names|appointed|appoints|completed|completes|signed|signs|opened|opens|released|releases|agreed|agrees|entered|enters|expanded|expands|acquired|acquires|commissioned|closed|closes|received|receives|won|added|adds|celebrated|celebrates|filed|files|priced|prices|began|begins|started|starts|issued|issues|published|publishes|confirmed|confirms|debuted|debuts|revealed|reveals|partnered|partners|selected|selects|delivered|delivers|secured|secures|raised|raises|anunció|anuncia|annonce|a annoncé|gab heute bekannt|hat heute|gibt bekannt|anunciou|anuncia|ha annunciato|annuncia|heeft vandaag)\b`;

const LEGAL =
  /^(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|AG|SA|S\.A|SE|NV|N\.V|GmbH|AB|ASA|LP|L\.P|Holdings|Group)\.?,?$/;
const CONNECTOR = /^(?:&|and|of|for|de|the)$/;

/**
 * The organization the lead is about, only when the text makes it unambiguous: a capitalized name
 * followed by a ticker parenthesis, an appositive (`, a leader…`, `, the …`) or `today announced`,
 * and either a legal suffix or a ticker. Otherwise null — a guess is worse than nothing.
 */
export function leadOrganization(lead: string): string | null {
  const words = lead.slice(0, 300).split(' ');
  let count = 0;
  let end = 0;
  let pos = 0;
  let legal = false;
  for (let i = 0; i < words.length && count < 9; i++) {
    const w = words[i] ?? '';
    const bare = w.replace(/,$/, '');
    const wordEnd = pos + bare.length;
    pos += w.length + 1;
    if (count > 0 && LEGAL.test(bare)) {
      end = wordEnd;
      legal = true;
      break;
    }
    const capital = /^[\p{Lu}\d][\p{L}\d&.'’-]*$/u.test(bare);
    if (!capital && !(count > 0 && CONNECTOR.test(bare))) break;
    count++;
    if (capital) end = wordEnd;
    // `Acme Robotics, Inc.` continues after the comma; `Acme Robotics, a leader` ends there.
    if (w.endsWith(',') && !LEGAL.test((words[i + 1] ?? '').replace(/,$/, ''))) break;
  }
  if (end === 0) return null;
  const org = lead.slice(0, end);
  if (/^(?:The|Today|On|In|A|An|This|Our|We|As|At|For|With|After|During)\b/.test(org)) return null;
  const after = lead.slice(end).replace(/^,?\s?/, '');
  const hasTicker = /^\((?:NASDAQ|Nasdaq|NYSE|TSX|TSXV|OTC|OTCQB|OTCQX|ASX|LSE|AIM|CSE|HKEX|SGX)[^)]{0,40}:/.test(
    after,
  );
  const announced = new RegExp(String.raw`^(?:\([^)]{0,60}\)\s?,?\s?)?${LEAD_VERB}`).test(after);
  const appositive = /^(?:\([^)]{0,60}\)\s?,?\s?)?(?:a|an|the)\s/.test(after);
  if (hasTicker || announced || (legal && appositive)) return org;
  return null;
}

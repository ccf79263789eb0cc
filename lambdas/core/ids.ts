import { createHash } from 'node:crypto';

/** Query parameters that only track a click and never change which release a URL names. */
const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|yclid|igshid|ref|cmp|src)$/i;

/**
 * Canonical form of a release URL: scheme and host lower-cased, default port, fragment and tracking
 * parameters dropped, remaining parameters sorted. Returns null for anything that is not http(s).
 */
export function canonicalizeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase();
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAMS.test(k));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  return u.toString();
}

/** Hex SHA-256 of a string or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface IdParts {
  url?: string | null;
  guid?: string | null;
  wire?: string | null;
  dateline?: string | null;
  title?: string | null;
  firstParagraph?: string | null;
}

/**
 * The stable id of a release: from its canonical URL, else its feed GUID, else a hash of
 * wire + dateline + title + first paragraph. The prefix says which (`u`, `g`, `h`), so the same
 * release seen twice through the same route always gets the same id.
 */
export function releaseId(parts: IdParts): string {
  // releaseIdCandidates(parts)[0], without hashing the candidates after the first.
  const url = canonicalizeUrl(parts.url);
  if (url) return urlReleaseId(url);
  const guid = parts.guid?.trim();
  return guid ? guidReleaseId(guid) : hashReleaseId(parts);
}

/**
 * Every id a release could have, in the order of preference of releaseId: the canonical-URL id
 * (when there is a URL), the GUID id (when there is a GUID), and always last the hash id. The feed
 * reader (core/feed/itemIds) picks among them by the rules for feed items.
 */
export function releaseIdCandidates(parts: IdParts): string[] {
  const ids: string[] = [];
  const url = canonicalizeUrl(parts.url);
  if (url) ids.push(urlReleaseId(url));
  const guid = parts.guid?.trim();
  if (guid) ids.push(guidReleaseId(guid));
  ids.push(hashReleaseId(parts));
  return ids;
}

/** Text as compared for identity: whitespace collapsed, trimmed, lower-cased (null → ''). */
export function normalizedText(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The `u-` id of a release URL (canonicalized here; an already canonical URL is unchanged). */
export function urlReleaseId(url: string): string {
  return `u-${sha256Hex(canonicalizeUrl(url) ?? url).slice(0, 32)}`;
}

/**
 * The `g-` id of a feed GUID. With `title`, the id of an item whose GUID is repeated by items with
 * other titles in the same feed: GUID + normalized title, so each keeps an id of its own content.
 */
export function guidReleaseId(guid: string, title?: string | null): string {
  const basis = title === undefined ? guid.trim() : `${guid.trim()}\n${normalizedText(title)}`;
  return `g-${sha256Hex(basis).slice(0, 32)}`;
}

/** The `h-` id: hash of wire + dateline + title + first paragraph, each normalized. */
export function hashReleaseId(parts: IdParts): string {
  const basis = [parts.wire, parts.dateline, parts.title, parts.firstParagraph].map(normalizedText).join('\n');
  return `h-${sha256Hex(basis).slice(0, 32)}`;
}

/** Stable id of a feed: from its canonical URL. */
export function feedId(url: string): string {
  return `f-${sha256Hex(canonicalizeUrl(url) ?? url.trim()).slice(0, 16)}`;
}

/**
 * The normalized press-release record, schema v1 — the contract of `newswire parse` and of the
 * items stored in the Articles table (see docs/record.md). Unknown values are `null` (or `[]`
 * for lists), never a guess.
 */
export const SCHEMA_VERSION = 1 as const;

export interface FeedRef {
  id: string;
  url: string;
}
export interface Wire {
  /** Canonical wire name: `PR Newswire`, `Business Wire`, `GlobeNewswire`, … */
  name: string;
  /** The tag exactly as written: `PRNewswire-FirstCall`, `BUSINESS WIRE`, … */
  tag: string;
}
export interface Dateline {
  /** The whole dateline as written. */
  text: string;
  /** The place part exactly as written (`BEIJING`, `AUSTIN, Texas`). */
  location: string | null;
  /** ISO `YYYY-MM-DD`, only when the dateline itself carries a full date. */
  date: string | null;
}
export interface Place {
  city: string | null;
  region: string | null;
  /** ISO 3166 alpha-2 where known. */
  country: string | null;
}
export interface Ticker {
  exchange: string;
  symbol: string;
}
export interface Contact {
  name: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
}
export interface Body {
  text: string;
  paragraphs: string[];
  wordCount: number;
}
export interface AboutSection {
  organization: string | null;
  text: string;
}
export interface Link {
  url: string;
  text: string | null;
}
export interface RawRef {
  feedKey: string | null;
  articleKey: string | null;
  sha256: string | null;
}

export interface PressReleaseRecord {
  schemaVersion: typeof SCHEMA_VERSION;
  parserVersion: string;
  id: string;
  url: string | null;
  feed: FeedRef | null;
  guid: string | null;
  title: string | null;
  subtitle: string | null;
  summary: string | null;
  wire: Wire | null;
  dateline: Dateline | null;
  place: Place | null;
  publishedAt: string | null;
  source: string | null;
  tickers: Ticker[];
  contacts: Contact[];
  body: Body;
  about: AboutSection[];
  attribution: string | null;
  language: string | null;
  links: Link[];
  raw: RawRef | null;
  fetchedAt: string | null;
  revision: number;
  /**
   * Why this revision exists: the wire changed the content (`correction`), a newer parser re-read the
   * same raw bytes (`reparse`, `newswire reprocess`), or only the URL moved (`moved`); null on revision 1.
   */
  revisionReason: RevisionReason | null;
  /** What the parser could not find or had to fall back on (see RECORD_WARNINGS); `[]` when clean. */
  warnings: RecordWarning[];
}

/** Why a revision after the first exists (see PressReleaseRecord.revisionReason). */
export const REVISION_REASONS = ['correction', 'reparse', 'moved'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

/**
 * The warnings a record may carry. `fallback-text-only` marks a degraded record: the parser failed
 * and only the plain text was kept. A degraded record never replaces a stored one that is not.
 */
export const RECORD_WARNINGS = [
  'no-title',
  'no-dateline',
  'no-wire',
  'no-source',
  'no-body',
  'truncated',
  'fallback-text-only',
] as const;
export type RecordWarning = (typeof RECORD_WARNINGS)[number];

/** A degraded record: what a failed parse kept (plain text only). */
export function isDegraded(record: Pick<PressReleaseRecord, 'warnings'>): boolean {
  return (record.warnings ?? []).includes('fallback-text-only');
}

/** The top-level field names of a record, in contract order (used to print and to validate). */
export const RECORD_FIELDS = [
  'schemaVersion',
  'parserVersion',
  'id',
  'url',
  'feed',
  'guid',
  'title',
  'subtitle',
  'summary',
  'wire',
  'dateline',
  'place',
  'publishedAt',
  'source',
  'tickers',
  'contacts',
  'body',
  'about',
  'attribution',
  'language',
  'links',
  'raw',
  'fetchedAt',
  'revision',
  'revisionReason',
  'warnings',
] as const satisfies readonly (keyof PressReleaseRecord)[];

import type { FeedItem } from './feed/types';
import { canonicalizeUrl, releaseId, sha256Hex } from './ids';
import { PARSER_VERSION, type ParsedRelease, warningsOf } from './parser';
import {
  type FeedRef,
  isDegraded,
  type PressReleaseRecord,
  RECORD_FIELDS,
  type RawRef,
  SCHEMA_VERSION,
} from './record';

/** Where a parsed release came from: the facts the parser cannot see in the content. */
export interface RecordContext {
  feed: FeedRef | null;
  /** The feed item this release came through, if any. */
  item: FeedItem | null;
  /** URL the page was fetched from. */
  url: string | null;
  raw: RawRef | null;
  fetchedAt: string | null;
  /** Default 1. */
  revision?: number;
}

/**
 * Builds the schema-v1 record from a parsed release and its context. The feed item wins where it
 * has already decided something (id, link, title, summary, date): the poll step computed the id
 * from it, and the same release must keep the same id whichever route it is parsed through.
 */
export function buildRecord(parsed: ParsedRelease, ctx: RecordContext): PressReleaseRecord {
  const item = ctx.item;
  const id =
    item?.id ||
    releaseId({
      url: parsed.canonicalUrl ?? ctx.url,
      guid: parsed.guid,
      wire: parsed.wire?.name,
      dateline: parsed.dateline?.text,
      title: parsed.title,
      firstParagraph: parsed.body.paragraphs[0] ?? null,
    });
  const title = parsed.title ?? item?.title ?? null;
  const record: PressReleaseRecord = {
    schemaVersion: SCHEMA_VERSION,
    parserVersion: PARSER_VERSION,
    id,
    url: canonicalizeUrl(item?.link ?? parsed.canonicalUrl ?? ctx.url),
    feed: ctx.feed ? { id: ctx.feed.id, url: ctx.feed.url } : null,
    guid: item ? item.guid : parsed.guid,
    title,
    subtitle: parsed.subtitle,
    summary: item?.summary ?? parsed.summary,
    wire: parsed.wire ? { name: parsed.wire.name, tag: parsed.wire.tag } : null,
    dateline: parsed.dateline ? { ...parsed.dateline } : null,
    place: parsed.place ? { ...parsed.place } : null,
    publishedAt: item?.publishedAt ?? parsed.publishedAt,
    source: parsed.source,
    tickers: parsed.tickers.map((t) => ({ exchange: t.exchange, symbol: t.symbol })),
    contacts: parsed.contacts.map((c) => ({
      name: c.name,
      organization: c.organization,
      email: c.email,
      phone: c.phone,
    })),
    body: { text: parsed.body.text, paragraphs: [...parsed.body.paragraphs], wordCount: parsed.body.wordCount },
    about: parsed.about.map((a) => ({ organization: a.organization, text: a.text })),
    attribution: parsed.attribution,
    language: parsed.language,
    links: parsed.links.map((l) => ({ url: l.url, text: l.text })),
    raw: ctx.raw ? { feedKey: ctx.raw.feedKey, articleKey: ctx.raw.articleKey, sha256: ctx.raw.sha256 } : null,
    fetchedAt: ctx.fetchedAt,
    revision: ctx.revision ?? 1,
    // The store decides it when it writes a later revision (correction, moved, reparse).
    revisionReason: null,
    warnings: [],
  };
  // Judged on the record, so what the feed item supplied (its title) is not reported missing.
  record.warnings = [...(isDegraded(parsed) ? (['fallback-text-only'] as const) : []), ...warningsOf(record)];
  // Contract order, so printed NDJSON and stored items always list fields the same way.
  const ordered = {} as Record<string, unknown>;
  for (const field of RECORD_FIELDS) ordered[field] = record[field];
  return ordered as unknown as PressReleaseRecord;
}

/**
 * Hash of what the release says — title, subtitle, dateline text, body text, about, contacts,
 * tickers, source, wire — and nothing about how or when it was fetched or parsed (parserVersion,
 * raw, fetchedAt, revision, feed). A re-fetch of the same release hashes the same; a correction
 * hashes differently and becomes a new revision.
 */
export function contentHash(record: PressReleaseRecord): string {
  const content = [
    record.title,
    record.subtitle,
    record.dateline?.text ?? null,
    record.body.text,
    record.about.map((a) => [a.organization, a.text]),
    record.contacts.map((c) => [c.name, c.organization, c.email, c.phone]),
    record.tickers.map((t) => [t.exchange, t.symbol]),
    record.source,
    record.wire ? [record.wire.name, record.wire.tag] : null,
  ];
  return sha256Hex(JSON.stringify(content));
}

/**
 * The one way a release's content becomes a stored record, shared by process-article (content just
 * fetched) and reprocess (content read back from the raw archive): parse, build, validate, and the
 * rule that a degraded parse never replaces a stored revision that is not degraded.
 */
import { buildRecord, type RecordContext } from '../core/buildRecord';
import { type ParsedRelease, type ParseInput, parseRelease } from '../core/parser';
import { isDegraded, type PressReleaseRecord } from '../core/record';
import { validateRecord } from '../core/recordSchema';

export type ParseFn = (input: ParseInput) => ParsedRelease;

/** Parses the content (default parser: `parseRelease`, which never throws) and builds the valid record. */
export function recordFromContent(
  parse: ParseFn | undefined,
  src: { content: string; url: string | null },
  ctx: RecordContext,
): PressReleaseRecord {
  const parsed = (parse ?? parseRelease)({ content: src.content, url: src.url });
  return validateRecord(buildRecord(parsed, ctx));
}

/**
 * True when `record` must not be stored over `stored`: a failed parse keeps only plain text; it may
 * be stored (nothing is lost), but it never replaces a revision that was parsed properly.
 */
export function keepsStoredRevision(record: PressReleaseRecord, stored: PressReleaseRecord | null): boolean {
  return isDegraded(record) && stored !== null && !isDegraded(stored);
}

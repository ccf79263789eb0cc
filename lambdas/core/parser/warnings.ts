import type { PressReleaseRecord, RecordWarning } from '../record';

/** A body that ends like a cut excerpt: an ellipsis, `[…]`, `(more)` or "Read more". */
const TRUNCATED_END = /(?:\.\.\.|…|\[(?:\.\.\.|…)\]|\((?:more|continued)\)|read more\W*)\s*$/i;

/**
 * What a release is missing, in RECORD_WARNINGS order (a degraded reading puts `fallback-text-only`
 * in front). It reads only the content fields, so the parser and the record builder (after the feed
 * item filled a gap, such as the title) judge the same fields the same way. `no-wire` is only
 * said of a release that has a dateline (a company newsroom text has neither, and says so with
 * `no-dateline`); `no-source` when neither a SOURCE line nor the lead named the issuer.
 */
export function warningsOf(
  r: Pick<PressReleaseRecord, 'title' | 'dateline' | 'wire' | 'source' | 'body'>,
): RecordWarning[] {
  const warnings: RecordWarning[] = [];
  if (!r.title) warnings.push('no-title');
  if (!r.dateline) warnings.push('no-dateline');
  if (!r.wire && r.dateline) warnings.push('no-wire');
  if (!r.source) warnings.push('no-source');
  if (r.body.paragraphs.length === 0) warnings.push('no-body');
  const last = r.body.paragraphs[r.body.paragraphs.length - 1];
  if (last && TRUNCATED_END.test(last)) warnings.push('truncated');
  return warnings;
}

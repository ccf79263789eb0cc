/** Human-readable output of the CLI: the ingest report and record tables. */
import type { PressReleaseRecord } from '../core/record';
import type { IngestReport } from './ingest';
import type { ItemCounts } from './itemTally';

const clip = (s: string | null | undefined, n: number) => {
  const t = (s ?? '—').replace(/\s+/g, ' ');
  return t.length > n ? t.slice(0, n - 1) + '…' : t.padEnd(n);
};

export function formatIngestReport(r: IngestReport, where: string): string {
  const fetched = r.feedResults.filter((f) => f.status === 'fetched').length;
  const notModified = r.feedResults.filter((f) => f.status === 'not-modified').length;
  const feedFailures = r.feedResults.filter((f) => f.status === 'failed');
  const lines = [
    `newswire ingest — ${where}`,
    `  feeds polled  ${r.feeds}  (${fetched} fetched, ${notModified} not modified, ${feedFailures.length} failed)`,
    `  items seen    ${r.itemsSeen}`,
    `  written       ${r.written}  (${r.created} new, ${r.revised} revised)`,
    `  unchanged     ${r.unchanged}`,
    ...(r.keptStored ? [`  kept stored   ${r.keptStored}  (degraded parse; the stored revision was kept)`] : []),
    `  failed        ${r.failed}`,
    ...(r.resumed.poll + r.resumed.article
      ? [`  resumed       ${r.resumed.poll + r.resumed.article}  (messages an interrupted run left in the queues)`]
      : []),
    `  items         ${itemLine(r.items)}`,
    ...(r.feeds > 1 ? Object.entries(r.items.byFeed).map(([feed, c]) => `    ${feed}  ${itemLine(c)}`) : []),
    `  took          ${(r.durationMs / 1000).toFixed(1)} s`,
  ];
  for (const f of feedFailures) lines.push(`  ! feed ${f.feedId}: ${f.error?.code} — ${f.error?.message}`);
  for (const d of r.deadLetters) lines.push(`  ! dead letter (${d.queue} queue): ${d.error.code} — ${d.error.message}`);
  for (const queue of new Set(r.deadLetters.map((d) => d.queue))) {
    lines.push(`    parked: newswire dlq list --queue ${queue} (then redrive or purge)`);
  }
  lines.push('');
  if (r.written === 0 && r.failed === 0) {
    lines.push(
      notModified === r.feeds && r.feeds > 0
        ? 'Nothing new: every feed answered "not modified" since the last run, so 0 records were written.'
        : 'Nothing new: every release seen is already stored unchanged, so 0 records were written.',
    );
  }
  if (r.newest.length) {
    lines.push('Five newest records:');
    lines.push(formatRecordTable(r.newest));
  }
  return lines.join('\n');
}

/** Where the items ended: found = stored + dead-lettered + skipped (with the reason), plus those resumed. */
function itemLine(c: ItemCounts): string {
  const skipped = c.skipped.unchangedAtPoll + c.skipped.unchangedAtStore + c.skipped.keptStored;
  const reasons = [
    c.skipped.unchangedAtPoll ? `${c.skipped.unchangedAtPoll} unchanged in feed` : '',
    c.skipped.unchangedAtStore ? `${c.skipped.unchangedAtStore} unchanged when parsed` : '',
    c.skipped.keptStored ? `${c.skipped.keptStored} degraded, stored kept` : '',
  ].filter(Boolean);
  return (
    `${c.found} found${c.resumed ? ` + ${c.resumed} resumed` : ''} → ${c.stored.created + c.stored.revised} stored, ` +
    `${c.deadLettered} dead-lettered, ${skipped} skipped${reasons.length ? ` (${reasons.join(', ')})` : ''}`
  );
}

/** One line per record: date, source, dateline place, title, id. */
export function formatRecordTable(records: PressReleaseRecord[]): string {
  const head = `  ${'published'.padEnd(10)}  ${'source'.padEnd(24)}  ${'dateline'.padEnd(18)}  ${'title'.padEnd(48)}  id`;
  const rows = records.map(
    (r) =>
      `  ${clip(r.publishedAt?.slice(0, 10), 10)}  ${clip(r.source, 24)}  ${clip(r.dateline?.location, 18)}  ${clip(r.title, 48)}  ${r.id}`,
  );
  return [head, ...rows].join('\n');
}

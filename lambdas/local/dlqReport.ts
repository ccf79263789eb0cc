/** What `newswire dlq` prints: the table of parked messages, their JSON, and the outcome of a redrive. */
import {
  ageMs,
  formatAge,
  messageSubject,
  type DlqName,
  type ParkedMessage,
  type RedriveOutcome,
} from '../pipeline/deadLetters';

const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

/** One JSON object per message for `list --json` (without the body; `show` prints it). */
export function parkedSummary(m: ParkedMessage, now: Date) {
  const { feed, release } = messageSubject(m.queue, m.body);
  const age = ageMs(m, now);
  return {
    id: m.id,
    queue: m.queue,
    source: m.source,
    feed,
    release,
    reason: m.reason,
    receiveCount: m.receiveCount,
    sentAt: m.sentAt,
    firstReceivedAt: m.firstReceivedAt,
    deadLetteredAt: m.deadLetteredAt,
    ageSeconds: age === null ? null : Math.floor(age / 1000),
  };
}

/** The whole message for `show`: the summary and the body (parsed when it is JSON). */
export function parkedDetail(m: ParkedMessage, now: Date) {
  let body: unknown = m.body;
  try {
    body = JSON.parse(m.body);
  } catch {
    // not JSON: shown as the text it is
  }
  return { ...parkedSummary(m, now), body };
}

export function formatParkedList(queue: DlqName, where: string, messages: ParkedMessage[], now: Date): string {
  const lines = [`newswire dlq — ${queue} queue, ${where}: ${messages.length} message(s)`];
  if (!messages.length) {
    lines.push(
      queue === 'schedule' && where.startsWith('local')
        ? '  (none: a local ingest runs dispatch in its own process, so no scheduled run is ever parked)'
        : '  (empty)',
    );
    return lines.join('\n');
  }
  for (const m of messages) {
    const { feed, release } = messageSubject(m.queue, m.body);
    const age = formatAge(ageMs(m, now));
    const receives = m.receiveCount === null ? '?' : String(m.receiveCount);
    lines.push(
      `  ${m.id}  age ${age}  receives ${receives}${m.source !== `${queue}.jsonl` ? `  (${m.source})` : ''}`,
      `      reason  ${m.reason.code}: ${clip(m.reason.message, 140)}`,
      ...(feed ? [`      feed    ${feed}`] : []),
      ...(release ? [`      release ${clip(release, 140)}`] : []),
    );
  }
  return lines.join('\n');
}

export function formatRedrive(queue: DlqName, where: string, r: RedriveOutcome): string {
  if (r.moveTaskHandle !== undefined) {
    return [
      `newswire dlq redrive — ${queue} queue, ${where}`,
      `  started an SQS message move task for about ${r.redriven} message(s) back to the ${queue} queue`,
      `  task handle ${r.moveTaskHandle}; 'newswire dlq list --queue ${queue}' shows what is left`,
    ].join('\n');
  }
  const lines = [`newswire dlq redrive — ${queue} queue, ${where}`, `  redriven           ${r.redriven}`];
  if (r.succeeded !== null) lines.push(`  handled            ${r.succeeded}`);
  if (r.deadLetteredAgain !== null) lines.push(`  parked again       ${r.deadLetteredAgain}  (with their new reason)`);
  if (r.succeeded === null)
    lines.push(`  (sent back to the ${queue} queue; its function handles them in the next minutes)`);
  for (const id of r.notFound) lines.push(`  ! no message ${id} in the ${queue} dead-letter queue`);
  return lines.join('\n');
}

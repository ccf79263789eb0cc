/**
 * The operator's view of the dead-letter queues (`newswire dlq`): what is parked, why, since when,
 * and the three things to do about it — list, redrive, purge. One port, two adapters: the local
 * dead-letter files under the data dir, and the deployed SQS DLQs.
 *
 * The three queue names map to the deployment's DLQs:
 * - `poll`     → PollDlq: poll messages (one feed each) that failed maxReceiveCount times;
 * - `article`  → ArticleDlq: article messages (one release each), parked at once by process-article
 *                on a permanent failure (reason attached) or by the redrive policy after
 *                maxReceiveCount receives (no reason: SQS cannot attach one);
 * - `schedule` → ScheduleDlq (scheduled events EventBridge could not hand to dispatch) and
 *                DispatchFailures (dispatch runs that failed three times). Both are parked runs of
 *                the schedule; the next scheduled run dispatches every due feed again, so they are
 *                listed and purged, never redriven.
 */

export const DLQ_NAMES = ['poll', 'article', 'schedule'] as const;
export type DlqName = (typeof DLQ_NAMES)[number];

/** Queues whose messages can be sent back to the step that failed them. */
export const REDRIVABLE: readonly DlqName[] = ['poll', 'article'];

/** The reason of a message parked by the redrive policy, which carries none. */
export const MAX_RECEIVES_EXCEEDED = 'MAX_RECEIVES_EXCEEDED';

export interface ParkedMessage {
  /** The id to show or redrive it by: the SQS MessageId deployed, the local message id locally. */
  id: string;
  queue: DlqName;
  /** The physical queue it sits in (ArticleDlq, ScheduleDlq, DispatchFailures, or a local file). */
  source: string;
  /** The message body exactly as it was sent, so a redrive replays it unchanged. */
  body: string;
  reason: { code: string; message: string };
  /** Receives before it was parked (null when unknown). */
  receiveCount: number | null;
  /** When it was first sent to its source queue (ISO 8601; null when unknown). */
  sentAt: string | null;
  /** When it was first received (ISO 8601; null when unknown). */
  firstReceivedAt: string | null;
  /** When it was parked (ISO 8601; null when unknown: SQS does not say when its redrive policy moved it). */
  deadLetteredAt: string | null;
}

/** Which messages a redrive takes: all of a queue, some by id, or those whose reason matches. */
export type RedriveSelector = { all: true } | { ids: readonly string[] } | { reason: string };

export interface RedriveOutcome {
  /** Messages sent back to their step (for a deployed `all`, the move task's own count is separate). */
  redriven: number;
  /** Of those, handled this time (local redrive runs them at once; deployed: null, the Lambdas decide later). */
  succeeded: number | null;
  /** Of those, parked again with their new reason (local only; deployed: null). */
  deadLetteredAgain: number | null;
  /** Ids asked for that are not in the queue. */
  notFound: string[];
  /** A deployed redrive of everything is one SQS message-move task: its handle. */
  moveTaskHandle?: string;
}

/** Where dead letters live and what an operator does with them. */
export interface DeadLetterQueues {
  /** Where these queues are, for messages (`local (.newswire)`, `stack Newswire-prod-Ingest`). */
  readonly where: string;
  /** Parked messages, oldest first; at most `limit`. */
  list(queue: DlqName, opts?: { limit?: number }): Promise<ParkedMessage[]>;
  /** Sends the selected messages back to the step that failed them and removes them from the DLQ. */
  redrive(queue: DlqName, selector: RedriveSelector): Promise<RedriveOutcome>;
  /** Deletes every parked message of the queue; the number deleted (approximate when deployed). */
  purge(queue: DlqName): Promise<number>;
  close(): Promise<void>;
}

/** A queue name from the command line, or null. */
export function dlqName(value: string): DlqName | null {
  return (DLQ_NAMES as readonly string[]).includes(value) ? (value as DlqName) : null;
}

/** Whether a message is one the selector takes: its id, or a reason whose code is `reason` or whose message contains it. */
export function isSelected(m: ParkedMessage, selector: RedriveSelector): boolean {
  if ('all' in selector) return true;
  if ('ids' in selector) return selector.ids.includes(m.id);
  const wanted = selector.reason.trim().toLowerCase();
  return (
    wanted.length > 0 && (m.reason.code.toLowerCase() === wanted || m.reason.message.toLowerCase().includes(wanted))
  );
}

/** What a parked message was about, read from its body: the feed and the release (or scheduled run). */
export function messageSubject(queue: DlqName, body: string): { feed: string | null; release: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { feed: null, release: null };
  }
  const o = (json ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  if (queue === 'poll') return { feed: str(o.feedId), release: null };
  if (queue === 'article') {
    const feed = (o.feed ?? {}) as Record<string, unknown>;
    const item = (o.item ?? {}) as Record<string, unknown>;
    return { feed: str(feed.id), release: str(item.link) ?? str(item.id) };
  }
  // A scheduled event (ScheduleDlq) or a Lambda destination record (DispatchFailures) around one.
  const event = (o.requestPayload ?? o) as Record<string, unknown>;
  return { feed: null, release: str(event.time) ? `scheduled run of ${String(event.time)}` : null };
}

/** Milliseconds since the message was parked, else since it was first received or sent; null when none is known. */
export function ageMs(m: ParkedMessage, now: Date): number | null {
  const at = m.deadLetteredAt ?? m.firstReceivedAt ?? m.sentAt;
  return at ? Math.max(0, now.getTime() - Date.parse(at)) : null;
}

/** An age as people say it: 45s, 12m, 3h, 2d. */
export function formatAge(ms: number | null): string {
  if (ms === null) return '?';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

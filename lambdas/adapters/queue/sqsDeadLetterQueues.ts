/**
 * `newswire dlq --stack`: the deployed dead-letter queues over the SQS API.
 *
 * - list: ReceiveMessage with a short visibility timeout (the messages stay in the queue), reading
 *   SentTimestamp, ApproximateFirstReceiveTimestamp, ApproximateReceiveCount and the reason, then
 *   making them visible again at once. The reason is where each sender puts it: process-article's
 *   direct send (errorCode / errorMessage / failedAt attributes, see SqsDeadLetterSink), EventBridge's
 *   target DLQ (ERROR_CODE / ERROR_MESSAGE attributes), Lambda's on-failure destination (a JSON
 *   record with requestContext and responsePayload); a message the redrive policy moved carries
 *   none, so it reads "maxReceiveCount exceeded".
 * - redrive everything: one SQS message-move task (StartMessageMoveTask) from the DLQ to its source
 *   queue, named explicitly (a message process-article sent itself has no source SQS knows of).
 *   Redrive by id or by reason: SendMessage of the body to the source queue, then DeleteMessage
 *   from the DLQ, one message at a time; a failure stops there and loses nothing (an unsent message
 *   reappears in the DLQ; a sent one whose delete failed is processed twice, which every step absorbs).
 * - purge: PurgeQueue (the CLI asks first).
 */
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  StartMessageMoveTaskCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  isSelected,
  MAX_RECEIVES_EXCEEDED,
  REDRIVABLE,
  type DeadLetterQueues,
  type DlqName,
  type ParkedMessage,
  type RedriveOutcome,
  type RedriveSelector,
} from '../../pipeline/deadLetters';

export interface DlqTarget {
  /** What the stack calls it (PollDlq, ArticleDlq, ScheduleDlq, DispatchFailures). */
  name: string;
  url: string;
  /** The queue a redrive sends messages back to; null for the schedule's parking queues. */
  sourceUrl: string | null;
}

/** The physical queues behind each name (schedule has two: see pipeline/deadLetters). */
export type DeployedDlqs = Record<DlqName, readonly DlqTarget[]>;

export interface SqsDeadLetterQueuesOptions {
  client: SQSClient;
  queues: DeployedDlqs;
  where: string;
  /** Seconds a listed message stays hidden while it is read (released at once after). @default 30 */
  visibilitySeconds?: number;
  /** Seconds each ReceiveMessage waits (long polling asks every SQS server, so an empty answer means empty). @default 1 */
  waitSeconds?: number;
}

/** Messages read at most when redriving by id or reason (the whole DLQ, in practice). */
const MAX_SCAN = 10_000;

export class SqsDeadLetterQueues implements DeadLetterQueues {
  readonly where: string;
  private readonly client: SQSClient;

  constructor(private readonly opts: SqsDeadLetterQueuesOptions) {
    this.where = opts.where;
    this.client = opts.client;
  }

  async list(queue: DlqName, opts: { limit?: number } = {}): Promise<ParkedMessage[]> {
    const out: ParkedMessage[] = [];
    for (const target of this.opts.queues[queue]) {
      const left = opts.limit === undefined ? MAX_SCAN : opts.limit - out.length;
      if (left <= 0) break;
      const messages = await this.receiveAll(target, left);
      await this.release(target, messages);
      out.push(...messages.map((m) => toParked(queue, target, m)));
    }
    // Oldest first by the time its age counts from; unknown times last.
    const at = (m: ParkedMessage) => m.deadLetteredAt ?? m.firstReceivedAt ?? m.sentAt ?? '\uffff';
    return out.sort((a, b) => at(a).localeCompare(at(b)));
  }

  async redrive(queue: DlqName, selector: RedriveSelector): Promise<RedriveOutcome> {
    const [target] = this.opts.queues[queue];
    if (!REDRIVABLE.includes(queue) || !target?.sourceUrl) {
      throw new Error(
        `the ${queue} queue is not redriven: the next scheduled run dispatches every due feed again; purge it once the cause is fixed`,
      );
    }
    const sourceUrl = target.sourceUrl;
    if ('all' in selector) {
      const [dlq, source] = await Promise.all([this.attributes(target.url), this.attributes(sourceUrl)]);
      const res = await this.client.send(
        new StartMessageMoveTaskCommand({ SourceArn: dlq.QueueArn, DestinationArn: source.QueueArn }),
      );
      return {
        redriven: Number(dlq.ApproximateNumberOfMessages ?? 0),
        succeeded: null,
        deadLetteredAgain: null,
        notFound: [],
        ...(res.TaskHandle ? { moveTaskHandle: res.TaskHandle } : {}),
      };
    }

    const messages = await this.receiveAll(target, MAX_SCAN, 120);
    const chosen = messages.filter((m) => isSelected(toParked(queue, target, m), selector));
    const chosenIds = new Set(chosen.map((m) => m.MessageId));
    await this.release(
      target,
      messages.filter((m) => !chosenIds.has(m.MessageId)),
    );
    let redriven = 0;
    try {
      for (const m of chosen) {
        await this.client.send(new SendMessageCommand({ QueueUrl: sourceUrl, MessageBody: m.Body ?? '' }));
        await this.client.send(new DeleteMessageCommand({ QueueUrl: target.url, ReceiptHandle: m.ReceiptHandle }));
        redriven++;
      }
    } catch (err) {
      throw new Error(
        `redrive stopped after ${redriven} of ${chosen.length} message(s): ${(err as Error).message}; the rest stay in ${target.name}`,
        { cause: err },
      );
    }
    const notFound = 'ids' in selector ? selector.ids.filter((id) => !messages.some((m) => m.MessageId === id)) : [];
    return { redriven, succeeded: null, deadLetteredAgain: null, notFound };
  }

  async purge(queue: DlqName): Promise<number> {
    let purged = 0;
    for (const target of this.opts.queues[queue]) {
      const attrs = await this.attributes(target.url);
      await this.client.send(new PurgeQueueCommand({ QueueUrl: target.url }));
      purged += Number(attrs.ApproximateNumberOfMessages ?? 0);
    }
    return purged;
  }

  close(): Promise<void> {
    this.client.destroy();
    return Promise.resolve();
  }

  /** Every message of the queue (up to max), each hidden for `visibility` seconds, each once. */
  private async receiveAll(target: DlqTarget, max: number, visibility?: number): Promise<Message[]> {
    const seen = new Map<string, Message>();
    while (seen.size < max) {
      const res = await this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: target.url,
          MaxNumberOfMessages: Math.min(10, max - seen.size),
          VisibilityTimeout: visibility ?? this.opts.visibilitySeconds ?? 30,
          WaitTimeSeconds: this.opts.waitSeconds ?? 1,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      const got = (res.Messages ?? []).filter((m) => m.MessageId && !seen.has(m.MessageId));
      if (!got.length) break;
      for (const m of got) seen.set(m.MessageId as string, m);
    }
    return [...seen.values()];
  }

  /** Makes received messages visible again at once (they were only looked at). */
  private async release(target: DlqTarget, messages: Message[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) {
      const batch = messages.slice(i, i + 10);
      await this.client.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: target.url,
          Entries: batch.map((m, n) => ({ Id: String(n), ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 })),
        }),
      );
    }
  }

  private async attributes(url: string): Promise<Record<string, string>> {
    const res = await this.client.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages'] }),
    );
    return res.Attributes ?? {};
  }
}

const reasonAttr = (m: Message, name: string): string | null => m.MessageAttributes?.[name]?.StringValue ?? null;

const iso = (epochMs: string | undefined): string | null => {
  const n = Number(epochMs);
  return epochMs && Number.isFinite(n) ? new Date(n).toISOString() : null;
};

/** A received DLQ message as the operator sees it. */
export function toParked(queue: DlqName, target: DlqTarget, m: Message): ParkedMessage {
  const attrs = m.Attributes ?? {};
  const received = Number(attrs.ApproximateReceiveCount);
  const body = m.Body ?? '';
  const { reason, deadLetteredAt } = reasonOf(m, received);
  const common = { id: m.MessageId ?? '', queue, source: target.name, body, reason, deadLetteredAt };
  if (reasonAttr(m, 'errorCode')) {
    // Sent to the DLQ by process-article: a new message, whose own SQS attributes tell of the DLQ
    // only; what it had on the article queue travels in its attributes.
    const count = Number(reasonAttr(m, 'receiveCount'));
    return {
      ...common,
      receiveCount: Number.isInteger(count) && count > 0 ? count : null,
      sentAt: reasonAttr(m, 'sentAt'),
      firstReceivedAt: reasonAttr(m, 'firstReceivedAt'),
    };
  }
  // Moved by the redrive policy (or parked by EventBridge / Lambda): SQS kept its own attributes.
  return {
    ...common,
    // Less the receive that read it now: the receives it had before this look.
    receiveCount: Number.isFinite(received) && received > 0 ? received - 1 : null,
    sentAt: iso(attrs.SentTimestamp),
    firstReceivedAt: iso(attrs.ApproximateFirstReceiveTimestamp),
  };
}

function reasonOf(
  m: Message,
  received: number,
): { reason: { code: string; message: string }; deadLetteredAt: string | null } {
  // process-article's own send (SqsDeadLetterSink).
  const code = reasonAttr(m, 'errorCode');
  if (code) {
    return {
      reason: { code, message: reasonAttr(m, 'errorMessage') ?? '' },
      deadLetteredAt: reasonAttr(m, 'failedAt'),
    };
  }
  // EventBridge's DLQ of a rule target.
  const ebCode = reasonAttr(m, 'ERROR_CODE');
  if (ebCode) return { reason: { code: ebCode, message: reasonAttr(m, 'ERROR_MESSAGE') ?? '' }, deadLetteredAt: null };
  // Lambda's on-failure destination record (DispatchFailures).
  const record = lambdaFailureRecord(m.Body);
  if (record) return record;
  const before = Number.isFinite(received) && received > 1 ? ` (received ${received - 1} times)` : '';
  return {
    reason: {
      code: MAX_RECEIVES_EXCEEDED,
      message: `maxReceiveCount exceeded${before}: SQS moved it after its consumer failed it that often and carries no reason; the function's log lines for message ${m.MessageId ?? '?'} have it`,
    },
    deadLetteredAt: null,
  };
}

function lambdaFailureRecord(
  body: string | undefined,
): { reason: { code: string; message: string }; deadLetteredAt: string | null } | null {
  let o: {
    timestamp?: unknown;
    requestContext?: { condition?: unknown; approximateInvokeCount?: unknown };
    responsePayload?: { errorType?: unknown; errorMessage?: unknown } | null;
  };
  try {
    o = JSON.parse(body ?? '') as typeof o;
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object' || !o.requestContext || typeof o.requestContext.condition !== 'string') return null;
  const condition = o.requestContext.condition;
  const errorType = typeof o.responsePayload?.errorType === 'string' ? o.responsePayload.errorType : null;
  const errorMessage = typeof o.responsePayload?.errorMessage === 'string' ? o.responsePayload.errorMessage : null;
  const invokes =
    typeof o.requestContext.approximateInvokeCount === 'number' ? o.requestContext.approximateInvokeCount : null;
  return {
    reason: {
      code: errorType ?? condition,
      message: errorMessage ?? `${condition}${invokes !== null ? ` after ${invokes} invocation(s)` : ''}`,
    },
    deadLetteredAt: typeof o.timestamp === 'string' ? o.timestamp : null,
  };
}

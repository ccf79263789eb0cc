/**
 * MessageSink over SQS: SendMessageBatch in tens, each batch also under SQS's 256 KiB limit on the
 * whole request; entries SQS refuses are retried, never dropped.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { StorageError } from '../../core/errors';
import type { MessageAttributes, MessageSink } from '../../pipeline/ports';

const MAX_ATTEMPTS = 5;
/** SQS limit on one message and on the sum of a batch's messages. */
export const MAX_BATCH_BYTES = 256 * 1024;

/** The longest SQS delays a message. */
const MAX_DELAY_SECONDS = 900;

interface Outgoing {
  body: string;
  delay: number;
  attributes: MessageAttributes | undefined;
}

/** Bytes SQS counts for a message's attributes (name, type and value of each) toward its size limits. */
function attributeBytes(attributes: MessageAttributes | undefined): number {
  let n = 0;
  for (const [name, value] of Object.entries(attributes ?? {}))
    n += Buffer.byteLength(name, 'utf8') + 'String'.length + Buffer.byteLength(value, 'utf8');
  return n;
}

function delaySeconds(d: number | undefined): number {
  return d !== undefined && Number.isFinite(d) ? Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.floor(d))) : 0;
}

export class SqsMessageSink<T> implements MessageSink<T> {
  constructor(private readonly opts: { client: SQSClient; queueUrl: string; sleep?: (ms: number) => Promise<void> }) {}

  /**
   * `delaysSeconds[i]` becomes message i's DelaySeconds (whole seconds, clamped to SQS's 0–900),
   * `attributes[i]` its String MessageAttributes.
   */
  async send(
    messages: T[],
    delaysSeconds?: readonly number[],
    attributes?: readonly (MessageAttributes | undefined)[],
  ): Promise<void> {
    let batch: Outgoing[] = [];
    let bytes = 0;
    for (const [i, m] of messages.entries()) {
      const body = JSON.stringify(m);
      const attrs = attributes?.[i];
      const size = Buffer.byteLength(body, 'utf8') + attributeBytes(attrs);
      if (batch.length === 10 || (batch.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
        await this.sendBatch(batch);
        batch = [];
        bytes = 0;
      }
      batch.push({ body, delay: delaySeconds(delaysSeconds?.[i]), attributes: attrs });
      bytes += size;
    }
    if (batch.length) await this.sendBatch(batch);
  }

  private async sendBatch(batch: Outgoing[]): Promise<void> {
    let entries = batch.map(({ body, delay, attributes }, i) => ({
      Id: String(i),
      MessageBody: body,
      ...(delay > 0 ? { DelaySeconds: delay } : {}),
      ...(attributes && Object.keys(attributes).length
        ? {
            MessageAttributes: Object.fromEntries(
              Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
            ),
          }
        : {}),
    }));
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let attempt = 1; entries.length; attempt++) {
      const res = await this.opts.client.send(
        new SendMessageBatchCommand({ QueueUrl: this.opts.queueUrl, Entries: entries }),
      );
      const failed = new Set((res.Failed ?? []).map((f) => f.Id));
      const permanent = (res.Failed ?? []).find((f) => f.SenderFault);
      if (permanent)
        throw new StorageError(
          'QUEUE_SEND_REJECTED',
          `SQS refused a message: ${permanent.Code} ${permanent.Message ?? ''}`,
          false,
        );
      entries = entries.filter((e) => failed.has(e.Id));
      if (!entries.length) return;
      if (attempt >= MAX_ATTEMPTS) {
        throw new StorageError(
          'QUEUE_SEND_FAILED',
          `${entries.length} message(s) not accepted by SQS after ${attempt} attempts`,
        );
      }
      await sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

/**
 * MessageSink over SQS: SendMessageBatch in tens, each batch also under SQS's 256 KiB limit on the
 * whole request; entries SQS refuses are retried, never dropped.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { StorageError } from '../../core/errors';
import type { MessageSink } from '../../pipeline/ports';

const MAX_ATTEMPTS = 5;
/** SQS limit on one message and on the sum of a batch's messages. */
export const MAX_BATCH_BYTES = 256 * 1024;

export class SqsMessageSink<T> implements MessageSink<T> {
  constructor(private readonly opts: { client: SQSClient; queueUrl: string; sleep?: (ms: number) => Promise<void> }) {}

  async send(messages: T[]): Promise<void> {
    let batch: string[] = [];
    let bytes = 0;
    for (const m of messages) {
      const body = JSON.stringify(m);
      const size = Buffer.byteLength(body, 'utf8');
      if (batch.length === 10 || (batch.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
        await this.sendBatch(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(body);
      bytes += size;
    }
    if (batch.length) await this.sendBatch(batch);
  }

  private async sendBatch(bodies: string[]): Promise<void> {
    let entries = bodies.map((body, i) => ({ Id: String(i), MessageBody: body }));
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

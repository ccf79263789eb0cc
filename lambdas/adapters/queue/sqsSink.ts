/** MessageSink over SQS: SendMessageBatch in tens; entries SQS refuses are retried, never dropped. */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { StorageError } from '../../core/errors';
import type { MessageSink } from '../../pipeline/ports';

const MAX_ATTEMPTS = 5;

export class SqsMessageSink<T> implements MessageSink<T> {
  constructor(private readonly opts: { client: SQSClient; queueUrl: string; sleep?: (ms: number) => Promise<void> }) {}

  async send(messages: T[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 10) await this.sendBatch(messages.slice(i, i + 10));
  }

  private async sendBatch(batch: T[]): Promise<void> {
    let entries = batch.map((m, i) => ({ Id: String(i), MessageBody: JSON.stringify(m) }));
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

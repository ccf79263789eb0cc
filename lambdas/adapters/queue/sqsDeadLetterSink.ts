/**
 * DeadLetterSink over SQS: SendMessage of the original body to the DLQ, the reason in String
 * message attributes (errorCode, errorMessage, sourceMessageId, failedAt, and when known the
 * source queue's receiveCount, sentAt and firstReceivedAt, which `newswire dlq list` shows) that
 * `aws sqs receive-message --message-attribute-names All` shows next to the body. SQS itself
 * cannot attach a reason when its redrive policy moves a message, hence this direct send.
 */
import { SendMessageCommand, type MessageAttributeValue, type SQSClient } from '@aws-sdk/client-sqs';
import { describeError, StorageError } from '../../core/errors';
import type { DeadLetter, DeadLetterSink } from '../../pipeline/ports';

/** Characters of `errorMessage` kept: enough for any of our reasons, small next to the 256 KiB message limit. */
export const MAX_ERROR_MESSAGE_CHARS = 1000;

/** Characters SQS refuses in message attributes (and bodies): controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const NOT_ALLOWED_BY_SQS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** An attribute value SQS accepts: allowed characters only, never empty, at most `max` characters. */
export function attributeText(text: string, max = MAX_ERROR_MESSAGE_CHARS): string {
  const clean = text.replace(NOT_ALLOWED_BY_SQS, '\uFFFD');
  const chars = Array.from(clean); // code points: never cuts a surrogate pair in two
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
  return cut.length ? cut : '-';
}

const str = (value: string): MessageAttributeValue => ({ DataType: 'String', StringValue: value });

export class SqsDeadLetterSink implements DeadLetterSink {
  constructor(private readonly opts: { client: SQSClient; queueUrl: string }) {}

  async send(letter: DeadLetter): Promise<void> {
    try {
      await this.opts.client.send(
        new SendMessageCommand({
          QueueUrl: this.opts.queueUrl,
          MessageBody: letter.body,
          MessageAttributes: {
            errorCode: str(attributeText(letter.error.code, 256)),
            errorMessage: str(attributeText(letter.error.message)),
            sourceMessageId: str(attributeText(letter.sourceMessageId, 256)),
            failedAt: str(letter.failedAt.toISOString()),
            ...(letter.receiveCount !== undefined
              ? { receiveCount: { DataType: 'Number', StringValue: String(letter.receiveCount) } }
              : {}),
            ...(letter.sentAt ? { sentAt: str(letter.sentAt.toISOString()) } : {}),
            ...(letter.firstReceivedAt ? { firstReceivedAt: str(letter.firstReceivedAt.toISOString()) } : {}),
          },
        }),
      );
    } catch (err) {
      const { code, message } = describeError(err);
      throw new StorageError('DLQ_SEND_FAILED', `dead-letter queue refused the message: ${code} ${message}`, true, {
        cause: err,
      });
    }
  }
}

import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { dlqNotEmptyAlarm, functionErrorsAlarm } from './alarms';
import { NewswireFunction, type NewswireFunctionProps } from './newswireFunction';

export interface QueueConsumerProps {
  /** The consuming function (built here, as the house NewswireFunction). */
  readonly function: NewswireFunctionProps;
  /** Receives before a message moves to the DLQ. @default 5 */
  readonly maxReceiveCount?: number;
  /** Messages per invocation. @default 10 */
  readonly batchSize?: number;
  /** How long to gather a batch. @default Duration.seconds(0) */
  readonly maxBatchingWindow?: Duration;
  /** Concurrent invocations the event source may run (2–1000); the politeness knob. @default 5 */
  readonly maxConcurrency?: number;
  /** How long messages live on the main queue. @default Duration.days(4) */
  readonly retentionPeriod?: Duration;
}

/** Messages in a DLQ are kept this long: time enough to look at them and redrive. */
export const DLQ_RETENTION = Duration.days(14);

/**
 * One hop of the pipeline, "queue → function + DLQ + alarms" (like AWS Solutions Constructs
 * aws-sqs-lambda): an encrypted, SSL-only queue whose failures land in an encrypted, SSL-only DLQ,
 * consumed with partial batch responses (only failed messages retry), and alarms on the DLQ depth
 * and on function errors. Visibility timeout = 6 × function timeout, as Lambda's SQS guide advises.
 */
export class QueueConsumer extends Construct {
  public readonly queue: sqs.Queue;
  public readonly deadLetterQueue: sqs.Queue;
  public readonly fn: NewswireFunction;
  public readonly dlqAlarm: cloudwatch.Alarm;
  public readonly errorsAlarm: cloudwatch.Alarm;
  public readonly alarms: readonly cloudwatch.Alarm[];
  public readonly maxReceiveCount: number;

  constructor(scope: Construct, id: string, props: QueueConsumerProps) {
    super(scope, id);
    this.maxReceiveCount = props.maxReceiveCount ?? 5;
    const batchSize = props.batchSize ?? 10;
    const maxConcurrency = props.maxConcurrency ?? 5;
    if (!Number.isInteger(this.maxReceiveCount) || this.maxReceiveCount < 1 || this.maxReceiveCount > 1000) {
      throw new Error(`QueueConsumer ${id}: maxReceiveCount must be an integer 1–1000 (got ${this.maxReceiveCount}).`);
    }
    if (!Number.isInteger(maxConcurrency) || maxConcurrency < 2 || maxConcurrency > 1000) {
      throw new Error(
        `QueueConsumer ${id}: maxConcurrency must be an integer 2–1000 (got ${maxConcurrency}); SQS event sources allow no less than 2.`,
      );
    }

    this.fn = new NewswireFunction(this, 'Handler', props.function);

    this.deadLetterQueue = new sqs.Queue(this, 'Dlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(this.fn.timeout.toSeconds() * 6),
      retentionPeriod: props.retentionPeriod ?? Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: this.maxReceiveCount },
    });

    this.fn.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize,
        maxBatchingWindow: props.maxBatchingWindow,
        reportBatchItemFailures: true,
        maxConcurrency,
      }),
    );

    this.dlqAlarm = dlqNotEmptyAlarm(
      this,
      'DlqNotEmpty',
      this.deadLetterQueue,
      `Messages in the ${id} dead-letter queue: they failed ${this.maxReceiveCount} times, or the function sent them there as permanent failures (reason in their message attributes). Inspect, fix, redrive.`,
    );
    this.errorsAlarm = functionErrorsAlarm(
      this,
      'FunctionErrors',
      this.fn.fn,
      `The ${id} function failed (threw or timed out) in the last 5 minutes.`,
    );
    this.alarms = [this.dlqAlarm, this.errorsAlarm];
  }
}

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { dlqNotEmptyAlarm, functionErrorsAlarm, queueAgeAlarm } from './alarms';
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
  /** How long messages live on the main queue. @default SOURCE_RETENTION (14 days, the SQS maximum) */
  readonly retentionPeriod?: Duration;
  /** Alarm when the oldest message of the main queue is older than this. */
  readonly maxMessageAge: Duration;
  /** What a stack deletion or a replacement does to the queue and its DLQ. @default RemovalPolicy.RETAIN */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Messages in a DLQ are kept this long: time enough to look at them and redrive. SQS keeps a
 * message's first enqueue time when it moves to a DLQ, so a message that waited on the source queue
 * for a while has that much less left here; 14 days is the SQS maximum.
 */
export const DLQ_RETENTION = Duration.days(14);
/**
 * Messages wait on a source queue this long (the SQS maximum): a consumer stalled over a long weekend
 * loses nothing, and the queue-age alarm fires long before (at most 7 days, see config).
 */
export const SOURCE_RETENTION = Duration.days(14);

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
  public readonly ageAlarm: cloudwatch.Alarm;
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

    // Retained by default: `cdk destroy` or a replacement must not throw away parked failures (DLQ)
    // or work not yet done (source queue). An orphaned queue costs nothing while idle.
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.deadLetterQueue = new sqs.Queue(this, 'Dlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
      removalPolicy,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(this.fn.timeout.toSeconds() * 6),
      retentionPeriod: props.retentionPeriod ?? SOURCE_RETENTION,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: this.maxReceiveCount },
      removalPolicy,
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
    const retentionDays = (props.retentionPeriod ?? SOURCE_RETENTION).toDays();
    this.ageAlarm = queueAgeAlarm(
      this,
      'OldestMessageAge',
      this.queue,
      props.maxMessageAge,
      `The oldest message in the ${id} queue is older than ${props.maxMessageAge.toHumanString()}: its consumer is stalled or cannot keep up, and messages are deleted unseen after ${retentionDays} days. Check the ${id} function's errors and throttles and that its SQS event source mapping is enabled; fix the cause and the backlog drains by itself.`,
    );
    this.alarms = [this.dlqAlarm, this.errorsAlarm, this.ageAlarm];
  }
}

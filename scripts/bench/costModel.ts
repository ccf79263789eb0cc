/**
 * Estimated AWS cost of ingesting one million releases with the deployed stacks, from figures the
 * benchmark measures (write units, item and archive bytes, CPU per release) and the on-demand list
 * prices below. Every assumption that is not measured is a named constant here.
 */

/**
 * On-demand list prices, us-east-1, as published on the AWS pricing pages in 2025-07 (DynamoDB
 * Standard table class after the 2024-11-01 on-demand price cut; Lambda on arm64, which the stack
 * uses; SQS standard queues; S3 Standard).
 */
export const PRICES = {
  asOf: '2025-07',
  region: 'us-east-1',
  dynamoWriteRequestUnitsPerMillionUsd: 0.625,
  dynamoReadRequestUnitsPerMillionUsd: 0.125,
  dynamoStorageGbMonthUsd: 0.25,
  s3PutPerThousandUsd: 0.005,
  s3StorageGbMonthUsd: 0.023,
  lambdaRequestsPerMillionUsd: 0.2,
  lambdaArmGbSecondUsd: 0.0000133334,
  sqsRequestsPerMillionUsd: 0.4,
} as const;

/** What the stack configures (lib/stacks/ingestStack.ts). */
export const DEPLOYED = {
  articleBatchSize: 10,
  articleMemoryGb: 1,
  pollMemoryGb: 1,
} as const;

/** Not measured here: stated assumptions. */
export const ASSUMPTIONS = {
  /** Polls of a feed that see a release while it is listed (each does a BatchGetItem of the item's id). */
  seenChecksPerRelease: 4,
  /** Polls that return new content (a feed PUT to S3, a poll Lambda run, its SQS messages) per release. */
  feedPollsPerRelease: 0.5,
  /** Wait for a release page from the wire's site (the records of a batch are fetched in parallel). */
  pageFetchMs: 300,
  /** Billed duration of one feed poll. */
  pollMs: 500,
  /** A 1 GB Lambda has ~0.6 vCPU: local CPU time × this = its CPU time there. */
  lambdaCpuScale: 1.7,
  /** Months of storage included in the per-million figure. */
  storageMonths: 1,
} as const;

export interface MeasuredCosts {
  writeUnitsPerRecord: number;
  /** DynamoDB bytes per release (record item + index items). */
  bytesPerRecord: number;
  /** Bytes of the release item alone (what a seen-check read is charged on). */
  releaseItemBytes: number;
  /** Compressed archive bytes per release (the page as stored). */
  archiveBytesPerRecord: number;
  /** CPU time of the local pipeline per release (parse, build, write; HTTP and dynalite included). */
  cpuMsPerRecord: number;
}

export interface CostBreakdown {
  dynamodb: number;
  s3: number;
  lambda: number;
  sqs: number;
  total: number;
}

const MILLION = 1e6;
const GB = 1024 ** 3;

/** USD per one million releases, by service. */
export function costPerMillion(m: MeasuredCosts): CostBreakdown {
  const p = PRICES;
  const a = ASSUMPTIONS;
  // DynamoDB: the writes, the seen-id checks (eventually consistent: half an RRU per started 4 KB), storage.
  const wru = m.writeUnitsPerRecord * MILLION;
  const rru = a.seenChecksPerRelease * Math.ceil(m.releaseItemBytes / 4096) * 0.5 * MILLION;
  const dynamodb =
    (wru / MILLION) * p.dynamoWriteRequestUnitsPerMillionUsd +
    (rru / MILLION) * p.dynamoReadRequestUnitsPerMillionUsd +
    ((m.bytesPerRecord * MILLION) / GB) * p.dynamoStorageGbMonthUsd * a.storageMonths;
  // S3: one PUT per page, one per feed body of a poll with news; storage of the compressed pages.
  const puts = (1 + a.feedPollsPerRelease) * MILLION;
  const s3 =
    (puts / 1000) * p.s3PutPerThousandUsd +
    ((m.archiveBytesPerRecord * MILLION) / GB) * p.s3StorageGbMonthUsd * a.storageMonths;
  // Lambda: process-article runs per batch (fetches in parallel, CPU in series); poll-feed per poll.
  const batchMs = a.pageFetchMs + DEPLOYED.articleBatchSize * m.cpuMsPerRecord * a.lambdaCpuScale;
  const articleGbS = (batchMs / 1000) * DEPLOYED.articleMemoryGb * (MILLION / DEPLOYED.articleBatchSize);
  const pollGbS = (a.pollMs / 1000) * DEPLOYED.pollMemoryGb * a.feedPollsPerRelease * MILLION;
  const invocations = MILLION / DEPLOYED.articleBatchSize + a.feedPollsPerRelease * MILLION;
  const lambda =
    (articleGbS + pollGbS) * p.lambdaArmGbSecondUsd + (invocations / MILLION) * p.lambdaRequestsPerMillionUsd;
  // SQS: article messages sent, received and deleted 10 to a request; poll messages one by one.
  const sqsRequests = (3 / DEPLOYED.articleBatchSize) * MILLION + 3 * a.feedPollsPerRelease * MILLION;
  const sqs = (sqsRequests / MILLION) * p.sqsRequestsPerMillionUsd;
  return { dynamodb, s3, lambda, sqs, total: dynamodb + s3 + lambda + sqs };
}

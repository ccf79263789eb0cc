/** Lambda: the daily overflow sweep. Deletes overflow bodies no Articles item references (overflowSweep.ts). */
import { S3Client } from '@aws-sdk/client-s3';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { SWEEP_GRACE_DAYS_ENV, sweepOverflow, type OverflowSweepResult } from '../adapters/dynamodb/overflowSweep';
import { ENV } from '../adapters/dynamodb/tableDesign';
import { need } from './env';
import { ddb, env, log, metrics } from './runtime';
import { traced } from './tracing';

const DAY_MS = 24 * 3600 * 1000;

/** The grace period in days: a whole number of at least 1 (a younger body may belong to a save in flight). */
export function graceDays(raw: string | undefined): number {
  const days = Number(raw ?? '2');
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(`invalid configuration: ${SWEEP_GRACE_DAYS_ENV} must be a whole number of days >= 1 (got ${raw})`);
  }
  return days;
}

const deps = {
  s3: traced(new S3Client({})),
  bucket: need(env.rawBucket, ENV.rawBucket),
  // The container's document client (runtime.ts), not a second one made at every cold start.
  ddb,
  tableName: need(env.articlesTable, ENV.articlesTable),
  graceMs: graceDays(process.env[SWEEP_GRACE_DAYS_ENV]) * DAY_MS,
  log,
};

export async function handler(): Promise<OverflowSweepResult> {
  try {
    const result = await sweepOverflow(deps);
    log.info('overflow sweep done', { ...result });
    metrics.addMetric('OverflowOrphansDeleted', MetricUnit.Count, result.deleted);
    return result;
  } finally {
    metrics.publishStoredMetrics();
  }
}

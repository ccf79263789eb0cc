/**
 * Lambda: the hourly silent-feed check (pipeline/silentFeeds.ts). Emits SilentFeeds (the count the
 * silent-feed alarm watches) and FeedsEnabled (the feed count the haywire alarms scale with), and
 * logs each silent feed.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { DEFAULT_SILENT_FEED_HOURS } from '../core/feedPublishing';
import { checkSilentFeeds, SILENT_FEED_HOURS_ENV } from '../pipeline/silentFeeds';
import { ALARM_METRICS } from './metricNames';
import { clock, feedStore, log, metrics } from './runtime';

/** The configured hours: a whole number from 1 to 8760 (a year); the default when unset. */
export function silentFeedHours(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_SILENT_FEED_HOURS;
  const hours = Number(raw);
  if (!Number.isInteger(hours) || hours < 1 || hours > 8760) {
    throw new Error(
      `invalid configuration: ${SILENT_FEED_HOURS_ENV} must be a whole number of hours 1–8760 (got ${raw})`,
    );
  }
  return hours;
}

const deps = { feeds: feedStore(), clock, log };
const rule = { silentHours: silentFeedHours(process.env[SILENT_FEED_HOURS_ENV]) };

export async function handler(): Promise<{ enabledFeeds: number; silentFeeds: number }> {
  try {
    const res = await checkSilentFeeds(deps, rule);
    metrics.addMetric(ALARM_METRICS.silentFeeds, MetricUnit.Count, res.silent.length);
    metrics.addMetric(ALARM_METRICS.feedsEnabled, MetricUnit.Count, res.enabledFeeds);
    return { enabledFeeds: res.enabledFeeds, silentFeeds: res.silent.length };
  } finally {
    metrics.publishStoredMetrics();
  }
}

/**
 * Names of the custom metrics (namespace Newswire, dimension `service`) that alarms watch: the
 * handlers emit them and the CDK stack alarms on them, from this one list. Plain data only.
 */
export const ALARM_METRICS = {
  /** poll-feed: 1 per poll that reached the feed and read it (200) or was told it had not changed (304). */
  pollSucceeded: 'PollSucceeded',
  /** Silent-feed check: enabled feeds that usually publish daily and have published nothing lately. */
  silentFeeds: 'SilentFeeds',
  /** Silent-feed check: enabled feeds in the Feeds table (what the haywire bounds scale with). */
  feedsEnabled: 'FeedsEnabled',
} as const;

/**
 * Environment variable of a function: `alarmed` — emit only ALARM_METRICS (the stack sets it when
 * it deploys no dashboard to show the others; each custom metric costs $0.30 a month).
 */
export const METRICS_ENV = 'NEWSWIRE_METRICS';

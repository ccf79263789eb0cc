/**
 * Issue 12 §3: the alarms that were missing — stalled, haywire, silent feed, throttles on every
 * function and table, and the oldest message of every queue — each with its metric, threshold,
 * comparison, periods, missing-data rule, action and a description that says what to do.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { ARTICLES_TABLE, FEEDS_TABLE } from '../../lambdas/adapters/dynamodb/tableDesign';
import { buildNewswireApp, type NewswireApp } from '../../lib/app';
import { CONTEXT_KEYS } from '../../lib/config';
import { NewswireFunction } from '../../lib/constructs/newswireFunction';
import { DLQ_AGE_ALARM, runsPerHour } from '../../lib/constructs/operationalAlarms';
import { getAtt, importName, logicalId, permissionLines, TEST_CONTEXT } from './helpers';

/** Templates whose function code these tests do not read: synthesized without bundling. */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

jest.setTimeout(180_000);

// GIVEN the app built once from the test context (schedule 7 minutes, one enabled feed of two) with
// every alarm and the dashboard (newswire:alarms=full, newswire:dashboard=true; the defaults below)
let built: NewswireApp;
let template: Template;
beforeAll(() => {
  built = buildNewswireApp({ ...TEST_CONTEXT, [CONTEXT_KEYS.alarms]: 'full', [CONTEXT_KEYS.dashboard]: true });
  template = Template.fromStack(built.ingest);
});

const SCHEDULE = TEST_CONTEXT[CONTEXT_KEYS.scheduleMinutes] as number;
const RUNS = Math.ceil(60 / SCHEDULE); // 9 runs can start within one hour
const topic = () => [{ Ref: logicalId(built.ingest.alarmTopic) }];
const alarmOf = (t: Template, construct: IConstruct) =>
  t.findResources('AWS::CloudWatch::Alarm')[logicalId(construct)]?.Properties as Record<string, unknown>;
const child = (scope: IConstruct, id: string) => scope.node.findChild(id);
/** The MetricStat entries of a metric-math alarm, by id. */
const statsOf = (alarm: Record<string, unknown>) =>
  Object.fromEntries(
    (alarm.Metrics as { Id: string; MetricStat?: unknown; Expression?: string }[])
      .filter((m) => m.MetricStat)
      .map((m) => [m.Id, m.MetricStat]),
  );
const expressionOf = (alarm: Record<string, unknown>) =>
  (alarm.Metrics as { Expression?: string; ReturnData?: boolean }[]).find((m) => m.Expression)?.Expression;

test('runsPerHour: the scheduled runs one hour can hold', () => {
  expect([1, 7, 15, 60, 90, 1440].map(runsPerHour)).toEqual([60, 9, 4, 1, 1, 1]);
});

describe('stalled', () => {
  test('no PollSucceeded from poll-feed in 4 consecutive schedule periods, missing data breaching', () => {
    expect(alarmOf(template, child(built.ingest, 'Stalled'))).toEqual({
      Namespace: 'Newswire',
      MetricName: 'PollSucceeded',
      Dimensions: [{ Name: 'service', Value: 'newswire-poll-feed' }],
      Statistic: 'Sum',
      Period: SCHEDULE * 60,
      EvaluationPeriods: 4,
      DatapointsToAlarm: 4,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      AlarmActions: topic(),
      AlarmDescription: expect.stringContaining(
        'No feed was polled successfully (200 or 304) in 4 schedule periods (28 minutes)',
      ),
    });
  });

  test('the service dimension is the one poll-feed emits it under (POWERTOOLS_SERVICE_NAME)', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Role: getAtt(built.ingest.poll.fn.role, 'Arn'),
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'newswire-poll-feed' }) },
    });
  });
});

describe('haywire', () => {
  test('poll-feed: invocations per (enabled feed + 1) in an hour above factor × runs per hour', () => {
    const alarm = alarmOf(template, child(built.ingest, 'HaywirePollFeed'));
    expect(alarm).toMatchObject({
      Threshold: 3 * RUNS,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: topic(),
      AlarmDescription: expect.stringContaining(`more than 3 × ${RUNS} times per enabled feed`),
    });
    // one enabled feed configured: the count when the silent-feed check has emitted none
    expect(expressionOf(alarm)).toBe('invocations / (FILL(feeds, 1) + 1)');
    expect(statsOf(alarm)).toEqual({
      invocations: {
        Metric: {
          Namespace: 'AWS/Lambda',
          MetricName: 'Invocations',
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(built.ingest.poll.fn.fn) } }],
        },
        Period: 3600,
        Stat: 'Sum',
      },
      feeds: {
        Metric: {
          Namespace: 'Newswire',
          MetricName: 'FeedsEnabled',
          Dimensions: [{ Name: 'service', Value: 'newswire-silent-feed-check' }],
        },
        Period: 3600,
        Stat: 'Maximum',
      },
    });
  });

  test('process-article: invocations per (article messages sent + runs × (feeds + 1)) above the factor', () => {
    const alarm = alarmOf(template, child(built.ingest, 'HaywireProcessArticle'));
    expect(alarm).toMatchObject({
      Threshold: 3,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: topic(),
    });
    expect(expressionOf(alarm)).toBe(`invocations / (sent + ${RUNS} * (FILL(feeds, 1) + 1))`);
    const stats = statsOf(alarm) as Record<string, { Metric: Record<string, unknown>; Stat: string; Period: number }>;
    expect(stats.invocations?.Metric).toMatchObject({
      MetricName: 'Invocations',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(built.ingest.articles.fn.fn) } }],
    });
    expect(stats.sent).toEqual({
      Metric: {
        Namespace: 'AWS/SQS',
        MetricName: 'NumberOfMessagesSent',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(built.ingest.articles.queue, 'QueueName') }],
      },
      Period: 3600,
      Stat: 'Sum',
    });
    expect(stats.feeds?.Metric).toMatchObject({ MetricName: 'FeedsEnabled' });
  });
});

describe('silent feed', () => {
  test('an hourly check of the Feeds table with the configured hours, alarming when SilentFeeds > 0', () => {
    const check = built.ingest.silentFeedCheck;
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [Match.objectLike({ Arn: getAtt(check.fn.fn, 'Arn') })],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Role: getAtt(check.fn.role, 'Arn'),
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'newswire-silent-feed-check',
          SILENT_FEED_HOURS: '24',
          FEEDS_TABLE: { 'Fn::ImportValue': importName(built.data.feedsTable, built.data.feedsTable.tableName) },
        }),
      },
    });
    expect(alarmOf(template, check.silentAlarm)).toEqual({
      Namespace: 'Newswire',
      MetricName: 'SilentFeeds',
      Dimensions: [{ Name: 'service', Value: 'newswire-silent-feed-check' }],
      Statistic: 'Maximum',
      Period: 3600,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'ignore',
      AlarmActions: topic(),
      AlarmDescription: expect.stringContaining('newswire feeds list --silent'),
    });
    expect(alarmOf(template, check.errorsAlarm)).toMatchObject({
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(check.fn.fn) } }],
      AlarmActions: topic(),
    });
  });

  test('least privilege: Scan of the Feeds table and nothing else (besides its logs; no X-Ray, tracing is off)', () => {
    const feeds = importName(built.data.feedsTable, built.data.feedsTable.tableArn);
    const lines = permissionLines(template, built.ingest.silentFeedCheck.fn, { [feeds]: 'Feeds' });
    expect(lines.filter((l) => !l.startsWith('logs:'))).toEqual(['dynamodb:Scan on <Feeds>']);
    expect(lines.filter((l) => l.startsWith('logs:')).map((l) => l.split(' on ')[0])).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
  });
});

describe('throttles', () => {
  test('every function of the stack has a Throttles alarm (Sum over 5 minutes > 0) to the topic', () => {
    const fns = built.ingest.node.findAll().filter((c): c is NewswireFunction => c instanceof NewswireFunction);
    expect(fns.map((f) => f.serviceName).sort()).toEqual(
      expect.arrayContaining([
        'newswire-dispatch',
        'newswire-overflow-sweep',
        'newswire-poll-feed',
        'newswire-process-article',
        'newswire-silent-feed-check',
      ]),
    );
    for (const fn of fns) {
      expect(alarmOf(template, child(fn, 'Throttles'))).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Throttles',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn.fn) } }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: topic(),
        AlarmDescription: expect.stringContaining(`The ${fn.serviceName} function was throttled`),
      });
    }
  });

  test.each([
    ['Articles', () => built.data.articlesTable, ARTICLES_TABLE.indexes.map((i) => i.name)],
    ['Feeds', () => built.data.feedsTable, FEEDS_TABLE.indexes.map((i) => i.name)],
  ])(
    '%s table: read and write throttle events of the table and write throttle events of each index',
    (label, table, indexes) => {
      const alarm = alarmOf(template, child(built.ingest, `${label}TableThrottles`));
      expect(alarm).toMatchObject({
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
        AlarmActions: topic(),
        AlarmDescription: expect.stringContaining(`${label} table`),
      });
      const tableName = { 'Fn::ImportValue': importName(table(), table().tableName) };
      const stats = Object.values(statsOf(alarm)) as { Metric: { MetricName: string; Dimensions: unknown[] } }[];
      expect(stats.map((s) => [s.Metric.MetricName, s.Metric.Dimensions])).toEqual([
        ['ReadThrottleEvents', [{ Name: 'TableName', Value: tableName }]],
        ['WriteThrottleEvents', [{ Name: 'TableName', Value: tableName }]],
        ...indexes.map((index) => [
          'WriteThrottleEvents',
          [
            { Name: 'GlobalSecondaryIndexName', Value: index },
            { Name: 'TableName', Value: tableName },
          ],
        ]),
      ]);
      expect(expressionOf(alarm)).toBe(
        Object.keys(statsOf(alarm))
          .map((id) => `FILL(${id}, 0)`)
          .join(' + '),
      );
    },
  );
});

describe('queue age', () => {
  test('every queue of the stack but the two dispatch parking queues has an oldest-message alarm: the source queues at queueAgeAlarmMinutes, the rest at 10 days', () => {
    const sources = new Set([logicalId(built.ingest.poll.queue), logicalId(built.ingest.articles.queue)]);
    // A failed dispatch run is superseded by the next one: purged, never redriven, so no age alarm.
    const superseded = new Set([logicalId(built.ingest.scheduleDlq), logicalId(built.ingest.dispatchFailures)]);
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThanOrEqual(6);
    const ageAlarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .map((a) => a.Properties)
      .filter((p) => p.MetricName === 'ApproximateAgeOfOldestMessage');
    expect(ageAlarms).toHaveLength(queues.length - 2);
    for (const q of queues) {
      const mine = ageAlarms.filter((p) => JSON.stringify(p.Dimensions).includes(`"${q}"`));
      if (superseded.has(q)) {
        expect(mine).toHaveLength(0);
        continue;
      }
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        Namespace: 'AWS/SQS',
        Statistic: 'Maximum',
        Threshold: sources.has(q) ? 120 * 60 : DLQ_AGE_ALARM.toSeconds(),
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: topic(),
      });
    }
    expect(DLQ_AGE_ALARM.toDays()).toBe(10);
  });

  test('a dead-letter queue age alarm says how long is left before SQS deletes the message, and what to do', () => {
    expect(alarmOf(template, child(built.ingest.poll.deadLetterQueue, 'OldestMessageAge'))).toMatchObject({
      AlarmDescription: expect.stringMatching(
        /PollFeed\/Dlq has waited 10 days: SQS deletes it at 14 days .* lost in 4 days.*redrive/,
      ),
    });
  });
});

test('every alarm of the stack notifies the topic and says what to do (a description of some length)', () => {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  expect(alarms.length).toBeGreaterThanOrEqual(24);
  for (const a of alarms) {
    expect(a.AlarmActions).toEqual(topic());
    expect(String(a.AlarmDescription).length).toBeGreaterThan(40);
  }
});

describe('configuration flows into the alarms', () => {
  let other: Template;
  beforeAll(() => {
    const app = buildNewswireApp({
      [CONTEXT_KEYS.stage]: 'tuned',
      [CONTEXT_KEYS.scheduleMinutes]: 15,
      [CONTEXT_KEYS.stalledIntervals]: 6,
      [CONTEXT_KEYS.haywireFactor]: 5,
      [CONTEXT_KEYS.silentFeedHours]: 48,
    });
    built2 = app;
    other = Template.fromStack(app.ingest);
  });
  let built2: NewswireApp;

  test('stalledIntervals, haywireFactor and silentFeedHours', () => {
    expect(alarmOf(other, child(built2.ingest, 'Stalled'))).toMatchObject({
      Period: 900,
      EvaluationPeriods: 6,
      DatapointsToAlarm: 6,
    });
    // no feeds configured: the fallback count is 0 (+ 1 of headroom)
    const poll = alarmOf(other, child(built2.ingest, 'HaywirePollFeed'));
    expect(poll.Threshold).toBe(5 * 4);
    expect(expressionOf(poll)).toBe('invocations / (FILL(feeds, 0) + 1)');
    expect(alarmOf(other, child(built2.ingest, 'HaywireProcessArticle')).Threshold).toBe(5);
    other.hasResourceProperties('AWS::Lambda::Function', {
      Role: getAtt(built2.ingest.silentFeedCheck.fn.role, 'Arn'),
      Environment: { Variables: Match.objectLike({ SILENT_FEED_HOURS: '48' }) },
    });
    expect(alarmOf(other, built2.ingest.silentFeedCheck.silentAlarm).AlarmDescription).toContain('for 48 hours');
  });
});

test('the dashboard graphs what the new alarms watch: successful polls, silent and enabled feeds, hourly invocations', () => {
  const body = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]?.Properties);
  for (const needle of [
    'Polls and feeds (stalled / silent-feed alarms)',
    '\\"Newswire\\",\\"PollSucceeded\\",\\"service\\",\\"newswire-poll-feed\\"',
    '\\"SilentFeeds\\",\\"service\\",\\"newswire-silent-feed-check\\"',
    '\\"FeedsEnabled\\"',
    'Invocations per hour (haywire alarms)',
  ]) {
    expect(body).toContain(needle);
  }
});

describe('the default alarm set (newswire:alarms=essential)', () => {
  // GIVEN the app with the defaults
  let essential: Template;
  let fullAlarms: Record<string, unknown>;
  beforeAll(() => {
    essential = Template.fromStack(buildNewswireApp({ ...TEST_CONTEXT, ...NO_BUNDLING }).ingest);
    fullAlarms = template.findResources('AWS::CloudWatch::Alarm');
  });
  const metricNames = (alarm: { Properties: Record<string, unknown> }) =>
    alarm.Properties.MetricName !== undefined
      ? [alarm.Properties.MetricName as string]
      : (alarm.Properties.Metrics as { MetricStat?: { Metric: { MetricName: string } } }[])
          .filter((m) => m.MetricStat)
          .map((m) => m.MetricStat!.Metric.MetricName);

  test('leaves out exactly the throttle alarms of the functions and tables, and keeps every other alarm as it is', () => {
    const alarms = essential.findResources('AWS::CloudWatch::Alarm') as Record<
      string,
      { Properties: Record<string, unknown> }
    >;
    const full = fullAlarms as typeof alarms;
    const throttles = Object.keys(full).filter((id) => /Throttles[0-9A-F]{8}$/.test(id));
    // 5 functions and 2 tables
    expect(throttles).toHaveLength(7);
    expect(Object.keys(alarms).sort()).toEqual(
      Object.keys(full)
        .filter((id) => !throttles.includes(id))
        .sort(),
    );
    for (const [id, alarm] of Object.entries(alarms)) expect(alarm).toEqual(full[id]);
    // Still one for each failure class: DLQ depth and age, queue age, function errors, stalled, silent, haywire.
    const watched = Object.values(alarms).flatMap(metricNames);
    expect(watched.filter((m) => m === 'ApproximateNumberOfMessagesVisible')).toHaveLength(4);
    expect(watched.filter((m) => m === 'ApproximateAgeOfOldestMessage')).toHaveLength(4);
    expect(watched.filter((m) => m === 'Errors')).toHaveLength(5);
    expect(watched).toEqual(expect.arrayContaining(['PollSucceeded', 'SilentFeeds', 'Invocations']));
    expect(watched.filter((m) => /Throttle/.test(m))).toEqual([]);
  });
});

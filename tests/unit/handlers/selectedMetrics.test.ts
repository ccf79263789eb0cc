/**
 * The functions of a stack without a dashboard emit only the metrics alarms watch (NEWSWIRE_METRICS=
 * alarmed): what they print is the EMF line CloudWatch turns into metrics, so the test reads it.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { ALARM_METRICS } from '../../../lambdas/handlers/metricNames';
import { SelectedMetrics } from '../../../lambdas/handlers/selectedMetrics';

/** The metric names of every EMF line `run` prints, and everything it prints. */
function printed(run: () => void): { names: string[][]; text: string } {
  const lines: string[] = [];
  const spies = [jest.spyOn(console, 'log'), jest.spyOn(console, 'warn'), jest.spyOn(console, 'info')].map((s) =>
    s.mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
  );
  const streams = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => lines.push(String(chunk)) > 0),
  );
  try {
    run();
  } finally {
    for (const s of [...spies, ...streams]) s.mockRestore();
  }
  const names = lines
    .filter((l) => l.includes('_aws'))
    .map((l) => {
      const emf = JSON.parse(l) as { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } };
      return emf._aws.CloudWatchMetrics.flatMap((m) => m.Metrics.map((x) => x.Name)).sort();
    });
  return { names, text: lines.join('\n') };
}

describe('SelectedMetrics', () => {
  const emit = (alarmedOnly: boolean, names: string[]) =>
    printed(() => {
      const m = new SelectedMetrics({ namespace: 'Newswire', serviceName: 'newswire-test' }, alarmedOnly);
      for (const n of names) m.addMetric(n, MetricUnit.Count, 1);
      m.publishStoredMetrics();
    });

  test('alarmed only: keeps the alarm metrics and drops the rest', () => {
    const out = emit(true, [ALARM_METRICS.pollSucceeded, 'FeedItemsQueued', 'FeedPollFailures']);
    expect(out.names).toEqual([[ALARM_METRICS.pollSucceeded]]);
  });

  test('alarmed only: a flush with nothing kept prints nothing at all (no EMF line, no Powertools warning)', () => {
    expect(emit(true, ['FeedsDispatched']).text).toBe('');
  });

  test('not alarmed only: every metric is emitted, and an empty flush warns as Powertools does', () => {
    expect(emit(false, []).text).toContain('No application metrics to publish');
    const out = emit(false, [ALARM_METRICS.pollSucceeded, 'FeedItemsQueued']);
    expect(out.names).toEqual([['FeedItemsQueued', ALARM_METRICS.pollSucceeded].sort()]);
  });
});

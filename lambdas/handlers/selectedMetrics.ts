/**
 * Powertools Metrics that can leave out the metrics no alarm watches: with `alarmedOnly`, addMetric
 * keeps only ALARM_METRICS, and a flush with nothing kept prints nothing (Powertools would warn).
 * The stack asks for it (env NEWSWIRE_METRICS=alarmed) when it deploys no dashboard.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { ALARM_METRICS } from './metricNames';

type MetricsOptions = ConstructorParameters<typeof Metrics>[0];
type AddMetric = Metrics['addMetric'];

const ALARMED: ReadonlySet<string> = new Set(Object.values(ALARM_METRICS));

export class SelectedMetrics extends Metrics {
  constructor(
    options: MetricsOptions,
    private readonly alarmedOnly: boolean,
  ) {
    super(options);
  }

  override addMetric(...args: Parameters<AddMetric>): this {
    if (this.alarmedOnly && !ALARMED.has(args[0])) return this;
    return super.addMetric(...args);
  }

  override publishStoredMetrics(): this {
    if (this.alarmedOnly && !this.hasStoredMetrics()) return this;
    return super.publishStoredMetrics();
  }
}

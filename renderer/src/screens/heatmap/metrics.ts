/** The heatmap's metrics: their names, units and where each one is in a region's series. */
import type { SeriesPoint, StatsMetric } from '../../../../bot-service/contract/stats.ts';
import type { MessageKey } from '../../i18n/index.tsx';

export type MetricSpec = {
  metric: StatsMetric;
  label: MessageKey;
  /** Unit after a number, e.g. "1.234 percakapan". */
  unit: MessageKey;
  /** What the metric counts, shown under the picker. */
  help: MessageKey;
  series: keyof Pick<SeriesPoint, 'conversations' | 'contacts' | 'messagesIn' | 'handoffs' | 'hoaxClaims' | 'selfcheckHigh'>;
};

export const metricSpecs: readonly MetricSpec[] = [
  { metric: 'conversations', label: 'stats.metric.conversations', unit: 'stats.unit.conversations', help: 'stats.help.conversations', series: 'conversations' },
  { metric: 'contacts', label: 'stats.metric.contacts', unit: 'stats.unit.contacts', help: 'stats.help.contacts', series: 'contacts' },
  { metric: 'selfcheck_high', label: 'stats.metric.selfcheckHigh', unit: 'stats.unit.selfcheckHigh', help: 'stats.help.selfcheckHigh', series: 'selfcheckHigh' },
  { metric: 'hoax_claims', label: 'stats.metric.hoaxClaims', unit: 'stats.unit.hoaxClaims', help: 'stats.help.hoaxClaims', series: 'hoaxClaims' },
  { metric: 'handoffs', label: 'stats.metric.handoffs', unit: 'stats.unit.handoffs', help: 'stats.help.handoffs', series: 'handoffs' },
  { metric: 'messages', label: 'stats.metric.messages', unit: 'stats.unit.messages', help: 'stats.help.messages', series: 'messagesIn' },
];

export function metricSpec(metric: StatsMetric): MetricSpec {
  return metricSpecs.find(m => m.metric === metric) ?? metricSpecs[0]!;
}

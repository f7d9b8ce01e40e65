/** The counters the projector keeps, named as their columns in `stats_hourly`. */

export const FEATURES = ['radar', 'data', 'faq', 'selfcheck', 'tips', 'hoax', 'hospital', 'hotline', 'info', 'menu'] as const;
export type Feature = (typeof FEATURES)[number];

export const SELFCHECK_LEVELS = ['rendah', 'sedang', 'tinggi'] as const;
export type SelfcheckLevel = (typeof SELFCHECK_LEVELS)[number];

export const METRIC_COLUMNS = [
  'conversations',
  'conversations_handed_off',
  'messages_in',
  'messages_out',
  'delivery_failures',
  'handoffs',
  'hoax_claims',
  'selfcheck_rendah',
  'selfcheck_sedang',
  'selfcheck_tinggi',
  'feature_radar',
  'feature_data',
  'feature_faq',
  'feature_selfcheck',
  'feature_tips',
  'feature_hoax',
  'feature_hospital',
  'feature_hotline',
  'feature_info',
  'feature_menu',
] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];

export type MetricRow = Record<MetricColumn, number>;

export function emptyMetrics(): MetricRow {
  return Object.fromEntries(METRIC_COLUMNS.map(c => [c, 0])) as MetricRow;
}

export function isFeature(value: unknown): value is Feature {
  return typeof value === 'string' && (FEATURES as readonly string[]).includes(value);
}

export function isSelfcheckLevel(value: unknown): value is SelfcheckLevel {
  return typeof value === 'string' && (SELFCHECK_LEVELS as readonly string[]).includes(value);
}

export const UNKNOWN_REGION = 'unknown';

/** A Kemendagri code of a Jawa Timur region (`35.01` ... `35.79`), else `unknown`. */
export function regionKey(code: unknown): string {
  return typeof code === 'string' && /^35\.\d{2}$/.test(code) ? code : UNKNOWN_REGION;
}

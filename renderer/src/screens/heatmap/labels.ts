/** Names of the bot's features and self check-up levels, shared by the heatmap and the reports. */
import type { MessageKey } from '../../i18n/index.tsx';

import { type Feature as FeatureKey } from '../../conversation/labels.ts';

// The feature names are the conversation labels' (one list for every screen).
export { features as FEATURE_KEYS, featureLabel as featureLabels } from '../../conversation/labels.ts';
export type { FeatureKey };

export const LEVEL_KEYS = ['rendah', 'sedang', 'tinggi'] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

export const levelLabels: Record<LevelKey, MessageKey> = {
  rendah: 'stats.level.rendah',
  sedang: 'stats.level.sedang',
  tinggi: 'stats.level.tinggi',
};

/** Self check-up levels in traffic-light colours, readable on white. */
export const levelColors: Record<LevelKey, string> = {
  rendah: '#2e8b57',
  sedang: '#e0a100',
  tinggi: '#c62828',
};

/** One hue per feature for the feature-mix charts. */
export const featureColors: Record<FeatureKey, string> = {
  radar: '#0f5e9c',
  data: '#3b82c4',
  faq: '#7c5cc4',
  selfcheck: '#c2410c',
  tips: '#15803d',
  hoax: '#b91c1c',
  hospital: '#0e7490',
  hotline: '#a16207',
  info: '#4d7c0f',
  menu: '#64748b',
};

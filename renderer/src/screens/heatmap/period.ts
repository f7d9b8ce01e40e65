/** The heatmap's periods: quick choices relative to today (WIB) and a custom day or range. */
import type { MessageKey } from '../../i18n/index.tsx';
import { addDays } from '../../lib/time.ts';
import type { Period } from './queries.ts';

export const PRESETS = ['today', 'yesterday', 'last3', 'last7', 'last30'] as const;
export type Preset = (typeof PRESETS)[number];

export const presetLabels: Record<Preset, MessageKey> = {
  today: 'stats.period.today',
  yesterday: 'stats.period.yesterday',
  last3: 'stats.period.last3',
  last7: 'stats.period.last7',
  last30: 'stats.period.last30',
};

/** The days a preset covers, today included for the "last n days" ones. */
export function presetPeriod(preset: Preset, today: string): Period {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'last3':
      return { from: addDays(today, -2), to: today };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
  }
}

/** Which preset a period is, if any. */
export function presetOf(period: Period, today: string): Preset | null {
  return PRESETS.find(p => {
    const candidate = presetPeriod(p, today);
    return candidate.from === period.from && candidate.to === period.to;
  }) ?? null;
}

/** A period with its ends in order and none in the future. */
export function normalisePeriod(period: Period, today: string): Period {
  const to = period.to > today ? today : period.to;
  const from = period.from > to ? to : period.from;
  return { from, to };
}

/** Days in a period, both ends included. */
export function periodDays(period: Period): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

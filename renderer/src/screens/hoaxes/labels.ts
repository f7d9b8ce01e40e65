/** Words and colours of the desk's verdicts and figures. */
import type { HoaxVerdict } from '../../../../bot-service/contract/hoax.ts';
import type { Tone } from '../../components/StatusBadge.tsx';
import type { MessageKey } from '../../i18n/index.tsx';
import { regionByCode } from '../../lib/regions.ts';

export const verdicts: readonly HoaxVerdict[] = ['hoaks', 'menyesatkan', 'fakta', 'belum_jelas'];

export const verdictLabel: Record<HoaxVerdict, MessageKey> = {
  hoaks: 'hoax.verdict.hoaks',
  menyesatkan: 'hoax.verdict.menyesatkan',
  fakta: 'hoax.verdict.fakta',
  belum_jelas: 'hoax.verdict.belum_jelas',
};

export const verdictTone: Record<HoaxVerdict, Tone> = { hoaks: 'danger', menyesatkan: 'warning', fakta: 'success', belum_jelas: 'neutral' };

export const isFinal = (v: HoaxVerdict | null | undefined): boolean => v === 'hoaks' || v === 'menyesatkan' || v === 'fakta';

/** "Kota Surabaya", "Kab. Malang", or the word for unknown. */
export function regionName(code: string, unknown: string): string {
  return regionByCode(code)?.label ?? (code === 'unknown' ? unknown : code);
}

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

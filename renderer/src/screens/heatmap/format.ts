/**
 * Numbers for people in the console's language: counts with thousands separators, rates per
 * 100,000 with one decimal, changes with their sign, shares as percentages.
 */
import { localeOf, type Lang } from '../../i18n/index.tsx';

export type NumberFormats = {
  count: (value: number) => string;
  /** Per 100,000 people: two decimals below 1, one below 100, none above. */
  rate: (value: number) => string;
  /** `+12`, `−3`, `0`. */
  change: (value: number) => string;
  /** 0.873 → `87,3 %` (id) / `87.3%` (en). */
  percent: (share: number) => string;
  /** Compact for axes: `12,3 rb` / `12.3K`. */
  compact: (value: number) => string;
};

const cache = new Map<Lang, NumberFormats>();

export function numberFormats(lang: Lang): NumberFormats {
  let formats = cache.get(lang);
  if (formats !== undefined) return formats;
  const locale = localeOf(lang);
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const small = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const tiny = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const change = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  formats = {
    count: value => count.format(value),
    rate: value => (value !== 0 && Math.abs(value) < 1 ? tiny : Math.abs(value) < 100 ? small : count).format(value),
    change: value => change.format(value).replace('-', '−'),
    percent: share => percent.format(share),
    compact: value => compact.format(value),
  };
  cache.set(lang, formats);
  return formats;
}

import type { Catalogue } from './catalogue/index.ts';

/** Numbers, dates and distances written the way each language writes them. */

const numberFormats = new Map<string, Intl.NumberFormat>();
const kmFormats = new Map<string, Intl.NumberFormat>();

export function formatCount(n: number | null, t: Catalogue, missing: string): string {
  if (n === null) return missing;
  let f = numberFormats.get(t.locale);
  if (!f) numberFormats.set(t.locale, (f = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0 })));
  return f.format(n);
}

/** Kilometres with one decimal below 10 km, whole above. */
export function formatKm(km: number, t: Catalogue): string {
  let f = kmFormats.get(t.locale);
  if (!f) kmFormats.set(t.locale, (f = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1, minimumFractionDigits: 0 })));
  return f.format(km < 10 ? Math.round(km * 10) / 10 : Math.round(km));
}

/** "2020-04-03" -> "3 April 2020"; anything else is shown as stored. */
export function formatDate(isoDate: string, t: Catalogue): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const month = t.months[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
}

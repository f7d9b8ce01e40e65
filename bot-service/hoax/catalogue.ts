/**
 * What the desk's clarification says around staff's text: a line that tells the citizen which
 * message it is about, the verdict in the bot's own words (flows/catalogue), the clarification
 * as written, and its source. The clarification itself is never reworded.
 */
import { catalogueFor } from '../flows/catalogue/index.ts';
import type { Language } from '../flows/types.ts';

export type FinalVerdict = 'hoaks' | 'menyesatkan' | 'fakta';

const intro: Record<Language, string> = {
  id: '📣 Pesan berantai yang pernah Anda kirim ke kami sudah diperiksa tim cek fakta Posko COVID-19 Jatim.',
  en: '📣 The forwarded message you sent us has been checked by the East Java COVID-19 command post fact-check team.',
};

const onlyIndonesian: Record<Language, string | null> = { id: null, en: '(Clarification available in Indonesian only.)' };

/** Plain verdict words for a template parameter (no emoji, one line). */
export const verdictWords: Record<Language, Record<FinalVerdict, string>> = {
  id: { hoaks: 'HOAKS', menyesatkan: 'MENYESATKAN', fakta: 'FAKTA' },
  en: { hoaks: 'HOAX', menyesatkan: 'MISLEADING', fakta: 'FACT' },
};

export function languageOf(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'id';
}

/** The free-form clarification message (inside the 24-hour window). */
export function clarificationText(
  lang: Language,
  v: { verdict: FinalVerdict; clarification: string; clarificationEn: string | null; source: string | null }
): string {
  const t = catalogueFor(lang);
  const text = lang === 'en' && v.clarificationEn ? v.clarificationEn : v.clarification;
  const note = lang === 'en' && !v.clarificationEn ? onlyIndonesian.en : null;
  return [intro[lang], t.hoax.title(t.hoax.verdicts[v.verdict]), note, text, v.source ? `_${t.hoax.source(v.source)}_` : null]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * A template parameter: one line, no tabs or long runs of spaces (Meta refuses them), at most
 * `max` characters.
 */
export function templateParam(text: string, max = 1000): string {
  const flat = text.replace(/[\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

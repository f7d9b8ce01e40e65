/**
 * The interface language: Indonesian by default, English on request.
 *
 * One flat catalogue per language (`id.ts`, `en.ts`) with the same keys; `{name}` in a text is
 * filled from the values given to `t`. The choice is remembered in localStorage.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { id, type MessageKey } from './id.ts';

export type { MessageKey } from './id.ts';
export type Lang = 'id' | 'en';
export type TranslateValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: TranslateValues) => string;

const catalogues: Record<Lang, Record<MessageKey, string>> = { id, en };
const storageKey = 'console.lang';

/** Fills `{name}` placeholders; unknown ones stay visible so a missing value is noticed. */
export function format(text: string, values?: TranslateValues): string {
  if (values === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, values?: TranslateValues): string {
  return format(catalogues[lang][key], values);
}

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(storageKey) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

type I18n = { lang: Lang; setLang: (lang: Lang) => void; t: Translate };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedLang());
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const t = useCallback<Translate>((key, values) => translate(lang, key, values), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useT() outside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}

/** The current language and the switch. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useI18n();
  return { lang, setLang };
}

/** Locale for dates and numbers. */
export function localeOf(lang: Lang): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}

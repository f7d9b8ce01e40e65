import { useLang, useT } from '../i18n/index.tsx';

/** Bahasa Indonesia / English, as two toggle buttons. */
export function LanguageSwitch() {
  const t = useT();
  const { lang, setLang } = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      <button type="button" aria-pressed={lang === 'id'} onClick={() => setLang('id')} lang="id" title="Bahasa Indonesia">
        ID
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en" title="English">
        EN
      </button>
    </div>
  );
}

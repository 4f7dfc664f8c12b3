import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { type Language, languages } from '../i18n/language';

/** FR / EN toggle; `onChange` lets a signed-in page also save the choice in the user's profile. */
export function LanguageSwitcher({ onChange }: { onChange?: (lang: Language) => void }) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage;

  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">{t('nav.language')}</legend>
      <div className="inline-flex rounded-lg border border-slate-200 bg-white p-0.5 shadow-xs dark:border-slate-700 dark:bg-slate-900">
        {languages.map((lang) => {
          const active = current === lang;
          return (
            <button
              key={lang}
              type="button"
              lang={lang}
              aria-pressed={active}
              aria-label={t(`language.${lang}`)}
              onClick={() => {
                void changeLanguage(lang);
                onChange?.(lang);
              }}
              className={
                active
                  ? 'rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-semibold tracking-wide text-white'
                  : 'rounded-md px-2.5 py-1 text-xs font-semibold tracking-wide text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'
              }
            >
              {lang.toUpperCase()}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

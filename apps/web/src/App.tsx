import { useTranslation } from 'react-i18next';
import { LogoMark } from './components/icons';
import { LanguageSwitcher } from './components/language-switcher';
import { HomePage } from './features/home/home-page';

export function App() {
  const { t } = useTranslation();

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-lg bg-indigo-600 px-4 py-2 font-semibold text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
      >
        {t('nav.skip')}
      </a>
      <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-950/80">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <a href="/" className="flex items-center gap-2.5 rounded-lg" aria-label={t('app.logoLabel')}>
            <LogoMark className="size-8" />
            <span className="text-lg font-bold tracking-tight text-slate-900 dark:text-white">
              {t('app.name')}
            </span>
          </a>
          <LanguageSwitcher />
        </div>
      </header>

      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <HomePage />
      </main>

      <footer className="border-t border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6 dark:text-slate-400">
          <p>{t('footer.license')}</p>
          <nav aria-label={t('footer.links')} className="flex flex-wrap gap-x-5 gap-y-2">
            <a href="/api/docs" className="hover:text-slate-900 hover:underline dark:hover:text-white">
              {t('hero.apiDocs')}
            </a>
            <a
              href="/api/v1/openapi.json"
              className="hover:text-slate-900 hover:underline dark:hover:text-white"
            >
              {t('footer.openapi')}
            </a>
          </nav>
        </div>
      </footer>
    </div>
  );
}

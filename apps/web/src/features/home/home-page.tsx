import { useTranslation } from 'react-i18next';
import { ArrowRightIcon, CodeIcon } from '../../components/icons';
import { moduleCards } from './modules';
import { ServerStatus } from './server-status';

export function HomePage() {
  const { t } = useTranslation();

  return (
    <>
      <section aria-labelledby="hero-title" className="relative isolate overflow-hidden">
        <div
          aria-hidden="true"
          className="absolute inset-0 -z-10 bg-linear-to-b from-indigo-100/70 to-transparent dark:from-indigo-950/50"
        />
        <div className="mx-auto grid max-w-6xl gap-10 px-4 pt-10 pb-12 sm:px-6 sm:pt-16 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-center lg:gap-16 lg:pt-16">
          <div>
            <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase dark:text-indigo-300">
              {t('hero.eyebrow')}
            </p>
            <h1
              id="hero-title"
              className="mt-3 text-6xl font-extrabold tracking-tight text-slate-900 sm:text-7xl dark:text-white"
            >
              {t('app.name')}
            </h1>
            <p className="mt-5 max-w-2xl text-lg text-pretty text-slate-600 sm:text-xl dark:text-slate-300">
              {t('app.tagline')}
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <a
                href="/api/docs"
                className="inline-flex items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 dark:hover:bg-indigo-500"
              >
                <CodeIcon className="size-4" />
                {t('hero.apiDocs')}
              </a>
              <a
                href="#modules"
                className="inline-flex items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 shadow-xs hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
              >
                {t('hero.modules')}
                <ArrowRightIcon className="size-4" />
              </a>
            </div>
          </div>
          <ServerStatus />
        </div>
      </section>

      <section
        id="modules"
        aria-labelledby="modules-title"
        className="mx-auto max-w-6xl scroll-mt-6 px-4 pb-20 sm:px-6"
      >
        <h2 id="modules-title" className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          {t('modules.title')}
        </h2>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-400">{t('modules.intro')}</p>
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {moduleCards.map(({ key, Icon, tint }) => (
            <li
              key={key}
              className="flex gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:block sm:p-5 transition-shadow hover:shadow-md dark:border-slate-800 dark:bg-slate-900"
            >
              <span className={`inline-flex size-10 shrink-0 items-center justify-center rounded-xl ${tint}`}>
                <Icon className="size-5" />
              </span>
              <div>
                <h3 className="font-semibold text-slate-900 sm:mt-4 dark:text-white">
                  {t(`modules.${key}.title`)}
                </h3>
                <p className="mt-1 text-sm leading-relaxed text-slate-600 sm:mt-1.5 dark:text-slate-400">
                  {t(`modules.${key}.description`)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

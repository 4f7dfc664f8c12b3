import { SURVEY_GROUPINGS, type SurveyResult } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { api } from '../../lib/api';
import { Stars } from './resolution';

const route = getRouteApi('/app/satisfaction');

const tabClass =
  '-mb-px flex items-center border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap outline-none focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:outline-indigo-600';

/** Answered satisfaction surveys per technician, group or category, over the tickets the viewer sees. */
export function SatisfactionPage() {
  const { t, i18n } = useTranslation('tickets');
  const { by } = route.useSearch();
  const results = useQuery({
    queryKey: ['survey-results', by],
    queryFn: () => api<SurveyResult[]>('GET', '/surveys/results', undefined, { by }),
  });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2, minimumFractionDigits: 1 });
  const total = (results.data ?? []).reduce((sum, r) => sum + r.answers, 0);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('satisfaction.title')} description={t('satisfaction.description')} />
      <nav
        aria-label={t('satisfaction.by')}
        className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800"
      >
        {SURVEY_GROUPINGS.map((grouping) => (
          <Link
            key={grouping}
            to="/satisfaction"
            search={{ by: grouping }}
            className={clsx(
              tabClass,
              grouping === by
                ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
            )}
            aria-current={grouping === by ? 'page' : undefined}
          >
            {t(`satisfaction.groupings.${grouping}`)}
          </Link>
        ))}
      </nav>
      {results.isPending ? (
        <Spinner />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => results.refetch()} />
      ) : results.data.length === 0 ? (
        <EmptyState title={t('satisfaction.empty')}>{t('satisfaction.emptyHint')}</EmptyState>
      ) : (
        <section className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-xs dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase dark:bg-slate-800/50 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t(`satisfaction.groupings.${by}`)}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t('satisfaction.average')}
                </th>
                <th scope="col" className="px-4 py-3 text-right">
                  {t('satisfaction.answers')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {results.data.map((row) => (
                <tr key={row.key ?? 'none'}>
                  <td className="px-4 py-3 font-medium text-slate-900 dark:text-white">
                    {row.name ?? <span className="text-slate-400 italic">{t('satisfaction.none')}</span>}
                  </td>
                  <td className="px-4 py-3">
                    <span className="inline-flex items-center gap-2">
                      <Stars rating={Math.round(row.average)} size="size-4" />
                      <span className="text-slate-700 tabular-nums dark:text-slate-300">
                        {number.format(row.average)}
                      </span>
                    </span>
                  </td>
                  <td className="px-4 py-3 text-right text-slate-700 tabular-nums dark:text-slate-300">
                    {row.answers}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="border-t border-slate-100 px-4 py-3 text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
            {t('satisfaction.total', { count: total })}
          </p>
        </section>
      )}
    </div>
  );
}

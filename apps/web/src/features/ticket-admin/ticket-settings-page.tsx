import type { TicketSettings } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { PageHeader } from '../../components/ui/page-header';
import { fieldErrorMessage } from '../../components/ui/server-errors';
import { ErrorState, errorMessage, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { DEFAULT_MATRIX, LEVELS, type Matrix, matrixProblems, sameMatrix, withCell } from './priority-matrix';
import { ticketSettingsQuery, useRefreshTicketConfig } from './queries';
import { asLevel, levelClasses } from './ui';

function Card({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-3 sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <div>
        <h2 className="text-base font-semibold text-slate-900 dark:text-white">{title}</h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-400">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** The 5 × 5 grid: urgency by row, impact by column, each cell a priority select in its colour. */
function MatrixEditor({ matrix, onChange }: { matrix: Matrix; onChange: (matrix: Matrix) => void }) {
  const { t } = useTranslation('ticket-admin');
  const problems = matrixProblems(matrix);
  const errorId = useId();
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto">
        <table className="mx-auto border-separate border-spacing-1 sm:mx-0 sm:border-spacing-1.5">
          <caption className="sr-only">{t('settings.matrix.caption')}</caption>
          <thead>
            <tr>
              <td className="p-0 align-bottom">
                <span className="block text-[11px] leading-tight text-slate-500 dark:text-slate-400">
                  <span className="block text-right">{t('settings.matrix.impact')} →</span>
                  <span className="block">{t('settings.matrix.urgency')} ↓</span>
                </span>
              </td>
              {LEVELS.map((impact) => (
                <th
                  key={impact}
                  scope="col"
                  className="px-0.5 pb-1 text-center align-bottom text-xs font-semibold text-slate-700 dark:text-slate-300"
                >
                  <span className="sr-only">{t('settings.matrix.impact')} </span>
                  <span className="block tabular-nums">{impact}</span>
                  <span className="hidden text-[11px] font-normal text-slate-500 sm:block dark:text-slate-400">
                    {t(`settings.levels.${impact}`)}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((urgency) => (
              <tr key={urgency}>
                <th
                  scope="row"
                  className="pr-1 text-left text-xs font-semibold whitespace-nowrap text-slate-700 sm:pr-2 dark:text-slate-300"
                >
                  <span className="sr-only">{t('settings.matrix.urgency')} </span>
                  <span className="tabular-nums">{urgency}</span>
                  <span className="hidden font-normal text-slate-500 sm:inline dark:text-slate-400">
                    {' '}
                    · {t(`settings.levels.${urgency}`)}
                  </span>
                </th>
                {LEVELS.map((impact) => {
                  const value = matrix[urgency - 1]?.[impact - 1] ?? 1;
                  const problem = problems.get(`${urgency}-${impact}`);
                  return (
                    <td key={impact} className="p-0">
                      {/* The select shows only the number (its options name the priorities): the text
                          of the closed select is hidden under the number. */}
                      <span
                        className={clsx(
                          'relative flex h-11 w-12 items-center justify-center rounded-lg text-base font-semibold tabular-nums ring-1 ring-inset focus-within:ring-2 focus-within:ring-indigo-600 sm:h-12 sm:w-20',
                          levelClasses[asLevel(value)].cell,
                          problem && 'ring-2 ring-rose-500 dark:ring-rose-400',
                        )}
                      >
                        <span aria-hidden="true">{value}</span>
                        <select
                          value={value}
                          onChange={(event) =>
                            onChange(withCell(matrix, urgency, impact, Number(event.target.value)))
                          }
                          aria-label={t('settings.matrix.cellLabel', { urgency, impact })}
                          aria-invalid={problem ? true : undefined}
                          aria-describedby={problem ? errorId : undefined}
                          className="absolute inset-0 cursor-pointer appearance-none rounded-lg bg-transparent text-transparent outline-none"
                        >
                          {LEVELS.map((p) => (
                            <option
                              key={p}
                              value={p}
                              className="bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100"
                            >
                              {p} · {t(`priority.${p}`)}
                            </option>
                          ))}
                        </select>
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.size > 0 ? (
        <div id={errorId} role="alert" className="text-sm font-medium text-rose-600 dark:text-rose-400">
          <p>{t('settings.matrix.invalid')}</p>
          <ul className="mt-1 list-disc pl-5 font-normal">
            {[...problems].map(([cell, kind]) => {
              const [urgency, impact] = cell.split('-');
              return <li key={cell}>{t(`settings.matrix.problem.${kind}`, { urgency, impact })}</li>;
            })}
          </ul>
        </div>
      ) : null}
      <ul
        className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-600 dark:text-slate-400"
        aria-label={t('settings.matrix.legend')}
      >
        {LEVELS.map((p) => (
          <li key={p} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={clsx('size-3 rounded ring-1 ring-inset', levelClasses[p].cell)}
            />
            {p} · {t(`priority.${p}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SettingsForm({ settings }: { settings: TicketSettings }) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshTicketConfig();
  const daysId = useId();
  const [matrix, setMatrix] = useState<Matrix>(settings.priority_matrix);
  const [days, setDays] = useState(String(settings.auto_close_days));
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [daysError, setDaysError] = useState<string | null>(null);

  const daysValue = /^\d{1,3}$/.test(days.trim()) ? Number(days.trim()) : null;
  const daysValid = daysValue !== null && daysValue <= 365;
  const matrixChanged = !sameMatrix(matrix, settings.priority_matrix);
  const daysChanged = daysValue !== settings.auto_close_days;
  const changed = matrixChanged || daysChanged;
  const valid = daysValid && matrixProblems(matrix).size === 0;

  async function save() {
    if (!daysValid) {
      setDaysError(t('settings.autoClose.invalid'));
      return;
    }
    if (!valid) return;
    setPending(true);
    setFormError(null);
    try {
      await api<TicketSettings>('PATCH', '/ticket-settings', {
        ...(matrixChanged && { priority_matrix: matrix }),
        ...(daysChanged && { auto_close_days: daysValue }),
      });
      await refresh();
      notify(t('settings.toast.saved'));
    } catch (error) {
      const daysProblem = fieldErrorMessage(error, 'auto_close_days');
      if (daysProblem) setDaysError(t('settings.autoClose.invalid'));
      else
        setFormError(
          fieldErrorMessage(error, 'priority_matrix') ? t('settings.matrix.invalid') : errorMessage(error),
        );
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Card title={t('settings.matrix.title')} description={t('settings.matrix.description')}>
        <MatrixEditor matrix={matrix} onChange={setMatrix} />
        <div>
          <Button
            variant="secondary"
            isDisabled={sameMatrix(matrix, DEFAULT_MATRIX)}
            onPress={() => setMatrix(DEFAULT_MATRIX)}
          >
            {t('settings.matrix.reset')}
          </Button>
        </div>
      </Card>
      <Card title={t('settings.autoClose.title')} description={t('settings.autoClose.description')}>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={daysId} className="text-sm font-medium text-slate-700 dark:text-slate-300">
            {t('settings.autoClose.label')}
          </label>
          <div className="flex items-center gap-2">
            <input
              id={daysId}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={3}
              value={days}
              onChange={(event) => {
                setDays(event.target.value.replace(/\D/g, ''));
                setDaysError(null);
              }}
              aria-invalid={daysError ? true : undefined}
              aria-describedby={`${daysId}-help`}
              className="w-20 rounded-lg border border-slate-300 bg-white px-3 py-2 text-right text-sm text-slate-900 tabular-nums shadow-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-rose-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
            />
            <span className="text-sm text-slate-600 dark:text-slate-400">
              {t('settings.autoClose.unit', { count: daysValue ?? 0 })}
            </span>
          </div>
          <p
            id={`${daysId}-help`}
            className={clsx(
              'text-xs',
              daysError
                ? 'font-medium text-rose-600 dark:text-rose-400'
                : 'text-slate-500 dark:text-slate-400',
            )}
          >
            {daysError ?? (daysValue === 0 ? t('settings.autoClose.never') : t('settings.autoClose.hint'))}
          </p>
        </div>
      </Card>
      <FormError>{formError}</FormError>
      <div className="flex flex-wrap items-center gap-3">
        <FormActions
          layout="inline"
          submitLabel={ts('actions.save')}
          isPending={pending}
          isDisabled={!changed || !valid}
          onCancel={
            changed
              ? () => {
                  setMatrix(settings.priority_matrix);
                  setDays(String(settings.auto_close_days));
                  setDaysError(null);
                  setFormError(null);
                }
              : undefined
          }
        />
        {changed ? (
          <span className="text-sm text-amber-700 dark:text-amber-300" role="status">
            {t('settings.unsaved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/** Help desk settings: the priority matrix (urgency × impact) and the automatic closing delay. */
export function TicketSettingsPage() {
  const { t } = useTranslation('ticket-admin');
  const settings = useQuery(ticketSettingsQuery);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {settings.error ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <Spinner />
      ) : (
        // Keyed by the saved values: a save (or another admin's) starts the form afresh.
        <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />
      )}
    </div>
  );
}

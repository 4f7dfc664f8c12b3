import type { TicketView } from '@itsm/contracts';
import { Link } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Dialog } from '../../components/ui/dialog';
import { TextField } from '../../components/ui/field';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { fieldErrorMessage } from '../../components/ui/server-errors';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { useRefresh } from '../../lib/use-refresh';
import { searchFromFilters, type TicketFilters, toQueryString } from './ticket-query';
import type { ViewPreset } from './ticket-views';

const tabClass =
  '-mb-px flex items-center border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap outline-none focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:outline-indigo-600';

/**
 * The list's views as tabs: the built-in work queues, then the user's saved ones (the chosen one
 * can be deleted); "Save this view" when the filters match none.
 */
export function ViewTabs({
  views,
  active,
  filters,
  ordering,
  canSave,
}: {
  views: ViewPreset[];
  active: ViewPreset | null;
  filters: TicketFilters;
  ordering: string | undefined;
  canSave: boolean;
}) {
  const { t } = useTranslation('tickets');
  const refresh = useRefresh();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<ViewPreset | null>(null);
  const label = (view: ViewPreset) => view.name ?? t(`views.${view.key as 'all'}`);

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between sm:gap-4">
      <nav
        aria-label={t('views.label')}
        className="-mx-4 flex min-w-0 gap-1 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:flex-1 sm:px-0 dark:border-slate-800"
      >
        {views.map((view) => {
          const current = active?.key === view.key;
          return (
            <div key={view.key} className="flex items-center">
              <Link
                to="/tickets"
                search={{ ...searchFromFilters(view.filters), ordering: view.ordering ?? ordering }}
                aria-current={current ? 'page' : undefined}
                className={clsx(
                  tabClass,
                  current
                    ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300'
                    : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
                )}
              >
                {view.savedId !== undefined ? (
                  <span aria-hidden="true" className="mr-1.5 text-amber-500">
                    ★
                  </span>
                ) : null}
                {label(view)}
              </Link>
              {current && view.savedId !== undefined ? (
                <Button
                  variant="ghost"
                  aria-label={t('views.delete', { name: label(view) })}
                  className="-ml-1 size-7 rounded-full px-0 py-0 text-slate-400 hover:text-rose-600"
                  onPress={() => setDeleting(view)}
                >
                  <span aria-hidden="true">✕</span>
                </Button>
              ) : null}
            </div>
          );
        })}
      </nav>
      {canSave && active === null ? (
        <Button
          variant="ghost"
          className="self-start text-indigo-700 sm:self-auto dark:text-indigo-300"
          onPress={() => setSaving(true)}
        >
          <span aria-hidden="true">☆</span>
          {t('views.save')}
        </Button>
      ) : null}
      <SaveViewDialog
        isOpen={saving}
        onClose={() => setSaving(false)}
        query={toQueryString(filters, ordering)}
      />
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={deleting ? t('views.deleteTitle', { name: label(deleting) }) : ''}
        confirmLabel={t('views.deleteConfirm')}
        onConfirm={async () => {
          if (!deleting?.savedId) return;
          await api('DELETE', `/ticket-views/${deleting.savedId}`);
          notify(t('views.deleted'));
          await refresh(['tickets', 'views']);
        }}
      >
        {t('views.deleteBody')}
      </ConfirmDialog>
    </div>
  );
}

function SaveViewDialog({ isOpen, onClose, query }: { isOpen: boolean; onClose: () => void; query: string }) {
  const { t } = useTranslation('tickets');
  return (
    <Dialog isOpen={isOpen} onOpenChange={(open) => !open && onClose()} title={t('views.saveTitle')}>
      {isOpen ? <SaveViewForm query={query} onClose={onClose} /> : null}
    </Dialog>
  );
}

function SaveViewForm({ query, onClose }: { query: string; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  const refresh = useRefresh();
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameError = error ? fieldErrorMessage(error, 'name') : undefined;

  async function save() {
    if (!name.trim()) {
      setError(new Error('name'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const view = await api<TicketView>('POST', '/ticket-views', { name: name.trim(), query });
      notify(t('views.saved', { name: view.name }));
      await refresh(['tickets', 'views']);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  const missing = error instanceof Error && error.message === 'name' && !name.trim();
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('views.saveHint')}</p>
      <TextField
        label={t('views.name')}
        value={name}
        onChange={setName}
        maxLength={100}
        isRequired
        autoFocus
        error={missing ? t('views.nameRequired') : nameError}
      />
      <FormError>{error && !missing && !nameError ? errorMessage(error) : null}</FormError>
      <FormActions submitLabel={t('views.saveConfirm')} isPending={pending} onCancel={onClose} />
    </form>
  );
}

import type { AuditEntry } from '@itsm/contracts';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { ItemDialog } from '../../components/ui/item-dialog';
import { useAuditLabels } from './audit-labels';
import { useReferenceDisplay } from './audit-references';
import { changeRows, formatValue } from './journal-format';
import { JournalTime } from './journal-page';

function Value({ value, tone }: { value: unknown; tone: 'before' | 'after' }) {
  const { t } = useTranslation('journal');
  const shown = typeof value === 'boolean' ? t(value ? 'audit.detail.yes' : 'audit.detail.no') : value;
  const { text, empty, block } = formatValue(shown);
  if (empty) return <span className="text-slate-400 dark:text-slate-500">{text}</span>;
  const Tag = tone === 'before' ? 'del' : 'ins';
  const colours =
    tone === 'before'
      ? 'bg-rose-50 text-rose-800 decoration-rose-400 dark:bg-rose-950/50 dark:text-rose-200'
      : 'bg-emerald-50 text-emerald-800 no-underline dark:bg-emerald-950/50 dark:text-emerald-200';
  return block ? (
    <Tag className={clsx('block rounded-md', colours, tone === 'after' && 'no-underline')}>
      <pre className="overflow-x-auto px-2 py-1.5 font-mono text-xs leading-relaxed whitespace-pre">
        {text}
      </pre>
    </Tag>
  ) : (
    <Tag className={clsx('rounded-md px-1.5 py-0.5 break-words [overflow-wrap:anywhere]', colours)}>
      {text}
    </Tag>
  );
}

/** Every changed field as its own two-column table: the value before (struck, red) and after (green). */
export function ChangesDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('journal');
  const { fieldLabel } = useAuditLabels();
  const display = useReferenceDisplay(entry);
  const rows = changeRows(entry.changes);
  if (rows.length === 0) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">{t('audit.detail.noChanges')}</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      {rows.map((row) => (
        <table
          key={row.field}
          className="w-full table-fixed overflow-hidden rounded-lg border border-slate-200 text-left text-sm dark:border-slate-800"
        >
          <caption className="border-x border-t border-slate-200 bg-slate-50 px-3 py-2 text-left font-medium text-slate-800 dark:border-slate-800 dark:bg-slate-800/60 dark:text-slate-100">
            {fieldLabel(row.field)}
            {fieldLabel(row.field) !== row.field ? (
              <span className="ml-2 font-mono text-xs font-normal text-slate-500 dark:text-slate-400">
                {row.field}
              </span>
            ) : null}
          </caption>
          <thead className="text-xs text-slate-500 dark:text-slate-400">
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="w-1/2 px-3 py-1.5 font-medium">
                {t('audit.detail.before')}
              </th>
              <th
                scope="col"
                className="w-1/2 border-l border-slate-200 px-3 py-1.5 font-medium dark:border-slate-800"
              >
                {t('audit.detail.after')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="align-top">
              <td className="px-3 py-2">
                <Value value={display(row.field, row.before)} tone="before" />
              </td>
              <td className="border-l border-slate-200 px-3 py-2 dark:border-slate-800">
                <Value value={display(row.field, row.after)} tone="after" />
              </td>
            </tr>
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** One line of the audit log in full: who, what, on what, from where, and the before/after diff. */
export function AuditEntryDialog({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t } = useTranslation('journal');
  const { actionLabel, targetTypeLabel } = useAuditLabels();
  const shell = useTranslation('shell').t;
  return (
    <ItemDialog item={entry} onClose={onClose} title={(shown) => actionLabel(shown.action)} size="lg">
      {(entry) => (
        <div className="flex flex-col gap-5">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-medium text-slate-500 dark:text-slate-400">{t('audit.columns.time')}</dt>
            <dd className="text-slate-900 tabular-nums dark:text-slate-100">
              <JournalTime value={entry.created_at} />
            </dd>
            <dt className="font-medium text-slate-500 dark:text-slate-400">{t('audit.columns.actor')}</dt>
            <dd className="text-slate-900 dark:text-slate-100">
              {entry.actor_username ?? t('audit.noActor')}
            </dd>
            <dt className="font-medium text-slate-500 dark:text-slate-400">{t('audit.columns.target')}</dt>
            <dd className="text-slate-900 dark:text-slate-100">
              {entry.target_type ? (
                <>
                  <span className="text-slate-500 dark:text-slate-400">
                    {targetTypeLabel(entry.target_type)}
                  </span>
                  {entry.target_label ? ` · ${entry.target_label}` : ''}
                  {entry.target_id !== null ? (
                    <span className="ml-1 text-xs text-slate-500 tabular-nums dark:text-slate-400">
                      #{entry.target_id}
                    </span>
                  ) : null}
                </>
              ) : (
                '—'
              )}
            </dd>
            <dt className="font-medium text-slate-500 dark:text-slate-400">{t('audit.columns.ip')}</dt>
            <dd className="font-mono text-xs text-slate-900 dark:text-slate-100">{entry.ip ?? '—'}</dd>
            {entry.request_id ? (
              <>
                <dt className="font-medium text-slate-500 dark:text-slate-400">
                  {t('audit.detail.requestId')}
                </dt>
                <dd className="font-mono text-xs break-all text-slate-900 dark:text-slate-100">
                  {entry.request_id}
                </dd>
              </>
            ) : null}
          </dl>
          <section>
            <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-white">
              {t('audit.detail.changes')}
            </h3>
            <ChangesDiff entry={entry} />
          </section>
          <div className="flex justify-end">
            <Button variant="secondary" onPress={onClose} className="w-full sm:w-auto">
              {shell('actions.close')}
            </Button>
          </div>
        </div>
      )}
    </ItemDialog>
  );
}

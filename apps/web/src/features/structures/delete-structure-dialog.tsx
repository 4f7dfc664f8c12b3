import type { StructureNode } from '@itsm/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { ItemDialog } from '../../components/ui/item-dialog';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { i18n } from '../../i18n';
import { ApiError, api } from '../../lib/api';
import { useRefreshStructures } from './structure-changes';
import { parseUsage } from './structure-tree';

/** Delete a structure; the server refuses while users, sites, groups or sub-structures still use it. */
export function DeleteStructureDialog({
  node,
  onClose,
  onDeleted,
}: {
  node: StructureNode | null;
  onClose: () => void;
  onDeleted: (node: StructureNode) => void;
}) {
  const { t } = useTranslation('structures');
  return (
    <ItemDialog
      item={node}
      onClose={onClose}
      role="alertdialog"
      title={(n) => t('delete.title', { name: n.name })}
    >
      {(n) => <DeleteForm node={n} onClose={onClose} onDeleted={onDeleted} />}
    </ItemDialog>
  );
}

function inUseMessage(error: ApiError): string {
  const t = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;
  const usage = parseUsage(error.message);
  if (usage.length === 0) return error.message || errorMessage(error);
  const parts = usage.map((u) => t(`structures:delete.usage.${u.what}`, { count: u.count }));
  return t('structures:delete.inUse', { list: new Intl.ListFormat(i18n.resolvedLanguage).format(parts) });
}

function DeleteForm({
  node,
  onClose,
  onDeleted,
}: {
  node: StructureNode;
  onClose: () => void;
  onDeleted: (node: StructureNode) => void;
}) {
  const { t } = useTranslation('structures');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshStructures();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit() {
    setPending(true);
    setError(null);
    try {
      await api('DELETE', `/structures/${node.id}`);
      await refresh();
      notify(t('toast.deleted', { name: node.name }));
      onDeleted(node);
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'IN_USE' ? inUseMessage(e) : errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('delete.text')}</p>
      {node.children.length > 0 && !error ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
          {t('delete.hasChildren', { count: node.children.length })}
        </p>
      ) : null}
      <FormError>{error}</FormError>
      <FormActions
        onCancel={onClose}
        variant="danger"
        isPending={pending}
        onSubmit={() => void submit()}
        submitLabel={ts('actions.delete')}
        className="mt-2"
      />
    </div>
  );
}

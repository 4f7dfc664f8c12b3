import type { Category, CategoryNode } from '@itsm/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { ItemDialog } from '../../components/ui/item-dialog';
import { MoveNodeDialog } from '../../components/ui/move-node-dialog';
import { fieldErrorMessage } from '../../components/ui/server-errors';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { i18n } from '../../i18n';
import { ApiError, api } from '../../lib/api';
import { categoryFieldMessages } from './category-form';
import { parseCategoryUsage } from './category-tree';
import { useRefreshTicketConfig } from './queries';

const optionLabel = (n: CategoryNode) => n.name;
const fieldError = (error: unknown) =>
  fieldErrorMessage(error, 'parent', categoryFieldMessages) ??
  fieldErrorMessage(error, 'name', categoryFieldMessages);

/** Move a category under another one (never under itself or its sub-categories) or to the root. */
export function MoveCategoryDialog({
  node,
  tree,
  onClose,
  onMoved,
}: {
  node: CategoryNode | null;
  tree: readonly CategoryNode[];
  onClose: () => void;
  onMoved: (category: Category) => void;
}) {
  const { t } = useTranslation('ticket-admin');
  const refresh = useRefreshTicketConfig();
  return (
    <MoveNodeDialog
      node={node}
      tree={tree}
      texts={{
        title: (n) => t('categories.move.title', { name: n.name }),
        intro: t('categories.move.intro'),
        newParent: t('categories.move.newParent'),
        root: t('categories.move.root'),
        submit: t('categories.move.submit'),
      }}
      optionLabel={optionLabel}
      move={async (n, parent) => {
        const saved = await api<Category>('PATCH', `/ticket-categories/${n.id}`, { parent });
        await refresh();
        notify(t('categories.toast.moved', { name: n.name }));
        return saved;
      }}
      fieldError={fieldError}
      onClose={onClose}
      onMoved={onMoved}
    />
  );
}

/** "Still used by 2 sub-categories and 14 tickets", from the server's 409 IN_USE. */
function inUseMessage(error: ApiError): string {
  const t = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;
  const usage = parseCategoryUsage(error.message);
  if (usage.length === 0) return t('ticket-admin:categories.delete.inUseUnknown');
  const parts = usage.map((u) => t(`ticket-admin:categories.delete.usage.${u.what}`, { count: u.count }));
  return t('ticket-admin:categories.delete.inUse', {
    list: new Intl.ListFormat(i18n.resolvedLanguage).format(parts),
  });
}

/** Delete a category; the server refuses while sub-categories or tickets still use it. */
export function DeleteCategoryDialog({
  node,
  onClose,
  onDeleted,
}: {
  node: CategoryNode | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('ticket-admin');
  return (
    <ItemDialog
      item={node}
      onClose={onClose}
      role="alertdialog"
      title={(n) => t('categories.delete.title', { name: n.name })}
    >
      {(n) => <DeleteForm node={n} onClose={onClose} onDeleted={onDeleted} />}
    </ItemDialog>
  );
}

function DeleteForm({
  node,
  onClose,
  onDeleted,
}: {
  node: CategoryNode;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshTicketConfig();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit() {
    setPending(true);
    setError(null);
    try {
      await api('DELETE', `/ticket-categories/${node.id}`);
      notify(t('categories.toast.deleted', { name: node.name }));
      await refresh();
      onDeleted();
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'IN_USE' ? inUseMessage(e) : errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-4 text-sm">
      <p className="text-slate-600 dark:text-slate-300">{t('categories.delete.text')}</p>
      {node.children.length > 0 && !error ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
          {t('categories.delete.hasChildren', { count: node.children.length })}
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

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { ConfirmDialog } from './confirm-dialog';
import { notify } from './toast';

/** The wording a deletion takes from its page's namespace, under the same keys everywhere. */
export type DeleteText = 'confirmDelete.title' | 'toast.deleted' | 'errors.inUse';

/**
 * "Delete X?" of a list's row: DELETE on the API, a toast, then `onDeleted` (refresh the lists);
 * a 409 IN_USE is explained in the page's words.
 */
export function DeleteDialog<T extends { name: string }>({
  item,
  path,
  text,
  onClose,
  onDeleted,
  children,
}: {
  item: T | null;
  /** The item's API path (`/groups/5`). */
  path: (item: T) => string;
  /** `(key, options) => t(key, options)` of the page's namespace. */
  text: (key: DeleteText, options: { name: string }) => string;
  onClose: () => void;
  onDeleted: () => Promise<void>;
  /** What deleting means, in a sentence or two. */
  children: ReactNode;
}) {
  const { t } = useTranslation('shell');
  const name = item?.name ?? '';
  return (
    <ConfirmDialog
      isOpen={item !== null}
      onOpenChange={(open) => !open && onClose()}
      title={text('confirmDelete.title', { name })}
      confirmLabel={t('actions.delete')}
      onConfirm={async () => {
        if (!item) return;
        await api('DELETE', path(item));
        notify(text('toast.deleted', { name: item.name }));
        await onDeleted();
      }}
      describeError={(error) =>
        error instanceof ApiError && error.code === 'IN_USE' ? text('errors.inUse', { name }) : undefined
      }
    >
      {children}
    </ConfirmDialog>
  );
}

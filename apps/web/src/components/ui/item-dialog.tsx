import type { ComponentProps, ReactNode } from 'react';
import { Dialog } from './dialog';

/**
 * A dialog about one item of a page (the user to reset, the group to edit, `'new'` for one to
 * create): open while there is one, its content rendered for that item only.
 */
export function ItemDialog<T>({
  item,
  onClose,
  title,
  children,
  ...props
}: Pick<ComponentProps<typeof Dialog>, 'role' | 'size'> & {
  /** The item; null closes the dialog. */
  item: T | null;
  onClose: () => void;
  title: (item: T) => ReactNode;
  children: (item: T) => ReactNode;
}) {
  return (
    <Dialog
      {...props}
      isOpen={item !== null}
      onOpenChange={(open) => !open && onClose()}
      title={item === null ? '' : title(item)}
    >
      {item === null ? null : children(item)}
    </Dialog>
  );
}

import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { Dialog } from './dialog';
import { FormError } from './form-error';
import { errorMessage } from './states';

type Props = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: ReactNode;
  /** `danger` for destructive actions (delete, deactivate). */
  tone?: 'danger' | 'primary';
  /** The action; the dialog closes when it resolves and shows the error when it rejects. */
  onConfirm: () => Promise<unknown> | undefined;
  /** A message for a known failure (e.g. 409 IN_USE explained); `errorMessage()` otherwise. */
  describeError?: (error: unknown) => string | undefined;
};

/** "Are you sure?" as an alert dialog: the action runs on confirm, a failure stays in the dialog. */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  tone = 'danger',
  onConfirm,
  describeError,
}: Props) {
  const { t } = useTranslation('shell');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (isOpen) setError(null);
  }, [isOpen]);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      onOpenChange(false);
    } catch (e) {
      setError(describeError?.(e) ?? errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title={title} role="alertdialog">
      <div className="flex flex-col gap-4 text-sm text-slate-600 dark:text-slate-300">
        <div>{children}</div>
        <FormError>{error}</FormError>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t('actions.cancel')}
          </Button>
          <Button variant={tone} isPending={pending} onPress={() => void confirm()} autoFocus>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonVariant } from './button';

type Props = {
  submitLabel: ReactNode;
  isPending?: boolean;
  isDisabled?: boolean;
  /** `danger` for a destructive action. */
  variant?: ButtonVariant;
  /** Without it the button submits its form. */
  onSubmit?: () => void;
  /** A Cancel button (always there in dialogs, optional inline). */
  onCancel?: () => void;
  /**
   * `dialog`: Cancel then the action, on the right (the action on top on phones);
   * `inline`: the action then Cancel, on the left (a form inside a page).
   */
  layout?: 'dialog' | 'inline';
  className?: string;
};

/** The buttons at the foot of a form: its action (with its pending state) and Cancel. */
export function FormActions({
  submitLabel,
  isPending,
  isDisabled,
  variant = 'primary',
  onSubmit,
  onCancel,
  layout = 'dialog',
  className,
}: Props) {
  const { t } = useTranslation('shell');
  const cancel = onCancel ? (
    <Button variant="secondary" onPress={onCancel}>
      {t('actions.cancel')}
    </Button>
  ) : null;
  const submit = (
    <Button
      type={onSubmit ? 'button' : 'submit'}
      variant={variant}
      isPending={isPending}
      isDisabled={isDisabled}
      onPress={onSubmit}
    >
      {submitLabel}
    </Button>
  );
  if (layout === 'inline') {
    return (
      <div className={clsx('flex flex-wrap gap-2', className)}>
        {submit}
        {cancel}
      </div>
    );
  }
  return (
    <div className={clsx('flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)}>
      {cancel}
      {submit}
    </div>
  );
}

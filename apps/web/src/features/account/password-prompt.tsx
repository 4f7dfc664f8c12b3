import { zodResolver } from '@hookform/resolvers/zod';
import { clsx } from 'clsx';
import { useForm } from 'react-hook-form';
import { Alert } from '../../components/ui/alert';
import { FormActions } from '../../components/ui/form-actions';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { accountFieldMessages } from './field-messages';
import { PasswordField, usePasswordSchema } from './mfa-fields';

/**
 * A line of explanation, the current password and a button: the first step of a sensitive action.
 * The password's errors show under the field. `inline` in a page, `dialog` inside a dialog.
 */
export function PasswordPrompt({
  intro,
  submitLabel,
  onSubmit,
  onCancel,
  layout,
}: {
  intro: string;
  submitLabel: string;
  onSubmit: (password: string) => Promise<void>;
  onCancel?: () => void;
  layout: 'inline' | 'dialog';
}) {
  const form = useForm({ resolver: zodResolver(usePasswordSchema()), defaultValues: { password: '' } });
  const { formError, onSubmit: submitWith } = useFormSubmit(form, ['password'], {
    messages: accountFieldMessages,
  });
  const submit = submitWith(({ password }) => onSubmit(password));
  const inline = layout === 'inline';
  return (
    <form
      className={clsx('flex flex-col gap-4', inline && 'max-w-md')}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <p className={clsx('text-sm text-slate-600', inline ? 'dark:text-slate-400' : 'dark:text-slate-300')}>
        {intro}
      </p>
      {formError ? <Alert>{formError}</Alert> : null}
      <PasswordField control={form.control} />
      <FormActions
        layout={layout}
        submitLabel={submitLabel}
        isPending={form.formState.isSubmitting}
        onCancel={onCancel}
      />
    </form>
  );
}

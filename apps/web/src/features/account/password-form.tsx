import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { FormTextField } from '../../components/ui/form-text-field';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { api } from '../../lib/api';
import { accountFieldMessages } from './field-messages';
import { NewPasswordFields, withNewPassword } from './new-password';

/** Current password, new one twice; the server's policy messages show under the new one. */
export function PasswordChangeForm({
  onChanged,
  submitLabel,
}: {
  onChanged: () => void | Promise<void>;
  submitLabel?: string;
}) {
  const { t } = useTranslation('account');
  const schema = useMemo(
    () => withNewPassword(t, { current_password: z.string().min(1, t('validation.required')) }),
    [t],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { current_password: '', new_password: '', confirm: '' },
  });
  const { formError, onSubmit } = useFormSubmit(form, ['current_password', 'new_password'], {
    messages: accountFieldMessages,
  });
  const submit = onSubmit(async (values) => {
    await api('POST', '/auth/password', {
      current_password: values.current_password,
      new_password: values.new_password,
    });
    form.reset();
    await onChanged();
  });

  return (
    <form className="flex max-w-md flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
      {formError ? <Alert>{formError}</Alert> : null}
      <FormTextField
        control={form.control}
        name="current_password"
        label={t('password.current')}
        type="password"
        autoComplete="current-password"
      />
      <NewPasswordFields control={form.control} />
      <div>
        <Button type="submit" isPending={form.formState.isSubmitting}>
          {submitLabel ?? t('password.submit')}
        </Button>
      </div>
    </form>
  );
}

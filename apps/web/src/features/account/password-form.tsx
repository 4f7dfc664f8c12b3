import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { api } from '../../lib/api';
import { FormTextField } from './form';
import { applyServerErrors } from './server-errors';

export const PASSWORD_MIN_LENGTH = 10;

/** Current password, new one twice; the server's policy messages show under the new one. */
export function PasswordChangeForm({
  onChanged,
  submitLabel,
}: {
  onChanged: () => void | Promise<void>;
  submitLabel?: string;
}) {
  const { t } = useTranslation('account');
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({
          current_password: z.string().min(1, t('validation.required')),
          new_password: z.string().min(PASSWORD_MIN_LENGTH, t('validation.passwordLength')),
          confirm: z.string().min(1, t('validation.required')),
        })
        .refine((v) => v.new_password === v.confirm, {
          message: t('validation.mismatch'),
          path: ['confirm'],
        }),
    [t],
  );
  const { control, handleSubmit, setError, reset, formState } = useForm({
    resolver: zodResolver(schema),
    defaultValues: { current_password: '', new_password: '', confirm: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api('POST', '/auth/password', {
        current_password: values.current_password,
        new_password: values.new_password,
      });
      reset();
      await onChanged();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['current_password', 'new_password']));
    }
  });

  return (
    <form className="flex max-w-md flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
      {formError ? <Alert>{formError}</Alert> : null}
      <FormTextField
        control={control}
        name="current_password"
        label={t('password.current')}
        type="password"
        autoComplete="current-password"
      />
      <FormTextField
        control={control}
        name="new_password"
        label={t('password.new')}
        description={t('password.policy')}
        type="password"
        autoComplete="new-password"
      />
      <FormTextField
        control={control}
        name="confirm"
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
      />
      <div>
        <Button type="submit" isPending={formState.isSubmitting}>
          {submitLabel ?? t('password.submit')}
        </Button>
      </div>
    </form>
  );
}

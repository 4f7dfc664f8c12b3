import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { FormTextField } from '../../components/ui/form-text-field';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { api } from '../../lib/api';
import { accountFieldMessages } from '../account/field-messages';
import { AuthLayout, AuthNotice, BackToLoginLink } from './auth-layout';

/** Asks for a reset link; the answer never tells whether the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const { t: ta } = useTranslation('account');
  const [sent, setSent] = useState(false);
  const schema = useMemo(
    () => z.object({ login: z.string().trim().min(1, ta('validation.required')) }),
    [ta],
  );
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { login: '' } });
  // 429 included: "try again in N seconds", from the Retry-After header.
  const { formError, onSubmit } = useFormSubmit(form, ['login'], { messages: accountFieldMessages });
  const submit = onSubmit(async (values) => {
    await api('POST', '/auth/password-reset', values);
    setSent(true);
  });

  if (sent) {
    return (
      <AuthNotice title={t('forgot.sentTitle')} tone="success" message={t('forgot.sent')}>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('forgot.sentHint')}</p>
        <BackToLoginLink />
      </AuthNotice>
    );
  }

  return (
    <AuthLayout title={t('forgot.title')} subtitle={t('forgot.subtitle')}>
      <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
        {formError ? <Alert>{formError}</Alert> : null}
        <FormTextField
          control={form.control}
          name="login"
          label={t('login.username')}
          description={t('login.usernameHint')}
          autoComplete="username"
          autoFocus
        />
        <Button type="submit" isPending={form.formState.isSubmitting} className="w-full">
          {t('forgot.submit')}
        </Button>
        <BackToLoginLink />
      </form>
    </AuthLayout>
  );
}

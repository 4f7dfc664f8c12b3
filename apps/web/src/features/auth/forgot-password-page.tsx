import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { api } from '../../lib/api';
import { FormTextField } from '../account/form';
import { applyServerErrors } from '../account/server-errors';
import { AuthLayout } from './auth-layout';

const linkClass = 'text-center text-sm text-indigo-600 hover:underline dark:text-indigo-400';

/** Asks for a reset link; the answer never tells whether the account exists. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const { t: ta } = useTranslation('account');
  const [sent, setSent] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () => z.object({ login: z.string().trim().min(1, ta('validation.required')) }),
    [ta],
  );
  const { control, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(schema),
    defaultValues: { login: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api('POST', '/auth/password-reset', values);
      setSent(true);
    } catch (error) {
      // 429 included: "try again in N seconds", from the Retry-After header.
      setFormError(applyServerErrors(error, setError, ['login']));
    }
  });

  if (sent) {
    return (
      <AuthLayout title={t('forgot.sentTitle')}>
        <div className="flex flex-col gap-4">
          <Alert tone="success">{t('forgot.sent')}</Alert>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t('forgot.sentHint')}</p>
          <Link to="/login" className={linkClass}>
            {t('forgot.backToLogin')}
          </Link>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('forgot.title')} subtitle={t('forgot.subtitle')}>
      <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
        {formError ? <Alert>{formError}</Alert> : null}
        <FormTextField
          control={control}
          name="login"
          label={t('login.username')}
          description={t('login.usernameHint')}
          autoComplete="username"
          autoFocus
        />
        <Button type="submit" isPending={formState.isSubmitting} className="w-full">
          {t('forgot.submit')}
        </Button>
        <Link to="/login" className={linkClass}>
          {t('forgot.backToLogin')}
        </Link>
      </form>
    </AuthLayout>
  );
}

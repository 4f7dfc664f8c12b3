import { zodResolver } from '@hookform/resolvers/zod';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button, buttonClass } from '../../components/ui/button';
import { ApiError, api } from '../../lib/api';
import { FormTextField } from '../account/form';
import { PASSWORD_MIN_LENGTH } from '../account/password-form';
import { applyServerErrors } from '../account/server-errors';
import { AuthLayout } from './auth-layout';

const route = getRouteApi('/reset-password');
const linkClass = 'text-center text-sm text-indigo-600 hover:underline dark:text-indigo-400';

/** The link of a reset or invitation e-mail: choose a password, then sign in. */
export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const { t: ta } = useTranslation('account');
  const { token, invitation } = route.useSearch();
  const invited = Boolean(invitation);
  const [state, setState] = useState<'form' | 'done' | 'invalid'>(token ? 'form' : 'invalid');
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({
          new_password: z.string().min(PASSWORD_MIN_LENGTH, ta('validation.passwordLength')),
          confirm: z.string().min(1, ta('validation.required')),
        })
        .refine((v) => v.new_password === v.confirm, {
          message: ta('validation.mismatch'),
          path: ['confirm'],
        }),
    [ta],
  );
  const { control, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(schema),
    defaultValues: { new_password: '', confirm: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api('POST', '/auth/password-reset/confirm', { token, new_password: values.new_password });
      setState('done');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_RESET_TOKEN') setState('invalid');
      else setFormError(applyServerErrors(error, setError, ['new_password']));
    }
  });

  if (state === 'invalid') {
    return (
      <AuthLayout title={t('reset.invalidTitle')}>
        <div className="flex flex-col gap-4">
          <Alert tone="warning">{invited ? t('reset.invalidInvitation') : t('reset.invalid')}</Alert>
          <Link to="/forgot-password" className={buttonClass('primary', 'w-full')}>
            {t('reset.askAgain')}
          </Link>
          <Link to="/login" className={linkClass}>
            {t('forgot.backToLogin')}
          </Link>
        </div>
      </AuthLayout>
    );
  }

  if (state === 'done') {
    return (
      <AuthLayout title={t('reset.doneTitle')}>
        <div className="flex flex-col gap-4">
          <Alert tone="success">{invited ? t('reset.doneInvitation') : t('reset.done')}</Alert>
          <Link to="/login" className={buttonClass('primary', 'w-full')}>
            {t('reset.signIn')}
          </Link>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title={invited ? t('reset.invitationTitle') : t('reset.title')}
      subtitle={invited ? t('reset.invitationSubtitle') : t('reset.subtitle')}
    >
      <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
        {formError ? <Alert>{formError}</Alert> : null}
        <FormTextField
          control={control}
          name="new_password"
          label={ta('password.new')}
          description={ta('password.policy')}
          type="password"
          autoComplete="new-password"
          autoFocus
        />
        <FormTextField
          control={control}
          name="confirm"
          label={ta('password.confirm')}
          type="password"
          autoComplete="new-password"
        />
        <Button type="submit" isPending={formState.isSubmitting} className="w-full">
          {invited ? t('reset.invitationSubmit') : t('reset.submit')}
        </Button>
        <Link to="/login" className={linkClass}>
          {t('forgot.backToLogin')}
        </Link>
      </form>
    </AuthLayout>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Button, buttonClass } from '../../components/ui/button';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { ApiError, api } from '../../lib/api';
import { accountFieldMessages } from '../account/field-messages';
import { NewPasswordFields, withNewPassword } from '../account/new-password';
import { AuthLayout, AuthNotice, BackToLoginLink } from './auth-layout';

const route = getRouteApi('/reset-password');

/** The link of a reset or invitation e-mail: choose a password, then sign in. */
export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const { t: ta } = useTranslation('account');
  const { token, invitation } = route.useSearch();
  const invited = Boolean(invitation);
  const [state, setState] = useState<'form' | 'done' | 'invalid'>(token ? 'form' : 'invalid');
  const schema = useMemo(() => withNewPassword(ta, {}), [ta]);
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { new_password: '', confirm: '' },
  });
  const { formError, onSubmit } = useFormSubmit(form, ['new_password'], { messages: accountFieldMessages });
  const submit = onSubmit(async (values) => {
    try {
      await api('POST', '/auth/password-reset/confirm', { token, new_password: values.new_password });
      setState('done');
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'INVALID_RESET_TOKEN')) throw error;
      setState('invalid');
    }
  });

  if (state === 'invalid') {
    return (
      <AuthNotice
        title={t('reset.invalidTitle')}
        tone="warning"
        message={invited ? t('reset.invalidInvitation') : t('reset.invalid')}
      >
        <Link to="/forgot-password" className={buttonClass('primary', 'w-full')}>
          {t('reset.askAgain')}
        </Link>
        <BackToLoginLink />
      </AuthNotice>
    );
  }

  if (state === 'done') {
    return (
      <AuthNotice
        title={t('reset.doneTitle')}
        tone="success"
        message={invited ? t('reset.doneInvitation') : t('reset.done')}
      >
        <Link to="/login" className={buttonClass('primary', 'w-full')}>
          {t('reset.signIn')}
        </Link>
      </AuthNotice>
    );
  }

  return (
    <AuthLayout
      title={invited ? t('reset.invitationTitle') : t('reset.title')}
      subtitle={invited ? t('reset.invitationSubtitle') : t('reset.subtitle')}
    >
      <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
        {formError ? <Alert>{formError}</Alert> : null}
        <NewPasswordFields control={form.control} autoFocus />
        <Button type="submit" isPending={form.formState.isSubmitting} className="w-full">
          {invited ? t('reset.invitationSubmit') : t('reset.submit')}
        </Button>
        <BackToLoginLink />
      </form>
    </AuthLayout>
  );
}

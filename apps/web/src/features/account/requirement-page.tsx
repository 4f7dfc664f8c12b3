import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShieldIcon } from '../../components/icons';
import { Button, buttonClass } from '../../components/ui/button';
import { api, setCsrfToken } from '../../lib/api';
import { meQuery, useMe } from '../auth/session';
import { MfaSetup } from './mfa';
import { PasswordChangeForm } from './password-form';

/**
 * Where the shell sends a user with a pending requirement: a password to change (temporary one)
 * or two-factor authentication to set up (required for staff). Done: back to the home page.
 */
export function RequirementPage() {
  const { t } = useTranslation('auth');
  const { t: ta } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The requirement being met stays on screen (the recovery codes) even once the server cleared it.
  const [requirement, setRequirement] = useState(me.requirement);

  async function done() {
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    // Another requirement may follow (a new password, then two-factor): it is met here too.
    const next = queryClient.getQueryData(meQuery.queryKey)?.requirement;
    if (next && next !== requirement) {
      setRequirement(next);
      return;
    }
    await navigate({ to: '/' });
  }

  async function signOut() {
    await api('POST', '/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(meQuery.queryKey, null);
    await navigate({ to: '/login' });
  }

  if (!requirement) {
    return (
      <div className="mx-auto flex max-w-xl flex-col items-start gap-4">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          {ta('required.noneTitle')}
        </h1>
        <p className="text-slate-600 dark:text-slate-400">{ta('required.none')}</p>
        <Link to="/" className={buttonClass('primary')}>
          {ts('states.backHome')}
        </Link>
      </div>
    );
  }

  const password = requirement === 'password_change';
  return (
    <div className={`mx-auto flex flex-col gap-6 ${password ? 'max-w-xl' : 'max-w-2xl'}`}>
      <div className="flex items-start gap-4">
        <span
          aria-hidden="true"
          className="flex size-12 shrink-0 items-center justify-center rounded-xl bg-amber-100 text-amber-700 dark:bg-amber-950 dark:text-amber-300"
        >
          <ShieldIcon className="size-6" />
        </span>
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
            {password ? t('required.passwordTitle') : t('required.mfaTitle')}
          </h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            {password ? t('required.passwordIntro') : t('required.mfaIntro')}
          </p>
        </div>
      </div>
      <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6 dark:border-slate-800 dark:bg-slate-900">
        {password ? (
          <PasswordChangeForm submitLabel={ta('required.passwordSubmit')} onChanged={done} />
        ) : (
          <MfaSetup username={me.username} onFinished={() => void done()} />
        )}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {ta('required.later')}{' '}
        <Button variant="ghost" className="px-1.5 py-0.5" onPress={() => void signOut()}>
          <span className="text-indigo-600 dark:text-indigo-400">{ts('topbar.signOut')}</span>
        </Button>
      </p>
    </div>
  );
}

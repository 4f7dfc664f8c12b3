import type { LoginResponse } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/field';
import { errorMessage } from '../../components/ui/states';
import { api, setCsrfToken } from '../../lib/api';
import { safeRedirect } from '../../lib/redirect';
import { AuthLayout } from './auth-layout';
import { meQuery, rememberSignedIn } from './session';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation('auth');
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function finish(answer: LoginResponse) {
    if (answer.status === 'mfa_required') {
      setMfaToken(answer.mfa_token);
      return;
    }
    setCsrfToken(answer.csrf_token);
    rememberSignedIn(true);
    queryClient.setQueryData(meQuery.queryKey, answer.user);
    await navigate({ to: safeRedirect(search.redirect) });
  }

  async function submit(work: () => Promise<LoginResponse>) {
    setPending(true);
    setError(null);
    try {
      await finish(await work());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  const errorBox = error ? (
    <p
      role="alert"
      className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-950/50 dark:text-rose-300"
    >
      {error}
    </p>
  ) : null;

  if (mfaToken) {
    return (
      <AuthLayout title={t('login.otpTitle')} subtitle={t('login.otpIntro')}>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            void submit(() =>
              api<LoginResponse>('POST', '/auth/login/mfa', {
                mfa_token: mfaToken,
                ...(useRecovery ? { recovery_code: code } : { otp: code.replace(/\s/g, '') }),
              }),
            );
          }}
        >
          {errorBox}
          <TextField
            label={useRecovery ? t('login.recovery') : t('login.otp')}
            value={code}
            onChange={setCode}
            autoFocus
            isRequired
            autoComplete="one-time-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
          />
          <Button type="submit" isPending={pending} className="w-full">
            {t('login.verify')}
          </Button>
          <div className="flex justify-between text-sm">
            <button
              type="button"
              className="text-indigo-600 hover:underline dark:text-indigo-400"
              onClick={() => setUseRecovery(!useRecovery)}
            >
              {useRecovery ? t('login.useOtp') : t('login.useRecovery')}
            </button>
            <button
              type="button"
              className="text-slate-600 hover:underline dark:text-slate-400"
              onClick={() => {
                setMfaToken(null);
                setCode('');
                setError(null);
              }}
            >
              {t('login.back')}
            </button>
          </div>
        </form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(() => api<LoginResponse>('POST', '/auth/login', { username, password }));
        }}
      >
        {search.expired && !error ? (
          <p
            role="status"
            className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
          >
            {t('login.expired')}
          </p>
        ) : null}
        {errorBox}
        <TextField
          label={t('login.username')}
          description={t('login.usernameHint')}
          value={username}
          onChange={setUsername}
          autoComplete="username"
          autoFocus
          isRequired
        />
        <TextField
          label={t('login.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          isRequired
        />
        <Button type="submit" isPending={pending} className="w-full">
          {t('login.submit')}
        </Button>
        <Link
          to="/forgot-password"
          className="text-center text-sm text-indigo-600 hover:underline dark:text-indigo-400"
        >
          {t('login.forgot')}
        </Link>
      </form>
    </AuthLayout>
  );
}

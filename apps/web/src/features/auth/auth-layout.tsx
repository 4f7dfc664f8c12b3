import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LogoMark } from '../../components/icons';
import { LanguageSwitcher } from '../../components/language-switcher';
import { Alert } from '../../components/ui/alert';

/** The frame of the signed-out pages: logo, a card, the language switch. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-indigo-50 to-slate-50 px-4 py-10 dark:from-slate-900 dark:to-slate-950">
      <div className="absolute top-4 right-4">
        <LanguageSwitcher />
      </div>
      <main id="main" className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <LogoMark className="size-12" />
          <div>
            <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">{title}</h1>
            {subtitle ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{subtitle}</p> : null}
          </div>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {children}
        </div>
      </main>
    </div>
  );
}

/** "Back to sign-in", under the forms and messages of the password pages. */
export function BackToLoginLink() {
  const { t } = useTranslation('auth');
  return (
    <Link to="/login" className="text-center text-sm text-indigo-600 hover:underline dark:text-indigo-400">
      {t('forgot.backToLogin')}
    </Link>
  );
}

/** A signed-out page that only says something (sent, done, invalid link), then where to go. */
export function AuthNotice({
  title,
  tone,
  message,
  children,
}: {
  title: string;
  tone: 'success' | 'warning';
  message: string;
  /** What follows the message: a hint, links. */
  children: ReactNode;
}) {
  return (
    <AuthLayout title={title}>
      <div className="flex flex-col gap-4">
        <Alert tone={tone}>{message}</Alert>
        {children}
      </div>
    </AuthLayout>
  );
}

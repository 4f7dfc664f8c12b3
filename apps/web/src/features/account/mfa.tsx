import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { copyText, downloadText } from './clipboard';
import { FormTextField } from './form';
import { applyServerErrors } from './server-errors';

type Setup = { secret: string; otpauth_url: string; qr_code: string };
type Step = { name: 'password' } | { name: 'scan'; setup: Setup } | { name: 'codes'; codes: string[] };

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type into a phone. */
export const groupSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** The password, alone: the first step of sensitive actions (set-up, new recovery codes, turning off). */
export function usePasswordSchema() {
  const { t } = useTranslation('account');
  return useMemo(() => z.object({ password: z.string().min(1, t('validation.required')) }), [t]);
}

export function useOtpSchema() {
  const { t } = useTranslation('account');
  return useMemo(
    () =>
      z
        .string()
        .transform((v) => v.replace(/\s/g, ''))
        .pipe(z.string().regex(/^\d{6}$/, t('validation.otp'))),
    [t],
  );
}

/**
 * Two-factor set-up in three steps: confirm the password, scan the QR code and type a code,
 * then keep the recovery codes (shown once).
 */
export function MfaSetup({
  username,
  onEnabled,
  onFinished,
  onCancel,
}: {
  username: string;
  /** Right after the server turned MFA on (the recovery codes are still on screen). */
  onEnabled?: () => void;
  /** When the user says he has kept the recovery codes. */
  onFinished: () => void;
  onCancel?: () => void;
}) {
  const [step, setStep] = useState<Step>({ name: 'password' });
  if (step.name === 'password')
    return <PasswordStep onCancel={onCancel} onDone={(setup) => setStep({ name: 'scan', setup })} />;
  if (step.name === 'scan')
    return (
      <ScanStep
        setup={step.setup}
        onCancel={onCancel}
        onDone={(codes) => {
          setStep({ name: 'codes', codes });
          onEnabled?.();
        }}
      />
    );
  return <CodesStep codes={step.codes} username={username} onFinished={onFinished} />;
}

function PasswordStep({ onDone, onCancel }: { onDone: (setup: Setup) => void; onCancel?: () => void }) {
  const { t } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(usePasswordSchema()),
    defaultValues: { password: '' },
  });
  const submit = handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      onDone(await api<Setup>('POST', '/auth/mfa/setup', { password }));
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['password']));
    }
  });
  return (
    <form className="flex max-w-md flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('mfa.passwordStep')}</p>
      {formError ? <Alert>{formError}</Alert> : null}
      <FormTextField
        control={control}
        name="password"
        label={t('mfa.password')}
        type="password"
        autoComplete="current-password"
        autoFocus
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" isPending={formState.isSubmitting}>
          {t('mfa.continue')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onPress={onCancel}>
            {ts('actions.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function StepNumber({ n }: { n: number }) {
  return (
    <span
      aria-hidden="true"
      className="flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-sm font-semibold text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
    >
      {n}
    </span>
  );
}

function ScanStep({
  setup,
  onDone,
  onCancel,
}: {
  setup: Setup;
  onDone: (codes: string[]) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const [formError, setFormError] = useState<string | null>(null);
  const otp = useOtpSchema();
  const schema = useMemo(() => z.object({ otp }), [otp]);
  const { control, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(schema),
    defaultValues: { otp: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const answer = await api<{ recovery_codes: string[] }>('POST', '/auth/mfa/enable', { otp: values.otp });
      onDone(answer.recovery_codes);
    } catch (error) {
      // A wrong code belongs next to the code field.
      const message = applyServerErrors(error, setError, ['otp']);
      if (message && (error as { code?: string }).code === 'INVALID_OTP')
        setError('otp', { type: 'server', message });
      else setFormError(message);
    }
  });

  async function copySecret() {
    const ok = await copyText(setup.secret);
    notify(ok ? t('mfa.secretCopied') : t('mfa.copyFailed'), ok ? 'success' : 'error');
  }

  return (
    <ol className="flex flex-col gap-6">
      <li className="flex gap-3">
        <StepNumber n={1} />
        <p className="pt-0.5 text-sm text-slate-700 dark:text-slate-300">{t('mfa.step1')}</p>
      </li>
      <li className="flex gap-3">
        <StepNumber n={2} />
        <div className="flex min-w-0 flex-1 flex-col gap-3">
          <p className="pt-0.5 text-sm text-slate-700 dark:text-slate-300">{t('mfa.step2')}</p>
          <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
            <img
              src={setup.qr_code}
              alt={t('mfa.qrAlt')}
              width={176}
              height={176}
              className="size-44 shrink-0 rounded-xl border border-slate-200 bg-white p-2 dark:border-slate-700"
            />
            <div className="flex min-w-0 flex-col gap-2 text-sm">
              <p className="text-slate-600 dark:text-slate-400">{t('mfa.manual')}</p>
              <code className="rounded-lg bg-slate-100 px-3 py-2 font-mono text-sm tracking-wider break-words text-slate-900 dark:bg-slate-800 dark:text-slate-100">
                {groupSecret(setup.secret)}
              </code>
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" onPress={() => void copySecret()}>
                  {t('mfa.copySecret')}
                </Button>
                <a
                  href={setup.otpauth_url}
                  className="inline-flex items-center rounded-lg px-3.5 py-2 text-sm font-semibold text-indigo-600 hover:underline sm:hidden dark:text-indigo-400"
                >
                  {t('mfa.openApp')}
                </a>
              </div>
            </div>
          </div>
        </div>
      </li>
      <li className="flex gap-3">
        <StepNumber n={3} />
        <form
          className="flex min-w-0 flex-1 flex-col gap-4"
          noValidate
          onSubmit={(event) => void submit(event)}
        >
          <p className="pt-0.5 text-sm text-slate-700 dark:text-slate-300">{t('mfa.step3')}</p>
          {formError ? <Alert>{formError}</Alert> : null}
          <FormTextField
            control={control}
            name="otp"
            label={t('mfa.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="max-w-xs"
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" isPending={formState.isSubmitting}>
              {t('mfa.enable')}
            </Button>
            {onCancel ? (
              <Button variant="secondary" onPress={onCancel}>
                {ts('actions.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
      </li>
    </ol>
  );
}

function CodesStep({
  codes,
  username,
  onFinished,
}: {
  codes: string[];
  username: string;
  onFinished: () => void;
}) {
  const { t } = useTranslation('account');
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="success">{t('mfa.enabled')}</Alert>
      <RecoveryCodes codes={codes} username={username} />
      <div>
        <Button onPress={onFinished}>{t('mfa.saved')}</Button>
      </div>
    </div>
  );
}

/** The recovery codes, shown once: a clear warning, the list, copy and download. */
export function RecoveryCodes({ codes, username }: { codes: string[]; username: string }) {
  const { t } = useTranslation('account');
  const text = `${t('mfa.fileHeader', { username })}\n\n${codes.join('\n')}\n`;

  async function copy() {
    const ok = await copyText(text);
    notify(ok ? t('mfa.copied') : t('mfa.copyFailed'), ok ? 'success' : 'error');
  }

  return (
    <div className="flex flex-col gap-4">
      <Alert tone="warning" title={t('mfa.codesTitle')}>
        {t('mfa.codesWarning')}
      </Alert>
      <ol
        aria-label={t('mfa.codesTitle')}
        className="grid max-w-xl grid-cols-1 gap-2 rounded-xl border border-slate-200 bg-slate-50 p-4 font-mono text-sm text-slate-900 min-[420px]:grid-cols-2 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
      >
        {codes.map((code, index) => (
          <li key={code} className="flex items-baseline gap-2">
            <span className="w-5 text-right text-xs text-slate-400 tabular-nums select-none">
              {index + 1}.
            </span>
            <span className="tracking-wider">{code}</span>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onPress={() => void copy()}>
          {t('mfa.copy')}
        </Button>
        <Button
          variant="secondary"
          onPress={() =>
            downloadText(`itsm-recovery-codes-${username.replace(/^@/, '')}.txt`, text.replace(/\n/g, '\r\n'))
          }
        >
          {t('mfa.download')}
        </Button>
      </div>
    </div>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { FormActions } from '../../components/ui/form-actions';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { api } from '../../lib/api';
import { copyWithNotice } from './clipboard';
import { accountFieldMessages } from './field-messages';
import { OtpField, otpErrors, useOtpSchema } from './mfa-fields';
import { PasswordPrompt } from './password-prompt';
import { RecoveryCodes } from './recovery-codes';

type Setup = { secret: string; otpauth_url: string; qr_code: string };
type Step = { name: 'password' } | { name: 'scan'; setup: Setup } | { name: 'codes'; codes: string[] };

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type into a phone. */
export const groupSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

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
  const { t } = useTranslation('account');
  const [step, setStep] = useState<Step>({ name: 'password' });
  if (step.name === 'password')
    return (
      <PasswordPrompt
        layout="inline"
        intro={t('mfa.passwordStep')}
        submitLabel={t('mfa.continue')}
        onCancel={onCancel}
        onSubmit={async (password) => {
          const setup = await api<Setup>('POST', '/auth/mfa/setup', { password });
          setStep({ name: 'scan', setup });
        }}
      />
    );
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
  const otp = useOtpSchema();
  const schema = useMemo(() => z.object({ otp }), [otp]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { otp: '' } });
  const { formError, onSubmit } = useFormSubmit(form, ['otp'], {
    messages: accountFieldMessages,
    ...otpErrors,
  });
  const submit = onSubmit(async (values) => {
    const answer = await api<{ recovery_codes: string[] }>('POST', '/auth/mfa/enable', { otp: values.otp });
    onDone(answer.recovery_codes);
  });

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
                <Button
                  variant="secondary"
                  onPress={() =>
                    void copyWithNotice(setup.secret, {
                      copied: t('mfa.secretCopied'),
                      failed: t('mfa.copyFailed'),
                    })
                  }
                >
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
          <OtpField control={form.control} className="max-w-xs" />
          <FormActions
            layout="inline"
            submitLabel={t('mfa.enable')}
            isPending={form.formState.isSubmitting}
            onCancel={onCancel}
          />
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

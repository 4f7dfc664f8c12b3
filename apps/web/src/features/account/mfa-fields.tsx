import { useMemo } from 'react';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormTextField } from '../../components/ui/form-text-field';

/** The password, alone: the first step of sensitive actions (set-up, new recovery codes, turning off). */
export function usePasswordSchema() {
  const { t } = useTranslation('account');
  return useMemo(() => z.object({ password: z.string().min(1, t('validation.required')) }), [t]);
}

/** Six digits (spaces typed in the middle are dropped). */
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

/** A wrong code has no field of its own in the server's answer: it belongs under the code field. */
export const otpErrors = { codeFields: { INVALID_OTP: 'otp' } } as const;

/** The current password, asked again before a sensitive action. */
export function PasswordField<T extends FieldValues & { password: string }>({
  control,
}: {
  control: Control<T>;
}) {
  const { t } = useTranslation('account');
  return (
    <FormTextField
      control={control}
      name={'password' as Path<T>}
      label={t('mfa.password')}
      type="password"
      autoComplete="current-password"
      autoFocus
    />
  );
}

/** The 6-digit code of the authenticator app. */
export function OtpField<T extends FieldValues & { otp: string }>({
  control,
  className,
}: {
  control: Control<T>;
  className?: string;
}) {
  const { t } = useTranslation('account');
  return (
    <FormTextField
      control={control}
      name={'otp' as Path<T>}
      label={t('mfa.code')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      className={className}
    />
  );
}

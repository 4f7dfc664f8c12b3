import type { Control, FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormTextField } from '../../components/ui/form-text-field';

export const PASSWORD_MIN_LENGTH = 10;

type NewPassword = { new_password: string; confirm: string };

type Translate = (key: 'validation.passwordLength' | 'validation.required' | 'validation.mismatch') => string;

/** A form's schema with a new password typed twice (after `fields`), both the same. */
export function withNewPassword<S extends z.ZodRawShape>(t: Translate, fields: S) {
  return z
    .object({
      ...fields,
      new_password: z.string().min(PASSWORD_MIN_LENGTH, t('validation.passwordLength')),
      confirm: z.string().min(1, t('validation.required')),
    })
    .refine((v) => (v as NewPassword).new_password === (v as NewPassword).confirm, {
      message: t('validation.mismatch'),
      path: ['confirm'],
    });
}

/** The new password (with the policy under it) and its confirmation. */
export function NewPasswordFields<T extends FieldValues & NewPassword>({
  control,
  autoFocus,
}: {
  control: Control<T>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('account');
  return (
    <>
      <FormTextField
        control={control}
        name={'new_password' as Path<T>}
        label={t('password.new')}
        description={t('password.policy')}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
      />
      <FormTextField
        control={control}
        name={'confirm' as Path<T>}
        label={t('password.confirm')}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}

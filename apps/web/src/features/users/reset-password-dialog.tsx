import type { User } from '@itsm/contracts';
import { NewPasswordSchema } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { ItemDialog } from '../../components/ui/item-dialog';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import { fieldErrorMessage } from '../../components/ui/server-errors';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { fullName } from '../../lib/user-names';
import { userFieldMessages } from './field-messages';
import { TemporaryPasswordField } from './temporary-password-field';

type Props = { user: User | null; onClose: () => void };

/** An administrator's reset: a temporary password, or a link by e-mail; the user's sessions end. */
export function ResetPasswordDialog({ user, onClose }: Props) {
  const { t } = useTranslation('users');
  return (
    <ItemDialog item={user} onClose={onClose} title={(u) => t('reset.title', { name: fullName(u) })}>
      {(u) => <ResetPasswordForm user={u} onDone={onClose} />}
    </ItemDialog>
  );
}

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation('users');
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<'link' | 'password'>('link');
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit() {
    setFieldError(undefined);
    setFormError(null);
    if (method === 'password' && !NewPasswordSchema.safeParse(password).success) {
      setFieldError(t('fieldErrors.password'));
      return;
    }
    setPending(true);
    try {
      await api('POST', `/users/${user.id}/reset-password`, method === 'password' ? { password } : {});
      notify(
        method === 'password'
          ? t('toast.passwordSet', { name: fullName(user) })
          : t('toast.resetLinkSent', { email: user.email }),
      );
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone();
    } catch (e) {
      const message = fieldErrorMessage(e, 'password', userFieldMessages);
      if (message) setFieldError(message);
      else setFormError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="text-sm text-slate-600 dark:text-slate-300">{t('reset.intro')}</p>
      <RadioGroup
        label={t('reset.method')}
        value={method}
        onChange={(value) => {
          setMethod(value as 'link' | 'password');
          setFieldError(undefined);
        }}
      >
        <Radio value="link" description={t('reset.linkHint', { email: user.email })}>
          {t('reset.link')}
        </Radio>
        <Radio value="password" description={t('reset.passwordHint')}>
          {t('reset.password')}
        </Radio>
      </RadioGroup>
      {method === 'password' ? (
        <TemporaryPasswordField
          label={t('fields.temporaryPassword')}
          value={password}
          onChange={setPassword}
          onGenerate={(generated) => {
            setPassword(generated);
            setFieldError(undefined);
          }}
          error={fieldError}
          autoFocus
        />
      ) : null}
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onDone}
        isPending={pending}
        submitLabel={method === 'password' ? t('reset.submitPassword') : t('reset.submitLink')}
      />
    </form>
  );
}

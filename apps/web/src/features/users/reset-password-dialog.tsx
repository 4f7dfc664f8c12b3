import type { User } from '@itsm/contracts';
import { NewPasswordSchema } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { TextField } from '../../components/ui/field';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { ApiError, api } from '../../lib/api';
import { serverFieldMessage } from './form-errors';
import { fullName } from './lookups';
import { generatePassword } from './passwords';

type Props = { user: User | null; onClose: () => void };

/** An administrator's reset: a temporary password, or a link by e-mail; the user's sessions end. */
export function ResetPasswordDialog({ user, onClose }: Props) {
  const { t } = useTranslation('users');
  return (
    <Dialog
      isOpen={user !== null}
      onOpenChange={(open) => !open && onClose()}
      title={t('reset.title', { name: user ? fullName(user) : '' })}
    >
      {user ? <ResetPasswordForm user={user} onDone={onClose} /> : null}
    </Dialog>
  );
}

function ResetPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation('users');
  const { t: ts } = useTranslation('shell');
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<'link' | 'password'>('link');
  const [password, setPassword] = useState('');
  const [reveal, setReveal] = useState(false);
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
      const item = e instanceof ApiError ? e.errors.find((x) => x.field === 'password') : undefined;
      if (item && e instanceof ApiError) setFieldError(serverFieldMessage(e, item));
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
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <TextField
            label={t('fields.temporaryPassword')}
            type={reveal ? 'text' : 'password'}
            value={password}
            onChange={setPassword}
            error={fieldError}
            description={t('form.passwordHint')}
            autoComplete="new-password"
            spellCheck="false"
            className="flex-1"
            autoFocus
          />
          <div className="flex gap-2 sm:mt-[1.625rem]">
            <Button
              variant="secondary"
              onPress={() => {
                setPassword(generatePassword());
                setReveal(true);
                setFieldError(undefined);
              }}
            >
              {t('form.generate')}
            </Button>
            <Button variant="ghost" onPress={() => setReveal(!reveal)}>
              {reveal ? t('form.hide') : t('form.show')}
            </Button>
          </div>
        </div>
      ) : null}
      {formError ? (
        <p
          role="alert"
          className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-950/50 dark:text-rose-300"
        >
          {formError}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onPress={onDone}>
          {ts('actions.cancel')}
        </Button>
        <Button type="submit" isPending={pending}>
          {method === 'password' ? t('reset.submitPassword') : t('reset.submitLink')}
        </Button>
      </div>
    </form>
  );
}

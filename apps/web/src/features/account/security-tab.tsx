import { zodResolver } from '@hookform/resolvers/zod';
import type { Me } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { meQuery } from '../auth/session';
import { FormTextField, Section } from './form';
import { MfaSetup, RecoveryCodes, useOtpSchema, usePasswordSchema } from './mfa';
import { PasswordChangeForm } from './password-form';
import { applyServerErrors } from './server-errors';

export function SecurityTab({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const queryClient = useQueryClient();
  return (
    <div className="flex flex-col gap-6">
      <Section title={t('password.title')} description={t('password.intro')}>
        <PasswordChangeForm
          onChanged={async () => {
            notify(t('password.changed'));
            await queryClient.invalidateQueries({ queryKey: ['account', 'sessions'] });
          }}
        />
      </Section>
      <MfaSection me={me} />
    </div>
  );
}

function MfaSection({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const queryClient = useQueryClient();
  const [settingUp, setSettingUp] = useState(false);
  const [dialog, setDialog] = useState<'regenerate' | 'disable' | null>(null);
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey });

  return (
    <Section
      title={t('mfa.title')}
      description={t('mfa.intro')}
      aside={
        me.is_mfa_enabled ? (
          <Badge tone="emerald" dot>
            {t('mfa.on')}
          </Badge>
        ) : (
          <Badge dot>{t('mfa.off')}</Badge>
        )
      }
    >
      {settingUp ? (
        <MfaSetup
          username={me.username}
          onEnabled={() => void refreshMe()}
          onFinished={() => setSettingUp(false)}
          onCancel={() => setSettingUp(false)}
        />
      ) : me.is_mfa_enabled ? (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700 dark:text-slate-300">{t('mfa.onText')}</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onPress={() => setDialog('regenerate')}>
              {t('mfa.regenerate')}
            </Button>
            <Button variant="danger" onPress={() => setDialog('disable')}>
              {t('mfa.turnOff')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700 dark:text-slate-300">{t('mfa.offText')}</p>
          <div>
            <Button onPress={() => setSettingUp(true)}>{t('mfa.setUp')}</Button>
          </div>
        </div>
      )}
      <RegenerateDialog
        username={me.username}
        isOpen={dialog === 'regenerate'}
        onOpenChange={(open) => setDialog(open ? 'regenerate' : null)}
      />
      <DisableDialog
        isOpen={dialog === 'disable'}
        onOpenChange={(open) => setDialog(open ? 'disable' : null)}
      />
    </Section>
  );
}

function RegenerateDialog({
  username,
  isOpen,
  onOpenChange,
}: {
  username: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation('account');
  const [codes, setCodes] = useState<string[] | null>(null);
  const close = () => {
    onOpenChange(false);
    setCodes(null);
  };
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
      title={t('mfa.regenerateTitle')}
    >
      {codes ? (
        <div className="flex flex-col gap-5">
          <RecoveryCodes codes={codes} username={username} />
          <div className="flex justify-end">
            <Button onPress={close}>{t('mfa.saved')}</Button>
          </div>
        </div>
      ) : (
        <PasswordPrompt
          intro={t('mfa.regenerateText')}
          submitLabel={t('mfa.regenerateSubmit')}
          onCancel={close}
          onSubmit={async (password) => {
            const answer = await api<{ recovery_codes: string[] }>('POST', '/auth/mfa/recovery-codes', {
              password,
            });
            setCodes(answer.recovery_codes);
          }}
        />
      )}
    </Dialog>
  );
}

/** A password field and a submit button, inside a dialog; the password's errors under the field. */
function PasswordPrompt({
  intro,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  intro: string;
  submitLabel: string;
  onSubmit: (password: string) => Promise<void>;
  onCancel: () => void;
}) {
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
      await onSubmit(password);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['password']));
    }
  });
  return (
    <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
      <p className="text-sm text-slate-600 dark:text-slate-300">{intro}</p>
      {formError ? <Alert>{formError}</Alert> : null}
      <FormTextField
        control={control}
        name="password"
        label={t('mfa.password')}
        type="password"
        autoComplete="current-password"
        autoFocus
      />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onPress={onCancel}>
          {ts('actions.cancel')}
        </Button>
        <Button type="submit" isPending={formState.isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function DisableDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const password = usePasswordSchema();
  const otp = useOtpSchema();
  const schema = useMemo(() => password.extend({ otp }), [password, otp]);
  const { control, handleSubmit, setError, reset, formState } = useForm({
    resolver: zodResolver(schema),
    defaultValues: { password: '', otp: '' },
  });
  const close = () => {
    onOpenChange(false);
    reset();
    setFormError(null);
  };
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api('POST', '/auth/mfa/disable', values);
    } catch (error) {
      const message = applyServerErrors(error, setError, ['password', 'otp']);
      if (message && (error as { code?: string }).code === 'INVALID_OTP')
        setError('otp', { type: 'server', message });
      else setFormError(message);
      return;
    }
    close();
    notify(t('mfa.turnedOff'));
    // Staff may be required to use it: the requirement page then asks to set it up again.
    const me = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    if (me?.requirement) await navigate({ to: '/account/required' });
  });
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
      title={t('mfa.turnOffTitle')}
      role="alertdialog"
    >
      <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
        <p className="text-sm text-slate-600 dark:text-slate-300">{t('mfa.turnOffText')}</p>
        {formError ? <Alert>{formError}</Alert> : null}
        <FormTextField
          control={control}
          name="password"
          label={t('mfa.password')}
          type="password"
          autoComplete="current-password"
          autoFocus
        />
        <FormTextField
          control={control}
          name="otp"
          label={t('mfa.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onPress={close}>
            {ts('actions.cancel')}
          </Button>
          <Button type="submit" variant="danger" isPending={formState.isSubmitting}>
            {t('mfa.turnOff')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

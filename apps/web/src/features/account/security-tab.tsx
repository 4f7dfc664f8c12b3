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
import { FormActions } from '../../components/ui/form-actions';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { api } from '../../lib/api';
import { meQuery } from '../auth/session';
import { accountFieldMessages } from './field-messages';
import { MfaSetup } from './mfa';
import { OtpField, otpErrors, PasswordField, useOtpSchema, usePasswordSchema } from './mfa-fields';
import { PasswordChangeForm } from './password-form';
import { PasswordPrompt } from './password-prompt';
import { RecoveryCodes } from './recovery-codes';
import { Section } from './section';

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
          layout="dialog"
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

function DisableDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('account');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const password = usePasswordSchema();
  const otp = useOtpSchema();
  const schema = useMemo(() => password.extend({ otp }), [password, otp]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { password: '', otp: '' } });
  const { formError, setFormError, onSubmit } = useFormSubmit(form, ['password', 'otp'], {
    messages: accountFieldMessages,
    ...otpErrors,
  });
  const close = () => {
    onOpenChange(false);
    form.reset();
    setFormError(null);
  };
  // Staff may be required to use it: the requirement page then asks to set it up again.
  async function followRequirement() {
    const me = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    if (me?.requirement) await navigate({ to: '/account/required' });
  }
  const submit = onSubmit(async (values) => {
    await api('POST', '/auth/mfa/disable', values);
    close();
    notify(t('mfa.turnedOff'));
    void followRequirement();
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
        <PasswordField control={form.control} />
        <OtpField control={form.control} />
        <FormActions
          onCancel={close}
          variant="danger"
          isPending={form.formState.isSubmitting}
          submitLabel={t('mfa.turnOff')}
        />
      </form>
    </Dialog>
  );
}

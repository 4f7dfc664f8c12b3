import { zodResolver } from '@hookform/resolvers/zod';
import type { ApiToken } from '@itsm/contracts';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { DateField } from '../../components/ui/date-field';
import { Dialog } from '../../components/ui/dialog';
import { FormActions } from '../../components/ui/form-actions';
import { FormTextField } from '../../components/ui/form-text-field';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { api } from '../../lib/api';
import { copyWithNotice } from './clipboard';
import { accountFieldMessages } from './field-messages';

type Created = ApiToken & { token: string };

/** `YYYY-MM-DD` of a day from today, in local time. */
function localDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Creates a personal API token, then shows its secret once. */
export function CreateTokenDialog({
  isOpen,
  onOpenChange,
  onCreated,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation('account');
  const [created, setCreated] = useState<Created | null>(null);
  const close = () => {
    onOpenChange(false);
    setCreated(null);
  };
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
      title={created ? t('tokens.createdTitle') : t('tokens.createTitle')}
      // Once the secret shows, a stray click outside must not lose it.
      role={created ? 'alertdialog' : 'dialog'}
    >
      {created ? (
        <TokenSecret token={created} onDone={close} />
      ) : (
        <CreateTokenForm
          onCancel={close}
          onCreated={(token) => {
            setCreated(token);
            onCreated();
          }}
        />
      )}
    </Dialog>
  );
}

function CreateTokenForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (token: Created) => void;
}) {
  const { t } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const tomorrow = localDay(1);
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t('validation.required')).max(100, t('validation.tooLong')),
        expires_at: z.string().refine((v) => v === '' || v >= tomorrow, t('validation.futureDate')),
      }),
    [t, tomorrow],
  );
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: '', expires_at: '' } });
  const { control, formState } = form;
  const { formError, onSubmit } = useFormSubmit(form, ['name', 'expires_at'], {
    messages: accountFieldMessages,
  });
  const submit = onSubmit(async (values) => {
    const token = await api<Created>('POST', '/auth/tokens', {
      name: values.name,
      // The end of the chosen day, in the user's time zone.
      expires_at: values.expires_at ? new Date(`${values.expires_at}T23:59:59`).toISOString() : null,
    });
    onCreated(token);
  });
  return (
    <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
      {formError ? <Alert>{formError}</Alert> : null}
      <FormTextField
        control={control}
        name="name"
        label={t('tokens.name')}
        description={t('tokens.nameHint')}
        autoFocus
        maxLength={100}
      />
      <div className="flex flex-col gap-1.5">
        <Controller
          control={control}
          name="expires_at"
          render={({ field, fieldState }) => (
            <DateField
              label={t('tokens.expiresOn')}
              value={field.value}
              onChange={field.onChange}
              min={tomorrow}
              error={fieldState.error?.message}
            />
          )}
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('tokens.expiresHint')}</p>
      </div>
      <FormActions
        onCancel={onCancel}
        isPending={formState.isSubmitting}
        submitLabel={ts('actions.create')}
      />
    </form>
  );
}

function TokenSecret({ token, onDone }: { token: Created; onDone: () => void }) {
  const { t } = useTranslation('account');
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="warning" title={t('tokens.secretWarningTitle')}>
        {t('tokens.secretWarning')}
      </Alert>
      <div className="flex flex-col gap-1.5">
        <p className="text-sm font-medium text-slate-700 dark:text-slate-300">
          {t('tokens.secretLabel', { name: token.name })}
        </p>
        <code className="block rounded-lg border border-slate-200 bg-slate-50 px-3 py-2.5 font-mono text-sm break-all text-slate-900 select-all dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100">
          {token.token}
        </code>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t('tokens.usage')} <code className="font-mono">Authorization: Token {token.token_prefix}…</code>
      </p>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button
          variant="secondary"
          onPress={() =>
            void copyWithNotice(token.token, { copied: t('tokens.copied'), failed: t('mfa.copyFailed') })
          }
        >
          {t('tokens.copy')}
        </Button>
        <Button onPress={onDone}>{t('tokens.done')}</Button>
      </div>
    </div>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import type { Me, Structure } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { FormSelectField } from '../../components/ui/form-select-field';
import { FormTextField } from '../../components/ui/form-text-field';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { changeLanguage } from '../../i18n';
import { type Language, languages } from '../../i18n/language';
import { api } from '../../lib/api';
import { meQuery } from '../auth/session';
import { applyTheme, storedTheme, type Theme, themes } from '../shell/theme';
import { accountFieldMessages } from './field-messages';
import { Section } from './section';

export function ProfileTab({ me }: { me: Me }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="flex flex-col gap-6 lg:col-span-2">
        <ProfileForm me={me} />
        <EmailForm me={me} />
      </div>
      <div className="flex flex-col gap-6">
        <AccountFacts me={me} />
        <ThemeChoice />
      </div>
    </div>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const queryClient = useQueryClient();
  const schema = useMemo(
    () =>
      z.object({
        first_name: z.string().trim().min(1, t('validation.required')).max(100, t('validation.tooLong')),
        last_name: z.string().trim().min(1, t('validation.required')).max(100, t('validation.tooLong')),
        phone: z.string().trim().max(50, t('validation.tooLong')),
        locale: z.enum(languages),
      }),
    [t],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    values: {
      first_name: me.first_name,
      last_name: me.last_name,
      phone: me.phone ?? '',
      locale: me.locale,
    },
    resetOptions: { keepDirtyValues: true },
  });
  const { control, reset, formState } = form;
  const { formError, onSubmit } = useFormSubmit(form, ['first_name', 'last_name', 'phone', 'locale'], {
    messages: accountFieldMessages,
  });
  const submit = onSubmit(async (values) => {
    const updated = await api<Me>('PATCH', '/auth/me', { ...values, phone: values.phone || null });
    queryClient.setQueryData(meQuery.queryKey, updated);
    reset({ ...values });
    if (values.locale !== me.locale) await changeLanguage(values.locale as Language);
    // In the language just chosen.
    notify(i18n.getFixedT(values.locale, 'account')('profile.saved'));
  });

  return (
    <Section title={t('profile.identity')} description={t('profile.identityIntro')}>
      <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
        {formError ? <Alert>{formError}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormTextField
            control={control}
            name="first_name"
            label={t('profile.firstName')}
            autoComplete="given-name"
          />
          <FormTextField
            control={control}
            name="last_name"
            label={t('profile.lastName')}
            autoComplete="family-name"
          />
          <FormTextField
            control={control}
            name="phone"
            label={t('profile.phone')}
            description={t('profile.phoneHint')}
            type="tel"
            autoComplete="tel"
          />
          <FormSelectField
            control={control}
            name="locale"
            label={t('profile.language')}
            options={languages.map((lang) => ({ value: lang, label: t(`languages.${lang}`) }))}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" isPending={formState.isSubmitting} isDisabled={!formState.isDirty}>
            {ts('actions.save')}
          </Button>
          {formState.isDirty ? (
            <Button variant="ghost" onPress={() => reset()}>
              {ts('actions.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </Section>
  );
}

function EmailForm({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const queryClient = useQueryClient();
  const schema = useMemo(
    () =>
      z.object({
        email: z
          .email(t('validation.email'))
          .max(254, t('validation.tooLong'))
          .refine((value) => value.toLowerCase() !== me.email.toLowerCase(), t('validation.sameEmail')),
        current_password: z.string().min(1, t('validation.required')),
      }),
    [t, me.email],
  );
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: { email: '', current_password: '' },
  });
  const { control, formState } = form;
  const { formError, onSubmit } = useFormSubmit(form, ['email', 'current_password'], {
    messages: accountFieldMessages,
  });
  const submit = onSubmit(async (values) => {
    const updated = await api<Me>('PATCH', '/auth/me', values);
    queryClient.setQueryData(meQuery.queryKey, updated);
    form.reset();
    notify(t('profile.emailSaved'));
  });

  return (
    <Section title={t('profile.email')} description={t('profile.emailIntro')}>
      <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
        <div className="flex flex-col gap-0.5 text-sm">
          <span className="text-slate-500 dark:text-slate-400">{t('profile.currentEmail')}</span>
          <span className="font-medium text-slate-900 [overflow-wrap:anywhere] dark:text-white">
            {me.email}
          </span>
        </div>
        {formError ? <Alert>{formError}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormTextField
            control={control}
            name="email"
            label={t('profile.newEmail')}
            type="email"
            autoComplete="email"
          />
          <FormTextField
            control={control}
            name="current_password"
            label={t('profile.currentPassword')}
            type="password"
            autoComplete="current-password"
          />
        </div>
        <div>
          <Button type="submit" variant="secondary" isPending={formState.isSubmitting}>
            {t('profile.changeEmail')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function AccountFacts({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const structure = useQuery({
    queryKey: ['structures', me.structure],
    queryFn: () => api<Structure>('GET', `/structures/${me.structure}`),
    enabled: me.structure !== null,
  });
  const structureName =
    me.structure === null
      ? t('profile.noStructure')
      : structure.data
        ? structure.data.name
        : structure.isError
          ? '—'
          : ts('states.loading');

  const facts: [string, string][] = [
    [t('profile.username'), me.username],
    [t('profile.role'), ts(`roles.${me.role}`)],
    [t('profile.structure'), structureName],
  ];
  return (
    <Section title={t('profile.account')} description={t('profile.accountIntro')}>
      <dl className="flex flex-col gap-3 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="flex flex-col gap-0.5">
            <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="font-medium text-slate-900 [overflow-wrap:anywhere] dark:text-white">{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function ThemeChoice() {
  const { t } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <Section title={t('profile.appearance')} description={t('profile.appearanceIntro')}>
      <RadioGroup
        label={t('profile.theme')}
        value={theme}
        onChange={(value) => {
          setTheme(value as Theme);
          applyTheme(value as Theme);
        }}
      >
        {themes.map((item) => (
          <Radio key={item} value={item}>
            {ts(`topbar.themes.${item}`)}
          </Radio>
        ))}
      </RadioGroup>
    </Section>
  );
}

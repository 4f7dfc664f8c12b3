import { zodResolver } from '@hookform/resolvers/zod';
import { LOCALES, ROLES, type User } from '@itsm/contracts';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { Checkbox, CheckboxGroup } from '../../components/ui/checkbox';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormSelectField } from '../../components/ui/form-select-field';
import { FormTextField } from '../../components/ui/form-text-field';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import { errorMessage } from '../../components/ui/states';
import { FormStructureSelect } from '../../components/ui/structure-select';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { UserPicker } from '../../components/ui/user-picker';
import { api } from '../../lib/api';
import { namesById, useGroups, useSites, useStructures } from '../../lib/lookups';
import { saveObject } from '../../lib/save';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useRefresh } from '../../lib/use-refresh';
import { fullName } from '../../lib/user-names';
import { userFieldMessages } from './field-messages';
import { TemporaryPasswordField } from './temporary-password-field';
import {
  defaults,
  FIELDS,
  type FormInput,
  type FormOutput,
  formSchema,
  RULE_FIELDS,
  type RuleField,
  userRequest,
} from './user-form-values';

/** A titled part of the form (identity, organisation, sign-in). */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0 dark:border-slate-800">
      <legend className="float-left mb-1 w-full text-xs font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
        {title}
      </legend>
      {children}
    </fieldset>
  );
}

/** Create a user (with an initial password or an invitation) or edit one. */
export function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation('users');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefresh();
  const creating = user === null;
  const schema = useMemo(() => formSchema(creating), [creating]);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: defaults(user),
    mode: 'onTouched',
  });
  const { control, setError, setValue, getValues, clearErrors, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS, { messages: userFieldMessages });
  const [suggesting, setSuggesting] = useState(false);

  const structures = useStructures();
  const sites = useSites();
  const groups = useGroups();
  const structureNames = namesById(structures.data);

  // The username follows the names and the structure until the administrator types his own.
  const usernameEdited = useRef(!creating);
  const [first, last, structure, credentials] = useWatch({
    control,
    name: ['first_name', 'last_name', 'structure', 'credentials'],
  });
  const namesKey = useDebouncedValue(`${first}|${last}|${structure}`, 450);

  async function suggest(explicit: boolean) {
    const [f, l, s] = getValues(['first_name', 'last_name', 'structure']);
    if (!f.trim() || !l.trim()) {
      if (explicit) setError('username', { type: 'server', message: t('form.suggestNeedsNames') });
      return;
    }
    setSuggesting(true);
    try {
      const answer = await api<{ username: string }>('GET', '/users/suggest-username', undefined, {
        first_name: f.trim(),
        last_name: l.trim(),
        structure: s || undefined,
      });
      if (explicit || !usernameEdited.current) {
        usernameEdited.current = false;
        setValue('username', answer.username, { shouldDirty: true });
        clearErrors('username');
      }
    } catch (e) {
      if (explicit) setError('username', { type: 'server', message: errorMessage(e) });
    } finally {
      setSuggesting(false);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: the debounced names are the trigger
  useEffect(() => {
    if (creating && !usernameEdited.current) void suggest(false);
  }, [namesKey]);

  const submit = onSubmit(async (v) => {
    const saved = await saveObject<User>('/users', user, userRequest(v, creating));
    notify(
      !creating
        ? t('toast.updated', { name: fullName(saved) })
        : v.credentials === 'invitation'
          ? t('toast.invited', { username: saved.username, email: saved.email })
          : t('toast.created', { username: saved.username }),
    );
    await refresh('users', 'lookup', 'groups', 'count');
    onDone();
  });

  const rule = (field: string) => () =>
    RULE_FIELDS.has(field) ? t(`fieldErrors.${field as RuleField}`) : t('fieldErrors.invalid');
  const message = (field: keyof FormInput) => formFieldMessage(formState.errors[field], rule(field));

  const siteOptions = (sites.data ?? [])
    .map((s) => ({
      value: String(s.id),
      label: structureNames.get(s.structure) ? `${s.name} (${structureNames.get(s.structure)})` : s.name,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-5">
      <Section title={t('form.identity')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormTextField
            control={control}
            name="first_name"
            label={t('fields.firstName')}
            error={message('first_name')}
            autoComplete="off"
            isRequired
            autoFocus
          />
          <FormTextField
            control={control}
            name="last_name"
            label={t('fields.lastName')}
            error={message('last_name')}
            autoComplete="off"
            isRequired
          />
          <FormTextField
            control={control}
            name="email"
            label={t('fields.email')}
            type="email"
            error={message('email')}
            autoComplete="off"
            isRequired
          />
          <FormTextField
            control={control}
            name="phone"
            label={t('fields.phone')}
            type="tel"
            error={message('phone')}
            autoComplete="off"
          />
        </div>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <FormTextField
            control={control}
            name="username"
            label={t('fields.username')}
            description={creating ? t('form.usernameHint') : t('form.usernameEditHint')}
            onChange={(value) => {
              usernameEdited.current = value.trim() !== '';
            }}
            error={message('username')}
            placeholder="@prenom.nom.societe"
            autoComplete="off"
            spellCheck="false"
            className="flex-1"
          />
          <Button
            variant="secondary"
            className="sm:mt-[1.625rem]"
            isPending={suggesting}
            onPress={() => void suggest(true)}
          >
            {t('form.suggest')}
          </Button>
        </div>
      </Section>

      <Section title={t('form.organisation')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormSelectField
            control={control}
            name="role"
            label={t('fields.role')}
            options={ROLES.map((r) => ({ value: r, label: ts(`roles.${r}`) }))}
            error={message('role')}
          />
          <FormSelectField
            control={control}
            name="locale"
            label={t('fields.locale')}
            options={LOCALES.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
            error={message('locale')}
          />
          <FormStructureSelect
            control={control}
            name="structure"
            label={t('fields.structure')}
            onChange={() => {
              if (formState.errors.structure) void form.trigger('structure');
            }}
            emptyLabel={t('form.noStructure')}
            error={message('structure')}
          />
          <FormSelectField
            control={control}
            name="site"
            label={t('fields.site')}
            options={siteOptions}
            emptyLabel={sites.isLoading ? ts('states.loading') : t('form.noSite')}
            error={message('site')}
          />
        </div>
        <Controller
          control={control}
          name="manager"
          render={({ field }) => (
            <UserPicker
              label={t('fields.manager')}
              value={field.value}
              onChange={field.onChange}
              excludeIds={user ? [user.id] : []}
              clearable
              description={t('form.managerHint')}
              error={message('manager')}
            />
          )}
        />
        <Controller
          control={control}
          name="groups"
          render={({ field }) => (
            <CheckboxGroup
              label={t('fields.groups')}
              value={field.value.map(String)}
              onChange={(values) => field.onChange(values.map(Number))}
              error={message('groups')}
              listClassName="max-h-48 overflow-y-auto rounded-lg border border-slate-200 p-3 dark:border-slate-700"
            >
              {groups.isLoading ? (
                <p className="text-sm text-slate-500">{ts('states.loading')}</p>
              ) : groups.error ? (
                <p className="text-sm text-rose-600">{errorMessage(groups.error)}</p>
              ) : (groups.data ?? []).length === 0 ? (
                <p className="text-sm text-slate-500 dark:text-slate-400">{t('form.noGroups')}</p>
              ) : (
                (groups.data ?? []).map((g) => (
                  <Checkbox key={g.id} value={String(g.id)} description={structureNames.get(g.structure)}>
                    {g.name}
                  </Checkbox>
                ))
              )}
            </CheckboxGroup>
          )}
        />
      </Section>

      {creating ? (
        <Section title={t('form.signIn')}>
          <Controller
            control={control}
            name="credentials"
            render={({ field }) => (
              <RadioGroup
                label={t('form.credentials')}
                value={field.value}
                onChange={(value) => {
                  field.onChange(value);
                  clearErrors('password');
                }}
                error={message('credentials')}
              >
                <Radio value="password" description={t('form.passwordOptionHint')}>
                  {t('form.passwordOption')}
                </Radio>
                <Radio value="invitation" description={t('form.invitationOptionHint')}>
                  {t('form.invitationOption')}
                </Radio>
              </RadioGroup>
            )}
          />
          {credentials === 'password' ? (
            <>
              <Controller
                control={control}
                name="password"
                render={({ field }) => (
                  <TemporaryPasswordField
                    label={t('fields.password')}
                    value={field.value}
                    onChange={field.onChange}
                    onGenerate={(password) =>
                      setValue('password', password, { shouldValidate: true, shouldDirty: true })
                    }
                    onBlur={field.onBlur}
                    name={field.name}
                    error={message('password')}
                    isRequired
                  />
                )}
              />
              <Controller
                control={control}
                name="must_change_password"
                render={({ field }) => (
                  <Checkbox isSelected={field.value} onChange={field.onChange}>
                    {t('form.mustChange')}
                  </Checkbox>
                )}
              />
            </>
          ) : null}
        </Section>
      ) : null}

      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onDone}
        isPending={formState.isSubmitting}
        submitLabel={creating ? t('form.create') : ts('actions.save')}
        className="border-t border-slate-200 pt-4 dark:border-slate-800"
      />
    </form>
  );
}

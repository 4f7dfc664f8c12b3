import { zodResolver } from '@hookform/resolvers/zod';
import {
  LOCALES,
  LocaleSchema,
  NewPasswordSchema,
  ROLES,
  RoleSchema,
  USERNAME_REGEX,
  type User,
  type UserCreate,
  UserCreateSchema,
  type UserUpdate,
} from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '../../components/ui/button';
import { Checkbox, CheckboxGroup } from '../../components/ui/checkbox';
import { Dialog } from '../../components/ui/dialog';
import { TextField } from '../../components/ui/field';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import { SelectField } from '../../components/ui/select-field';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { i18n } from '../../i18n';
import { api } from '../../lib/api';
import { applyServerErrors, focusFirstError, formFieldMessage } from './form-errors';
import { namesById, structureOptions, useGroups, useSites, useStructures } from './lookups';
import { generatePassword } from './passwords';
import { useDebouncedValue } from './use-debounced-value';
import { UserPicker } from './user-picker';

const shape = UserCreateSchema.shape;

/** The form's values: selects hold strings ('' for none); checked against the contract's rules. */
function formSchema(creating: boolean) {
  return z
    .object({
      first_name: shape.first_name,
      last_name: shape.last_name,
      email: shape.email,
      phone: z.string().trim().max(50),
      username: z
        .string()
        .trim()
        .refine((v) => v === '' || USERNAME_REGEX.test(v)),
      role: RoleSchema,
      structure: z.string(),
      site: z.string(),
      manager: z.number().int().nullable(),
      groups: z.array(z.number().int()),
      locale: LocaleSchema,
      credentials: z.enum(['password', 'invitation']),
      password: z.string(),
      must_change_password: z.boolean(),
    })
    .refine((v) => v.role !== 'technician' || v.structure !== '', {
      path: ['structure'],
      message: 'structureRequired',
      when: () => true,
    })
    .refine(
      (v) => !creating || v.credentials !== 'password' || NewPasswordSchema.safeParse(v.password).success,
      { path: ['password'], message: 'password', when: () => true },
    );
}

type FormInput = z.input<ReturnType<typeof formSchema>>;
type FormOutput = z.output<ReturnType<typeof formSchema>>;

// API field → form field, for the server's field errors.
const FIELDS = {
  first_name: 'first_name',
  last_name: 'last_name',
  email: 'email',
  phone: 'phone',
  username: 'username',
  role: 'role',
  structure: 'structure',
  site: 'site',
  manager: 'manager',
  groups: 'groups',
  locale: 'locale',
  password: 'password',
  send_invitation: 'credentials',
  must_change_password: 'must_change_password',
} as const;

// Fields whose own rules (not the server's) can fail: each has its message.
const RULE_FIELDS = new Set([
  'first_name',
  'last_name',
  'email',
  'phone',
  'username',
  'password',
  'structure',
]);
type RuleField = 'first_name' | 'last_name' | 'email' | 'phone' | 'username' | 'password' | 'structure';

function defaults(user: User | null): FormInput {
  const language = LocaleSchema.safeParse(i18n.resolvedLanguage);
  return {
    first_name: user?.first_name ?? '',
    last_name: user?.last_name ?? '',
    email: user?.email ?? '',
    phone: user?.phone ?? '',
    username: user?.username ?? '',
    role: user?.role ?? 'user',
    structure: user?.structure ? String(user.structure) : '',
    site: user?.site ? String(user.site) : '',
    manager: user?.manager ?? null,
    groups: user?.groups ?? [],
    locale: user?.locale ?? (language.success ? language.data : 'fr'),
    credentials: 'password',
    password: '',
    must_change_password: true,
  };
}

type Props = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** The user to edit; null to create one. */
  user: User | null;
};

/** Create a user (with an initial password or an invitation) or edit one. */
export function UserFormDialog({ isOpen, onOpenChange, user }: Props) {
  const { t } = useTranslation('users');
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      size="lg"
      title={
        user ? t('form.editTitle', { name: `${user.first_name} ${user.last_name}` }) : t('form.createTitle')
      }
    >
      <UserForm user={user} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

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

function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation('users');
  const { t: ts } = useTranslation('shell');
  const queryClient = useQueryClient();
  const creating = user === null;
  const schema = useMemo(() => formSchema(creating), [creating]);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: defaults(user),
    mode: 'onTouched',
  });
  const { control, handleSubmit, setError, setValue, getValues, clearErrors, formState } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [revealPassword, setRevealPassword] = useState(false);
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

  const formRef = useRef<HTMLFormElement>(null);
  const submit = handleSubmit(
    async (v) => {
      setFormError(null);
      const profile = {
        first_name: v.first_name,
        last_name: v.last_name,
        email: v.email,
        phone: v.phone || null,
        role: v.role,
        structure: v.structure ? Number(v.structure) : null,
        site: v.site ? Number(v.site) : null,
        manager: v.manager,
        groups: v.groups,
        locale: v.locale,
      };
      try {
        let saved: User;
        if (creating) {
          const body: UserCreate = {
            ...profile,
            ...(v.username ? { username: v.username } : {}),
            ...(v.credentials === 'password'
              ? { password: v.password, must_change_password: v.must_change_password }
              : { send_invitation: true }),
          };
          saved = await api<User>('POST', '/users', body);
          notify(
            v.credentials === 'invitation'
              ? t('toast.invited', { username: saved.username, email: saved.email })
              : t('toast.created', { username: saved.username }),
          );
        } else {
          const body: UserUpdate = { ...profile, username: v.username || undefined };
          saved = await api<User>('PATCH', `/users/${user.id}`, body);
          notify(t('toast.updated', { name: `${saved.first_name} ${saved.last_name}` }));
        }
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ['users'] }),
          queryClient.invalidateQueries({ queryKey: ['lookup'] }),
          queryClient.invalidateQueries({ queryKey: ['groups'] }),
          queryClient.invalidateQueries({ queryKey: ['count'] }),
        ]);
        onDone();
      } catch (e) {
        setFormError(applyServerErrors(e, setError, FIELDS));
        focusFirstError(formRef.current);
      }
    },
    () => focusFirstError(formRef.current),
  );

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
          <Controller
            control={control}
            name="first_name"
            render={({ field }) => (
              <TextField
                label={t('fields.firstName')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                error={message('first_name')}
                autoComplete="off"
                isRequired
                autoFocus
              />
            )}
          />
          <Controller
            control={control}
            name="last_name"
            render={({ field }) => (
              <TextField
                label={t('fields.lastName')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                error={message('last_name')}
                autoComplete="off"
                isRequired
              />
            )}
          />
          <Controller
            control={control}
            name="email"
            render={({ field }) => (
              <TextField
                label={t('fields.email')}
                type="email"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                error={message('email')}
                autoComplete="off"
                isRequired
              />
            )}
          />
          <Controller
            control={control}
            name="phone"
            render={({ field }) => (
              <TextField
                label={t('fields.phone')}
                type="tel"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                error={message('phone')}
                autoComplete="off"
              />
            )}
          />
        </div>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <Controller
            control={control}
            name="username"
            render={({ field }) => (
              <TextField
                label={t('fields.username')}
                description={creating ? t('form.usernameHint') : t('form.usernameEditHint')}
                value={field.value}
                onChange={(value) => {
                  usernameEdited.current = value.trim() !== '';
                  field.onChange(value);
                }}
                onBlur={field.onBlur}
                name={field.name}
                error={message('username')}
                placeholder="@prenom.nom.societe"
                autoComplete="off"
                spellCheck="false"
                className="flex-1"
              />
            )}
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
          <Controller
            control={control}
            name="role"
            render={({ field }) => (
              <SelectField
                label={t('fields.role')}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                options={ROLES.map((r) => ({ value: r, label: ts(`roles.${r}`) }))}
                error={message('role')}
              />
            )}
          />
          <Controller
            control={control}
            name="locale"
            render={({ field }) => (
              <SelectField
                label={t('fields.locale')}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                options={LOCALES.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
                error={message('locale')}
              />
            )}
          />
          <Controller
            control={control}
            name="structure"
            render={({ field }) => (
              <SelectField
                label={t('fields.structure')}
                name={field.name}
                value={field.value}
                onChange={(value) => {
                  field.onChange(value);
                  if (formState.errors.structure) void form.trigger('structure');
                }}
                options={structureOptions(structures.data)}
                emptyLabel={structures.isLoading ? ts('states.loading') : t('form.noStructure')}
                error={message('structure')}
              />
            )}
          />
          <Controller
            control={control}
            name="site"
            render={({ field }) => (
              <SelectField
                label={t('fields.site')}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                options={siteOptions}
                emptyLabel={sites.isLoading ? ts('states.loading') : t('form.noSite')}
                error={message('site')}
              />
            )}
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
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
                <Controller
                  control={control}
                  name="password"
                  render={({ field }) => (
                    <TextField
                      label={t('fields.password')}
                      type={revealPassword ? 'text' : 'password'}
                      description={t('form.passwordHint')}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      name={field.name}
                      error={message('password')}
                      autoComplete="new-password"
                      spellCheck="false"
                      className="flex-1"
                      isRequired
                    />
                  )}
                />
                <div className="flex gap-2 sm:mt-[1.625rem]">
                  <Button
                    variant="secondary"
                    onPress={() => {
                      setValue('password', generatePassword(), { shouldValidate: true, shouldDirty: true });
                      setRevealPassword(true);
                    }}
                  >
                    {t('form.generate')}
                  </Button>
                  <Button variant="ghost" onPress={() => setRevealPassword(!revealPassword)}>
                    {revealPassword ? t('form.hide') : t('form.show')}
                  </Button>
                </div>
              </div>
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

      {formError ? (
        <p
          role="alert"
          className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-950/50 dark:text-rose-300"
        >
          {formError}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:justify-end dark:border-slate-800">
        <Button variant="secondary" onPress={onDone}>
          {ts('actions.cancel')}
        </Button>
        <Button type="submit" isPending={formState.isSubmitting}>
          {creating ? t('form.create') : ts('actions.save')}
        </Button>
      </div>
    </form>
  );
}

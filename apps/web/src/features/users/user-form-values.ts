import {
  LocaleSchema,
  NewPasswordSchema,
  RoleSchema,
  USERNAME_REGEX,
  type User,
  type UserCreate,
  UserCreateSchema,
  type UserUpdate,
} from '@itsm/contracts';
import { z } from 'zod';
import { i18n } from '../../i18n';

const shape = UserCreateSchema.shape;

/** The form's values: selects hold strings ('' for none); checked against the contract's rules. */
export function formSchema(creating: boolean) {
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

export type FormInput = z.input<ReturnType<typeof formSchema>>;
export type FormOutput = z.output<ReturnType<typeof formSchema>>;

// API field → form field, for the server's field errors.
export const FIELDS = {
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
export const RULE_FIELDS = new Set([
  'first_name',
  'last_name',
  'email',
  'phone',
  'username',
  'password',
  'structure',
]);
export type RuleField =
  | 'first_name'
  | 'last_name'
  | 'email'
  | 'phone'
  | 'username'
  | 'password'
  | 'structure';

export function defaults(user: User | null): FormInput {
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

/** What the API is sent: a new user (with a password or an invitation), or the changes of one. */
export function userRequest(v: FormOutput, creating: boolean): UserCreate | UserUpdate {
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
  if (!creating) return { ...profile, username: v.username || undefined };
  return {
    ...profile,
    ...(v.username ? { username: v.username } : {}),
    ...(v.credentials === 'password'
      ? { password: v.password, must_change_password: v.must_change_password }
      : { send_invitation: true }),
  };
}

import { z } from 'zod';
import {
  EmailSchema,
  IdSchema,
  LocaleSchema,
  NewPasswordSchema,
  PasswordSchema,
  RoleSchema,
  TimestampSchema,
  UsernameSchema,
} from './common.js';

export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  phone: z.string().nullable(),
  role: RoleSchema,
  structure: IdSchema.nullable(),
  site: IdSchema.nullable(),
  manager: IdSchema.nullable(),
  groups: z.array(IdSchema),
  locale: LocaleSchema,
  is_active: z.boolean(),
  is_mfa_enabled: z.boolean(),
  must_change_password: z.boolean(),
  has_password: z.boolean().describe('False while an invitation is pending'),
  last_login_at: TimestampSchema.nullable(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type User = z.infer<typeof UserSchema>;

const profileFields = {
  first_name: z.string().trim().min(1).max(100),
  last_name: z.string().trim().min(1).max(100),
  phone: z.string().trim().max(50).nullish(),
  locale: LocaleSchema.optional(),
};

export const UserCreateSchema = z.strictObject({
  username: UsernameSchema.optional().describe(
    'Suggested from first name, last name and the root structure code when absent',
  ),
  email: EmailSchema,
  ...profileFields,
  role: RoleSchema,
  structure: IdSchema.nullish(),
  site: IdSchema.nullish(),
  manager: IdSchema.nullish(),
  groups: z.array(IdSchema).max(200).optional(),
  is_active: z.boolean().optional(),
  password: NewPasswordSchema.optional().describe('Initial password; or send an invitation instead'),
  must_change_password: z.boolean().optional(),
  send_invitation: z.boolean().optional().describe('E-mail a link to choose a password'),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = UserCreateSchema.omit({
  password: true,
  send_invitation: true,
  must_change_password: true,
}).partial();
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

/** What a user may change of his own profile; e-mail changes need the current password. */
export const ProfileUpdateSchema = z.strictObject({
  ...profileFields,
  first_name: profileFields.first_name.optional(),
  last_name: profileFields.last_name.optional(),
  email: EmailSchema.optional(),
  current_password: PasswordSchema.optional().describe('Required to change the e-mail'),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdateSchema>;

export const AdminPasswordResetSchema = z.strictObject({
  password: NewPasswordSchema.optional().describe('New temporary password; absent: e-mail a reset link'),
});

export const UsernameSuggestionQuerySchema = z.strictObject({
  first_name: z.string().trim().min(1).max(100),
  last_name: z.string().trim().min(1).max(100),
  company: z.string().trim().min(1).max(100).optional(),
  structure: z.coerce.number().int().positive().optional(),
});

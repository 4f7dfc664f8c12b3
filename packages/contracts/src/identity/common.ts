import { z } from 'zod';

export const ROLES = ['admin', 'technician', 'user'] as const;
export const RoleSchema = z
  .enum(ROLES)
  .describe('admin: everything; technician: his structure and below; user: himself');
export type Role = z.infer<typeof RoleSchema>;

export const LOCALES = ['fr', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** `@firstname.lastname.company`: three parts of lowercase ASCII letters, digits and hyphens. */
export const USERNAME_REGEX =
  /^@?[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?\.[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?\.[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/i;

export const UsernameSchema = z
  .string()
  .trim()
  .max(160)
  .regex(USERNAME_REGEX, 'Expected @firstname.lastname.company (letters, digits and hyphens)')
  .describe('`@firstname.lastname.company`; the leading @ is optional on input');

export const EmailSchema = z.email().max(254);
export const IdSchema = z.number().int().positive();
export const TimestampSchema = z.string().describe('ISO-8601 UTC instant');
export const PasswordSchema = z.string().min(1).max(256);
export const NewPasswordSchema = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(256)
  .describe('At least 10 characters, not a common password, not your name or username');

/** A short reference to a user, as lists of members and journals show it. */
export const UserRefSchema = z.object({
  id: IdSchema,
  username: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
});
export type UserRef = z.infer<typeof UserRefSchema>;

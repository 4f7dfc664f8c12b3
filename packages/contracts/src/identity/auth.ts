import { z } from 'zod';
import { IdSchema, NewPasswordSchema, PasswordSchema, TimestampSchema } from './common.js';
import { UserSchema } from './users.js';

const otp = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'A 6-digit code')
  .describe('Code from the authenticator app');

export const LoginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(254).describe('Username (with or without @) or e-mail'),
  password: PasswordSchema,
  otp: otp.optional(),
});

export const LoginMfaRequestSchema = z
  .strictObject({
    mfa_token: z.string().min(1).max(500),
    otp: otp.optional(),
    recovery_code: z.string().trim().min(1).max(40).optional(),
  })
  .refine((v) => v.otp !== undefined || v.recovery_code !== undefined, {
    message: 'Give otp or recovery_code',
    path: ['otp'],
  });

export const SessionRequirementSchema = z
  .enum(['password_change', 'mfa_enrollment'])
  .nullable()
  .describe('Until met, only the account endpoints answer');

export const MeSchema = UserSchema.extend({
  requirement: SessionRequirementSchema,
  csrf_token: z.string().nullable().describe('Send as X-CSRF-Token with unsafe methods (session only)'),
});
export type Me = z.infer<typeof MeSchema>;

/** Who is signed in on this browser, if anyone: the single-page app's first question. */
export const SessionStateSchema = z.object({ user: MeSchema.nullable() });

export const LoginResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('authenticated'), user: MeSchema, csrf_token: z.string() }),
  z.object({
    status: z.literal('mfa_required'),
    mfa_token: z.string().describe('Send with the code to POST /api/v1/auth/login/mfa within 5 minutes'),
  }),
]);
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const TokenRequestSchema = LoginRequestSchema;
export const TokenResponseSchema = z.object({
  token: z.string().describe('Send as `Authorization: Token <token>`; shown once'),
  expires_at: TimestampSchema.nullable(),
});

export const PasswordChangeSchema = z.strictObject({
  current_password: PasswordSchema,
  new_password: NewPasswordSchema,
});

export const PasswordResetRequestSchema = z.strictObject({
  login: z.string().trim().min(1).max(254).describe('Username or e-mail'),
});

export const PasswordResetConfirmSchema = z.strictObject({
  token: z.string().min(1).max(200),
  new_password: NewPasswordSchema,
});

export const PasswordConfirmationSchema = z.strictObject({ password: PasswordSchema });

export const MfaSetupResponseSchema = z.object({
  secret: z.string(),
  otpauth_url: z.string(),
  qr_code: z.string().describe('data: URL of an SVG QR code'),
});

export const MfaEnableSchema = z.strictObject({ otp });
export const MfaDisableSchema = z.strictObject({ password: PasswordSchema, otp: otp.optional() });
export const RecoveryCodesSchema = z.object({
  recovery_codes: z.array(z.string()).describe('Shown once; each works once'),
});

export const ApiTokenSchema = z.object({
  id: IdSchema,
  user: IdSchema,
  name: z.string(),
  kind: z.enum(['personal', 'login']),
  token_prefix: z.string(),
  expires_at: TimestampSchema.nullable(),
  last_used_at: TimestampSchema.nullable(),
  created_at: TimestampSchema,
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expires_at: z.iso.datetime({ offset: true }).nullish().describe('Absent or null: never expires'),
});
export const ApiTokenCreatedSchema = ApiTokenSchema.extend({
  token: z.string().describe('The secret; shown only in this answer'),
});

export const SessionSchema = z.object({
  id: IdSchema,
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  created_at: TimestampSchema,
  last_seen_at: TimestampSchema,
  expires_at: TimestampSchema,
  current: z.boolean(),
});
export type Session = z.infer<typeof SessionSchema>;

export const LoginEventSchema = z.object({
  id: IdSchema,
  user: IdSchema.nullable(),
  username_tried: z.string(),
  success: z.boolean(),
  failure_reason: z.string().nullable(),
  method: z.string(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  created_at: TimestampSchema,
});
export type LoginEvent = z.infer<typeof LoginEventSchema>;

export const AuditEntrySchema = z.object({
  id: IdSchema,
  actor: IdSchema.nullable(),
  actor_username: z.string().nullable(),
  action: z.string(),
  target_type: z.string().nullable(),
  target_id: IdSchema.nullable(),
  target_label: z.string().nullable(),
  ip: z.string().nullable(),
  request_id: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  created_at: TimestampSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const SecuritySettingsSchema = z.object({
  require_mfa_for_staff: z.boolean().describe('Admins and technicians must enrol TOTP before using the app'),
});
export const SecuritySettingsUpdateSchema = SecuritySettingsSchema.partial().strict();

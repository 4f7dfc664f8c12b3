import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext } from '../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../platform/auth/actor.js';
import { verifyPassword } from '../../platform/auth/password.js';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpQrDataUrl,
  totpUri,
  verifyTotp,
} from '../../platform/auth/totp.js';
import type { Clock } from '../../platform/clock.js';
import { decryptSecret, encryptSecret } from '../../platform/crypto.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { type AccountRecord, createUserRepository } from '../users/users.repository.js';

const PURPOSE = 'mfa-totp';
const ISSUER = 'ITSM';

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog; secretKey: string };

export type MfaVerifier = {
  verifyLoginCode(account: AccountRecord, code: { otp?: string; recovery_code?: string }): Promise<boolean>;
};

/** TOTP enrolment (QR code, recovery codes), verification at sign-in, and turning it off. */
export function createMfaService({ db, clock, audit, secretKey }: Deps) {
  const users = createUserRepository(db);

  async function account(actor: Actor): Promise<AccountRecord> {
    const row = await users.findAccount({ id: actor.id });
    if (!row) throw new AppError('UNAUTHENTICATED');
    return row;
  }

  async function confirmPassword(row: AccountRecord, password: string) {
    if (!row.password_hash || !(await verifyPassword(password, row.password_hash))) {
      throw fieldError('body', 'password', 'Wrong password', 'wrong_password');
    }
  }

  /** Accepts a TOTP code once (its time step is remembered), or an unused recovery code. */
  async function verifyCode(
    row: AccountRecord,
    code: { otp?: string; recovery_code?: string },
    sealed: string | null,
  ) {
    if (code.otp !== undefined && sealed) {
      const result = await verifyTotp({
        secret: decryptSecret(secretKey, PURPOSE, sealed),
        code: code.otp,
        afterTimeStep: row.mfa_last_time_step,
        now: clock(),
      });
      if (!result.valid) return false;
      const updated = await db
        .updateTable('users')
        .set({ mfa_last_time_step: result.timeStep })
        .where('id', '=', row.id)
        .where((eb) =>
          eb.or([eb('mfa_last_time_step', 'is', null), eb('mfa_last_time_step', '<', result.timeStep)]),
        )
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    }
    if (code.recovery_code !== undefined) {
      const used = await db
        .updateTable('mfa_recovery_codes')
        .set({ used_at: clock().toISOString() })
        .where('user_id', '=', row.id)
        .where('code_hash', '=', hashRecoveryCode(code.recovery_code))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(used.numUpdatedRows) === 1;
    }
    return false;
  }

  async function replaceRecoveryCodes(trx: Kysely<DB>, userId: number): Promise<string[]> {
    const codes = newRecoveryCodes();
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('mfa_recovery_codes')
      .values(
        codes.map((c) => ({
          user_id: userId,
          code_hash: hashRecoveryCode(c),
          created_at: clock().toISOString(),
        })),
      )
      .execute();
    return codes;
  }

  return {
    verifyLoginCode(row: AccountRecord, code: { otp?: string; recovery_code?: string }) {
      return verifyCode(row, code, row.mfa_secret);
    },

    /** Step 1: after the password, a new secret to scan; nothing changes until step 2 proves the app works. */
    async setup(actor: Actor, password: string) {
      const row = await account(actor);
      if (row.is_mfa_enabled) throw new AppError('MFA_ALREADY_ENABLED');
      await confirmPassword(row, password);
      const secret = newTotpSecret();
      await db
        .updateTable('users')
        .set({ mfa_pending_secret: encryptSecret(secretKey, PURPOSE, secret) })
        .where('id', '=', row.id)
        .execute();
      const uri = totpUri({ issuer: ISSUER, account: row.username, secret });
      return { secret, otpauth_url: uri, qr_code: await totpQrDataUrl(uri) };
    },

    /** Step 2: a valid code from the app turns MFA on and gives the recovery codes, once. */
    async enable(actor: Actor, otp: string, request: RequestContext) {
      const row = await account(actor);
      if (row.is_mfa_enabled) throw new AppError('MFA_ALREADY_ENABLED');
      if (!row.mfa_pending_secret) throw fieldError('body', 'otp', 'Start the set-up first', 'no_setup');
      if (!(await verifyCode(row, { otp }, row.mfa_pending_secret))) throw new AppError('INVALID_OTP');
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            is_mfa_enabled: true,
            mfa_secret: row.mfa_pending_secret,
            mfa_pending_secret: null,
            updated_at: clock().toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
        const codes = await replaceRecoveryCodes(trx, row.id);
        await audit.record(trx, auditContext(actor, request), {
          action: 'mfa.enabled',
          target: { type: 'user', id: row.id, label: row.username },
          changes: { is_mfa_enabled: { before: false, after: true } },
        });
        return { recovery_codes: codes };
      });
    },

    async disable(actor: Actor, input: { password: string; otp?: string }, request: RequestContext) {
      const row = await account(actor);
      await confirmPassword(row, input.password);
      if (
        row.is_mfa_enabled &&
        (input.otp === undefined || !(await verifyCode(row, { otp: input.otp }, row.mfa_secret)))
      ) {
        throw new AppError('INVALID_OTP');
      }
      await db.transaction().execute(async (trx) => {
        await users.turnOffMfa(trx, row.id, clock());
        await audit.record(trx, auditContext(actor, request), {
          action: 'mfa.disabled',
          target: { type: 'user', id: row.id, label: row.username },
          changes: { is_mfa_enabled: { before: row.is_mfa_enabled, after: false } },
        });
      });
    },

    async regenerateRecoveryCodes(actor: Actor, password: string, request: RequestContext) {
      const row = await account(actor);
      if (!row.is_mfa_enabled)
        throw fieldError('body', 'password', 'Two-factor authentication is off', 'mfa_off');
      await confirmPassword(row, password);
      return db.transaction().execute(async (trx) => {
        const codes = await replaceRecoveryCodes(trx, row.id);
        await audit.record(trx, auditContext(actor, request), {
          action: 'mfa.recovery_codes_regenerated',
          target: { type: 'user', id: row.id, label: row.username },
        });
        return { recovery_codes: codes };
      });
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;

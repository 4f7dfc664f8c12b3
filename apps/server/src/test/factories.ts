import type { Role } from '@itsm/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { hashPassword } from '../platform/auth/password.js';
import { randomToken, sha256Hex } from '../platform/crypto.js';

export const DEFAULT_PASSWORD = 'Plenty-of-entropy-42';
let defaultHash: Promise<string> | null = null;
let sequence = 0;
const unique = () => `${process.pid}${++sequence}`;

export type TestUser = {
  id: number;
  username: string;
  email: string;
  password: string;
  role: Role;
  structure: number | null;
};
export type AuthHeaders = Record<string, string>;

/** The headers a browser sends after a successful sign-in: the session cookie and the CSRF token it was given. */
export function sessionHeaders(response: LightMyRequestResponse): AuthHeaders {
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, 'x-csrf-token': response.json().csrf_token };
}

/**
 * Builds coherent identity data in a test app's database, parents first, with unique values.
 * Logins go through the real API, so sessions and CSRF tokens are the real ones.
 */
export function factories(app: FastifyInstance) {
  const db = app.database.db as Kysely<DB>;

  const api = {
    async structure(values: { name?: string; code?: string; parent?: number | null } = {}) {
      const n = unique();
      return db
        .insertInto('structures')
        .values({
          name: values.name ?? `Structure ${n}`,
          code: values.code ?? `S${n}`,
          parent_id: values.parent ?? null,
        })
        .returning(['id', 'name', 'code', 'parent_id'])
        .executeTakeFirstOrThrow();
    },

    async site(values: { structure: number; name?: string }) {
      return db
        .insertInto('sites')
        .values({ name: values.name ?? `Site ${unique()}`, structure_id: values.structure })
        .returning(['id', 'name', 'structure_id'])
        .executeTakeFirstOrThrow();
    },

    async group(values: { structure: number; name?: string; members?: number[] }) {
      const group = await db
        .insertInto('groups')
        .values({ name: values.name ?? `Group ${unique()}`, structure_id: values.structure })
        .returning(['id', 'name', 'structure_id'])
        .executeTakeFirstOrThrow();
      for (const user_id of values.members ?? []) {
        await db.insertInto('group_members').values({ group_id: group.id, user_id }).execute();
      }
      return group;
    },

    /** A user with a password (DEFAULT_PASSWORD unless given); a structure is created when none is given. */
    async user(
      values: {
        role?: Role;
        structure?: number | null;
        site?: number | null;
        password?: string;
        isActive?: boolean;
        mustChangePassword?: boolean;
        firstName?: string;
        lastName?: string;
        locale?: 'fr' | 'en';
      } = {},
    ): Promise<TestUser> {
      const n = unique();
      const role = values.role ?? 'user';
      const structure = values.structure === undefined ? (await api.structure()).id : values.structure;
      const password = values.password ?? DEFAULT_PASSWORD;
      defaultHash ??= hashPassword(DEFAULT_PASSWORD);
      const hash = password === DEFAULT_PASSWORD ? await defaultHash : await hashPassword(password);
      const username = `@${role}.u${n}.test`;
      const email = `${role}.${n}@example.test`;
      const row = await db
        .insertInto('users')
        .values({
          username,
          email,
          first_name: values.firstName ?? 'Test',
          last_name: values.lastName ?? `User${n}`,
          role,
          structure_id: structure,
          site_id: values.site ?? null,
          locale: values.locale ?? 'fr',
          is_active: values.isActive ?? true,
          must_change_password: values.mustChangePassword ?? false,
          password_hash: hash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, username, email, password, role, structure };
    },

    /** Signs in through POST /api/v1/auth/login; the headers carry the session cookie and the CSRF token. */
    async login(user: Pick<TestUser, 'username' | 'password'>): Promise<AuthHeaders> {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: user.username, password: user.password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login failed: ${response.statusCode} ${response.body}`);
      return sessionHeaders(response);
    },

    /** A personal API token for the user, straight into the table; the header to send it with. */
    async token(user: Pick<TestUser, 'id'>): Promise<AuthHeaders> {
      const token = `itsm_${randomToken(32)}`;
      await db
        .insertInto('api_tokens')
        .values({
          user_id: user.id,
          name: 'test',
          kind: 'personal',
          token_hash: sha256Hex(token),
          token_prefix: token.slice(0, 12),
        })
        .execute();
      return { authorization: `Token ${token}` };
    },
  };
  return api;
}

export type Factories = ReturnType<typeof factories>;

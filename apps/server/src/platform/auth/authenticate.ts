import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { constantTimeEqual, sha256Hex } from '../crypto.js';
import { AppError } from '../errors/app-error.js';
import type { Actor, Requirement } from './actor.js';
import type { AccountRow, CredentialsRepository } from './credentials.repository.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** last_seen_at / last_used_at are written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export type SessionCookieOptions = { secure: boolean; idleMinutes: number };

export function sessionCookieName(secure: boolean): string {
  // The __Host- prefix pins the cookie to this exact origin (https only).
  return secure ? '__Host-itsm_session' : 'itsm_session';
}

export type AuthenticationDeps = {
  credentials: CredentialsRepository;
  clock: Clock;
  cookie: SessionCookieOptions;
  /** Whether admins and technicians must enrol MFA (instance setting). */
  requireMfaForStaff: () => Promise<boolean>;
};

/**
 * Resolves the caller of every /api/v1 route (session cookie or API token) into `request.actor`.
 * Deny by default: a route answers anonymous callers only when its config says `public: true`.
 */
export function registerAuthentication(app: FastifyInstance, deps: AuthenticationDeps): ActorResolver {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith('/api/v1/') || url === '/api/v1/openapi.json') return;
    const config = request.routeOptions.config;
    // Agents authenticate with their machine token, checked by their own routes.
    if (config.agent) return;
    const resolved = await resolveActor(request, reply, deps);
    request.actor = resolved.actor;
    if (config.public) return;
    if (!resolved.actor) throw new AppError(resolved.expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    const requirement = resolved.actor.requirement;
    const allowed = config.allowWithRequirement;
    if (requirement && !(allowed === true || (Array.isArray(allowed) && allowed.includes(requirement)))) {
      throw new AppError(
        requirement === 'password_change' ? 'PASSWORD_CHANGE_REQUIRED' : 'MFA_ENROLLMENT_REQUIRED',
      );
    }
  });
  return {
    async sessionActor(token) {
      const row = await deps.credentials.findSession(sha256Hex(token));
      return row ? toActor(row, 'session', row.id, row.csrf_token, deps) : null;
    },
    async tokenActor(token, request) {
      return (await tokenActorOf(token, request, deps)) ?? null;
    },
  };
}

export type ActorResolver = {
  /** The actor of a session just opened, exactly as the next request will see it. */
  sessionActor(token: string): Promise<Actor | null>;
  /** The actor of an API token sent another way than the Authorization header (an agent relaying its user). */
  tokenActor(token: string, request: FastifyRequest): Promise<Actor | null>;
};

/** The actor of a valid, unexpired API token (its last use recorded), or undefined. */
async function tokenActorOf(
  token: string,
  request: FastifyRequest,
  deps: AuthenticationDeps,
): Promise<Actor | undefined> {
  const now = deps.clock();
  const row = await deps.credentials.findToken(sha256Hex(token));
  if (!row || (row.expires_at !== null && row.expires_at <= now.toISOString())) return undefined;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await deps.credentials.touchToken(row.id, now, request.ip);
  }
  return toActor(row, 'token', row.id, null, deps);
}

type Resolved = { actor: Actor | null; expired: boolean };

async function resolveActor(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AuthenticationDeps,
): Promise<Resolved> {
  const now = deps.clock();
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^(?:Token|Bearer)\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new AppError('INVALID_TOKEN', { detail: 'Use "Authorization: Token <token>"' });
    const actor = await tokenActorOf(match[1], request, deps);
    if (!actor) throw new AppError('INVALID_TOKEN');
    return { actor, expired: false };
  }

  const cookieName = sessionCookieName(deps.cookie.secure);
  const token = request.cookies[cookieName];
  if (!token) return { actor: null, expired: false };
  const row = await deps.credentials.findSession(sha256Hex(token));
  const idleLimit = now.getTime() - deps.cookie.idleMinutes * 60_000;
  if (!row || row.expires_at <= now.toISOString() || Date.parse(row.last_seen_at) < idleLimit) {
    // Secure too: browsers ignore a __Host- cookie set without it, even to delete it.
    reply.clearCookie(cookieName, { path: '/', secure: deps.cookie.secure });
    return { actor: null, expired: true };
  }
  const config = request.routeOptions.config;
  if (UNSAFE_METHODS.has(request.method) && !config.public) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !constantTimeEqual(sent, row.csrf_token))
      throw new AppError('CSRF_FAILED');
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS)
    await deps.credentials.touchSession(row.id, now);
  return { actor: await toActor(row, 'session', row.id, row.csrf_token, deps), expired: false };
}

async function toActor(
  row: Omit<AccountRow, 'id' | 'csrf_token' | 'last_seen_at' | 'expires_at'>,
  via: Actor['via'],
  credentialId: number,
  csrfToken: string | null,
  deps: AuthenticationDeps,
): Promise<Actor> {
  const structureIds =
    row.structure_id === null
      ? []
      : row.role === 'technician'
        ? await deps.credentials.structureSubtree(row.structure_id)
        : [row.structure_id];
  return {
    id: row.user_id,
    username: row.username,
    role: row.role,
    structureId: row.structure_id,
    siteId: row.site_id,
    structureIds,
    via,
    sessionId: via === 'session' ? credentialId : null,
    tokenId: via === 'token' ? credentialId : null,
    csrfToken,
    requirement: await requirementOf(row, deps),
  };
}

async function requirementOf(
  row: Pick<AccountRow, 'must_change_password' | 'role' | 'is_mfa_enabled'>,
  deps: AuthenticationDeps,
): Promise<Requirement | null> {
  if (row.must_change_password) return 'password_change';
  if (row.role !== 'user' && !row.is_mfa_enabled && (await deps.requireMfaForStaff()))
    return 'mfa_enrollment';
  return null;
}

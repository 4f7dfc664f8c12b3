import type { Role } from '@itsm/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { baseUrlOf } from '../http/base-url.js';

export type Requirement = 'password_change' | 'mfa_enrollment';

/** Who is calling, resolved once per request from the session cookie or the API token. */
export type Actor = {
  id: number;
  username: string;
  role: Role;
  structureId: number | null;
  siteId: number | null;
  /** His structure and all its descendants: a technician's scope. Empty without a structure. */
  structureIds: number[];
  via: 'session' | 'token';
  sessionId: number | null;
  tokenId: number | null;
  /** The session's CSRF token, which the web client echoes in X-CSRF-Token. */
  csrfToken: string | null;
  /** Set while the user must change his password or enrol MFA before anything else. */
  requirement: Requirement | null;
};

/** Where a request comes from, for the journal and the audit log. */
export type RequestContext = {
  ip: string;
  userAgent: string | null;
  requestId: string;
  /** Where links in e-mails point: ITSM_PUBLIC_URL, else this request's origin. */
  baseUrl: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Answers without authentication (login, password reset…). */
    public?: boolean;
    /** An agent route: no user is resolved; the route checks the machine token itself. */
    agent?: boolean;
    /** Reachable while the actor still has a requirement (change password, enrol MFA): any, or these. */
    allowWithRequirement?: boolean | readonly Requirement[];
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  const agent = request.headers['user-agent'];
  return {
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent.slice(0, 500) : null,
    requestId: String(request.id),
    baseUrl: baseUrlOf(request, request.server.config.publicUrl),
  };
}

/** The authenticated caller; routes that are not public always have one (the hook refuses the others). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function isStaff(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'technician';
}

/** 403 for a caller who may see the object but not do this to it. */
export function assertAllowed(allowed: boolean, detail = 'Your role does not allow this action'): void {
  if (!allowed) throw new AppError('FORBIDDEN', { detail });
}

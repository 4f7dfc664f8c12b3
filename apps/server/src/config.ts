import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseDotenv } from 'dotenv';

export type Environment = 'development' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** Fastify's trustProxy: false, true (trust all), a hop count, or addresses/CIDRs of trusted proxies. */
export type TrustProxy = boolean | number | string[];

export type Config = {
  env: Environment;
  databaseUrl: string;
  redisUrl: string | null;
  /** `'*'`: any origin (development only); a list: exactly these origins. */
  corsOrigins: '*' | string[];
  /** Public base URL (no trailing slash) used in absolute links; required in production, derived from the request in development. */
  publicUrl: string | null;
  trustProxy: TrustProxy;
  /** Required in production; in development the server creates one under the data directory. */
  secretKey: string | null;
  dataDir: string;
  webDir: string;
  host: string;
  port: number;
  smtpUrl: string | null;
  /** Sender of outgoing mail, e.g. `ITSM <itsm@example.com>`. */
  mailFrom: string;
  /** A web session ends after this many minutes without a request… */
  sessionIdleMinutes: number;
  /** …and in any case this many hours after login. */
  sessionMaxHours: number;
  /** Largest file accepted on tickets (and comments), in bytes. */
  uploadMaxBytes: number;
  logLevel: LogLevel;
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | null;
};

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const SECRET_MIN_LENGTH = 32;
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The process environment over an optional `.env` file in the working directory (the environment wins). */
export function readEnv(cwd = process.cwd()): Env {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return { ...fromFile, ...process.env };
}

/** Turns environment variables into a typed config; every problem is reported at once. */
export function parseConfig(env: Env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const rawEnv = value('ITSM_ENV') ?? 'development';
  if (rawEnv !== 'development' && rawEnv !== 'production') {
    problems.push(`ITSM_ENV must be "development" or "production" (got "${rawEnv}")`);
  }
  const isProduction = rawEnv === 'production';

  const dataDir = resolve(cwd, value('ITSM_DATA_DIR') ?? './data');
  const webDir = resolve(cwd, value('ITSM_WEB_DIR') ?? DEFAULT_WEB_DIR);

  const databaseUrl = value('DATABASE_URL') ?? `sqlite:${resolve(dataDir, 'itsm.db')}`;
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with "sqlite:" (e.g. sqlite:./data/itsm.db) or "postgres://"');
  }

  const redisUrl = value('REDIS_URL') ?? null;
  if (redisUrl && !parsesAsUrl(redisUrl, ['redis:', 'rediss:'])) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  }

  const corsOrigins = parseCorsOrigins(value('ITSM_CORS_ORIGINS'), isProduction, problems);

  let publicUrl = value('ITSM_PUBLIC_URL') ?? null;
  if (publicUrl) {
    if (parsesAsUrl(publicUrl, ['http:', 'https:'])) publicUrl = publicUrl.replace(/\/+$/, '');
    else problems.push('ITSM_PUBLIC_URL must be an http:// or https:// URL, e.g. https://itsm.example.com');
  }

  if (!publicUrl && isProduction) {
    // Links in e-mails (password reset, invitations) must never be built from a request's Host header.
    problems.push(
      'ITSM_PUBLIC_URL is required in production, e.g. https://itsm.example.com (links in e-mails)',
    );
  }

  const trustProxy = parseTrustProxy(value('ITSM_TRUST_PROXY'), problems);

  const secretKey = value('ITSM_SECRET_KEY') ?? null;
  if (secretKey && secretKey.length < SECRET_MIN_LENGTH) {
    problems.push(`ITSM_SECRET_KEY must be at least ${SECRET_MIN_LENGTH} characters long`);
  }
  if (!secretKey && isProduction) {
    problems.push(
      `ITSM_SECRET_KEY is required in production (at least ${SECRET_MIN_LENGTH} random characters; generate one with: openssl rand -base64 48)`,
    );
  }

  const port = parsePort(value('ITSM_PORT'), problems);
  const host = value('ITSM_HOST') ?? (isProduction ? '0.0.0.0' : 'localhost');

  const smtpUrl = value('SMTP_URL') ?? null;
  if (smtpUrl && !parsesAsUrl(smtpUrl, ['smtp:', 'smtps:'])) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587');
  }

  const mailFrom = value('ITSM_MAIL_FROM') ?? 'ITSM <itsm@localhost>';
  if (!/^([^<>]*<)?[^@\s<>]+@[^@\s<>]+>?$/.test(mailFrom)) {
    problems.push(
      'ITSM_MAIL_FROM must be an address, e.g. itsm@example.com or "IT support <itsm@example.com>"',
    );
  }
  const sessionIdleMinutes = parsePositiveInt(
    'ITSM_SESSION_IDLE_MINUTES',
    value('ITSM_SESSION_IDLE_MINUTES'),
    120,
    problems,
  );
  const sessionMaxHours = parsePositiveInt(
    'ITSM_SESSION_MAX_HOURS',
    value('ITSM_SESSION_MAX_HOURS'),
    24,
    problems,
  );

  const uploadMaxMb = parsePositiveInt('ITSM_UPLOAD_MAX_MB', value('ITSM_UPLOAD_MAX_MB'), 10, problems);

  const logLevel = (value('ITSM_LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`ITSM_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: rawEnv as Environment,
    databaseUrl,
    redisUrl,
    corsOrigins,
    publicUrl,
    trustProxy,
    secretKey,
    dataDir,
    webDir,
    host,
    port,
    smtpUrl,
    mailFrom,
    sessionIdleMinutes,
    sessionMaxHours,
    uploadMaxBytes: uploadMaxMb * 1024 * 1024,
    logLevel,
    metricsToken: value('ITSM_METRICS_TOKEN') ?? null,
  };
}

function parsesAsUrl(text: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function parseCorsOrigins(
  raw: string | undefined,
  isProduction: boolean,
  problems: string[],
): '*' | string[] {
  if (raw === undefined) return isProduction ? [] : '*';
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.includes('*')) {
    if (isProduction) {
      problems.push(
        'ITSM_CORS_ORIGINS=* is refused in production: list the allowed origins, e.g. https://itsm.example.com',
      );
    }
    return '*';
  }
  const origins: string[] = [];
  for (const item of items) {
    let url: URL | null = null;
    try {
      url = new URL(item);
    } catch {
      // reported below
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== item.replace(/\/$/, '')) {
      problems.push(`ITSM_CORS_ORIGINS: "${item}" is not an origin (scheme://host[:port], no path)`);
    } else {
      origins.push(url.origin);
    }
  }
  return origins;
}

function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const items = raw.split(',').map((s) => s.trim());
  const bad = items.filter((item) => isIP(item.split('/')[0] ?? '') === 0);
  if (bad.length > 0) {
    problems.push(
      `ITSM_TRUST_PROXY must be true, false, a number of hops or a list of proxy addresses/CIDRs (bad: ${bad.join(', ')})`,
    );
  }
  return items;
}

function parsePositiveInt(
  name: string,
  raw: string | undefined,
  fallback: number,
  problems: string[],
): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    problems.push(`${name} must be a whole number of at least 1 (got "${raw}")`);
    return fallback;
  }
  return Number(raw);
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return 8000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    problems.push(`ITSM_PORT must be a port number between 0 and 65535 (got "${raw}")`);
    return 8000;
  }
  return port;
}

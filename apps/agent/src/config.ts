import path from 'node:path';
import { z } from 'zod';

export type Env = Readonly<Record<string, string | undefined>>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type AgentConfig = {
  /** Origin (plus optional path prefix) of the ITSM server; null until the agent is enrolled. */
  server: string | null;
  dataDir: string;
  logLevel: LogLevel;
  /** Port of the desktop app on 127.0.0.1. */
  uiPort: number;
  /** Upper bound of the random delay before the first inventory after a start. */
  splaySeconds: number;
};

export const DEFAULT_UI_PORT = 8765;

/** What the agent needs to know about the machine it runs on. */
export type HostInfo = { platform: NodeJS.Platform; isRoot: boolean };

export class AgentConfigError extends Error {
  override name = 'AgentConfigError';
}

const APP_DIR = 'itsm-agent';

/** Where the agent keeps its state when ITSM_AGENT_DATA_DIR is not set. */
export function defaultDataDir(platform: NodeJS.Platform, env: Env, isRoot: boolean): string {
  if (platform === 'win32') {
    // The agent runs as a service on Windows, so the machine-wide folder is the only sensible one.
    return path.win32.join(env.ProgramData || env.PROGRAMDATA || 'C:\\ProgramData', APP_DIR);
  }
  if (platform === 'darwin') {
    if (isRoot) return path.posix.join('/Library/Application Support', APP_DIR);
    return path.posix.join(requireHome(env), 'Library/Application Support', APP_DIR);
  }
  if (isRoot) return path.posix.join('/var/lib', APP_DIR);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  if (xdg && path.posix.isAbsolute(xdg)) return path.posix.join(xdg, APP_DIR);
  return path.posix.join(requireHome(env), '.local/share', APP_DIR);
}

function requireHome(env: Env): string {
  const home = env.HOME;
  if (!home)
    throw new AgentConfigError('HOME is not set: set ITSM_AGENT_DATA_DIR to choose a data directory');
  return home;
}

export type ServerUrlOptions = {
  /** Keep this path after the origin (a server published under a sub-path by a reverse proxy). */
  pathPrefix?: string;
};

/** Reduces a server address to `scheme://host[:port][/prefix]`, without a trailing slash. */
export function normalizeServerUrl(input: string, options: ServerUrlOptions = {}): string {
  const raw = input.trim();
  if (raw === '') throw new AgentConfigError('the server URL is empty');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AgentConfigError(`"${raw}" is not a valid URL (expected e.g. https://itsm.example.com)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AgentConfigError(`the server URL must use http or https, not ${url.protocol.slice(0, -1)}`);
  }
  if (url.username || url.password) {
    throw new AgentConfigError('the server URL must not contain credentials; the agent uses its own token');
  }
  // An empty "?" or "#" leaves search/hash empty, so look at the raw text too.
  if (url.search || raw.includes('?')) throw new AgentConfigError('the server URL must not contain a query');
  if (url.hash || raw.includes('#')) throw new AgentConfigError('the server URL must not contain a fragment');
  return url.origin + normalizePathPrefix(options.pathPrefix);
}

function normalizePathPrefix(prefix: string | undefined): string {
  if (prefix === undefined) return '';
  const segments = prefix.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..' || /[?#\\]/.test(s))) {
    throw new AgentConfigError(`invalid path prefix "${prefix}"`);
  }
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

// Empty variables count as unset, as most service managers cannot unset a variable.
const unsetIfEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function envSchema(host: HostInfo) {
  const isAbsolute = host.platform === 'win32' ? path.win32.isAbsolute : path.posix.isAbsolute;
  return z.object({
    ITSM_AGENT_SERVER: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .transform((value, ctx) => {
          try {
            return normalizeServerUrl(value);
          } catch (error) {
            ctx.addIssue({ code: 'custom', message: (error as Error).message });
            return z.NEVER;
          }
        })
        .optional(),
    ),
    ITSM_AGENT_DATA_DIR: z.preprocess(
      unsetIfEmpty,
      z.string().max(4096).refine(isAbsolute, 'must be an absolute path').optional(),
    ),
    ITSM_AGENT_UI_PORT: z.preprocess(
      unsetIfEmpty,
      z.coerce.number().int().min(0).max(65_535).default(DEFAULT_UI_PORT),
    ),
    ITSM_AGENT_SPLAY_SECONDS: z.preprocess(
      unsetIfEmpty,
      z.coerce.number().int().min(0).max(86_400).default(300),
    ),
    ITSM_AGENT_LOG_LEVEL: z.preprocess(
      (value) => (typeof value === 'string' ? unsetIfEmpty(value.toLowerCase()) : value),
      z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    ),
  });
}

/** Reads and validates the agent's environment; errors name the offending variable. */
export function loadAgentConfig(env: Env = process.env, host: HostInfo = currentHost()): AgentConfig {
  const parsed = envSchema(host).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new AgentConfigError(`invalid agent configuration:\n  ${lines.join('\n  ')}`);
  }
  const values = parsed.data;
  return {
    server: values.ITSM_AGENT_SERVER ?? null,
    dataDir: values.ITSM_AGENT_DATA_DIR ?? defaultDataDir(host.platform, env, host.isRoot),
    logLevel: values.ITSM_AGENT_LOG_LEVEL,
    uiPort: values.ITSM_AGENT_UI_PORT,
    splaySeconds: values.ITSM_AGENT_SPLAY_SECONDS,
  };
}

export function currentHost(): HostInfo {
  return { platform: process.platform, isRoot: process.getuid?.() === 0 };
}

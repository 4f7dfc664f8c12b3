import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, readEnv } from './config.js';

const SECRET = 'x'.repeat(40);
const PROD = { ITSM_ENV: 'production', ITSM_SECRET_KEY: SECRET, ITSM_PUBLIC_URL: 'https://itsm.example.com' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env, '/srv/itsm');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  it('gives working development defaults on an empty environment', () => {
    const config = parseConfig({}, '/srv/itsm');
    expect(config).toMatchObject({
      env: 'development',
      dataDir: '/srv/itsm/data',
      databaseUrl: 'sqlite:/srv/itsm/data/itsm.db',
      corsOrigins: '*',
      port: 8000,
      host: 'localhost',
      trustProxy: false,
      secretKey: null,
      redisUrl: null,
      smtpUrl: null,
      publicUrl: null,
      logLevel: 'info',
      mailFrom: 'ITSM <itsm@localhost>',
      sessionIdleMinutes: 120,
      sessionMaxHours: 24,
      uploadMaxBytes: 10 * 1024 * 1024,
    });
  });

  it('refuses production without a secret key, saying how to make one', () => {
    const problems = problemsOf({ ITSM_ENV: 'production', ITSM_PUBLIC_URL: 'https://itsm.example.com' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/ITSM_SECRET_KEY is required in production.*openssl rand/);
  });

  it('refuses production without a public URL, so that e-mailed links never follow a Host header', () => {
    const problems = problemsOf({ ITSM_ENV: 'production', ITSM_SECRET_KEY: SECRET });
    expect(problems).toEqual([expect.stringMatching(/^ITSM_PUBLIC_URL is required in production/)]);
  });

  it('refuses a wildcard CORS in production and allows no origin by default', () => {
    expect(problemsOf({ ...PROD, ITSM_CORS_ORIGINS: '*' })[0]).toMatch(
      /ITSM_CORS_ORIGINS=\* is refused in production/,
    );
    const config = parseConfig(PROD);
    expect(config.corsOrigins).toEqual([]);
    expect(config.host).toBe('0.0.0.0');
  });

  it('reports every bad variable at once, by name', () => {
    const problems = problemsOf({
      ITSM_ENV: 'prod',
      ITSM_PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      REDIS_URL: 'http://cache',
      ITSM_PUBLIC_URL: 'itsm.example.com',
      ITSM_SECRET_KEY: 'short',
      SMTP_URL: 'mail.example.com',
      ITSM_LOG_LEVEL: 'loud',
      ITSM_MAIL_FROM: 'nobody',
      ITSM_SESSION_IDLE_MINUTES: '0',
      ITSM_SESSION_MAX_HOURS: 'a day',
      ITSM_TRUST_PROXY: 'yes',
      ITSM_CORS_ORIGINS: 'https://ok.example.com,https://bad.example.com/path',
    });
    const names = problems.map((p) => p.split(/[ :=]/)[0]);
    expect(names).toEqual([
      'ITSM_ENV',
      'DATABASE_URL',
      'REDIS_URL',
      'ITSM_CORS_ORIGINS',
      'ITSM_PUBLIC_URL',
      'ITSM_TRUST_PROXY',
      'ITSM_SECRET_KEY',
      'ITSM_PORT',
      'SMTP_URL',
      'ITSM_MAIL_FROM',
      'ITSM_SESSION_IDLE_MINUTES',
      'ITSM_SESSION_MAX_HOURS',
      'ITSM_LOG_LEVEL',
    ]);
    expect(problems.join('\n')).toContain('"https://bad.example.com/path" is not an origin');
  });

  it('parses lists, proxies and URLs', () => {
    const config = parseConfig({
      ITSM_CORS_ORIGINS: 'https://itsm.example.com, http://localhost:5173',
      ITSM_PUBLIC_URL: 'https://itsm.example.com/',
      ITSM_TRUST_PROXY: '10.0.0.0/8,127.0.0.1',
      DATABASE_URL: 'postgres://itsm:pw@db/itsm',
      ITSM_PORT: '9000',
    });
    expect(config.corsOrigins).toEqual(['https://itsm.example.com', 'http://localhost:5173']);
    expect(config.publicUrl).toBe('https://itsm.example.com');
    expect(config.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(config.port).toBe(9000);
    expect(parseConfig({ ITSM_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseConfig({ ITSM_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ ITSM_PORT: '', REDIS_URL: ' ' }).port).toBe(8000);
  });
});

describe('readEnv', () => {
  it('reads .env from the working directory, the real environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itsm-env-'));
    try {
      writeFileSync(join(dir, '.env'), 'ITSM_TEST_FROM_FILE=file\nPATH=/not/the/real/path\n');
      const env = readEnv(dir);
      expect(env.ITSM_TEST_FROM_FILE).toBe('file');
      expect(env.PATH).toBe(process.env.PATH);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('works without a .env file', () => {
    expect(readEnv(tmpdir()).PATH).toBe(process.env.PATH);
  });
});

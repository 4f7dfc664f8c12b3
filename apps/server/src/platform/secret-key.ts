import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';

export type ResolvedConfig = Config & { secretKey: string };

/**
 * The configured secret key; in development without one, a random key kept in the data directory
 * (readable by its owner only) so that sessions survive restarts. Production never gets here keyless.
 */
export function resolveSecretKey(config: Config): { config: ResolvedConfig; generatedAt: string | null } {
  if (config.secretKey) return { config: { ...config, secretKey: config.secretKey }, generatedAt: null };
  if (config.env === 'production') throw new Error('ITSM_SECRET_KEY is required in production');
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) {
    return { config: { ...config, secretKey: readFileSync(file, 'utf8').trim() }, generatedAt: null };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(48).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { config: { ...config, secretKey: key }, generatedAt: file };
}

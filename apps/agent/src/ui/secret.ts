import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The desktop app's per-install secret: whoever can read `<data dir>/ui-secret` (the agent's owner,
// or the employees given read access) can open the app; other local users and web pages cannot.

const FILE = 'ui-secret';

export function uiSecretPath(dataDir: string): string {
  return path.join(dataDir, FILE);
}

/** The secret, made on first use (mode 0600). */
export function loadUiSecret(dataDir: string): string {
  try {
    return readFileSync(uiSecretPath(dataDir), 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(uiSecretPath(dataDir), `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** The cookie value that proves the browser opened the app with the secret (no server-side session). */
export function sessionValue(secret: string): string {
  return createHmac('sha256', secret).update('itsm-agent-ui-session').digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index.js';

// The real `itsm` program as `npm run itsm` runs it (from source, never a stale build), on a SQLite file.
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const NODE_ARGS = ['--conditions=source', '--import', TSX, MAIN];
const run = promisify(execFile);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

// Each command is a fresh Node process (about 1.5 s, more on a loaded machine).
describe('itsm CLI', { timeout: 60_000 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'itsm-cli-'));
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ITSM_DATA_DIR: dir,
      DATABASE_URL: `sqlite:${join(dir, 'itsm.db')}`,
      ITSM_LOG_LEVEL: 'warn',
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const itsm = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    run(process.execPath, [...NODE_ARGS, ...args], {
      env: { ...env, ...extraEnv },
      cwd: dir,
      timeout: 60_000,
    });

  /** Runs itsm with `input` on its standard input; resolves with the exit code and outputs. */
  const itsmWithInput = (args: string[], input: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [...NODE_ARGS, ...args], { env, cwd: dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => {
        stdout += c;
      });
      child.stderr.on('data', (c) => {
        stderr += c;
      });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });

  it('has help for every command', async () => {
    const { stdout } = await itsm(['--help']);
    for (const command of ['serve', 'migrate', 'createadmin', 'seed', 'version'])
      expect(stdout).toContain(command);
    expect((await itsm(['serve', '--help'])).stdout).toContain('--no-migrate');
  });

  it('migrates, reports status, and is idempotent', async () => {
    const first = await itsm(['migrate']);
    expect(first.stdout).toMatch(/applied\s+20261124090000_create_app_settings/);
    expect(first.stdout).toContain(`${Object.keys(migrations).length} migration(s) applied.`);
    expect((await itsm(['migrate'])).stdout).toContain('Already up to date.');
    expect((await itsm(['migrate', '--status'])).stdout).toMatch(
      /applied\s+20261124090000_create_app_settings/,
    );
    const count = Object.keys(migrations).length;
    expect((await itsm(['version'])).stdout).toMatch(
      new RegExp(`itsm \\d+\\.\\d+\\.\\d+[\\s\\S]*${count}/${count} migrations applied`),
    );
  });

  it('seeds demo data, twice without harm', async () => {
    const { stdout, stderr } = await itsm(['seed']);
    expect(stdout).toMatch(/settings: 3 settings/);
    expect(stderr).toMatch(/settings: 3\/3 \(100 %\)/); // progress, on stderr when not a terminal
    expect(stdout).toMatch(/identity: 25 created .* sign in as @claire\.rousseau\.demo/);
    const again = (await itsm(['seed'])).stdout;
    expect(again).toMatch(/settings: 3 settings/);
    expect(again).toMatch(/identity: 0 created/);
    await expect(itsm(['seed', '--only', 'nope'])).rejects.toMatchObject({ code: 2 });
  });

  it('creates an administrator from a script, refusing bad input', async () => {
    const ok = await itsmWithInput(
      ['createadmin', '--username', 'Ada.Lovelace.ACME', '--email', 'Ada@Example.test', '--password-stdin'],
      'analytical-engine-1843\n',
    );
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('Administrator @ada.lovelace.acme created');
    const again = await itsmWithInput(
      [
        'createadmin',
        '--username',
        '@ada.lovelace.acme',
        '--email',
        'other@example.test',
        '--password-stdin',
      ],
      'analytical-engine-1843',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('username: already used');
    const weak = await itsmWithInput(
      ['createadmin', '--username', '@bob.smith.acme', '--email', 'bob@example.test', '--password-stdin'],
      'short',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password: Use at least 10 characters');
    const missing = await itsmWithInput(['createadmin', '--password-stdin'], 'whatever-long-enough');
    expect(missing.code).toBe(2);
  });

  it('refuses to start in production without a secret key, explaining why', async () => {
    const failure = await itsm(['serve'], {
      ITSM_ENV: 'production',
      ITSM_PUBLIC_URL: 'https://itsm.example.com',
    }).catch((e) => e);
    expect(failure.code).toBe(78);
    expect(failure.stderr).toContain('ITSM_SECRET_KEY is required in production');
    const cors = await itsm(['serve'], {
      ITSM_ENV: 'production',
      ITSM_SECRET_KEY: 'k'.repeat(48),
      ITSM_PUBLIC_URL: 'https://itsm.example.com',
      ITSM_CORS_ORIGINS: '*',
    }).catch((e) => e);
    expect(cors.code).toBe(78);
    expect(cors.stderr).toContain('ITSM_CORS_ORIGINS=* is refused in production');
  });

  it('serves on ITSM_PORT and stops cleanly on Ctrl-C', async () => {
    const port = await freePort();
    // A database without any account: the first start creates an administrator and says how to sign in.
    const child: ChildProcess = spawn(process.execPath, [...NODE_ARGS, 'serve'], {
      env: {
        ...env,
        ITSM_PORT: String(port),
        ITSM_HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(dir, 'fresh.db')}`,
      },
      cwd: dir,
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      while (!output.includes('ITSM is running') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(output).toContain(`http://localhost:${port}`);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      const password = /Password:\s+(\S+)/.exec(output)?.[1];
      expect(output).toContain('Username:  @admin.itsm.local');
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin.itsm.local', password }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: unknown }).user).toMatchObject({
        role: 'admin',
        must_change_password: true,
      });
      // development: a secret key was created for this data directory, readable by its owner only
      expect(existsSync(join(dir, 'secret.key'))).toBe(true);
      expect(statSync(join(dir, 'secret.key')).mode & 0o077).toBe(0);

      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      // never leave a server behind when an assertion fails
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

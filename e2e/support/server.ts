import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot, webDistDir } from './paths.js';

export type RunningServer = {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Runs a CLI command (`main.ts <args>`) against this server's database; resolves with its stdout. */
  cli: (args: string[]) => Promise<string>;
  /** Stops the server; its database is removed unless `keepData` (to start it again on the same data). */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
};

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** The test runner's environment without what vitest adds (NODE_ENV=test, VITEST_*), which the server must not see. */
function serverEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name === 'NODE_ENV' || name === 'TEST' || name.startsWith('VITEST')) delete env[name];
  }
  return env;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const mainTs = ['--conditions=source', 'apps/server/src/main.ts'];

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tsx, [...mainTs, ...args], { cwd: repoRoot, env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`itsm ${args.join(' ')} failed (${error.message}):\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * Starts the real server (`main.ts serve`) on a fresh SQLite database (or on the data and port of
 * a stopped one) and waits for /readyz.
 */
export async function startServer({
  readyTimeoutMs = 60_000,
  dataDir = mkdtempSync(join(tmpdir(), 'itsm-e2e-')),
  port: fixedPort,
}: {
  readyTimeoutMs?: number;
  dataDir?: string;
  port?: number;
} = {}): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...serverEnvironment(),
    ITSM_ENV: 'development',
    ITSM_PORT: String(port),
    ITSM_HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dataDir, 'itsm.db')}`,
    ITSM_DATA_DIR: dataDir,
    ITSM_WEB_DIR: webDistDir,
    ITSM_LOG_LEVEL: 'warn',
  };
  const child = spawn(tsx, [...mainTs, 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  const stop = async ({ keepData = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(killer);
    }
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyTimeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `The server exited (${child.exitCode ?? child.signalCode}) before being ready:\n${output}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { baseUrl, port, dataDir, cli: (args) => runCli(args, env), stop };
      last = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  await stop();
  throw new Error(
    `The server was not ready within ${readyTimeoutMs / 1000} s (last: ${last}). Its output:\n${output}`,
  );
}

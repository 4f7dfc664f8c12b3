import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { peakRssMb } from './stats.mjs';

const KEPT_LINES = 200;

/** Asks the kernel for a free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Spawns `node <mainJs> <args>` and keeps the tail of its output for error reports.
 * @param {string} mainJs
 * @param {string[]} args
 * @param {{ env: NodeJS.ProcessEnv, cwd: string }} options
 */
export function spawnServer(mainJs, args, { env, cwd }) {
  const child = spawn(process.execPath, [mainJs, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  /** @type {string[]} */
  const lines = [];
  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_LINES));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.once('error', (error) => lines.push(`spawn error: ${error.message}`));
  return { child, exited, output: () => lines.join('\n') };
}

/** @typedef {ReturnType<typeof spawnServer>} ServerProcess */

/**
 * Runs a one-shot server command (migrate, seed…) and fails with its output on a non-zero exit.
 * @param {string} mainJs
 * @param {string[]} args
 * @param {{ env: NodeJS.ProcessEnv, cwd: string }} options
 */
export async function runServerCommand(mainJs, args, options) {
  const proc = spawnServer(mainJs, args, options);
  const { code, signal } = await proc.exited;
  if (code !== 0) {
    throw new Error(`"main.js ${args.join(' ')}" exited with ${signal ?? code}:\n${proc.output()}`);
  }
}

/**
 * Polls GET /readyz until it answers 200, the process dies or the timeout passes.
 * @param {string} baseUrl
 * @param {ServerProcess} server
 * @param {number} timeoutMs
 */
export async function waitReady(baseUrl, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  server.exited.then(() => {
    died = true;
  });
  let last = 'no answer';
  while (Date.now() < deadline && !died) {
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = /** @type {Error} */ (error).message;
    }
    await sleep(250);
  }
  const why = died ? 'the server exited' : `not ready after ${timeoutMs / 1000} s (last: ${last})`;
  throw new Error(`${why}; server output:\n${server.output()}`);
}

/**
 * SIGTERM, then SIGKILL if the server has not exited within graceMs.
 * @param {ServerProcess} server
 * @param {number} graceMs
 */
export async function stopServer(server, graceMs = 10_000) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await server.exited;
  clearTimeout(timer);
}

/** Peak RSS (VmHWM) of a live process in MB; null where /proc is unavailable. @param {number | undefined} pid */
export async function readPeakRss(pid) {
  if (pid === undefined) return null;
  try {
    return peakRssMb(await readFile(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return null;
  }
}

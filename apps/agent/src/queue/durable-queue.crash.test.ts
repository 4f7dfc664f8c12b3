import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openQueue } from './durable-queue.js';

const CHILD = fileURLToPath(new URL('./test/crash-child.mjs', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const PRINTED_BEFORE_KILL = 60;

/** Starts the child on `dir`, SIGKILLs it once it has printed enough ids, returns the ids printed. */
function pushUntilKilled(dir: string, children: ChildProcess[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CHILD, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.split('\n').length > PRINTED_BEFORE_KILL) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended on its own: ${stderr}`));
      // A line cut by the kill is not an acknowledgement.
      else resolve(stdout.split('\n').slice(0, -1));
    });
  });
}

describe('durable queue, killed mid-write', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'itsm-agent-queue-crash-'));
  });
  afterEach(() => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged push exactly once, whole, across two kills', async () => {
    const printed: string[] = [];
    for (let round = 0; round < 2; round++) {
      printed.push(...(await pushUntilKilled(dir, children)));
      // Whatever was being written is at most a tmp file (removed at open) or a whole entry.
      expect(readdirSync(path.join(dir, 'corrupt'))).toEqual([]);
      const queue = openQueue(dir);
      expect(queue.corruptAtOpen).toBe(0);
      const entries = queue.list();
      const ids = entries.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(printed));
      // At most one more: pushed, but killed before it printed the id.
      expect(ids.length - printed.length).toBeOneOf([0, 1]);
      // The child numbers its pushes from the queue's size: no gap, no repeat after the restart.
      expect(entries.map((e) => (e.payload as { n: number }).n)).toEqual(ids.map((_, i) => i));
      // Each entry is the pushed or the rewritten version, never a mix; only the last one of each
      // round may have been killed before its rewrite.
      const versions = entries.map((e) => `${e.attempts}:${e.lastError}`);
      expect(new Set([...versions, '0:null', '1:crash test']).size).toBe(2);
      expect(versions.filter((v) => v === '0:null').length).toBeLessThanOrEqual(round + 1);
    }
  });
});

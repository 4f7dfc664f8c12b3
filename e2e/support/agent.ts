import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './paths.js';
import { freePort } from './server.js';

const bin = join(repoRoot, 'apps/agent/bin/itsm-agent.js');

/** A real agent (`itsm-agent`, from the sources) with its own data directory. */
export async function agentUnderTest() {
  const dataDir = mkdtempSync(join(tmpdir(), 'itsm-agent-e2e-'));
  const uiPort = await freePort();
  const env = {
    ...process.env,
    ITSM_AGENT_DATA_DIR: dataDir,
    ITSM_AGENT_UI_PORT: String(uiPort),
    ITSM_AGENT_SPLAY_SECONDS: '0',
    ITSM_AGENT_LOG_LEVEL: 'info',
    ITSM_AGENT_FROM_SOURCE: '1',
  };
  let daemon: ChildProcess | null = null;
  let output = '';

  const cli = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [bin, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`itsm-agent ${args.join(' ')}: ${error.message}\n${stdout}${stderr}`));
        else resolve(stdout.trim());
      });
    });

  return {
    dataDir,
    cli,
    output: () => output,
    /** Starts `itsm-agent run` and waits until its desktop app answers. */
    async start() {
      daemon = spawn(process.execPath, [bin, 'run'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      daemon.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      daemon.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (daemon.exitCode !== null) throw new Error(`itsm-agent run exited:\n${output}`);
        if (existsSync(join(dataDir, 'ui.json')) && output.includes('desktop app on')) return;
        await sleep(100);
      }
      throw new Error(`itsm-agent run did not start:\n${output}`);
    },
    /** Kills the daemon without letting it finish anything (as a power cut or `kill -9` would). */
    async kill() {
      const child = daemon;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      rmSync(join(dataDir, 'ui.json'), { force: true });
    },
    /** The desktop app's one-time address, as `itsm-agent open --print` gives it. */
    openUrl: () => cli(['open', '--print']),
    async cleanUp() {
      await this.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type AgentUnderTest = Awaited<ReturnType<typeof agentUnderTest>>;

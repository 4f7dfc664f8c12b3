import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const launcher = path.join(packageDir, 'bin/itsm-agent.js');
const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  version: string;
};

// The outer shell's agent variables must not leak into what the test asserts.
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('ITSM_AGENT_')),
  );
  // The sources under test, even next to a stale build.
  return { ...env, ITSM_AGENT_FROM_SOURCE: '1', ...extra };
}

function agent(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [launcher, ...args], { cwd: packageDir, env: cleanEnv(env), timeout: 30_000 });
}

describe('itsm-agent CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'itsm-agent-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the package version', async () => {
    const { stdout } = await agent(['--version']);
    expect(stdout.trim()).toBe(version);
  });

  it('prints the effective configuration as JSON', async () => {
    const { stdout } = await agent(['config', '--json'], {
      ITSM_AGENT_SERVER: 'https://itsm.example.test/',
      ITSM_AGENT_DATA_DIR: dataDir,
    });
    expect(JSON.parse(stdout)).toEqual({
      server: 'https://itsm.example.test',
      dataDir,
      logLevel: 'info',
      uiPort: 8765,
      splaySeconds: 300,
    });
  });

  it('prints readable lines without --json', async () => {
    const { stdout } = await agent(['config'], { ITSM_AGENT_DATA_DIR: dataDir });
    expect(stdout).toMatch(/^server +\(not set/m);
    expect(stdout).toMatch(new RegExp(`^data dir +${dataDir}$`, 'm'));
    expect(stdout).toMatch(/^desktop app port +8765$/m);
  });

  it('says how to enrol when asked for its status before enrolment, and exits with 1', async () => {
    const failure = await agent(['status'], { ITSM_AGENT_DATA_DIR: dataDir }).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain('not enrolled');
    expect(failure?.stdout).toContain('itsm-agent enroll --server URL --key KEY');
  });

  it('exits with 1 and names the variable on an invalid configuration', async () => {
    const failure = await agent(['config'], {
      ITSM_AGENT_SERVER: 'ftp://x.test',
      ITSM_AGENT_DATA_DIR: dataDir,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/ITSM_AGENT_SERVER: the server URL must use http or https/);
  });

  it('prints the local inventory as a GLPI inventory document, without a server', async () => {
    const { stdout } = await agent(['inventory', '--json'], { ITSM_AGENT_DATA_DIR: dataDir });
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ action: 'inventory', itemtype: 'Computer' });
    expect(doc.content.versionclient).toBe(`ITSM-Agent_v${version}`);
    expect(doc.content.hardware.name).toBe(hostname().split('.')[0]);
  });

  it('prints a short inventory summary without --json', async () => {
    const { stdout } = await agent(['inventory'], { ITSM_AGENT_DATA_DIR: dataDir });
    expect(stdout).toMatch(/^hostname +\S+/m);
    expect(stdout).toMatch(/^software +\d+ packages$/m);
  });
});

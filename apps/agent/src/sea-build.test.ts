import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT_VERSION } from './version.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const executable = path.join(packageDir, 'dist-sea/itsm-agent');

// `npm run build:agent`: one file to copy onto a machine, no Node.js or node_modules needed there.
describe('single-file agent (npm run build:agent)', () => {
  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-sea.mjs'], { cwd: packageDir, timeout: 120_000 });
  }, 150_000);

  it('is one executable that runs the agent by itself, from any directory', async () => {
    expect(statSync(executable).mode & 0o111).not.toBe(0);
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: '/nonexistent',
      ITSM_AGENT_DATA_DIR: '/tmp/itsm-agent-sea-test',
    };
    const version = await run(executable, ['--version'], { cwd: '/', env });
    expect(version.stdout.trim()).toBe(AGENT_VERSION);
    const { stdout } = await run(executable, ['inventory', '--json'], { cwd: '/', env, maxBuffer: 32 << 20 });
    const doc = JSON.parse(stdout);
    expect(doc.content.hardware.name).toBe(hostname().split('.')[0]);
    expect(doc.content.versionclient).toBe(`ITSM-Agent_v${AGENT_VERSION}`);
    expect(doc.content.softwares.length).toBeGreaterThan(0);
  });

  it('comes with a systemd unit that runs it as a hardened service', () => {
    const unit = readFileSync(path.join(packageDir, 'dist-sea/itsm-agent.service'), 'utf8');
    expect(unit).toContain('ExecStart=/usr/local/bin/itsm-agent run');
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^StateDirectory=itsm-agent$/m);
    expect(unit).toMatch(/^WantedBy=multi-user.target$/m);
  });
});

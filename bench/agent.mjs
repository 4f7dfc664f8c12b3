#!/usr/bin/env node
// Agent footprint: time and peak memory of a full inventory collection, our agent (Node build and
// single-file executable) side by side with Debian's fusioninventory-agent when it is installed;
// then the daemon's memory, idle and at its peak. Nothing leaves the machine: the daemon is pointed
// at a closed loopback port.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resultLine } from './lib/format.mjs';
import { describeMachine } from './lib/machine.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const AGENT = path.join(ROOT, 'apps/agent');
const TIME = '/usr/bin/time';
const FUSION = '/usr/bin/fusioninventory-agent';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, build: { type: 'boolean', default: true } },
  allowNegative: true,
});
const runs = Number(values.runs);
/** @param {string} message */
const log = (message) => console.error(`[bench:agent] ${message}`);

if (!existsSync(TIME)) {
  console.error(`${TIME} is missing (apt-get install -y time): it measures the peak memory of each run`);
  process.exit(2);
}
if (values.build) {
  log('building the agent (tsc) and the single-file executable');
  execFileSync('npm', ['run', 'build', '-w', '@itsm/contracts', '-w', '@itsm/agent'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  execFileSync('npm', ['run', 'build:agent'], { cwd: ROOT, stdio: 'ignore' });
}

/** One run under /usr/bin/time: wall seconds and peak RSS in MB. @param {string[]} command */
function measure(command, env = {}) {
  const result = spawnSync(TIME, ['-f', '%e %M', ...command], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
  const [seconds, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { seconds, rssMb: kb / 1024 };
}

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const fusionDir = mkdtempSync(path.join(tmpdir(), 'fusion-'));
const candidates = [
  {
    name: 'itsm-agent (node dist/cli.js)',
    command: ['node', path.join(AGENT, 'dist/cli.js'), 'inventory', '--json'],
  },
  {
    name: 'itsm-agent (single file)',
    command: [path.join(AGENT, 'dist-sea/itsm-agent'), 'inventory', '--json'],
  },
  ...(existsSync(FUSION)
    ? [
        {
          name: 'fusioninventory-agent --local',
          command: [FUSION, '--local', fusionDir],
        },
      ]
    : []),
];
if (!existsSync(FUSION))
  log(`${FUSION} is not installed (apt-get install -y fusioninventory-agent): measuring ours only`);

const rows = [];
for (const candidate of candidates) {
  measure(candidate.command); // warm the file cache
  const samples = Array.from({ length: runs }, () => measure(candidate.command));
  rows.push({
    name: candidate.name,
    medianSeconds: median(samples.map((s) => s.seconds)),
    maxSeconds: Math.max(...samples.map((s) => s.seconds)),
    medianRssMb: median(samples.map((s) => s.rssMb)),
    maxRssMb: Math.max(...samples.map((s) => s.rssMb)),
  });
}
rmSync(fusionDir, { recursive: true, force: true });

/** The daemon, enrolled to a server that is down: its memory idle and at its peak (first collection). */
async function daemonMemory(command) {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const p = probe.address().port;
      probe.close(() => resolve(p));
    });
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'itsm-agent-bench-'));
  writeFileSync(
    path.join(dataDir, 'state.json'),
    JSON.stringify({
      server: `http://127.0.0.1:${port}`,
      machineId: 1,
      token: 'itsm_m_bench',
      deviceId: 'bench-2026-11-24-09-00-00',
      enrolledAt: new Date().toISOString(),
      sentHashes: {},
      lastFullInventoryAt: null,
      lastInventoryCheckAt: null,
      lastSyncAt: null,
      lastError: null,
      intervals: { heartbeat_seconds: 60, inventory_minutes: 60, full_inventory_hours: 24 },
      handledInstructions: [],
      employee: null,
    }),
    { mode: 0o600 },
  );
  const child = spawn(command[0], [...command.slice(1), 'run'], {
    env: {
      ...process.env,
      ITSM_AGENT_DATA_DIR: dataDir,
      ITSM_AGENT_UI_PORT: '0',
      ITSM_AGENT_SPLAY_SECONDS: '0',
    },
    stdio: 'ignore',
  });
  const status = () => readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status())?.[1]) / 1024;
  await sleep(15_000);
  const figures = { idleRssMb: field('VmRSS'), peakRssMb: field('VmHWM') };
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
  return figures;
}

log('daemon memory (15 s after start, first inventory collected, server down)');
const daemons = [
  {
    name: 'itsm-agent run (node dist/cli.js)',
    ...(await daemonMemory(['node', path.join(AGENT, 'dist/cli.js')])),
  },
  {
    name: 'itsm-agent run (single file)',
    ...(await daemonMemory([path.join(AGENT, 'dist-sea/itsm-agent')])),
  },
];

const m = describeMachine();
console.log(
  `\nfull inventory collection, ${runs} runs each (median / max); ${m.cpu}, ${m.cores} cores, node ${m.node}\n`,
);
console.log('agent                                  time s (med/max)   peak RSS MB (med/max)');
for (const r of rows)
  console.log(
    `${r.name.padEnd(38)} ${`${r.medianSeconds.toFixed(2)} / ${r.maxSeconds.toFixed(2)}`.padEnd(18)} ${r.medianRssMb.toFixed(1)} / ${r.maxRssMb.toFixed(1)}`,
  );
console.log('\ndaemon                                 idle RSS MB   peak RSS MB');
for (const d of daemons)
  console.log(`${d.name.padEnd(38)} ${d.idleRssMb.toFixed(1).padEnd(13)} ${d.peakRssMb.toFixed(1)}`);
console.log(
  resultLine({
    benchmark: 'agent',
    date: new Date().toISOString(),
    machine: m,
    runs,
    collection: rows,
    daemon: daemons,
  }),
);

// `npm run build:agent`: the agent as one executable for the OS it runs on (a Node single executable
// application: the Node binary running this script, with the bundled agent injected), plus a
// systemd unit. Output in apps/agent/dist-sea/. Built and tested on Linux; on Windows it gives
// itsm-agent.exe, on macOS a binary to sign again (codesign --sign - dist-sea/itsm-agent).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'postject';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'dist-sea');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const bundle = path.join(out, 'itsm-agent.cjs');
const blob = path.join(out, 'itsm-agent.blob');
const executable = path.join(out, process.platform === 'win32' ? 'itsm-agent.exe' : 'itsm-agent');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// 1. One CommonJS file (what a Node 20 single executable runs), workspace packages from their sources.
await build({
  entryPoints: [path.join(root, 'src/cli.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  conditions: ['source'],
  define: { ITSM_AGENT_VERSION: JSON.stringify(version) },
  // systeminformation's optional macOS sensor module, never installed on the machines we build on.
  external: ['osx-temperature-sensor'],
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

// 2. The preparation blob, then a copy of this Node binary with the blob injected.
const config = path.join(out, 'sea-config.json');
writeFileSync(
  config,
  JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false }),
);
execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'inherit' });
copyFileSync(process.execPath, executable);
chmodSync(executable, 0o755);
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', executable]);
await inject(executable, 'NODE_SEA_BLOB', readFileSync(blob), {
  sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
  ...(process.platform === 'darwin' && { machoSegmentName: 'NODE_SEA' }),
});
rmSync(blob);
rmSync(config);

// 3. The systemd unit that runs it as a service (README: "Installing the agent").
writeFileSync(
  path.join(out, 'itsm-agent.service'),
  `[Unit]
Description=ITSM endpoint agent (inventory, instructions, desktop app on 127.0.0.1)
Documentation=https://github.com/itsm/itsm#endpoint-agent
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
ExecStart=/usr/local/bin/itsm-agent run
Environment=ITSM_AGENT_DATA_DIR=/var/lib/itsm-agent
Restart=always
RestartSec=10
StateDirectory=itsm-agent
StateDirectoryMode=0700
UMask=0077
NoNewPrivileges=true
ProtectSystem=full
ProtectHome=read-only
PrivateTmp=true

[Install]
WantedBy=multi-user.target
`,
);

const size = (await import('node:fs')).statSync(executable).size;
console.log(
  `${path.relative(process.cwd(), executable)} (${(size / 1024 / 1024).toFixed(1)} MB, agent ${version}, Node ${process.versions.node})`,
);
console.log(`${path.relative(process.cwd(), path.join(out, 'itsm-agent.service'))}`);

import { Command } from 'commander';
import type { AgentConfig } from './config.js';
import { AGENT_VERSION } from './version.js';

const pkg = { version: AGENT_VERSION };

function formatConfig(config: AgentConfig): string {
  const rows: [string, string][] = [
    ['server', config.server ?? '(not set: ITSM_AGENT_SERVER)'],
    ['data dir', config.dataDir],
    ['log level', config.logLevel],
    ['desktop app port', String(config.uiPort)],
    ['first inventory within', `${config.splaySeconds} s`],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  return rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n');
}

const program = new Command('itsm-agent')
  .description('ITSM endpoint agent')
  .version(pkg.version, '-v, --version', 'print the agent version');

program
  .command('config')
  .description('print the effective agent configuration (environment and defaults)')
  .option('--json', 'print as JSON')
  .action(async (options: { json?: boolean }) => {
    // Loaded on demand: zod weighs ~14 MB of memory that the inventory command does not need.
    const { loadAgentConfig } = await import('./config.js');
    const config = loadAgentConfig();
    console.log(options.json ? JSON.stringify(config, null, 2) : formatConfig(config));
  });

program
  .command('inventory')
  .description('collect the local inventory (GLPI inventory format) without contacting any server')
  .option('--json', 'print the whole inventory document as JSON')
  .action(async (options: { json?: boolean }) => {
    const { collectInventory } = await import('./inventory/collect-inventory.js');
    const doc = await collectInventory();
    if (options.json) {
      console.log(JSON.stringify(doc, null, 2));
    } else {
      const { formatInventorySummary } = await import('./inventory/summary.js');
      console.log(formatInventorySummary(doc));
    }
  });

program
  .command('enroll')
  .description('trade an enrollment key (from the web UI) for this machine’s token, sending a full inventory')
  .requiredOption('--server <url>', 'the ITSM server, e.g. https://itsm.example.com')
  .requiredOption('--key <key>', 'the enrollment key')
  .action(async (options: { server: string; key: string }) => {
    const { loadAgentConfig, normalizeServerUrl } = await import('./config.js');
    const config = loadAgentConfig();
    const { enroll } = await import('./sync/enroll.js');
    const state = await enroll({
      server: normalizeServerUrl(options.server),
      key: options.key,
      dataDir: config.dataDir,
      version: pkg.version,
    });
    console.log(
      `${state.reused ? 'Enrolled again as' : 'Enrolled as'} machine ${state.machineId} on ${state.server}` +
        `\nState kept in ${config.dataDir}; start the daemon with: itsm-agent run`,
    );
  });

program
  .command('run')
  .description('the daemon: heartbeats, inventories, instructions, offline queue, desktop app')
  .action(async () => {
    const { loadAgentConfig } = await import('./config.js');
    const config = loadAgentConfig();
    const { runDaemon } = await import('./run.js');
    const { logger } = await import('./log.js');
    const log = logger(config.logLevel);
    const daemon = await runDaemon({
      dataDir: config.dataDir,
      version: pkg.version,
      uiPort: config.uiPort,
      splayMs: config.splaySeconds * 1000,
      log,
    });
    const keepAlive = setInterval(() => {}, 1 << 30);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, async () => {
        log('info', `${signal}: stopping`);
        clearInterval(keepAlive);
        await daemon.stop();
        process.exit(0);
      });
    }
  });

program
  .command('status')
  .description('enrolled server, last sync, queue length')
  .option('--json', 'print as JSON')
  .action(async (options: { json?: boolean }) => {
    const { loadAgentConfig } = await import('./config.js');
    const { agentStatus, formatStatus } = await import('./status.js');
    const status = agentStatus(loadAgentConfig().dataDir);
    console.log(options.json ? JSON.stringify(status, null, 2) : formatStatus(status));
    if (!status.enrolled) process.exitCode = 1;
  });

program
  .command('open')
  .description('open the desktop app (this computer, my tickets) in the browser')
  .option('--print', 'only print the address')
  .action(async (options: { print?: boolean }) => {
    const { loadAgentConfig } = await import('./config.js');
    const { openDesktop } = await import('./status.js');
    const url = await openDesktop(loadAgentConfig().dataDir, { launch: !options.print });
    console.log(url);
  });

// No top-level await: the single-file executable runs this file as CommonJS.
program.parseAsync(process.argv).catch((error: unknown) => {
  // Compared by name: importing the class would load config.js (and zod) for every command.
  const known = ['AgentConfigError', 'NotEnrolledError', 'ServerError', 'AgentStateError'];
  if (!(error instanceof Error && known.includes(error.name))) throw error;
  console.error(error.message);
  process.exitCode = 1;
});

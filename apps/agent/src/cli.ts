import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { AgentConfig } from './config.js';

// src/cli.ts and dist/cli.js both sit one level below the package root.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function formatConfig(config: AgentConfig): string {
  const rows: [string, string][] = [
    ['server', config.server ?? '(not set: ITSM_AGENT_SERVER)'],
    ['data dir', config.dataDir],
    ['log level', config.logLevel],
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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Compared by name: importing the class would load config.js (and zod) for every command.
  if (!(error instanceof Error && error.name === 'AgentConfigError')) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

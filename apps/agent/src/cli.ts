import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { type AgentConfig, AgentConfigError, loadAgentConfig } from './config.js';

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
  .action((options: { json?: boolean }) => {
    const config = loadAgentConfig();
    console.log(options.json ? JSON.stringify(config, null, 2) : formatConfig(config));
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof AgentConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

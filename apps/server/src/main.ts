#!/usr/bin/env node
import { Command } from 'commander';
import { registerCreateAdminCommand } from './cli/createadmin.command.js';
import { registerMigrateCommand } from './cli/migrate.command.js';
import { registerSeedCommand } from './cli/seed.command.js';
import { registerServeCommand } from './cli/serve.command.js';
import { registerVersionCommand } from './cli/version.command.js';
import { VERSION } from './version.js';

const program = new Command('itsm')
  .description(
    'ITSM server and administration commands. Configuration comes from the environment and ./.env.',
  )
  .version(VERSION, '-v, --version')
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerCreateAdminCommand(program);
registerSeedCommand(program);
registerVersionCommand(program);

await program.parseAsync(process.argv);

#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { register as registerHooks } from 'node:module';

const built = new URL('../dist/cli.js', import.meta.url);

// ITSM_AGENT_FROM_SOURCE=1 runs the sources even next to a build (tests, development).
if (existsSync(built) && process.env.ITSM_AGENT_FROM_SOURCE !== '1') {
  await import(built.href);
} else {
  // A source checkout without a build: workspace packages from their sources, TypeScript compiled
  // on the fly.
  registerHooks(new URL('./source-conditions.mjs', import.meta.url));
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli.ts', import.meta.url).href);
}

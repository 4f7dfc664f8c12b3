#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { register as registerHooks } from 'node:module';

const built = new URL('../dist/cli.js', import.meta.url);

if (existsSync(built)) {
  await import(built.href);
} else {
  // A source checkout without a build: workspace packages from their sources, TypeScript compiled
  // on the fly.
  registerHooks(new URL('./source-conditions.mjs', import.meta.url));
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli.ts', import.meta.url).href);
}

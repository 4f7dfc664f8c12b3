#!/usr/bin/env node
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);

if (existsSync(built)) {
  await import(built.href);
} else {
  // A source checkout without a build: compile TypeScript on the fly.
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli.ts', import.meta.url).href);
}

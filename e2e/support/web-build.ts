import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { webDir, webDistDir } from './paths.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number | null {
  try {
    return statSync(join(webDistDir, 'index.html')).mtimeMs;
  } catch {
    return null;
  }
}

/** Builds apps/web when dist/index.html is missing or older than a source file. */
export function ensureWebBuilt(): void {
  const built = builtAt();
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) => join(webDir, name));
  const newest = Math.max(
    ...sources.map((path) => (statSync(path).isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)),
  );
  if (built !== null && built >= newest) return;
  console.warn('Building the web app (apps/web/dist is missing or stale)…');
  execFileSync('npm', ['run', 'build', '-w', '@itsm/web'], {
    cwd: join(webDir, '../..'),
    stdio: ['ignore', 'inherit', 'inherit'],
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

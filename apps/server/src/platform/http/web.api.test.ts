import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

const INDEX =
  '<!doctype html><html><head><title>ITSM</title></head><body><div id="root"></div></body></html>';
const html = { accept: 'text/html,application/xhtml+xml' };

describe('web UI serving', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.close(); // rebuild on the same database with a built web directory
    const webDir = t.config.webDir;
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'index-3f2a1b.js'), 'console.log("itsm")');
    t.app = await buildApp(t.config);
  });
  afterAll(() => t.close());

  it('serves the app at / and on client-side routes (SPA fallback), never cached', async () => {
    for (const url of ['/', '/tickets/42', '/admin/users?page=2']) {
      const res = await t.app.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('caches content-hashed assets for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-3f2a1b.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers API paths, missing assets and non-HTML clients with a 404 problem, not the app', async () => {
    for (const [url, headers] of [
      ['/api/v1/unknown', html],
      ['/assets/missing.js', {}],
      ['/tickets/42', { accept: 'application/json' }],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('does not serve files outside the web directory', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/..%2f..%2fitsm.db' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('SQLite');
  });
});

describe('web UI not built', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('explains how to build it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('npm run build');
  });
});

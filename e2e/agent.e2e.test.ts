import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './support/accounts.js';
import { type AgentUnderTest, agentUnderTest } from './support/agent.js';
import { ApiClient } from './support/api.js';
import { desktop, screenshot } from './support/app.js';
import { browserSuitesSkipped, launchChromium } from './support/browser.js';
import { openWatchedPage } from './support/page.js';
import { type RunningServer, startServer } from './support/server.js';

type Machine = {
  id: number;
  hostname: string;
  has_agent: boolean;
  software_count: number;
  last_inventory_at: string;
  instructions: {
    id: number;
    status: string;
    result: Record<string, unknown> | null;
    error: string | null;
  }[];
};
type Ticket = { id: number; title: string; machine: number | null; source: string; requester_name: string };

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

// The agent against the real server, as an employee and an administrator would meet it: enrolment,
// inventory, an instruction round trip, and the employee's desktop app creating a ticket while the
// server is down, the agent killed and restarted, then the server back.
describe.skipIf(browserSuitesSkipped())('endpoint agent and desktop app (real server, real agent)', () => {
  // The desktop app is the agent's own page: the web UI is not needed here, only the API.
  const app = {} as { server: RunningServer; browser: Browser; baseUrl: string };
  let admin: ApiClient;
  let agent: AgentUnderTest;
  let machineId: number;

  beforeAll(async () => {
    const browser = launchChromium();
    app.server = await startServer();
    app.baseUrl = app.server.baseUrl;
    app.browser = await browser;
    await app.server.cli(['seed']);
    admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    agent = await agentUnderTest();
  });
  afterAll(async () => {
    await agent?.cleanUp();
    await app.browser?.close();
    await app.server?.stop();
  });

  it('enrols with a key, sends its real inventory, and answers an instruction', async () => {
    const structures = await admin.request<{ results: { id: number; name: string }[] }>('GET', '/structures');
    const siege = structures.results.find((s) => s.name === 'Siège');
    const { key } = await admin.request<{ key: string }>('POST', '/enrollment-keys', {
      name: 'Postes du siège',
      structure: siege?.id,
    });
    const said = await agent.cli(['enroll', '--server', app.baseUrl, '--key', key]);
    machineId = Number(/machine (\d+)/.exec(said)?.[1]);
    const machine = await admin.request<Machine>('GET', `/machines/${machineId}`);
    expect(machine).toMatchObject({ hostname: hostname(), has_agent: true });
    expect(machine.software_count).toBeGreaterThan(0);
    expect(await agent.cli(['status'])).toContain(`machine              ${machineId}`);

    await agent.start();
    const instruction = await admin.request<{ id: number }>('POST', `/machines/${machineId}/instructions`, {
      kind: 'inventory',
    });
    // The desktop app's "sync now" makes the agent exchange at once instead of at its next heartbeat.
    const cookie = await desktopCookie(await agent.openUrl());
    await fetch(`${new URL(await agent.openUrl()).origin}/api/sync`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    const done = await until('the instruction to be done', async () => {
      const m = await admin.request<Machine>('GET', `/machines/${machineId}`);
      return m.instructions.find((i) => i.id === instruction.id && i.status === 'done');
    });
    expect(done.result).toMatchObject({ queued: true });
  });

  it('desktop app: a ticket created offline waits, survives a kill, and arrives once when the server is back', async () => {
    const { page, problems } = await openWatchedPage(app.browser, { ...desktop, locale: 'fr-FR' });
    await page.goto(await agent.openUrl());
    await page.getByRole('heading', { name: 'Cet ordinateur' }).waitFor();
    await page.getByText(hostname(), { exact: true }).waitFor();
    await page.getByLabel('Identifiant').fill(demo.user.username);
    await page.getByLabel('Mot de passe').fill('demo-itsm-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mes tickets' }).waitFor();

    // The server goes down: the ticket is kept, waiting to be sent.
    await app.server.stop({ keepData: true });
    const title = `Écran qui clignote ${Date.now()}`;
    await page.getByLabel('Titre').fill(title);
    await page.getByLabel('Description').fill('Depuis la mise à jour de ce matin');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('Le serveur est injoignable : votre ticket est en attente').waitFor();
    const waiting = page.locator('li.ticket.queued', { hasText: title });
    await waiting.getByText('En attente d’envoi').waitFor();
    await page.getByText('Serveur injoignable').waitFor();
    await screenshot(page, 'desktop-app-offline-fr');

    // The agent is killed and restarted: the ticket is still queued, on disk.
    await agent.kill();
    await agent.start();
    expect(await agent.cli(['status'])).toMatch(/queued\s+[1-9]/);

    // The server comes back on the same data: one click (or the next retry) sends it, once.
    app.server = await startServer({ dataDir: app.server.dataDir, port: app.server.port });
    await page.goto(await agent.openUrl());
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    const sent = page.locator('li.ticket.sent', { hasText: title });
    await sent.getByText(/^(Nouveau|Attribué)$/).waitFor({ timeout: 20_000 });
    await page.getByText('Connecté au serveur').waitFor();
    await screenshot(page, 'desktop-app-fr');

    const found = await admin.request<{ results: Ticket[] }>(
      'GET',
      `/tickets?machine=${machineId}&search=${encodeURIComponent(title)}`,
    );
    expect(found.results).toHaveLength(1);
    expect(found.results[0]).toMatchObject({
      machine: machineId,
      source: 'agent',
      requester_name: 'Hélène Dubois',
    });
    // A second sync sends nothing again.
    await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
    await sleep(500);
    const again = await admin.request<{ count: number }>(
      'GET',
      `/tickets?search=${encodeURIComponent(title)}`,
    );
    expect(again.count).toBe(1);
    expect(await agent.cli(['status'])).toMatch(/queued\s+0/);
    expect(problems).toEqual([]);
  });

  it('never runs an instruction twice: handed out again after a kill mid-way, it is reported interrupted', async () => {
    const instruction = await admin.request<{ id: number }>('POST', `/machines/${machineId}/instructions`, {
      kind: 'set_intervals',
      payload: { heartbeat_seconds: 120 },
    });
    // As if the agent had been killed while applying it: marked handled, no result queued.
    await agent.kill();
    const statePath = join(agent.dataDir, 'state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    writeFileSync(statePath, JSON.stringify({ ...state, handledInstructions: [instruction.id] }));
    await agent.start();
    const origin = new URL(await agent.openUrl()).origin;
    await fetch(`${origin}/api/sync`, {
      method: 'POST',
      headers: { cookie: await desktopCookie(await agent.openUrl()), 'content-type': 'application/json' },
      body: '{}',
    });
    const answered = await until('the interrupted instruction to be answered', async () => {
      const m = await admin.request<Machine>('GET', `/machines/${machineId}`);
      return m.instructions.find(
        (i) => i.id === instruction.id && i.status !== 'sent' && i.status !== 'pending',
      );
    });
    expect(answered).toMatchObject({ status: 'failed', error: expect.stringContaining('not run again') });
    expect(await agent.cli(['status'])).toContain('heartbeat 60 s');
  });
});

/** The cookie the desktop app sets when its one-time address is opened. */
async function desktopCookie(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

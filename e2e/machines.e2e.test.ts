import { describe, expect, it } from 'vitest';
import { demo } from './support/accounts.js';
import { ApiClient } from './support/api.js';
import { desktop, pathOf, screenshot, signIn, useApp } from './support/app.js';
import { browserSuitesSkipped } from './support/browser.js';
import { openWatchedPage } from './support/page.js';

type Page<T> = { count: number; results: T[] };
type MachineDetail = { id: number; hostname: string; instructions: { kind: string; status: string }[] };
type Software = { name: string; version: string };

/** An inventory document as an agent sends it (the GLPI format), small but complete enough for every tab. */
function inventory(hostname: string, serial: string, changed = false) {
  const software = [
    { name: 'firefox-esr', version: changed ? '128.5.0esr-1' : '115.12.0esr-1', publisher: 'Mozilla' },
    ...(changed ? [{ name: 'gimp', version: '2.10.34-1', publisher: 'Debian' }] : []),
    ...(changed ? [] : [{ name: 'libreoffice-writer', version: '4:7.4.7-1', publisher: 'Debian' }]),
    ...Array.from({ length: 10 }, (_, i) => ({ name: `lib-e2e-${i}`, version: '1.0', publisher: 'Debian' })),
  ];
  const memory = changed ? 16_384 : 8_192;
  return {
    deviceid: `${hostname}-2026-11-24-09-00-00`,
    action: 'inventory',
    itemtype: 'Computer',
    content: {
      versionclient: 'ITSM-Agent_v0.1.0',
      hardware: { name: hostname, uuid: `4c4c4544-0035-5210-8052-${serial.padStart(12, '0')}`, memory },
      operatingsystem: { full_name: 'Debian GNU/Linux 12 (bookworm)', version: '12', arch: 'x86_64' },
      bios: { smanufacturer: 'Dell Inc.', smodel: 'OptiPlex 7090', ssn: serial, bversion: '1.18.0' },
      cpus: [{ name: 'Intel(R) Core(TM) i5-10500', core: 6, thread: 12, speed: 3100 }],
      memories: changed
        ? [
            { capacity: 8192, caption: 'DIMM1' },
            { capacity: 8192, caption: 'DIMM2' },
          ]
        : [{ capacity: 8192, caption: 'DIMM1' }],
      storages: [{ name: 'nvme0n1', serial: `D-${serial}`, disksize: 256_000 }],
      drives: [{ volumn: '/', filesystem: 'ext4', total: 240_000, free: 120_000 }],
      networks: [
        {
          description: 'eno1',
          mac: `10:7b:44:aa:${serial.slice(-2)}:01`,
          ipaddress: '192.168.1.20',
          speed: 1000,
        },
      ],
      softwares: software,
    },
  };
}

/** The agent's side of the API: no user, the enrollment key then the machine token. */
async function agentCall<T>(baseUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1/agent/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Agent ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const payload = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`POST /agent/${path} answered ${response.status}: ${JSON.stringify(payload)}`);
  return payload;
}

describe.skipIf(browserSuitesSkipped())('machines (browser)', () => {
  const app = useApp();

  it('an administrator finds a machine by its software, reads what its agent reported, asks for an inventory and creates an enrollment key', async () => {
    // Two machines enrolled through the real agent API; the first then reports a changed inventory.
    const admin = await ApiClient.signIn(app.baseUrl, demo.admin.username);
    const structures = await admin.request<Page<{ id: number; name: string }>>(
      'GET',
      '/structures?page_size=200',
    );
    const structure = structures.results[0];
    if (!structure) throw new Error('the seed has no structure');
    const key = await admin.request<{ key: string }>('POST', '/enrollment-keys', {
      name: 'E2E machines',
      structure: structure.id,
    });
    const enrol = (hostname: string, serial: string) =>
      agentCall<{ machine: number; token: string }>(app.baseUrl, 'enroll', {
        key: key.key,
        agent_version: '0.1.0',
        inventory: inventory(hostname, serial),
      });
    const compta = await enrol('pc-e2e-compta', 'E2E0001');
    await enrol('pc-e2e-accueil', 'E2E0002');
    await agentCall(app.baseUrl, 'inventory', inventory('pc-e2e-compta', 'E2E0001', true), compta.token);
    const ticket = await admin.request<{ id: number }>('POST', '/tickets', {
      title: 'Écran qui clignote',
      machine: compta.machine,
    });

    const { page, problems, settled, close } = await openWatchedPage(app.browser, {
      ...desktop,
      locale: 'fr-FR',
    });
    try {
      await signIn(page, app.baseUrl, demo.admin.username);

      // The list, then only the machines with gimp installed.
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('link', { name: 'Machines' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Machines' }).waitFor();
      await page.getByRole('link', { name: 'pc-e2e-accueil' }).waitFor();
      await page.getByRole('textbox', { name: 'Logiciel installé' }).fill('gimp');
      await page.waitForURL(/software=gimp/);
      await page.getByRole('link', { name: 'pc-e2e-accueil' }).waitFor({ state: 'detached' });
      await settled();
      expect(await page.getByRole('link', { name: /^pc-e2e-/ }).allTextContents()).toEqual(['pc-e2e-compta']);
      await screenshot(page, 'machines-filtered-desktop-light');

      // Its page, tab by tab.
      await page.getByRole('link', { name: 'pc-e2e-compta' }).click();
      await page.waitForURL(new RegExp(`/machines/${compta.machine}$`));
      await page.getByRole('heading', { level: 1, name: 'pc-e2e-compta' }).waitFor();

      await page.getByRole('tab', { name: 'Matériel' }).click();
      expect(pathOf(page)).toBe(`/machines/${compta.machine}?tab=hardware`);
      await page.getByText('Intel(R) Core(TM) i5-10500').waitFor();
      await page.getByText(/^Total 16,0\sGo$/).waitFor();
      await page.getByText(/117,2\sGo utilisés sur 234,4\sGo/).waitFor();
      await settled();
      await screenshot(page, 'machine-hardware-desktop-light');

      await page.getByRole('tab', { name: 'Réseau' }).click();
      const eno1 = page.getByRole('row', { name: /eno1/ });
      await eno1.waitFor();
      expect(await eno1.textContent()).toContain('192.168.1.20');
      expect(await eno1.textContent()).toMatch(/1\sGbit\/s/);

      await page.getByRole('tab', { name: /^Logiciels/ }).click();
      await page.getByRole('searchbox', { name: 'Rechercher un logiciel' }).fill('firefox');
      const firefox = page.getByRole('row', { name: /firefox-esr/ });
      await firefox.waitFor();
      expect(await firefox.textContent()).toContain('128.5.0esr-1');
      await page.getByRole('row', { name: /lib-e2e-0/ }).waitFor({ state: 'detached' });

      await page.getByRole('tab', { name: 'Historique' }).click();
      const history = page.getByRole('list', { name: 'Historique de la machine' });
      await history.getByText('gimp installé 2.10.34-1').waitFor();
      await history.getByText('firefox-esr mis à jour 115.12.0esr-1 → 128.5.0esr-1').waitFor();
      await history.getByText('libreoffice-writer 4:7.4.7-1 désinstallé').waitFor();
      await history.getByText(/^RAM 8,0\sGo → 16,0\sGo$/).waitFor();
      await settled();
      await screenshot(page, 'machine-history-desktop-light');

      await page.getByRole('tab', { name: /^Tickets/ }).click();
      await page.getByRole('link', { name: 'Écran qui clignote' }).waitFor();

      // An inventory on demand: waiting for the agent until its next exchange.
      await page.getByRole('tab', { name: 'Résumé' }).click();
      await page.getByRole('button', { name: 'Demander un inventaire' }).click();
      await page.getByText('En attente de l’agent').waitFor();
      const detail = await admin.request<MachineDetail>('GET', `/machines/${compta.machine}`);
      expect(detail.instructions[0]).toMatchObject({ kind: 'inventory', status: 'pending' });
      expect(await page.getByRole('button', { name: 'Demander un inventaire' }).isDisabled()).toBe(true);
      await settled();
      await screenshot(page, 'machine-summary-desktop-light');

      // The ticket about it links back to it.
      await page.goto(`${app.baseUrl}/tickets/${ticket.id}`);
      await page.getByRole('link', { name: 'pc-e2e-compta' }).click();
      await page.waitForURL(new RegExp(`/machines/${compta.machine}$`));

      // A new enrollment key: its secret and the command to run, shown once.
      await page.goto(`${app.baseUrl}/admin/enrollment-keys`);
      await page.getByRole('heading', { level: 1, name: 'Clés d’enrôlement' }).waitFor();
      await page.getByRole('button', { name: 'Nouvelle clé' }).click();
      const form = page.getByRole('dialog', { name: 'Nouvelle clé d’enrôlement' });
      await form.getByRole('textbox', { name: /^Nom/ }).fill('Agence de Lyon — portables');
      await form.getByRole('combobox', { name: 'Structure' }).selectOption(String(structure.id));
      await form.getByRole('textbox', { name: 'Utilisations maximum' }).fill('25');
      await form.getByRole('button', { name: 'Créer la clé' }).click();
      const secret = page.getByRole('alertdialog', { name: 'Clé Agence de Lyon — portables créée' });
      await secret.getByText('Copiez-la maintenant').waitFor();
      const shown = (await secret.locator('code').first().textContent()) ?? '';
      expect(shown).toMatch(/^itsm_ek_\S{20,}$/);
      expect(await secret.locator('code').nth(1).textContent()).toBe(
        `npx itsm-agent enroll --server ${app.baseUrl} --key ${shown}`,
      );
      await settled();
      await screenshot(page, 'enrollment-key-created-desktop-light', { fullPage: false });
      const keys = await admin.request<Page<{ name: string; key_hint: string; max_uses: number | null }>>(
        'GET',
        '/enrollment-keys?search=Lyon',
      );
      expect(keys.results).toEqual([
        expect.objectContaining({ name: 'Agence de Lyon — portables', max_uses: 25 }),
      ]);
      expect(shown.startsWith(keys.results[0]?.key_hint ?? '?')).toBe(true);
      await secret.getByRole('button', { name: 'Je l’ai copiée' }).click();
      await secret.waitFor({ state: 'detached' });
      await page
        .getByRole('row', { name: /Agence de Lyon — portables/ })
        .getByText('Utilisable')
        .waitFor();
      // The secret is nowhere on the page any more.
      expect(await page.getByText(shown).count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }

    // The software filter of the list agrees with the API's.
    const withGimp = await admin.request<Page<{ hostname: string }>>('GET', '/machines?software=gimp');
    expect(withGimp.results.map((m) => m.hostname)).toEqual(['pc-e2e-compta']);
    const software = await admin.request<Page<Software>>(
      'GET',
      `/machines/${compta.machine}/software?search=gimp`,
    );
    expect(software.results).toEqual([expect.objectContaining({ name: 'gimp', version: '2.10.34-1' })]);
  });
});

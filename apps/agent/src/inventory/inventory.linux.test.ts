import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectInventory } from './collect-inventory.js';
import { partialDocument, sectionHashes } from './section-hashes.js';
import type { InventoryDocument } from './types.js';

// The GLPI format's schema (draft-07, Ajv's default draft); it carries a non-standard "version" keyword.
const schema = JSON.parse(readFileSync(new URL('./glpi/inventory.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function dpkgCounts(): { all: number; installed: number } | null {
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f', `\${binary:Package}\t\${db:Status-Abbrev}\n`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = out.split('\n').filter(Boolean);
    // Packages removed with their configuration left ("rc") are not installed software.
    const installed = lines.filter((line) => !/\t.[nc]/.test(line)).length;
    return { all: lines.length, installed };
  } catch {
    return null;
  }
}

describe.skipIf(process.platform !== 'linux')('inventory of this Linux machine', () => {
  let doc: InventoryDocument;
  beforeAll(async () => {
    doc = await collectInventory();
  }, 60_000);

  it('validates against the GLPI inventory schema', () => {
    const valid = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(doc).toMatchObject({ action: 'inventory', itemtype: 'Computer' });
    expect(doc.content.versionclient).toMatch(/^ITSM-Agent_v\d+\.\d+\.\d+/);
  });

  it('gives partial inventories that validate too', () => {
    const partial = partialDocument(doc, ['hardware', 'networks']);
    expect(validate(partial)).toBe(true);
    expect(Object.keys(partial.content).sort()).toEqual(['hardware', 'networks', 'versionclient']);
  });

  it('names the machine as the OS does, and stamps the device id with it', () => {
    const shortName = os.hostname().split('.')[0];
    expect(doc.content.hardware?.name).toBe(shortName);
    expect(doc.deviceid).toMatch(new RegExp(`^${shortName}-\\d{4}(-\\d{2}){5}$`));
    expect(doc.content.operatingsystem?.kernel_version).toBe(os.release());
  });

  it('lists every MAC address the kernel knows', () => {
    const macs = readdirSync('/sys/class/net')
      .map((name) => readFileSync(`/sys/class/net/${name}/address`, 'utf8').trim().toLowerCase())
      .filter((mac) => mac !== '' && !/^(00:){5}00$/.test(mac));
    const reported = new Set(doc.content.networks?.map((n) => n.mac));
    expect(macs.length).toBeGreaterThan(0);
    for (const mac of macs) expect(reported).toContain(mac);
  });

  it('reports the total memory of /proc/meminfo in MB', () => {
    const kib = Number(readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s+(\d+) kB$/m)?.[1]);
    expect(Math.abs((doc.content.hardware?.memory ?? 0) - kib / 1024)).toBeLessThanOrEqual(1);
  });

  it('lists as many Debian packages as dpkg-query', (ctx) => {
    const counts = dpkgCounts();
    if (!counts) {
      console.warn('\n!! SKIPPED: dpkg-query is not on this machine; the software count was not compared.\n');
      ctx.skip();
      return;
    }
    const debs = doc.content.softwares?.filter((s) => s.from === 'deb') ?? [];
    expect(debs.length).toBe(counts.installed);
    expect(counts.all - counts.installed).toBeGreaterThanOrEqual(0);
    expect(debs.every((s) => s.version)).toBe(true);
  });

  it('reports the uptime and the kernel boot time', () => {
    expect(doc.content.itsm_runtime?.uptime_seconds).toBeCloseTo(os.uptime(), -1);
    expect(doc.content.operatingsystem?.boot_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('hashes every section but the volatile runtime one the same way twice in a row', async () => {
    const again = await collectInventory({ deviceId: doc.deviceid });
    const first = sectionHashes(doc);
    const second = sectionHashes(again);
    for (const name of ['operatingsystem', 'bios', 'cpus', 'memories', 'storages', 'softwares'] as const) {
      expect(second[name], name).toBe(first[name]);
    }
  }, 60_000);

  it('collects one area alone as a partial inventory', async () => {
    const partial = await collectInventory({ areas: ['users'] });
    expect(partial.partial).toBe(true);
    expect(partial.content).not.toHaveProperty('softwares');
    expect(validate(partial)).toBe(true);
  });
});

import { type InventoryContent, InventoryDocumentSchema } from '@itsm/contracts';
import { describe, expect, it } from 'vitest';
import { inventoryChanges } from './diff.js';
import { fact, normalizeMac, snapshotOf } from './snapshot.js';

const base = (): InventoryContent => ({
  versionclient: 'ITSM-Agent_v0.1.0',
  hardware: {
    name: 'pc-compta-01',
    uuid: '4C4C4544-0042-3510-8052-B4C04F4B4E32',
    memory: 8192,
    lastloggeduser: 'hdubois',
  },
  operatingsystem: {
    name: 'Debian GNU/Linux',
    full_name: 'Debian GNU/Linux 12 (bookworm)',
    version: '12',
    kernel_version: '6.1.0-26-amd64',
    arch: 'x86_64',
    dns_domain: 'acme.local',
  },
  bios: {
    smanufacturer: 'Dell Inc.',
    smodel: 'OptiPlex 7090',
    ssn: 'B5RK4K2',
    bmanufacturer: 'Dell Inc.',
    bversion: '1.18.0',
    bdate: '2024-03-12',
  },
  cpus: [{ name: 'Intel(R) Core(TM) i5-10500', core: 6, thread: 12, speed: 3100 }],
  memories: [{ capacity: 8192, caption: 'DIMM1', type: 'DDR4' }],
  storages: [{ name: 'nvme0n1', model: 'PC SN530', serial: 'S1', disksize: 256_000 }],
  drives: [{ volumn: '/', filesystem: 'ext4', total: 240_000, free: 120_000 }],
  networks: [
    {
      description: 'eno1',
      mac: '10:7B:44:AA:BB:CC',
      ipaddress: '192.168.1.20',
      ipdhcp: '192.168.1.1',
      speed: 1000,
    },
    { description: 'eno1', mac: '10:7B:44:AA:BB:CC', ipaddress6: 'fe80::127b:44ff:feaa:bbcc', speed: 1000 },
  ],
  softwares: [
    { name: 'firefox-esr', version: '115.10.0esr-1~deb12u1', publisher: 'Mozilla' },
    { name: 'libreoffice', version: '7.4.7-1', publisher: 'The Document Foundation' },
    { name: 'linux-image-amd64', version: '6.1.0-25' },
    { name: 'linux-image-amd64', version: '6.1.0-26' },
  ],
});

describe('inventory snapshot', () => {
  it('reads the facts of a GLPI document and merges the entries of one interface', () => {
    const snapshot = snapshotOf(base());
    expect(snapshot.system).toMatchObject({
      hostname: 'pc-compta-01',
      domain: 'acme.local',
      os_name: 'Debian GNU/Linux 12 (bookworm)',
      manufacturer: 'Dell Inc.',
      serial: 'B5RK4K2',
      uuid: '4c4c4544-0042-3510-8052-b4c04f4b4e32',
      cpu_cores: 6,
      cpu_threads: 12,
      memory_mb: 8192,
      last_user: 'hdubois',
    });
    expect(snapshot.network).toEqual([
      {
        name: 'eno1',
        mac: '10:7b:44:aa:bb:cc',
        ipv4: ['192.168.1.20'],
        ipv6: ['fe80::127b:44ff:feaa:bbcc'],
        speed_mbps: 1000,
        is_dhcp: true,
        is_virtual: false,
      },
    ]);
  });

  it('treats vendor placeholders as unknown, never as an identity', () => {
    expect(fact('To Be Filled By O.E.M.')).toBeNull();
    expect(fact('Default string')).toBeNull();
    expect(fact(' B5RK4K2 ')).toBe('B5RK4K2');
    expect(normalizeMac('00:00:00:00:00:00')).toBeNull();
    expect(normalizeMac('10-7B-44-AA-BB-CC')).toBe('10:7b:44:aa:bb:cc');
    const content = base();
    content.bios = { ssn: 'System Serial Number' };
    expect(snapshotOf(content).system?.serial).toBeNull();
  });

  it('leaves out the sections a partial document does not carry', () => {
    const snapshot = snapshotOf({ versionclient: 'x', softwares: [{ name: 'vim', version: '9.0' }] });
    expect(Object.keys(snapshot)).toEqual(['software']);
  });
});

describe('inventory document contract', () => {
  it('refuses absurd values with the field that is wrong', () => {
    const result = InventoryDocumentSchema.safeParse({
      deviceid: 'pc-2026-11-24',
      content: { versionclient: 'x', hardware: { memory: -4 }, softwares: [{ version: '1' }] },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['content.hardware.memory', 'content.softwares.0.name']));
  });

  it('keeps sections and fields it does not know', () => {
    const doc = InventoryDocumentSchema.parse({
      deviceid: 'pc',
      content: {
        versionclient: 'x',
        batteries: [{ name: 'BAT0' }],
        hardware: { name: 'pc', winowner: 'ACME' },
      },
    });
    expect(doc.content.batteries).toEqual([{ name: 'BAT0' }]);
    expect(doc.content.hardware?.winowner).toBe('ACME');
  });
});

describe('inventory changes', () => {
  const before = snapshotOf(base());

  it('has nothing to say about a new machine or an unchanged inventory', () => {
    expect(inventoryChanges(null, before)).toEqual([]);
    expect(inventoryChanges(before, snapshotOf(base()))).toEqual([]);
  });

  it('records a memory upgrade, a new main user and a changed IP, and ignores free space', () => {
    const content = base();
    content.hardware = { ...content.hardware, memory: 16384, lastloggeduser: 'mlefevre' };
    content.memories = [
      { capacity: 8192, caption: 'DIMM1' },
      { capacity: 8192, caption: 'DIMM2' },
    ];
    content.networks = [
      { description: 'eno1', mac: '10:7b:44:aa:bb:cc', ipaddress: '192.168.1.57', speed: 1000 },
    ];
    content.drives = [{ volumn: '/', filesystem: 'ext4', total: 240_000, free: 3_000 }];
    expect(inventoryChanges(before, snapshotOf(content))).toEqual([
      { field: 'memory_mb', action: 'changed', item: null, old_value: '8192', new_value: '16384' },
      { field: 'last_user', action: 'changed', item: null, old_value: 'hdubois', new_value: 'mlefevre' },
      {
        field: 'network.ipv4',
        action: 'changed',
        item: '10:7b:44:aa:bb:cc',
        old_value: '192.168.1.20',
        new_value: '192.168.1.57',
      },
      {
        field: 'network.ipv6',
        action: 'changed',
        item: '10:7b:44:aa:bb:cc',
        old_value: 'fe80::127b:44ff:feaa:bbcc',
        new_value: null,
      },
      { field: 'memory_modules', action: 'changed', item: null, old_value: '8192', new_value: '8192, 8192' },
    ]);
  });

  it('tells software installed, removed and upgraded, with versions; several versions of one name line up', () => {
    const content = base();
    content.softwares = [
      { name: 'firefox-esr', version: '128.3.1esr-1~deb12u1', publisher: 'Mozilla' },
      { name: 'gimp', version: '2.10.34-1' },
      { name: 'linux-image-amd64', version: '6.1.0-26' },
      { name: 'linux-image-amd64', version: '6.1.0-27' },
    ];
    const changes = inventoryChanges(before, snapshotOf(content));
    expect(changes).toEqual([
      {
        field: 'software',
        action: 'upgraded',
        item: 'firefox-esr',
        old_value: '115.10.0esr-1~deb12u1',
        new_value: '128.3.1esr-1~deb12u1',
      },
      { field: 'software', action: 'added', item: 'gimp', old_value: null, new_value: '2.10.34-1' },
      {
        field: 'software',
        action: 'upgraded',
        item: 'linux-image-amd64',
        old_value: '6.1.0-25',
        new_value: '6.1.0-27',
      },
      { field: 'software', action: 'removed', item: 'libreoffice', old_value: '7.4.7-1', new_value: null },
    ]);
  });

  it('compares only the sections of a partial inventory, and keeps a fact the agent could not read', () => {
    const partial = snapshotOf({
      versionclient: 'x',
      storages: [{ name: 'nvme0n1', serial: 'S2', disksize: 512_000 }],
    });
    expect(inventoryChanges(before, partial)).toEqual([
      { field: 'disk', action: 'added', item: 'S2', old_value: null, new_value: '512000' },
      { field: 'disk', action: 'removed', item: 'S1', old_value: '256000', new_value: null },
    ]);
    const unread = base();
    unread.bios = { ...unread.bios, ssn: '' };
    expect(inventoryChanges(before, snapshotOf(unread))).toEqual([]);
  });
});

import type { InventoryContent } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../../db/types.js';
import { factories } from '../../../test/factories.js';
import { buildTestApp, type TestApp } from '../../../test/test-app.js';
import { ingestInventory } from './ingest.js';
import { loadSnapshot } from './store.js';

const software = (count: number, version = '1.0') =>
  Array.from({ length: count }, (_, i) => ({
    name: `pkg-${String(i).padStart(4, '0')}`,
    version,
    publisher: 'Debian',
  }));

const full = (): InventoryContent => ({
  versionclient: 'ITSM-Agent_v0.1.0',
  hardware: { name: 'pc-compta-01', uuid: 'uuid-1', memory: 8192, lastloggeduser: 'hdubois' },
  operatingsystem: {
    full_name: 'Debian GNU/Linux 12 (bookworm)',
    version: '12',
    kernel_version: '6.1.0-26-amd64',
  },
  bios: { smanufacturer: 'Dell Inc.', smodel: 'OptiPlex 7090', ssn: 'B5RK4K2', bversion: '1.18.0' },
  cpus: [{ name: 'Intel(R) Core(TM) i5-10500', core: 6, thread: 12, speed: 3100 }],
  memories: [{ capacity: 8192, caption: 'DIMM1' }],
  storages: [{ name: 'nvme0n1', serial: 'S1', disksize: 256_000 }],
  drives: [{ volumn: '/', filesystem: 'ext4', total: 240_000, free: 120_000 }],
  networks: [{ description: 'eno1', mac: '10:7b:44:aa:bb:cc', ipaddress: '192.168.1.20', speed: 1000 }],
  softwares: software(2000),
});

describe('inventory ingestion', () => {
  let t: TestApp;
  let db: Kysely<DB>;
  let machine: number;
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString();

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.app.database.db;
    const structure = await factories(t.app).structure();
    ({ id: machine } = await db
      .insertInto('machines')
      .values({ hostname: 'new-machine', structure_id: structure.id })
      .returning('id')
      .executeTakeFirstOrThrow());
  });
  afterAll(() => t.close());

  const history = () =>
    db
      .selectFrom('machine_history')
      .select(['field', 'action', 'item', 'old_value', 'new_value', 'source'])
      .where('machine_id', '=', machine)
      .orderBy('id')
      .execute();

  it('stores a first full inventory (2,000 packages) without history, and reads it back as it came', async () => {
    expect(await ingestInventory(db, machine, full(), at(0))).toEqual([]);
    const stored = await db
      .selectFrom('machines')
      .selectAll()
      .where('id', '=', machine)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      hostname: 'pc-compta-01',
      serial: 'B5RK4K2',
      system_uuid: 'uuid-1',
      os_name: 'Debian GNU/Linux 12 (bookworm)',
      last_inventory_at: at(0),
    });
    const snapshot = await loadSnapshot(db, machine);
    expect(snapshot?.software).toHaveLength(2000);
    expect(snapshot?.system?.memory_mb).toBe(8192);
    expect(snapshot?.network?.[0]).toMatchObject({ mac: '10:7b:44:aa:bb:cc', ipv4: ['192.168.1.20'] });
    expect(await history()).toEqual([]);
  });

  it('turns a changed inventory into history lines from the agent', async () => {
    const changed = full();
    changed.hardware = { ...changed.hardware, memory: 16384 };
    changed.softwares = [...software(1999), { name: 'gimp', version: '2.10.34-1' }];
    changed.softwares[0] = { name: 'pkg-0000', version: '1.1' };
    await ingestInventory(db, machine, changed, at(5));
    expect(await history()).toEqual([
      {
        field: 'memory_mb',
        action: 'changed',
        item: null,
        old_value: '8192',
        new_value: '16384',
        source: 'agent',
      },
      {
        field: 'software',
        action: 'upgraded',
        item: 'pkg-0000',
        old_value: '1.0',
        new_value: '1.1',
        source: 'agent',
      },
      {
        field: 'software',
        action: 'added',
        item: 'gimp',
        old_value: null,
        new_value: '2.10.34-1',
        source: 'agent',
      },
      {
        field: 'software',
        action: 'removed',
        item: 'pkg-1999',
        old_value: '1.0',
        new_value: null,
        source: 'agent',
      },
    ]);
  });

  it('stores exactly the new software list, writing only its differences', async () => {
    const stored = async () =>
      (
        await db
          .selectFrom('machine_software')
          .select(['name', 'version', 'publisher', 'arch'])
          .where('machine_id', '=', machine)
          .execute()
      )
        .map((r) => JSON.stringify([r.name, r.version, r.publisher, r.arch]))
        .sort();
    const expected = (list: { name: string; version?: string; publisher?: string }[]) =>
      list.map((r) => JSON.stringify([r.name, r.version ?? null, r.publisher ?? null, null])).sort();
    const idsBefore = await db
      .selectFrom('machine_software')
      .select('id')
      .where('machine_id', '=', machine)
      .where('name', '=', 'pkg-0500')
      .execute();
    // Two versions of one package side by side, one without a version, one removed, one upgraded.
    const next = full();
    next.hardware = { ...next.hardware, memory: 16384 };
    const list = [
      ...software(1999).slice(1),
      { name: 'pkg-0000', version: '1.1' },
      { name: 'gimp', version: '2.10.34-1' },
      { name: 'linux-image', version: '6.1.0-25', publisher: 'Debian' },
      { name: 'linux-image', version: '6.1.0-26', publisher: 'Debian' },
      { name: 'no-version' },
    ];
    next.softwares = list;
    await ingestInventory(db, machine, next, at(7));
    expect(await stored()).toEqual(expected(list));
    // Unchanged rows keep their identity: nothing was rewritten.
    expect(
      await db
        .selectFrom('machine_software')
        .select('id')
        .where('machine_id', '=', machine)
        .where('name', '=', 'pkg-0500')
        .execute(),
    ).toEqual(idsBefore);
    // One kernel removed, the versionless one too.
    next.softwares = list.filter((s) => s.version !== '6.1.0-25' && s.name !== 'no-version');
    await ingestInventory(db, machine, next, at(8));
    expect(await stored()).toEqual(expected(next.softwares));
  });

  it('leaves the sections a partial inventory does not carry', async () => {
    await ingestInventory(
      db,
      machine,
      {
        versionclient: 'x',
        networks: [{ description: 'eno1', mac: '10:7b:44:aa:bb:cc', ipaddress: '10.0.0.9' }],
      },
      at(9),
    );
    const snapshot = await loadSnapshot(db, machine);
    expect(snapshot?.software).toHaveLength(2001);
    expect(snapshot?.system?.memory_mb).toBe(16384);
    expect(snapshot?.network?.[0]?.ipv4).toEqual(['10.0.0.9']);
    expect((await history()).at(-1)).toMatchObject({
      field: 'network.ipv4',
      old_value: '192.168.1.20',
      new_value: '10.0.0.9',
    });
  });
});

import type { MachineSnapshot, SystemFacts } from './snapshot.js';

// What changed between the stored inventory of a machine and an incoming one: each change becomes a
// line of the machine's history. Only the sections present in the incoming snapshot are compared
// (a partial inventory leaves the others as they are). Readings that move all the time (free space,
// uptime, who is logged in right now) are stored but never make history.

export type ChangeAction = 'changed' | 'added' | 'removed' | 'upgraded';

export type MachineChange = {
  /** `hostname`, `memory_mb`… for system facts; `software`, `network`, `disk`, `volume`, `memory_modules`, `graphics` for lists. */
  field: string;
  action: ChangeAction;
  /** The list item concerned (a software name, an interface, a disk), null for system facts. */
  item: string | null;
  old_value: string | null;
  new_value: string | null;
};

/** System facts that make history when they change, in the order they are reported. */
export const TRACKED_SYSTEM_FACTS = [
  'hostname',
  'domain',
  'os_name',
  'os_version',
  'os_kernel',
  'os_arch',
  'manufacturer',
  'model',
  'serial',
  'uuid',
  'bios_version',
  'cpu_model',
  'cpu_cores',
  'cpu_threads',
  'memory_mb',
  'last_user',
] as const satisfies readonly (keyof SystemFacts)[];

const show = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : Array.isArray(value)
      ? value.join(', ') || null
      : String(value);

function systemChanges(before: SystemFacts | undefined, after: SystemFacts): MachineChange[] {
  const changes: MachineChange[] = [];
  for (const field of TRACKED_SYSTEM_FACTS) {
    const old = before?.[field] ?? null;
    const now = after[field];
    // A fact the agent could not read this time is not a change: keep what we knew.
    if (now === null || old === now) continue;
    changes.push({ field, action: 'changed', item: null, old_value: show(old), new_value: show(now) });
  }
  return changes;
}

/**
 * Compares two lists item by item, matched by `key`. For each pair present on both sides,
 * `compare` lists the field-level differences.
 */
function listChanges<T>(
  field: string,
  before: readonly T[] | undefined,
  after: readonly T[],
  key: (item: T) => string,
  describe: (item: T) => string | null,
  compare: (old: T, now: T) => { what: string; old: unknown; now: unknown }[] = () => [],
): MachineChange[] {
  const changes: MachineChange[] = [];
  const old = new Map((before ?? []).map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  for (const [k, item] of now) {
    const previous = old.get(k);
    if (!previous) {
      changes.push({ field, action: 'added', item: k, old_value: null, new_value: describe(item) });
      continue;
    }
    for (const d of compare(previous, item))
      changes.push({
        field: `${field}.${d.what}`,
        action: 'changed',
        item: k,
        old_value: show(d.old),
        new_value: show(d.now),
      });
  }
  for (const [k, item] of old)
    if (!now.has(k))
      changes.push({ field, action: 'removed', item: k, old_value: describe(item), new_value: null });
  return changes;
}

const differs = (pairs: [string, unknown, unknown][]) =>
  pairs
    .filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b))
    .map(([what, old, now]) => ({ what, old, now }));

const sorted = (values: readonly string[]) => [...values].sort();

/**
 * Software by name: one version on each side that differ is an upgrade (or downgrade); several
 * versions of one name (kernels, runtimes) are compared version by version.
 */
function softwareChanges(
  before: MachineSnapshot['software'],
  after: NonNullable<MachineSnapshot['software']>,
): MachineChange[] {
  const versions = (list: MachineSnapshot['software']) => {
    const byName = new Map<string, Set<string>>();
    for (const s of list ?? []) {
      const set = byName.get(s.name) ?? new Set<string>();
      set.add(s.version ?? '');
      byName.set(s.name, set);
    }
    return byName;
  };
  const old = versions(before);
  const now = versions(after);
  const changes: MachineChange[] = [];
  const change = (action: ChangeAction, name: string, o: string | null, n: string | null) =>
    changes.push({ field: 'software', action, item: name, old_value: o || null, new_value: n || null });
  for (const [name, nowVersions] of now) {
    const oldVersions = old.get(name);
    if (!oldVersions) {
      for (const v of nowVersions) change('added', name, null, v);
      continue;
    }
    const gone = [...oldVersions].filter((v) => !nowVersions.has(v));
    const came = [...nowVersions].filter((v) => !oldVersions.has(v));
    if (gone.length === 1 && came.length === 1) change('upgraded', name, gone[0] ?? null, came[0] ?? null);
    else {
      for (const v of gone) change('removed', name, v, null);
      for (const v of came) change('added', name, null, v);
    }
  }
  for (const [name, oldVersions] of old)
    if (!now.has(name)) for (const v of oldVersions) change('removed', name, v, null);
  return changes;
}

/** Every change from `before` (null for a new machine: nothing to compare) to `after`. */
export function inventoryChanges(before: MachineSnapshot | null, after: MachineSnapshot): MachineChange[] {
  if (!before) return [];
  const changes: MachineChange[] = [];
  if (after.system) changes.push(...systemChanges(before.system, after.system));
  if (after.network)
    changes.push(
      ...listChanges(
        'network',
        before.network,
        after.network,
        (n) => n.mac ?? n.name,
        (n) => show([...n.ipv4, ...n.ipv6]) || n.mac,
        (o, n) =>
          differs([
            ['ipv4', sorted(o.ipv4), sorted(n.ipv4)],
            ['ipv6', sorted(o.ipv6), sorted(n.ipv6)],
            ['speed_mbps', o.speed_mbps, n.speed_mbps ?? o.speed_mbps], // unread is not a change
            ['name', o.name, n.name],
          ]),
      ),
    );
  if (after.software) changes.push(...softwareChanges(before.software, after.software));
  if (after.disks)
    changes.push(
      ...listChanges(
        'disk',
        before.disks,
        after.disks,
        (d) => d.serial ?? d.name,
        (d) => show(d.size_mb),
        (o, n) => differs([['size_mb', o.size_mb, n.size_mb]]),
      ),
    );
  if (after.volumes)
    changes.push(
      ...listChanges(
        'volume',
        before.volumes,
        after.volumes,
        (v) => v.mount,
        (v) => show(v.total_mb),
        (o, n) =>
          differs([
            ['total_mb', o.total_mb, n.total_mb],
            ['filesystem', o.filesystem, n.filesystem],
          ]),
      ),
    );
  if (after.memory_modules) {
    // Modules are anonymous (slot names repeat or are missing): compare the multiset of sizes.
    const sizes = (list: MachineSnapshot['memory_modules']) =>
      (list ?? []).map((m) => show(m.capacity_mb) ?? '?').sort();
    const o = sizes(before.memory_modules);
    const n = sizes(after.memory_modules);
    if (before.memory_modules && o.join() !== n.join())
      changes.push({
        field: 'memory_modules',
        action: 'changed',
        item: null,
        old_value: o.join(', '),
        new_value: n.join(', '),
      });
  }
  if (after.graphics)
    changes.push(
      ...listChanges(
        'graphics',
        before.graphics,
        after.graphics,
        (g) => g.name,
        (g) => show(g.memory_mb),
      ),
    );
  return changes;
}

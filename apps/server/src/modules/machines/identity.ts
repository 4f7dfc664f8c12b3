// Whether an enrolling agent runs on a machine we already know: re-enrolling the same hardware
// (reinstalled agent, new disk image) reuses the machine instead of adding a duplicate. Facts are
// compared after placeholders are dropped (inventory/snapshot.ts), so vendor junk never matches.

export type HardwareIdentity = { uuid: string | null; serial: string | null; macs: readonly string[] };
export type KnownMachine = HardwareIdentity & { id: number };

/** Two known facts that differ: the machines cannot be the same. */
const conflicts = (a: string | null, b: string | null) => a !== null && b !== null && a !== b;
const equal = (a: string | null, b: string | null) => a !== null && a === b;

/**
 * The known machine this hardware is, or null. By strength: the same UUID and serial, then the same
 * UUID, then the same serial, then a shared network card — each only when no known fact disagrees
 * (a cloned VM keeps its MACs but gets a new UUID: a new machine).
 */
export function sameMachine(identity: HardwareIdentity, known: readonly KnownMachine[]): number | null {
  const compatible = known.filter(
    (m) => !conflicts(m.uuid, identity.uuid) && !conflicts(m.serial, identity.serial),
  );
  const macs = new Set(identity.macs);
  const strength = (m: KnownMachine) => {
    const uuid = equal(m.uuid, identity.uuid);
    const serial = equal(m.serial, identity.serial);
    if (uuid && serial) return 4;
    if (uuid) return 3;
    if (serial) return 2;
    return m.macs.some((mac) => macs.has(mac)) ? 1 : 0;
  };
  const best = compatible
    .map((m) => ({ id: m.id, strength: strength(m) }))
    .filter((m) => m.strength > 0)
    .sort((a, b) => b.strength - a.strength || a.id - b.id)[0];
  return best?.id ?? null;
}

import type { InventoryContent } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../../db/transaction.js';
import type { DB } from '../../../db/types.js';
import { inventoryChanges, type MachineChange } from './diff.js';
import { snapshotOf } from './snapshot.js';
import { loadSnapshot, saveSnapshot } from './store.js';

/**
 * Stores an incoming inventory of a machine in one transaction: compared with the stored one,
 * each change becomes a history line; the sections it carries replace the stored ones.
 */
export function ingestInventory(
  db: Kysely<DB>,
  machineId: number,
  content: InventoryContent,
  at: string,
): Promise<MachineChange[]> {
  return inTransaction(db, (trx) => storeInventory(trx, machineId, content, at));
}

/** The same, inside the caller's transaction. */
export async function storeInventory(
  trx: Kysely<DB>,
  machineId: number,
  content: InventoryContent,
  at: string,
): Promise<MachineChange[]> {
  const after = snapshotOf(content);
  const before = await loadSnapshot(trx, machineId, {
    network: after.network !== undefined,
    software: after.software !== undefined,
  });
  const changes = inventoryChanges(before, after);
  await saveSnapshot(trx, machineId, after, changes, at, before);
  return changes;
}

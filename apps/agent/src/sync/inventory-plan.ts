import { changedSections, type SectionName } from '../inventory/section-hashes.js';

export type InventoryPlan =
  | { kind: 'full' }
  | { kind: 'partial'; sections: SectionName[] }
  | { kind: 'skip' };

/**
 * What to send after a collection: everything when a full inventory is due (daily, or asked for),
 * else only the sections whose hash differs from what the server acknowledged; nothing when no
 * section changed.
 */
export function planInventory(options: {
  hashes: Partial<Record<SectionName, string>>;
  sentHashes: Record<string, string>;
  lastFullAt: string | null;
  fullEveryHours: number;
  now: Date;
  forceFull?: boolean;
}): InventoryPlan {
  const { lastFullAt, now } = options;
  const fullDue =
    options.forceFull ||
    lastFullAt === null ||
    now.getTime() - Date.parse(lastFullAt) >= options.fullEveryHours * 3_600_000;
  if (fullDue) return { kind: 'full' };
  const sections = changedSections(options.hashes, options.sentHashes);
  return sections.length === 0 ? { kind: 'skip' } : { kind: 'partial', sections };
}

import { createHash } from 'node:crypto';
import type { InventoryContent, InventoryDocument } from './types.js';

export type SectionName = Exclude<keyof InventoryContent, 'versionclient'>;

/** JSON with object keys sorted at every level, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** sha256 (hex) of each content section's canonical JSON; the sync step sends the sections whose hash changed. */
export function sectionHashes(doc: InventoryDocument): Partial<Record<SectionName, string>> {
  const hashes: Partial<Record<SectionName, string>> = {};
  for (const [key, value] of Object.entries(doc.content)) {
    if (key === 'versionclient' || value === undefined) continue;
    hashes[key as SectionName] = createHash('sha256').update(canonicalJson(value)).digest('hex');
  }
  return hashes;
}

/** The sections whose hash differs from (or is missing in) the previous hashes. */
export function changedSections(
  current: Partial<Record<SectionName, string>>,
  previous: Partial<Record<SectionName, string>>,
): SectionName[] {
  return (Object.keys(current) as SectionName[]).filter((name) => current[name] !== previous[name]);
}

/** A GLPI partial inventory holding only the given sections. */
export function partialDocument(doc: InventoryDocument, sections: readonly SectionName[]): InventoryDocument {
  const content: InventoryContent = { versionclient: doc.content.versionclient };
  for (const name of sections) {
    if (doc.content[name] !== undefined) Object.assign(content, { [name]: doc.content[name] });
  }
  return { ...doc, partial: true, content };
}

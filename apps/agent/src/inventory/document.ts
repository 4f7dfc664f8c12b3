import { AGENT_VERSION } from '../version.js';
import type { ContentPart, InventoryContent, InventoryDocument } from './types.js';

export const VERSION_CLIENT = `ITSM-Agent_v${AGENT_VERSION}`;

/**
 * GLPI agents name a device `<hostname>-YYYY-MM-DD-HH-MM-SS` once, at their first run, and keep it;
 * whoever persists the agent's state stores this value and passes it back.
 */
export function makeDeviceId(hostname: string, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = [
    date.getFullYear(),
    pad(date.getMonth() + 1),
    pad(date.getDate()),
    pad(date.getHours()),
    pad(date.getMinutes()),
    pad(date.getSeconds()),
  ].join('-');
  return `${hostname.split('.')[0] || 'unknown'}-${stamp}`;
}

/** Merges collectors' parts: object sections (hardware, itsm) field by field, lists whole. */
export function mergeParts(parts: ContentPart[]): ContentPart {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const previous = merged[key];
      merged[key] = isPlainObject(previous) && isPlainObject(value) ? { ...previous, ...value } : value;
    }
  }
  return merged as ContentPart;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function buildInventoryDocument(
  parts: ContentPart[],
  options: { deviceId: string; versionClient?: string },
): InventoryDocument {
  const content: InventoryContent = {
    versionclient: options.versionClient ?? VERSION_CLIENT,
    ...mergeParts(parts),
  };
  return { action: 'inventory', itemtype: 'Computer', deviceid: options.deviceId, content };
}

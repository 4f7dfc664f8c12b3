// Values firmware and vendors report when a field was left blank (unset SMBIOS strings, default
// UUIDs): they identify nothing. Shared by the agent, which leaves them out of its documents, and the
// server, which never takes them as facts from any agent. Kept free of zod: the agent loads it alone.

const PLACEHOLDERS = new Set([
  '',
  '-',
  '0',
  'none',
  'n/a',
  'na',
  'oem',
  'unknown',
  'default string',
  'not specified',
  'not available',
  'not applicable',
  'system serial number',
  'system product name',
  'system manufacturer',
  'to be filled by o.e.m.',
  'to be filled by oem',
  'chassis serial number',
  'base board serial number',
  '123456789',
  '0123456789',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '03000200-0400-0500-0006-000700080009',
]);

/** Whether a reported value (trimmed, any case) is a blank-field placeholder. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDERS.has(value.trim().toLowerCase());
}

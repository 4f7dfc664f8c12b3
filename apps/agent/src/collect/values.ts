import { isPlaceholder } from '@itsm/contracts/placeholders';

// Small conversions shared by the collectors.

/** A trimmed string, or undefined for empty values and firmware placeholders. */
export function clean(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text || isPlaceholder(text)) return undefined;
  return text;
}

const MB = 1024 * 1024;

/** Bytes to whole MB as the format wants, undefined when unknown or zero. */
export function bytesToMb(bytes: number | null | undefined): number | undefined {
  if (!bytes || !Number.isFinite(bytes) || bytes <= 0) return undefined;
  return Math.round(bytes / MB);
}

/** Drops the keys whose value is undefined, so documents and their hashes stay canonical. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` in local time, as GLPI agents write dates. */
export function formatDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `YYYY-MM-DD HH:MM:SS` in local time, as GLPI agents write date-times. */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Maps Node's architecture names to the ones the format accepts. */
export function glpiArch(arch: string): string | undefined {
  const known: Record<string, string> = {
    x64: 'x86_64',
    x86_64: 'x86_64',
    amd64: 'x86_64',
    ia32: 'i686',
    x86: 'i686',
    arm64: 'aarch64',
    aarch64: 'aarch64',
    arm: 'arm',
    ppc64: 'powerpc64',
    mips: 'mips',
  };
  return known[arch.toLowerCase()];
}

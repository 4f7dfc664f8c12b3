import type { ContentPart, SoftwareItem } from '../inventory/types.js';
import type { CollectContext } from './context.js';
import { DPKG_QUERY_ARGS, parseDpkgQuery } from './software/dpkg.js';
import { parseSystemProfilerApplications, SYSTEM_PROFILER_ARGS } from './software/macos-applications.js';
import { parseRpmQuery, RPM_QUERY_ARGS } from './software/rpm.js';
import { parseRegUninstall, regQueryArgs, UNINSTALL_KEYS } from './software/windows-registry.js';

/** Installed software from the platform's own package database (systeminformation has none). */
export async function collectSoftware(ctx: CollectContext): Promise<ContentPart> {
  return { softwares: sortSoftware(await readSoftware(ctx)) };
}

async function readSoftware(ctx: CollectContext): Promise<SoftwareItem[]> {
  switch (ctx.platform) {
    case 'linux': {
      // A machine may carry both tools; a missing one answers null.
      const [deb, rpm] = await Promise.all([
        ctx.run('dpkg-query', DPKG_QUERY_ARGS),
        ctx.run('rpm', RPM_QUERY_ARGS),
      ]);
      return [...(deb ? parseDpkgQuery(deb) : []), ...(rpm ? parseRpmQuery(rpm) : [])];
    }
    case 'win32': {
      const outputs = await Promise.all(UNINSTALL_KEYS.map((key) => ctx.run('reg', regQueryArgs(key))));
      return dedupe(outputs.flatMap((out) => (out ? parseRegUninstall(out) : [])));
    }
    case 'darwin': {
      const out = await ctx.run('system_profiler', SYSTEM_PROFILER_ARGS);
      return out ? parseSystemProfilerApplications(out) : [];
    }
    default:
      return [];
  }
}

// A per-user install of a program also installed machine-wide appears twice in the registry.
function dedupe(items: SoftwareItem[]): SoftwareItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.name}\0${item.version ?? ''}\0${item.arch ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A stable order, so that the section's hash changes only when the software does. */
export function sortSoftware(items: SoftwareItem[]): SoftwareItem[] {
  const key = (i: SoftwareItem) => `${i.name}\0${i.arch ?? ''}\0${i.version ?? ''}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

import type { SoftwareItem } from '../../inventory/types.js';
import { clean, compact, formatDate } from '../values.js';

export const SYSTEM_PROFILER_ARGS = ['SPApplicationsDataType', '-json'] as const;

type Application = {
  _name?: string;
  version?: string;
  obtained_from?: string;
  lastModified?: string;
  path?: string;
  signed_by?: string[];
  info?: string;
  arch_kind?: string;
};

const ARCHES: Record<string, string> = {
  arch_arm: 'aarch64',
  arch_arm_i64: 'aarch64',
  arch_i64: 'x86_64',
  arch_ios: 'aarch64',
};

/** Parses `system_profiler SPApplicationsDataType -json`. */
export function parseSystemProfilerApplications(output: string): SoftwareItem[] {
  let apps: Application[];
  try {
    apps = (JSON.parse(output) as { SPApplicationsDataType?: Application[] }).SPApplicationsDataType ?? [];
  } catch {
    return [];
  }
  return apps.flatMap((app) => {
    const name = clean(app._name);
    if (!name) return [];
    const modified = app.lastModified ? new Date(app.lastModified) : undefined;
    return [
      compact({
        name,
        version: clean(app.version),
        publisher: publisher(app),
        arch: app.arch_kind ? ARCHES[app.arch_kind] : undefined,
        comments: clean(app.info),
        folder: clean(app.path),
        install_date: modified && !Number.isNaN(modified.getTime()) ? formatDate(modified) : undefined,
        system_category: clean(app.obtained_from),
        from: 'system_profiler',
      }),
    ];
  });
}

/** "Developer ID Application: Google LLC (EQHXZ8M8AV)" → "Google LLC"; Apple's own apps → "Apple". */
function publisher(app: Application): string | undefined {
  if (app.obtained_from === 'apple') return 'Apple';
  const signer = app.signed_by?.[0];
  const match = signer?.match(
    /^(?:Developer ID Application|Apple Mac OS Application Signing|Apple Development): (.+?)(?: \([A-Z0-9]+\))?$/,
  );
  if (match?.[1]) return match[1];
  return app.obtained_from === 'mac_app_store' ? undefined : clean(signer);
}

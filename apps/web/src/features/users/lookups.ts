import type { Group, Page, Site, Structure, User } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

// Reference lists for selects and name look-ups in the administration pages (users, groups, sites).
// One page of 200 is the API's maximum, and far more than an organisation's structures or sites.
const LOOKUP_SIZE = 200;

export const lookupKeys = {
  structures: ['lookup', 'structures'] as const,
  sites: ['lookup', 'sites'] as const,
  groups: ['lookup', 'groups'] as const,
};

export function useStructures() {
  return useQuery({
    queryKey: lookupKeys.structures,
    queryFn: () => api<Page<Structure>>('GET', '/structures', undefined, { page_size: LOOKUP_SIZE }),
    select: (page) => page.results,
    staleTime: 60_000,
  });
}

export function useSites() {
  return useQuery({
    queryKey: lookupKeys.sites,
    queryFn: () => api<Page<Site>>('GET', '/sites', undefined, { page_size: LOOKUP_SIZE }),
    select: (page) => page.results,
    staleTime: 60_000,
  });
}

export function useGroups() {
  return useQuery({
    queryKey: lookupKeys.groups,
    queryFn: () => api<Page<Group>>('GET', '/groups', undefined, { page_size: LOOKUP_SIZE }),
    select: (page) => page.results,
    staleTime: 60_000,
  });
}

export function useUser(id: number | null | undefined) {
  return useQuery({
    queryKey: ['users', 'one', id],
    queryFn: () => api<User>('GET', `/users/${id}`),
    enabled: typeof id === 'number',
    staleTime: 60_000,
  });
}

/** Structures in tree order (parents before their children, siblings by name), with their depth. */
export function structureTree(structures: readonly Structure[]): Array<Structure & { depth: number }> {
  const byParent = new Map<number | null, Structure[]>();
  const ids = new Set(structures.map((s) => s.id));
  for (const s of structures) {
    // A parent the caller may not see: the structure is shown as a root.
    const parent = s.parent !== null && ids.has(s.parent) ? s.parent : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), s]);
  }
  const out: Array<Structure & { depth: number }> = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    const children = [...(byParent.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push({ ...child, depth });
      walk(child.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Options of a native select: indented by depth (native options cannot be styled). */
export function structureOptions(structures: readonly Structure[] | undefined) {
  return structureTree(structures ?? []).map((s) => ({
    value: String(s.id),
    label: `${'\u00a0\u00a0\u00a0'.repeat(s.depth)}${s.depth > 0 ? '└ ' : ''}${s.name}`,
  }));
}

/** id → name, for tables that show a structure, a site or a group by name. */
export function namesById(items: ReadonlyArray<{ id: number; name: string }> | undefined) {
  return new Map((items ?? []).map((item) => [item.id, item.name]));
}

export const fullName = (u: { first_name: string; last_name: string }) =>
  `${u.first_name} ${u.last_name}`.trim();

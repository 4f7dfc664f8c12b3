import type { AuditEntry, Page } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { lookupQuery, namesById } from '../../lib/lookups';
import { userLabel } from '../../lib/user-names';
import { useUsersById } from './journal-filters';

type Kind = 'structure' | 'site' | 'group' | 'user';

/** Changed fields whose values are ids of other objects. */
export const REFERENCE_FIELDS: Record<string, Kind> = {
  parent: 'structure',
  structure: 'structure',
  site: 'site',
  groups: 'group',
  manager: 'user',
  user: 'user',
  members: 'user',
};

const ids = (value: unknown): number[] =>
  typeof value === 'number'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v) => typeof v === 'number')
      : [];

// The reference lists of the administration pages (one cache for all), as id → name.
function useNames(kind: 'structures' | 'sites' | 'groups', on: boolean) {
  return useQuery({
    ...lookupQuery(kind),
    select: (page: Page<{ id: number; name: string }>) => namesById(page.results),
    enabled: on,
  });
}

/**
 * Names for the ids an audit entry's changes carry (a parent, a structure, members…), so that the diff
 * reads "Filiale Bruxelles #5" rather than "5". Objects deleted since keep their bare id.
 */
export function useReferenceDisplay(entry: AuditEntry | null): (field: string, value: unknown) => unknown {
  const wanted = new Set<Kind>();
  const userIds: number[] = [];
  for (const [field, change] of Object.entries(entry?.changes ?? {})) {
    const kind = REFERENCE_FIELDS[field];
    if (!kind) continue;
    wanted.add(kind);
    if (kind === 'user') userIds.push(...ids(change?.before), ...ids(change?.after));
  }
  const structures = useNames('structures', wanted.has('structure'));
  const sites = useNames('sites', wanted.has('site'));
  const groups = useNames('groups', wanted.has('group'));
  const users = useUsersById(userIds);

  const nameOf = (kind: Kind, id: number): string | undefined => {
    if (kind === 'structure') return structures.data?.get(id);
    if (kind === 'site') return sites.data?.get(id);
    if (kind === 'group') return groups.data?.get(id);
    const user = users.get(id);
    return user ? `${userLabel(user)} (${user.username})` : undefined;
  };

  return (field, value) => {
    const kind = REFERENCE_FIELDS[field];
    if (!kind) return value;
    const show = (id: number) => {
      const name = nameOf(kind, id);
      return name ? `${name} #${id}` : `#${id}`;
    };
    if (typeof value === 'number') return show(value);
    if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
      return value.length === 0 ? null : value.map(show).join('\n');
    }
    return value;
  };
}

/** Helpers shared by the login journal and the audit log: request, values, labels. */

/** A local calendar day (`YYYY-MM-DD`) → the ISO instant of its first or last millisecond. */
export function dayBound(day: string | undefined, end: 'start' | 'end'): string | undefined {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const instant =
    end === 'start' ? new Date(year, month, date, 0, 0, 0, 0) : new Date(year, month, date, 23, 59, 59, 999);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** A journal's request: its page and ordering, the search, and the days chosen as ISO bounds. */
export function journalQuery(
  list: { page: number; page_size: number; ordering: string | undefined },
  search: { search?: string; from?: string; to?: string },
) {
  return {
    ...list,
    search: search.search,
    created_at__gte: dayBound(search.from, 'start'),
    created_at__lte: dayBound(search.to, 'end'),
  };
}

/** A changed value as text: null and undefined are "—", strings as they are, the rest as indented JSON. */
export function formatValue(value: unknown): { text: string; empty: boolean; block: boolean } {
  if (value === null || value === undefined || value === '') return { text: '—', empty: true, block: false };
  if (typeof value === 'string') return { text: value, empty: false, block: value.includes('\n') };
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { text: String(value), empty: false, block: false };
  }
  const text = JSON.stringify(value, null, 2);
  return { text, empty: false, block: text.includes('\n') };
}

/** The server's `{field: {before, after}}` as rows, in a stable (alphabetical) order. */
export function changeRows(
  changes: Record<string, { before: unknown; after: unknown }> | null | undefined,
): { field: string; before: unknown; after: unknown }[] {
  if (!changes) return [];
  return Object.entries(changes)
    .map(([field, change]) => ({ field, before: change?.before ?? null, after: change?.after ?? null }))
    .sort((a, b) => a.field.localeCompare(b.field));
}

/** Every audited action the server writes today; others are shown as they come. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.locked',
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.deleted',
  'user.password_reset',
  'user.password_changed',
  'user.email_changed',
  'user.profile_updated',
  'user.sessions_ended',
  'user.invitation_accepted',
  'user.password_reset_requested',
  'user.password_reset_completed',
  'mfa.enabled',
  'mfa.disabled',
  'mfa.reset',
  'mfa.recovery_codes_regenerated',
  'token.created',
  'token.revoked',
  'structure.created',
  'structure.updated',
  'structure.deleted',
  'site.created',
  'site.updated',
  'site.deleted',
  'group.created',
  'group.updated',
  'group.deleted',
  'group.member_added',
  'group.member_removed',
  'settings.security_updated',
] as const;

export const TARGET_TYPES = [
  'user',
  'account',
  'structure',
  'site',
  'group',
  'api_token',
  'settings',
] as const;

export const FAILURE_REASONS = [
  'unknown_user',
  'bad_password',
  'inactive',
  'no_password',
  'locked',
  'bad_otp',
  'mfa_missing',
] as const;

export const LOGIN_METHODS = ['session', 'token', 'mfa'] as const;

/** `auth.login` → `auth_login`: i18next reads dots as nesting. */
export const actionKey = (action: string) => action.replace(/\./g, '_');

import type { UserRef } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/ui/select-field';
import { UserPicker } from '../../components/ui/user-picker';
import { api } from '../../lib/api';
import { useGroups } from '../../lib/lookups';
import { fullName } from '../../lib/user-names';

export const groupMembersQuery = (group: number) => ({
  queryKey: ['groups', 'members', group],
  queryFn: () => api<UserRef[]>('GET', `/groups/${group}/members`),
  staleTime: 60_000,
});

/** The group of a ticket: the groups the caller may see, or none. */
export function GroupField({
  value,
  onChange,
  emptyLabel,
  currentName,
  error,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  emptyLabel: string;
  /** The name of the group already there, which the caller may not see in his list. */
  currentName?: string | null;
  error?: string;
}) {
  const { t } = useTranslation('tickets');
  const groups = useGroups();
  const options = (groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name }));
  if (value !== null && groups.data && !options.some((o) => o.value === String(value))) {
    options.unshift({ value: String(value), label: currentName ?? `#${value}` });
  }
  return (
    <SelectField
      label={t('fields.group')}
      value={value === null ? '' : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      options={options}
      emptyLabel={emptyLabel}
      error={error}
    />
  );
}

/**
 * The assignee: one of the group's members when a group is chosen (the usual case), else anyone
 * found by name.
 */
export function AssigneeField({
  group,
  value,
  onChange,
  emptyLabel,
  currentName,
  error,
}: {
  group: number | null;
  value: number | null;
  onChange: (value: number | null) => void;
  emptyLabel: string;
  /** The name of the assignee already there (he may not be a member of the group). */
  currentName?: string | null;
  error?: string;
}) {
  const { t } = useTranslation('tickets');
  const groups = useGroups();
  // A group out of the caller's sight has no member list for him: search anyone instead.
  const visible = group !== null && (groups.data ?? []).some((g) => g.id === group);
  const members = useQuery({ ...groupMembersQuery(group ?? 0), enabled: visible });
  if (!visible || members.isError) {
    return (
      <UserPicker
        label={t('fields.assignee')}
        value={value}
        onChange={onChange}
        clearable
        placeholder={emptyLabel}
        error={error}
      />
    );
  }
  const options = (members.data ?? []).map((m) => ({
    value: String(m.id),
    label: fullName(m) || m.username,
  }));
  // Someone outside the group already assigned stays visible.
  if (value !== null && !options.some((o) => o.value === String(value))) {
    options.unshift({ value: String(value), label: currentName ?? t('fields.currentAssignee') });
  }
  return (
    <SelectField
      label={t('fields.assignee')}
      value={value === null ? '' : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      options={options}
      emptyLabel={members.isLoading ? t('states.loadingMembers') : emptyLabel}
      error={error}
    />
  );
}

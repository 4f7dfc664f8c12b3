import type { Group, UserRef } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';

import { FormError } from '../../components/ui/form-error';
import { ItemDialog } from '../../components/ui/item-dialog';
import { EmptyState, ErrorState, errorMessage, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { UserPicker } from '../../components/ui/user-picker';
import { api } from '../../lib/api';
import { useRefresh } from '../../lib/use-refresh';
import { fullName } from '../../lib/user-names';

type Props = { group: Group | null; onClose: () => void };

/** Who is in a group: add someone (search by name), remove someone. */
export function GroupMembersDialog({ group, onClose }: Props) {
  const { t } = useTranslation('groups');
  return (
    <ItemDialog item={group} onClose={onClose} size="lg" title={(g) => t('members.title', { name: g.name })}>
      {(g) => <Members group={g} onClose={onClose} />}
    </ItemDialog>
  );
}

function Members({ group, onClose }: { group: Group; onClose: () => void }) {
  const { t } = useTranslation('groups');
  const { t: ts } = useTranslation('shell');
  const refreshAll = useRefresh();
  const [candidate, setCandidate] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const members = useQuery({
    queryKey: ['groups', 'members', group.id],
    queryFn: () => api<UserRef[]>('GET', `/groups/${group.id}/members`),
  });

  const refresh = () => refreshAll('groups', 'users', 'lookup');

  async function add() {
    if (candidate === null) return;
    setAdding(true);
    setError(null);
    try {
      await api('POST', `/groups/${group.id}/members`, { user: candidate });
      notify(t('toast.memberAdded'));
      setCandidate(null);
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setAdding(false);
    }
  }

  async function remove(member: UserRef) {
    setRemoving(member.id);
    setError(null);
    try {
      await api('DELETE', `/groups/${group.id}/members/${member.id}`);
      notify(t('toast.memberRemoved', { name: fullName(member) }));
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRemoving(null);
    }
  }

  const list = members.data ?? [];

  return (
    <div className="flex flex-col gap-5">
      <form
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <UserPicker
          label={t('members.add')}
          value={candidate}
          onChange={setCandidate}
          excludeIds={list.map((m) => m.id)}
          clearable
          className="flex-1"
        />
        <Button type="submit" isDisabled={candidate === null} isPending={adding}>
          {t('members.addButton')}
        </Button>
      </form>
      <FormError>{error}</FormError>
      <section aria-labelledby="members-heading" className="flex flex-col gap-2">
        <h3
          id="members-heading"
          className="text-xs font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400"
        >
          {t('members.count', { count: list.length })}
        </h3>
        {members.isLoading ? (
          <Spinner />
        ) : members.error ? (
          <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState title={t('members.empty')}>{t('members.emptyHint')}</EmptyState>
        ) : (
          <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {list.map((member) => (
              <li key={member.id} className="flex items-center justify-between gap-3 px-4 py-2.5">
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900 dark:text-white">
                    {fullName(member)}
                  </p>
                  <p className="truncate text-xs text-slate-500 dark:text-slate-400">
                    {member.username} · {member.email}
                  </p>
                </div>
                <Button
                  variant="ghost"
                  className="shrink-0 text-rose-700 dark:text-rose-400"
                  aria-label={t('members.removeLabel', { name: fullName(member) })}
                  isPending={removing === member.id}
                  onPress={() => void remove(member)}
                >
                  {t('members.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="flex justify-end">
        <Button variant="secondary" onPress={onClose}>
          {ts('actions.close')}
        </Button>
      </div>
    </div>
  );
}

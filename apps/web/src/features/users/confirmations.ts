import type { User } from '@itsm/contracts';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { fullName } from '../../lib/user-names';

/** The row actions of the users list that ask "are you sure?" first. */
export type Confirmation = { kind: 'deactivate' | 'reactivate' | 'sessions' | 'mfa' | 'delete'; user: User };

type Kind = Confirmation['kind'];

// Each action: its request, the menu label it repeats, whether it destroys something, its toast.
const ACTIONS: Record<
  Kind,
  {
    request: (user: User) => Promise<unknown>;
    label: 'deactivate' | 'reactivate' | 'endSessions' | 'disableMfa' | null;
    danger: boolean;
    toast: 'deactivated' | 'reactivated' | 'sessionsEnded' | 'mfaDisabled' | 'deleted';
  }
> = {
  deactivate: {
    request: (user) => api('PATCH', `/users/${user.id}`, { is_active: false }),
    label: 'deactivate',
    danger: true,
    toast: 'deactivated',
  },
  reactivate: {
    request: (user) => api('PATCH', `/users/${user.id}`, { is_active: true }),
    label: 'reactivate',
    danger: false,
    toast: 'reactivated',
  },
  sessions: {
    request: (user) => api('DELETE', `/users/${user.id}/sessions`),
    label: 'endSessions',
    danger: false,
    toast: 'sessionsEnded',
  },
  mfa: {
    request: (user) => api('DELETE', `/users/${user.id}/mfa`),
    label: 'disableMfa',
    danger: true,
    toast: 'mfaDisabled',
  },
  // Labelled with the shell's "Delete".
  delete: {
    request: (user) => api('DELETE', `/users/${user.id}`),
    label: null,
    danger: true,
    toast: 'deleted',
  },
};

/** The texts and the request of a confirmation, in the user's language; null when none is asked. */
export function useConfirmation(confirming: Confirmation | null) {
  const { t } = useTranslation('users');
  const { t: ts } = useTranslation('shell');
  if (!confirming) return null;
  const { kind, user } = confirming;
  const action = ACTIONS[kind];
  const name = fullName(user);
  return {
    title: t(`confirm.${kind}.title`, { name }),
    body:
      kind === 'delete' ? t('confirm.delete.body', { username: user.username }) : t(`confirm.${kind}.body`),
    label: action.label ? t(`actions.${action.label}`) : ts('actions.delete'),
    tone: action.danger ? ('danger' as const) : ('primary' as const),
    run: () => action.request(user),
    done: t(`toast.${action.toast}`, { name }),
  };
}

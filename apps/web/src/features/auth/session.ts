import type { Me } from '@itsm/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../lib/api';

/** The signed-in user, or null when nobody is. Every page reads it through this one query. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    // /auth/session answers 200 with null for nobody: no 401 in the console on every visit.
    const { user } = await api<{ user: Me | null }>('GET', '/auth/session');
    setCsrfToken(user?.csrf_token ?? null);
    return user;
  },
  staleTime: 60_000,
  retry: false,
});

export function useMe(): Me {
  const { data } = useQuery(meQuery);
  // Routes under the shell load it before rendering; reaching here without it is a bug.
  if (!data) throw new Error('useMe() outside a signed-in page');
  return data;
}

export const isAdmin = (me: Pick<Me, 'role'>) => me.role === 'admin';

const signedInKey = 'itsm.signed-in';

/** Remembers, for this tab, that someone signed in, so that a later visit without a session can say it expired. */
export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) sessionStorage.setItem(signedInKey, '1');
    else sessionStorage.removeItem(signedInKey);
  } catch {
    // without storage, an expired session just looks like a first visit
  }
}

/** True once after a session of this tab ended without signing out (timeout, ended elsewhere). */
export function sessionEndedUnexpectedly(): boolean {
  try {
    const was = sessionStorage.getItem(signedInKey) === '1';
    sessionStorage.removeItem(signedInKey);
    return was;
  } catch {
    return false;
  }
}

import { type QueryKey, useQueryClient } from '@tanstack/react-query';

/**
 * Refetches what a change made stale, by key prefix (`'users'` is every query of the users pages,
 * `['lookup', 'structures']` one reference list); resolves when all are fresh.
 */
export function useRefresh() {
  const queryClient = useQueryClient();
  return async (...keys: (string | QueryKey)[]) => {
    await Promise.all(
      keys.map((key) => queryClient.invalidateQueries({ queryKey: typeof key === 'string' ? [key] : key })),
    );
  };
}

import type { FieldMessages } from '../../components/ui/server-errors';
import { i18n } from '../../i18n';
import { useRefresh } from '../../lib/use-refresh';
/** Everything that shows structures: the tree, the lookups of other pages, the dashboard counts. */
export function useRefreshStructures() {
  const refresh = useRefresh();
  return () => refresh('structures', ['lookup', 'structures'], 'count');
}

/** The structures' wording of the server's field problems (a parent under itself, or gone). */
export const structureFieldMessages: FieldMessages = (problem) => {
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  if (problem.field === 'parent' && problem.code === 'cycle') return t('structures:errors.cycle');
  if (problem.field === 'parent' && problem.message === 'No such structure')
    return t('structures:errors.noParent');
  return undefined;
};

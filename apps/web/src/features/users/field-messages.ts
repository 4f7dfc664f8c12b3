import type { FieldMessages } from '../../components/ui/server-errors';
import { i18n } from '../../i18n';

// Password policy reasons the server gives (field `password`), translated here.
const PASSWORD_CODES = new Set(['too_short', 'too_long', 'common', 'personal']);

/** The users pages' wording of the server's field problems (password policy, a vanished choice…). */
export const userFieldMessages: FieldMessages = (problem) => {
  const t = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;
  if (problem.field === 'password' && PASSWORD_CODES.has(problem.code))
    return t(`fieldErrors.passwordPolicy.${problem.code}`, { ns: 'users' });
  if (problem.code === 'not_found') return t('fieldErrors.notFound', { ns: 'users' });
  if (problem.field === 'structure' && problem.code === 'required')
    return t('fieldErrors.structure', { ns: 'users' });
  return undefined;
};

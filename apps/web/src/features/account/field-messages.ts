import type { FieldMessages } from '../../components/ui/server-errors';
import { i18n } from '../../i18n';

/** The account pages' wording of the server's field problems, by their code (wrong password, policy…). */
export const accountFieldMessages: FieldMessages = (problem) => {
  const key = `fieldErrors.${problem.code}`;
  return i18n.exists(key, { ns: 'account' })
    ? (i18n.t as unknown as (k: string, o: object) => string)(key, { ns: 'account' })
    : undefined;
};

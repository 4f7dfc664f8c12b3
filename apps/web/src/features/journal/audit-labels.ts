import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { actionKey } from './journal-format';

/** Translated labels of audit actions, target types and changed fields; unknown ones as they come. */
export function useAuditLabels() {
  const { t, i18n } = useTranslation('journal');
  const language = i18n.resolvedLanguage;
  return useMemo(() => {
    // Keys come from the server at run time: looked up loosely, with the raw text as fallback.
    const lookup = (key: string, fallback: string) =>
      i18n.exists(key, { ns: 'journal', lng: language })
        ? (t as unknown as (k: string) => string)(key)
        : fallback;
    return {
      actionLabel: (action: string) => lookup(`actions.${actionKey(action)}`, action),
      targetTypeLabel: (type: string) => lookup(`targets.${type}`, type),
      fieldLabel: (field: string) => lookup(`fields.${field}`, field),
    };
  }, [t, i18n, language]);
}

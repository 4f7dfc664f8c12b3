import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowRightIcon } from '../../components/icons';
import { Checkbox } from '../../components/ui/checkbox';
import { ErrorState, errorMessage, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { knowledgeSettingsQuery, mediaKeys, saveKnowledgeSettings } from './media-api';

/** The knowledge base's instance settings (administrators): whether the public help center is open. */
export function KnowledgeSettingsPanel() {
  const { t } = useTranslation('knowledge');
  const id = useId();
  const queryClient = useQueryClient();
  const settings = useQuery(knowledgeSettingsQuery);
  const [saving, setSaving] = useState(false);

  async function change(publicEnabled: boolean) {
    setSaving(true);
    try {
      const saved = await saveKnowledgeSettings({ public_enabled: publicEnabled });
      queryClient.setQueryData(mediaKeys.settings, saved);
      await queryClient.invalidateQueries({ queryKey: mediaKeys.public });
      notify(saved.public_enabled ? t('kbSettings.opened') : t('kbSettings.closed'));
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setSaving(false);
    }
  }

  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={id} className="text-base font-semibold text-slate-900 dark:text-white">
        {t('kbSettings.title')}
      </h2>
      {settings.error ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <Spinner />
      ) : (
        <div className="flex flex-col gap-3">
          <Checkbox
            isSelected={settings.data.public_enabled}
            isDisabled={saving}
            onChange={(selected) => void change(selected)}
            description={<span className="block max-w-2xl">{t('kbSettings.publicHint')}</span>}
          >
            <span className="font-medium">{t('kbSettings.publicLabel')}</span>
          </Checkbox>
          {settings.data.public_enabled ? (
            <a
              href="/public/kb"
              target="_blank"
              rel="noopener"
              className="inline-flex items-center gap-1 self-start pl-6.5 text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {t('kbSettings.openPublic')}
              <ArrowRightIcon className="size-4" />
            </a>
          ) : null}
        </div>
      )}
    </section>
  );
}

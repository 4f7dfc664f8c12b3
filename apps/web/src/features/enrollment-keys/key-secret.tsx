import type { EnrollmentKeyCreated } from '@itsm/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { copyWithNotice } from '../account/clipboard';
import { enrollCommand } from './key-status';

/** A new key's secret, shown once: the key and the command to run, each with a copy button. */
export function KeySecret({ created, onDone }: { created: EnrollmentKeyCreated; onDone: () => void }) {
  const { t } = useTranslation('enrollment-keys');
  const command = enrollCommand(window.location.origin, created.key);
  const notices = { copied: t('secret.copied'), failed: t('secret.copyFailed') };
  const code =
    'block rounded-lg border border-slate-200 bg-slate-50 px-3 py-2.5 font-mono text-sm break-all text-slate-900 select-all dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100';
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="warning" title={t('secret.warningTitle')}>
        {t('secret.warning', { structure: created.structure_name })}
      </Alert>
      <div className="flex flex-col gap-1.5">
        <div className="flex items-center justify-between gap-2">
          <p className="text-sm font-medium text-slate-700 dark:text-slate-300">{t('secret.key')}</p>
          <Button
            variant="ghost"
            className="px-2 py-1"
            onPress={() => void copyWithNotice(created.key, notices)}
          >
            {t('secret.copyKey')}
          </Button>
        </div>
        <code className={code}>{created.key}</code>
      </div>
      <div className="flex flex-col gap-1.5">
        <div className="flex items-center justify-between gap-2">
          <p className="text-sm font-medium text-slate-700 dark:text-slate-300">{t('secret.command')}</p>
          <Button variant="ghost" className="px-2 py-1" onPress={() => void copyWithNotice(command, notices)}>
            {t('secret.copyCommand')}
          </Button>
        </div>
        <code className={code}>{command}</code>
      </div>
      <div className="flex justify-end">
        <Button onPress={onDone}>{t('secret.done')}</Button>
      </div>
    </div>
  );
}

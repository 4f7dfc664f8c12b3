import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { copyWithNotice, downloadText } from './clipboard';

/** The recovery codes, shown once: a clear warning, the list, copy and download. */
export function RecoveryCodes({ codes, username }: { codes: string[]; username: string }) {
  const { t } = useTranslation('account');
  const text = `${t('mfa.fileHeader', { username })}\n\n${codes.join('\n')}\n`;

  return (
    <div className="flex flex-col gap-4">
      <Alert tone="warning" title={t('mfa.codesTitle')}>
        {t('mfa.codesWarning')}
      </Alert>
      <ol
        aria-label={t('mfa.codesTitle')}
        className="grid max-w-xl grid-cols-1 gap-2 rounded-xl border border-slate-200 bg-slate-50 p-4 font-mono text-sm text-slate-900 min-[420px]:grid-cols-2 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
      >
        {codes.map((code, index) => (
          <li key={code} className="flex items-baseline gap-2">
            <span className="w-5 text-right text-xs text-slate-400 tabular-nums select-none">
              {index + 1}.
            </span>
            <span className="tracking-wider">{code}</span>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onPress={() => void copyWithNotice(text, { copied: t('mfa.copied'), failed: t('mfa.copyFailed') })}
        >
          {t('mfa.copy')}
        </Button>
        <Button
          variant="secondary"
          onPress={() =>
            downloadText(`itsm-recovery-codes-${username.replace(/^@/, '')}.txt`, text.replace(/\n/g, '\r\n'))
          }
        >
          {t('mfa.download')}
        </Button>
      </div>
    </div>
  );
}

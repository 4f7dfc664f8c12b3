import { clsx } from 'clsx';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { inputClass } from '../../components/ui/field';
import { formatShare, normaliseShares, parsePercent } from './shares';
import { IconButton } from './ui';

const MAX_SHARES = 5;

/** The warning shares of an SLA: chips to remove, a percentage to add (at most five, up to 100 %). */
export function SharesField({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: number[];
  onChange: (value: number[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation('ticket-admin');
  const language = i18n.resolvedLanguage ?? 'fr';
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const full = value.length >= MAX_SHARES;

  function add() {
    const share = parsePercent(text);
    if (share === null) {
      setProblem(t('slas.shares.invalid'));
      return;
    }
    if (value.includes(share)) {
      setProblem(t('slas.shares.duplicate', { share: formatShare(share, language) }));
      return;
    }
    onChange(normaliseShares([...value, share]));
    setText('');
    setProblem(null);
  }

  const message = problem ?? error;
  return (
    <fieldset aria-labelledby={`${id}-label`} className="flex min-w-0 flex-col gap-1.5">
      <legend
        id={`${id}-label`}
        className="float-left mb-1.5 text-sm font-medium text-slate-700 dark:text-slate-300"
      >
        {label}
      </legend>
      <ul className="flex min-h-8 flex-wrap items-center gap-1.5" aria-label={label}>
        {value.length === 0 ? (
          <li className="text-sm text-slate-500 dark:text-slate-400">{t('slas.shares.none')}</li>
        ) : (
          value.map((share) => (
            <li
              key={share}
              className="inline-flex items-center gap-0.5 rounded-full bg-amber-50 py-0.5 pr-0.5 pl-2.5 text-sm font-medium text-amber-900 tabular-nums ring-1 ring-amber-200 ring-inset dark:bg-amber-950/50 dark:text-amber-200 dark:ring-amber-900"
            >
              {formatShare(share, language)}
              <IconButton
                aria-label={t('slas.shares.remove', { share: formatShare(share, language) })}
                className="text-amber-800 dark:text-amber-300"
                onPress={() => onChange(value.filter((s) => s !== share))}
              >
                <span aria-hidden="true">✕</span>
              </IconButton>
            </li>
          ))
        )}
      </ul>
      <div className="flex max-w-xs gap-2">
        <div className="relative min-w-0 flex-1">
          <input
            id={`${id}-input`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            disabled={full}
            placeholder={full ? t('slas.shares.full') : t('slas.shares.placeholder')}
            onChange={(event) => {
              setText(event.target.value);
              setProblem(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
            aria-label={t('slas.shares.addLabel')}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-error` : description ? `${id}-hint` : undefined}
            className={clsx(inputClass, 'pr-8')}
          />
          <span
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-slate-500"
          >
            %
          </span>
        </div>
        <Button variant="secondary" isDisabled={full || text.trim() === ''} onPress={add}>
          {t('slas.shares.add')}
        </Button>
      </div>
      {message ? (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-600 dark:text-rose-400">
          {message}
        </p>
      ) : description ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {description}
        </p>
      ) : null}
    </fieldset>
  );
}

import { clsx } from 'clsx';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../components/ui/field';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { ArticleBody } from './article-body';
import { renderArticleMarkdown } from './article-markdown';

const paneTitle =
  'hidden border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase lg:block dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400';

/**
 * The article's Markdown with its live preview: side by side on large screens, "Write" and
 * "Preview" tabs on phones. The preview is rendered as the server will render it.
 */
export function BodyEditor({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
}) {
  const { t } = useTranslation('knowledge');
  const id = useId();
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const settled = useDebouncedValue(value, 200);
  const html = useMemo(() => renderArticleMarkdown(settled), [settled]);

  const tabButton = (key: 'write' | 'preview', text: string) => (
    <button
      type="button"
      aria-pressed={tab === key}
      onClick={() => setTab(key)}
      className={clsx(
        'rounded-md px-3 py-1 text-xs font-semibold outline-none focus-visible:outline-2 focus-visible:outline-indigo-600',
        tab === key
          ? 'bg-white text-slate-900 shadow-xs dark:bg-slate-700 dark:text-white'
          : 'text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
      )}
    >
      {text}
    </button>
  );

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700 dark:text-slate-300">
          {t('fields.body')}
        </label>
        <div className="flex gap-0.5 rounded-lg bg-slate-100 p-0.5 lg:hidden dark:bg-slate-800">
          {tabButton('write', t('editor.write'))}
          {tabButton('preview', t('editor.preview'))}
        </div>
      </div>
      <div
        className={clsx(
          'grid overflow-hidden rounded-lg border bg-white lg:grid-cols-2 dark:bg-slate-900',
          error ? 'border-rose-500' : 'border-slate-300 dark:border-slate-700',
        )}
      >
        <div className={clsx('flex flex-col', tab === 'preview' && 'max-lg:hidden')}>
          <p aria-hidden="true" className={paneTitle}>
            {t('editor.markdown')}
          </p>
          <textarea
            id={id}
            value={value}
            rows={22}
            spellCheck
            placeholder={t('editor.bodyPlaceholder')}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-help`}
            onChange={(event) => onChange(event.target.value)}
            onBlur={onBlur}
            className={clsx(
              inputClass,
              'min-h-80 flex-1 resize-y rounded-none border-0 font-mono text-[13px] leading-6 shadow-none focus:ring-0 lg:min-h-[30rem]',
            )}
          />
        </div>
        <section
          aria-label={t('editor.preview')}
          className={clsx(
            'relative flex min-h-80 flex-col border-slate-200 lg:border-l dark:border-slate-800',
            tab === 'write' && 'max-lg:hidden',
          )}
        >
          <p aria-hidden="true" className={paneTitle}>
            {t('editor.preview')}
          </p>
          <div className="flex-1 overflow-y-auto p-4 lg:absolute lg:inset-x-0 lg:top-[29px] lg:bottom-0">
            {settled.trim() ? (
              <ArticleBody html={html} />
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">{t('editor.nothing')}</p>
            )}
          </div>
        </section>
      </div>
      <p
        id={`${id}-help`}
        className={clsx(
          'text-xs',
          error ? 'font-medium text-rose-600 dark:text-rose-400' : 'text-slate-500 dark:text-slate-400',
        )}
      >
        {error ?? t('editor.hint')}
      </p>
    </div>
  );
}

import { clsx } from 'clsx';
import { lazy, type ReactNode, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../../components/ui/field';
import { Spinner } from '../../components/ui/states';

// The renderer (marked + DOMPurify) loads only when a preview is asked for.
const Markdown = lazy(() => import('./markdown').then((m) => ({ default: m.Markdown })));

/** A Markdown text area with a "Preview" tab; label, help and error wired for screen readers. */
export function MarkdownEditor({
  label,
  value,
  onChange,
  onBlur,
  error,
  description,
  placeholder,
  rows = 8,
  isRequired,
  autoFocus,
  labelHidden,
  toolbar,
  className,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  description?: ReactNode;
  placeholder?: string;
  rows?: number;
  isRequired?: boolean;
  autoFocus?: boolean;
  /** The label for screen readers only (a comment box under its own heading). */
  labelHidden?: boolean;
  /** Buttons on the right of the tabs (insert a canned response…). */
  toolbar?: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation('tickets');
  const id = useId();
  const [preview, setPreview] = useState(false);
  const tab = (on: boolean, text: string) => (
    <button
      type="button"
      aria-pressed={preview === on}
      onClick={() => setPreview(on)}
      className={clsx(
        'rounded-md px-2.5 py-1 text-xs font-semibold outline-none focus-visible:outline-2 focus-visible:outline-indigo-600',
        preview === on
          ? 'bg-white text-slate-900 shadow-xs dark:bg-slate-700 dark:text-white'
          : 'text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white',
      )}
    >
      {text}
    </button>
  );
  return (
    <div className={clsx('flex flex-col gap-1.5', className)}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label
          htmlFor={id}
          className={clsx('text-sm font-medium text-slate-700 dark:text-slate-300', labelHidden && 'sr-only')}
        >
          {label}
          {isRequired ? (
            <span aria-hidden="true" className="text-rose-600">
              {' '}
              *
            </span>
          ) : null}
        </label>
        <div className={clsx('flex items-center gap-2', labelHidden && 'w-full justify-between')}>
          <div className="flex gap-0.5 rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
            {tab(false, t('markdown.write'))}
            {tab(true, t('markdown.preview'))}
          </div>
          {toolbar}
        </div>
      </div>
      {preview ? (
        <div className="min-h-32 rounded-lg border border-slate-200 bg-slate-50/50 px-3 py-2 dark:border-slate-700 dark:bg-slate-900/50">
          {value.trim() ? (
            <Suspense fallback={<Spinner />}>
              <Markdown source={value} />
            </Suspense>
          ) : (
            <p className="text-sm text-slate-500 dark:text-slate-400">{t('markdown.nothing')}</p>
          )}
        </div>
      ) : (
        <textarea
          id={id}
          value={value}
          rows={rows}
          placeholder={placeholder}
          required={isRequired}
          // biome-ignore lint/a11y/noAutofocus: the form's first field, on a page made for it
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : description ? `${id}-help` : undefined}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          className={clsx(inputClass, 'min-h-24 resize-y leading-relaxed')}
        />
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : description ? (
        <p id={`${id}-help`} className="text-xs text-slate-500 dark:text-slate-400">
          {description}
        </p>
      ) : null}
    </div>
  );
}

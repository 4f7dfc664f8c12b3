import { clsx } from 'clsx';
import { type ReactNode, useEffect, useState } from 'react';
import { SearchIcon } from '../../components/icons';
import { inputClass } from '../../components/ui/field';
import { useDebouncedValue } from './use-debounced-value';

/** The title, a short description and the page's main actions, as every administration page has them. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">{title}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-400">{description}</p>
      </div>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </div>
  );
}

/**
 * A search box that reports its text once typing pauses; it follows the URL when that changes
 * (back button, "clear filters").
 */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
  className,
}: {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  const [text, setText] = useState(value);
  const settled = useDebouncedValue(text, 300);
  // Only the URL's value resets the box.
  useEffect(() => setText(value), [value]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the settled text is the trigger
  useEffect(() => {
    if (settled.trim() !== value.trim()) onChange(settled.trim());
  }, [settled]);
  return (
    <div className={clsx('flex flex-col gap-1.5', className)}>
      <label htmlFor="list-search" className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        <input
          id="list-search"
          type="search"
          value={text}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange(text.trim());
          }}
          className={clsx(inputClass, 'pl-9')}
        />
      </div>
    </div>
  );
}

/** The row of filters above a list. */
export function FilterBar({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <search
      className={clsx(
        'grid items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-800 dark:bg-slate-900',
        className,
      )}
    >
      {children}
    </search>
  );
}

/** "12 mars 2026, 14:05" in the interface's language. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(iso));
}

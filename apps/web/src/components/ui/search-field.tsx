import { clsx } from 'clsx';
import { useEffect, useId, useState } from 'react';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { SearchIcon } from '../icons';
import { inputClass } from './field';

/**
 * A text filter kept in the URL: typed freely, committed once typing pauses (or on Enter), and
 * following the URL when it changes elsewhere (back button, "clear filters"). `search` adds the
 * magnifier and makes it a search box.
 */
export function SearchField({
  label,
  value,
  onCommit,
  placeholder,
  search,
  inputMode,
  className,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  search?: boolean;
  inputMode?: 'text' | 'decimal';
  className?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const settled = useDebouncedValue(text, 300);
  // Only the URL's value resets the box.
  useEffect(() => setText(value), [value]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the settled text is the trigger
  useEffect(() => {
    if (settled.trim() !== value.trim()) onCommit(settled.trim());
  }, [settled]);
  return (
    <div className={clsx('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <div className="relative">
        {search ? (
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        ) : null}
        <input
          id={id}
          type={search ? 'search' : 'text'}
          inputMode={inputMode}
          value={text}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onCommit(text.trim());
          }}
          className={clsx(inputClass, search && 'pl-9')}
        />
      </div>
    </div>
  );
}

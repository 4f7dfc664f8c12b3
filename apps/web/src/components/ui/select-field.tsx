import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { inputClass } from './field';

type Option = { value: string; label: string };

type Props = {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  error?: string;
  /** An option for "none" / "all", with this label. */
  emptyLabel?: string;
  className?: string;
  name?: string;
};

/** A native select: the most accessible and the best on phones. */
export function SelectField({ label, value, onChange, options, error, emptyLabel, className, name }: Props) {
  const id = useId();
  return (
    <div className={clsx('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  CheckboxGroup as AriaCheckboxGroup,
  type CheckboxGroupProps,
  type CheckboxProps,
  Label,
  Text,
} from 'react-aria-components';

type Props = Omit<CheckboxProps, 'children' | 'className'> & {
  children: ReactNode;
  /** A second, smaller line under the label. */
  description?: ReactNode;
  className?: string;
};

/** A checkbox with its label (react-aria: keyboard, touch and screen readers handled). */
export function Checkbox({ children, description, className, ...props }: Props) {
  return (
    <AriaCheckbox
      {...props}
      className={clsx(
        'group flex cursor-default items-start gap-2.5 text-sm text-slate-800 outline-none data-[disabled]:opacity-50 dark:text-slate-200',
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={clsx(
          'mt-0.5 flex size-4 shrink-0 items-center justify-center rounded border border-slate-400 bg-white text-white transition dark:border-slate-500 dark:bg-slate-900',
          'group-data-[selected]:border-indigo-600 group-data-[selected]:bg-indigo-600',
          'group-data-[focus-visible]:outline-2 group-data-[focus-visible]:outline-offset-2 group-data-[focus-visible]:outline-indigo-600',
        )}
      >
        <svg
          viewBox="0 0 16 16"
          className="hidden size-3 group-data-[selected]:block"
          fill="none"
          aria-hidden="true"
        >
          <path
            d="m3.5 8.5 3 3 6-7"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </span>
      <span className="flex flex-col">
        <span>{children}</span>
        {description ? (
          <span className="text-xs text-slate-500 dark:text-slate-400">{description}</span>
        ) : null}
      </span>
    </AriaCheckbox>
  );
}

type GroupProps = Omit<CheckboxGroupProps, 'children' | 'className'> & {
  label: ReactNode;
  children: ReactNode;
  description?: ReactNode;
  error?: string;
  className?: string;
  /** Classes of the box around the options (e.g. a height limit with scrolling). */
  listClassName?: string;
};

/** A labelled list of checkboxes (a multiple choice that stays readable on phones). */
export function CheckboxGroup({
  label,
  children,
  description,
  error,
  className,
  listClassName,
  ...props
}: GroupProps) {
  return (
    <AriaCheckboxGroup
      {...props}
      isInvalid={Boolean(error) || props.isInvalid}
      className={clsx('flex flex-col gap-1.5', className)}
    >
      <Label className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</Label>
      <div className={clsx('flex flex-col gap-2', listClassName)}>{children}</div>
      {description && !error ? (
        <Text slot="description" className="text-xs text-slate-500 dark:text-slate-400">
          {description}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className="text-xs font-medium text-rose-600 dark:text-rose-400">
          {error}
        </Text>
      ) : null}
    </AriaCheckboxGroup>
  );
}

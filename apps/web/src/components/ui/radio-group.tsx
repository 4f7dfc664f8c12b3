import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import {
  Radio as AriaRadio,
  RadioGroup as AriaRadioGroup,
  Label,
  type RadioGroupProps,
  type RadioProps,
  Text,
} from 'react-aria-components';

type GroupProps = Omit<RadioGroupProps, 'children' | 'className'> & {
  label: ReactNode;
  children: ReactNode;
  error?: string;
  className?: string;
};

/** A labelled single choice among a few options (arrow keys move between them). */
export function RadioGroup({ label, children, error, className, ...props }: GroupProps) {
  return (
    <AriaRadioGroup
      {...props}
      isInvalid={Boolean(error) || props.isInvalid}
      className={clsx('flex flex-col gap-2', className)}
    >
      <Label className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</Label>
      <div className="flex flex-col gap-2">{children}</div>
      {error ? (
        <Text slot="errorMessage" className="text-xs font-medium text-rose-600 dark:text-rose-400">
          {error}
        </Text>
      ) : null}
    </AriaRadioGroup>
  );
}

type Props = Omit<RadioProps, 'children' | 'className'> & {
  children: ReactNode;
  description?: ReactNode;
};

export function Radio({ children, description, ...props }: Props) {
  return (
    <AriaRadio
      {...props}
      className="group flex cursor-default items-start gap-2.5 rounded-lg border border-slate-200 px-3 py-2.5 text-sm text-slate-800 outline-none data-[disabled]:opacity-50 data-[selected]:border-indigo-500 data-[selected]:bg-indigo-50/60 data-[focus-visible]:ring-2 data-[focus-visible]:ring-indigo-500/40 dark:border-slate-700 dark:text-slate-200 dark:data-[selected]:border-indigo-500 dark:data-[selected]:bg-indigo-950/40"
    >
      <span
        aria-hidden="true"
        className="mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full border border-slate-400 bg-white group-data-[selected]:border-indigo-600 dark:border-slate-500 dark:bg-slate-900"
      >
        <span className="hidden size-2 rounded-full bg-indigo-600 group-data-[selected]:block" />
      </span>
      <span className="flex flex-col">
        <span className="font-medium">{children}</span>
        {description ? (
          <span className="text-xs text-slate-500 dark:text-slate-400">{description}</span>
        ) : null}
      </span>
    </AriaRadio>
  );
}

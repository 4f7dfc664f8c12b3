import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import {
  TextField as AriaTextField,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  type TextFieldProps,
} from 'react-aria-components';

export const inputClass = clsx(
  'w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs outline-none',
  'placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30',
  'data-[invalid]:border-rose-500 aria-[invalid=true]:border-rose-500 disabled:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:disabled:bg-slate-800',
);

type Props = Omit<TextFieldProps, 'children' | 'className'> & {
  label: ReactNode;
  description?: ReactNode;
  /** The server's (or the form's) message for this field; marks it invalid. */
  error?: string;
  placeholder?: string;
  multiline?: boolean;
  className?: string;
};

/** Label, input, help text and error message, wired for screen readers. */
export function TextField({ label, description, error, placeholder, multiline, className, ...props }: Props) {
  return (
    <AriaTextField
      {...props}
      isInvalid={Boolean(error) || props.isInvalid}
      className={clsx('flex flex-col gap-1.5', className)}
    >
      <Label className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</Label>
      {multiline ? (
        <TextArea placeholder={placeholder} rows={3} className={inputClass} />
      ) : (
        <Input placeholder={placeholder} className={inputClass} />
      )}
      {description && !error ? (
        <Text slot="description" className="text-xs text-slate-500 dark:text-slate-400">
          {description}
        </Text>
      ) : null}
      <FieldError className="text-xs font-medium text-rose-600 dark:text-rose-400">{error}</FieldError>
    </AriaTextField>
  );
}

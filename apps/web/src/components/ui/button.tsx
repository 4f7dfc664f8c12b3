import { clsx } from 'clsx';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-indigo-600 text-white shadow-xs hover:bg-indigo-500 pressed:bg-indigo-700',
  secondary:
    'border border-slate-300 bg-white text-slate-800 shadow-xs hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800',
  danger: 'bg-rose-600 text-white shadow-xs hover:bg-rose-500 pressed:bg-rose-700',
  ghost: 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
};

export const buttonClass = (variant: ButtonVariant = 'primary', extra?: string) =>
  clsx(
    'inline-flex items-center justify-center gap-2 rounded-lg px-3.5 py-2 text-sm font-semibold transition outline-none',
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-50',
    variants[variant],
    extra,
  );

type Props = Omit<AriaButtonProps, 'className'> & { variant?: ButtonVariant; className?: string };

/** Accessible button (react-aria): keyboard, touch and pending states handled. */
export function Button({ variant = 'primary', className, ...props }: Props) {
  return <AriaButton {...props} className={buttonClass(variant, className)} />;
}

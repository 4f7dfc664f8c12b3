import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/ui/badge';

/** A titled part of a long form (a fieldset with its legend, a line above all but the first). */
export function FormSection({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset
      className={clsx(
        'flex min-w-0 flex-col gap-4 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0 dark:border-slate-800',
        className,
      )}
    >
      <legend className="float-left w-full text-xs font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">
        {title}
      </legend>
      {description ? <p className="-mt-2 text-sm text-slate-600 dark:text-slate-400">{description}</p> : null}
      {children}
    </fieldset>
  );
}

export type Level = 1 | 2 | 3 | 4 | 5;

/** Priority colours, from the lowest (slate) to the highest (rose), as the ticket badges show them. */
export const levelClasses: Record<Level, { dot: string; cell: string }> = {
  1: {
    dot: 'bg-slate-300 dark:bg-slate-600',
    cell: 'bg-slate-50 text-slate-700 ring-slate-200 dark:bg-slate-800/60 dark:text-slate-300 dark:ring-slate-700',
  },
  2: {
    dot: 'bg-slate-500 dark:bg-slate-400',
    cell: 'bg-slate-200/70 text-slate-800 ring-slate-300 dark:bg-slate-700/70 dark:text-slate-100 dark:ring-slate-600',
  },
  3: {
    dot: 'bg-sky-500',
    cell: 'bg-sky-100 text-sky-900 ring-sky-200 dark:bg-sky-950/70 dark:text-sky-200 dark:ring-sky-900',
  },
  4: {
    dot: 'bg-amber-500',
    cell: 'bg-amber-100 text-amber-900 ring-amber-200 dark:bg-amber-950/70 dark:text-amber-200 dark:ring-amber-900',
  },
  5: {
    dot: 'bg-rose-500',
    cell: 'bg-rose-100 text-rose-900 ring-rose-200 dark:bg-rose-950/70 dark:text-rose-200 dark:ring-rose-900',
  },
};

export const asLevel = (value: number): Level => Math.min(5, Math.max(1, Math.round(value))) as Level;

/** A priority as a coloured dot and its name ("● 5 · Critical"). */
export function PriorityLabel({ level, short }: { level: number; short?: boolean }) {
  const { t } = useTranslation('ticket-admin');
  const l = asLevel(level);
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span aria-hidden="true" className={clsx('size-2 shrink-0 rounded-full', levelClasses[l].dot)} />
      <span className="tabular-nums">{l}</span>
      {short ? null : <span>· {t(`priority.${l}`)}</span>}
    </span>
  );
}

/** "Active" / "Inactive" as a state badge. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('ticket-admin');
  return (
    <Badge tone={active ? 'emerald' : 'slate'} dot>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}

/** A dash for an empty cell, read as "none" by screen readers. */
export function None() {
  const { t } = useTranslation('ticket-admin');
  return (
    <span className="text-slate-400 dark:text-slate-500">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t('common.none')}</span>
    </span>
  );
}

/** A small round ✕ (or other glyph) button; its colour from the chip or row around it. */
export function IconButton({
  className,
  children,
  ...props
}: Omit<ButtonProps, 'className' | 'children'> & { className?: string; children: ReactNode }) {
  return (
    <AriaButton
      {...props}
      className={clsx(
        'inline-flex size-7 shrink-0 items-center justify-center rounded-full outline-none',
        'hover:bg-black/5 data-[pressed]:bg-black/10 dark:hover:bg-white/10 dark:data-[pressed]:bg-white/15',
        'data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600',
        className,
      )}
    >
      {children}
    </AriaButton>
  );
}

import { clsx } from 'clsx';
import type { ReactNode } from 'react';

/** The title of a page, a short description and the page's main actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  descriptionSize = 'sm',
}: {
  title: ReactNode;
  description: ReactNode;
  actions?: ReactNode;
  /** `base` for a description that reads as the page's lead (the journals). */
  descriptionSize?: 'sm' | 'base';
}) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">{title}</h1>
        <p
          className={clsx(
            'mt-1 max-w-2xl text-slate-600 dark:text-slate-400',
            descriptionSize === 'sm' && 'text-sm',
          )}
        >
          {description}
        </p>
      </div>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </div>
  );
}

import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ArrowRightIcon } from '../icons';

/** "← List" above a detail page's title. */
export function BackLink({ to, children }: { to: LinkProps['to']; children: ReactNode }) {
  return (
    <Link
      to={to}
      className="inline-flex items-center gap-1 self-start text-sm font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
    >
      <ArrowRightIcon className="size-4 rotate-180" />
      {children}
    </Link>
  );
}

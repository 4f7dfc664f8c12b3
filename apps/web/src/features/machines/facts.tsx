import { clsx } from 'clsx';
import type { ReactNode } from 'react';

/** A list of labelled facts (a description list), one per line. */
export function Facts({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <dl className={clsx('divide-y divide-slate-100 text-sm dark:divide-slate-800', className)}>{children}</dl>
  );
}

/** One fact: its label, then its value, or a dash when there is none. */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div className="grid grid-cols-[minmax(7rem,40%)_minmax(0,1fr)] gap-3 py-2 first:pt-0 last:pb-0">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="break-words text-slate-900 dark:text-slate-100">
        {empty ? <span className="text-slate-400 dark:text-slate-500">—</span> : children}
      </dd>
    </div>
  );
}

/** A small table of a card (memory modules, disks, interfaces): scrolls sideways on phones. */
export function MiniTable({
  caption,
  headers,
  children,
}: {
  caption: string;
  headers: ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className="-mx-1 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          <tr>
            {headers.map((header, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
              <th key={index} scope="col" className="px-1 pb-2 whitespace-nowrap">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 border-t border-slate-100 dark:divide-slate-800 dark:border-slate-800">
          {children}
        </tbody>
      </table>
    </div>
  );
}

export const cellClass = 'px-1 py-2 align-top';

import { clsx } from 'clsx';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { SearchField } from './search-field';
import type { ListFilterControls } from './use-list-search';

/** The row of filters above a list. */
export function FilterBar({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <search
      className={clsx(
        'grid items-end gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-800 dark:bg-slate-900',
        className,
      )}
    >
      {children}
    </search>
  );
}

// Below this width, "Clear filters" takes no room while there is nothing to clear.
const hiddenBelow = { sm: 'max-sm:hidden', lg: 'max-lg:hidden' } as const;

/** A list's filter bar: its search box, the other filters (`children`), then "Clear filters". */
export function ListFilters({
  list,
  searchLabel,
  searchPlaceholder,
  children,
  className,
  searchClassName,
  clearClassName,
  collapseBelow = 'sm',
}: {
  list: ListFilterControls;
  searchLabel: string;
  searchPlaceholder: string;
  children: ReactNode;
  /** The grid's columns. */
  className?: string;
  searchClassName?: string;
  clearClassName?: string;
  collapseBelow?: keyof typeof hiddenBelow;
}) {
  const { t } = useTranslation('shell');
  return (
    <FilterBar className={className}>
      <SearchField
        search
        label={searchLabel}
        placeholder={searchPlaceholder}
        value={list.searchText}
        onCommit={list.setSearchText}
        className={searchClassName}
      />
      {children}
      <Button
        variant="ghost"
        isDisabled={!list.filtered}
        className={clsx(clearClassName, !list.filtered && hiddenBelow[collapseBelow])}
        onPress={list.clearFilters}
      >
        {t('filters.clear')}
      </Button>
    </FilterBar>
  );
}

/**
 * The search box with, on phones, a "More filters" button (counting the filters set) that shows
 * the other filters (`children`); from `sm` up they all show. Goes inside a grid (FilterBar).
 */
export function CollapsibleFilters({
  search,
  moreLabel,
  count,
  children,
}: {
  search: ReactNode;
  moreLabel: string;
  /** Filters set among the hidden ones. */
  count: number;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <div className="flex items-end gap-2 sm:col-span-2">
        <div className="min-w-0 flex-1">{search}</div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
          className="inline-flex h-[38px] shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-700 shadow-xs sm:hidden dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
        >
          {moreLabel}
          {count > 0 ? (
            <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-xs text-white">
              {count}
            </span>
          ) : null}
          <span aria-hidden="true" className={clsx('text-xs transition-transform', open && 'rotate-180')}>
            ▾
          </span>
        </button>
      </div>
      <div id={panelId} className={clsx('contents', !open && 'max-sm:hidden')}>
        {children}
      </div>
    </>
  );
}

import { clsx } from 'clsx';
import type { ReactNode } from 'react';
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

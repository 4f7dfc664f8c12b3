import type { Page, User } from '@itsm/contracts';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type ReactNode, useEffect, useId, useState } from 'react';
import {
  Button as AriaButton,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/ui/date-field';
import { inputClass } from '../../components/ui/field';
import { SearchField } from '../../components/ui/search-field';
import type { ListFilterControls } from '../../components/ui/use-list-search';
import { api } from '../../lib/api';
import { userQuery } from '../../lib/lookups';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { userLabel } from '../../lib/user-names';

/** The users named by id in a page of the journal (one request per distinct user, cached). */
export function useUsersById(ids: (number | null | undefined)[]): Map<number, User> {
  const distinct = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  const results = useQueries({ queries: distinct.map(userQuery) });
  const map = new Map<number, User>();
  results.forEach((r, i) => {
    const id = distinct[i];
    if (r.data && id !== undefined) map.set(id, r.data);
  });
  return map;
}

/** Choose one user by typing part of his name, username or e-mail (searched by the API). */
export function UserPicker({
  label,
  value,
  onChange,
  className,
}: {
  label: ReactNode;
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  className?: string;
}) {
  const { t } = useTranslation('journal');
  const queryClient = useQueryClient();
  const selected = useQuery({ ...userQuery(value ?? 0), enabled: value !== undefined });
  const selectedLabel = value !== undefined && selected.data ? userLabel(selected.data) : '';
  const [input, setInput] = useState(selectedLabel);
  // Show the chosen user's name once known, and clear the box when the filter is reset.
  useEffect(() => setInput(selectedLabel), [selectedLabel]);
  const term = useDebouncedValue(input === selectedLabel ? '' : input.trim(), 250);
  const found = useQuery({
    queryKey: ['users', 'pick', term],
    queryFn: () => api<Page<User>>('GET', '/users', undefined, { search: term, page_size: 20 }),
    staleTime: 30_000,
  });
  const items = [...(found.data?.results ?? [])];
  if (selected.data && !items.some((u) => u.id === selected.data.id)) items.unshift(selected.data);

  return (
    <ComboBox
      items={items}
      value={value ?? null}
      onChange={(key) => {
        // Both the value and the text are controlled: the text follows the choice in the same render
        // (a later change would reopen the list).
        const user = key === null ? undefined : items.find((u) => u.id === Number(key));
        if (user) queryClient.setQueryData(userQuery(user.id).queryKey, user);
        setInput(user ? userLabel(user) : '');
        onChange(user?.id);
      }}
      inputValue={input}
      onInputChange={(text) => {
        setInput(text);
        if (text === '' && value !== undefined) onChange(undefined);
      }}
      menuTrigger="focus"
      allowsEmptyCollection
      className={clsx('flex flex-col gap-1.5', className)}
    >
      <Label className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</Label>
      <div className="relative">
        <Input placeholder={t('filters.anyUser')} className={clsx(inputClass, 'pr-9')} />
        <AriaButton
          aria-label={t('filters.showUsers')}
          className="absolute top-1/2 right-1 inline-flex size-7 -translate-y-1/2 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true" className="text-xs">
            ▼
          </span>
        </AriaButton>
      </div>
      <Popover
        placement="bottom start"
        className="max-h-72 w-(--trigger-width) min-w-64 overflow-auto rounded-xl border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-800 dark:bg-slate-900"
      >
        <ListBox
          className="outline-none"
          renderEmptyState={() => (
            <p className="px-3 py-2 text-sm text-slate-500 dark:text-slate-400">
              {found.isFetching ? t('filters.searching') : t('filters.noUser')}
            </p>
          )}
        >
          {(user: User) => (
            <ListBoxItem
              id={user.id}
              textValue={userLabel(user)}
              className="flex cursor-default flex-col rounded-md px-3 py-2 text-sm text-slate-800 outline-none focused:bg-slate-100 selected:bg-indigo-50 selected:text-indigo-800 dark:text-slate-200 dark:focused:bg-slate-800 dark:selected:bg-indigo-950 dark:selected:text-indigo-200"
            >
              <span className="font-medium">{userLabel(user)}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">{user.username}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/**
 * The panel that holds a journal's filters: the search always shows; the others (`children`) wrap in a
 * grid, and fold behind a "Filters" button on phones so that the list stays in sight.
 */
export function FilterPanel({
  list,
  searchPlaceholder,
  children,
}: {
  list: ListFilterControls & { filterCount: number };
  searchPlaceholder: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('journal');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <search className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <SearchField
              search
              label={t('filters.search')}
              placeholder={searchPlaceholder}
              value={list.searchText}
              onCommit={list.setSearchText}
            />
          </div>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen(!open)}
            className="inline-flex h-[38px] shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-700 shadow-xs sm:hidden dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
          >
            {t('filters.more')}
            {list.filterCount > 0 ? (
              <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-xs text-white">
                {list.filterCount}
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
      </div>
      {list.filtered ? (
        <div className="mt-3 flex justify-end">
          <button
            type="button"
            onClick={list.clearFilters}
            className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          >
            {t('filters.reset')}
          </button>
        </div>
      ) : null}
    </search>
  );
}

/** "From" and "To" days of a journal (`YYYY-MM-DD`), each bounding the other. */
export function DateRangeFilter({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (patch: { from?: string; to?: string }) => void;
}) {
  const { t } = useTranslation('journal');
  return (
    <>
      <DateField
        label={t('filters.from')}
        value={from ?? ''}
        max={to}
        onChange={(value) => onChange({ from: value || undefined })}
      />
      <DateField
        label={t('filters.to')}
        value={to ?? ''}
        min={from}
        onChange={(value) => onChange({ to: value || undefined })}
      />
    </>
  );
}

import {
  type Me,
  type Page,
  SLA_HEALTHS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatus,
  type User,
} from '@itsm/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { Dialog as AriaDialog, Button, DialogTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup } from '../../components/ui/checkbox';
import { ComboBox, type ComboBoxOption } from '../../components/ui/combo-box';
import { inputClass } from '../../components/ui/field';
import { CollapsibleFilters } from '../../components/ui/list-filters';
import { SearchField } from '../../components/ui/search-field';
import { SelectField } from '../../components/ui/select-field';
import { api } from '../../lib/api';
import { useGroups, useUser } from '../../lib/lookups';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { fullName } from '../../lib/user-names';
import { useCategories } from './ticket-api';
import { categorySelectOptions } from './ticket-form';
import type { TicketFilters } from './ticket-query';

type Option = { value: string; label: string };

/** Several values of one filter: a button that says what is chosen, and checkboxes in a popover. */
export function MultiSelectFilter({
  label,
  options,
  value,
  onChange,
  allLabel,
}: {
  label: string;
  options: Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  allLabel: string;
}) {
  const { t } = useTranslation('tickets');
  const labelId = useId();
  const valueId = useId();
  const chosen = options.filter((o) => value.includes(o.value));
  const summary =
    chosen.length === 0
      ? allLabel
      : chosen.length <= 2
        ? chosen.map((o) => o.label).join(', ')
        : t('filters.chosen', { count: chosen.length });
  return (
    <div className="flex flex-col gap-1.5">
      <span id={labelId} className="text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </span>
      <DialogTrigger>
        <Button
          aria-labelledby={`${labelId} ${valueId}`}
          className={clsx(inputClass, 'flex items-center justify-between gap-2 text-left outline-none')}
        >
          <span
            id={valueId}
            className={clsx('truncate', chosen.length === 0 && 'text-slate-500 dark:text-slate-400')}
          >
            {summary}
          </span>
          <svg viewBox="0 0 20 20" className="size-4 shrink-0 text-slate-400" aria-hidden="true">
            <path d="M5.5 7.5 10 12l4.5-4.5" stroke="currentColor" strokeWidth={1.6} fill="none" />
          </svg>
        </Button>
        <Popover
          placement="bottom start"
          className="w-(--trigger-width) min-w-56 rounded-xl border border-slate-200 bg-white p-3 shadow-lg outline-none dark:border-slate-800 dark:bg-slate-900"
        >
          <AriaDialog aria-labelledby={labelId} className="flex flex-col gap-3 outline-none">
            <CheckboxGroup label={label} value={[...value]} onChange={onChange} className="[&>label]:sr-only">
              {options.map((o) => (
                <Checkbox key={o.value} value={o.value}>
                  {o.label}
                </Checkbox>
              ))}
            </CheckboxGroup>
            {value.length > 0 ? (
              <button
                type="button"
                onClick={() => onChange([])}
                className="self-start text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {t('filters.any')}
              </button>
            ) : null}
          </AriaDialog>
        </Popover>
      </DialogTrigger>
    </div>
  );
}

const toOption = (u: Pick<User, 'id' | 'first_name' | 'last_name' | 'username'>): ComboBoxOption => ({
  id: u.id,
  label: fullName(u) || u.username,
  description: u.username,
});

/** The assignee filter: anyone, nobody ("Unassigned"), me, or a user found by name. */
export function AssigneeFilter({
  me,
  value,
  onChange,
}: {
  me: Me;
  value: number | 'none' | undefined;
  onChange: (value: number | 'none' | undefined) => void;
}) {
  const { t } = useTranslation('tickets');
  const [input, setInput] = useState('');
  const chosenUser = useUser(typeof value === 'number' && value !== me.id ? value : null);
  const special: ComboBoxOption[] = useMemo(
    () => [
      { id: 'none', label: t('filters.unassigned') },
      { id: me.id, label: t('filters.me'), description: fullName(me) },
    ],
    [t, me],
  );
  const labelOf = (key: number | 'none' | undefined) => {
    if (key === undefined) return '';
    const found = special.find((o) => o.id === key);
    if (found) return found.label;
    return chosenUser.data ? toOption(chosenUser.data).label : '';
  };
  const selectedLabel = labelOf(value);
  // The box shows the chosen name, and empties when the filter is cleared elsewhere.
  useEffect(() => setInput(selectedLabel), [selectedLabel]);
  const term = useDebouncedValue(input === selectedLabel ? '' : input.trim(), 250);
  const found = useQuery({
    queryKey: ['users', 'pick', 'staff', term],
    queryFn: () =>
      api<Page<User>>('GET', '/users', undefined, {
        search: term,
        role__in: 'admin,technician',
        page_size: 10,
        ordering: 'last_name',
      }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = useMemo(() => {
    const users = (found.data?.results ?? []).filter((u) => u.id !== me.id).map(toOption);
    if (chosenUser.data && !users.some((u) => u.id === chosenUser.data.id))
      users.unshift(toOption(chosenUser.data));
    const text = input === selectedLabel ? '' : input.trim().toLowerCase();
    const specials = special.filter((o) => !text || o.label.toLowerCase().includes(text));
    return [...specials, ...users];
  }, [found.data, chosenUser.data, special, input, selectedLabel, me.id]);

  return (
    <ComboBox
      label={t('filters.assignee')}
      placeholder={t('filters.anyone')}
      inputValue={input}
      onInputChange={(text) => {
        setInput(text);
        if (text === '' && value !== undefined) onChange(undefined);
      }}
      items={items}
      selectedKey={value ?? null}
      onSelectionChange={(key) => {
        if (key === null) return onChange(undefined);
        onChange(key === 'none' ? 'none' : Number(key));
      }}
      isLoading={found.isFetching}
      emptyLabel={t('filters.noUser')}
      loadingLabel={t('filters.searching')}
      clearLabel={t('filters.clearAssignee')}
    />
  );
}

/**
 * The filters of the ticket list: the search always shows; the others fold behind a "Filters"
 * button on phones so that the tickets stay in sight.
 */
export function TicketFilterPanel({
  searchText,
  onSearch,
  count,
  filtered,
  onClear,
  children,
  className,
}: {
  searchText: string;
  onSearch: (text: string) => void;
  count: number;
  filtered: boolean;
  onClear: () => void;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation('tickets');
  const { t: ts } = useTranslation('shell');
  return (
    <search className="rounded-xl border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className={clsx('grid items-end gap-3', className)}>
        <CollapsibleFilters
          search={
            <SearchField
              search
              label={t('filters.search')}
              placeholder={t('filters.searchPlaceholder')}
              value={searchText}
              onCommit={onSearch}
            />
          }
          moreLabel={t('filters.more')}
          count={count}
        >
          {children}
        </CollapsibleFilters>
      </div>
      {filtered ? (
        <div className="mt-3 flex justify-end">
          <button
            type="button"
            onClick={onClear}
            className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          >
            {ts('filters.clear')}
          </button>
        </div>
      ) : null}
    </search>
  );
}

/** The filters besides the search: all of them for the support team, the status and type for requesters. */
export function TicketFilterFields({
  me,
  filters,
  onChange,
}: {
  me: Me;
  filters: TicketFilters;
  onChange: (patch: Partial<TicketFilters>) => void;
}) {
  const { t } = useTranslation('tickets');
  const staff = me.role !== 'user';
  const categories = useCategories();
  const groups = useGroups();
  const statusOptions = TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));
  const priorityOptions = [5, 4, 3, 2, 1].map((p) => ({
    value: String(p),
    label: t(`priority.${p as 1 | 2 | 3 | 4 | 5}`),
  }));
  const ref = (value: number | 'none' | undefined) => (value === undefined ? '' : String(value));
  const parseRef = (value: string) => (value === '' ? undefined : value === 'none' ? 'none' : Number(value));

  return (
    <>
      <MultiSelectFilter
        label={t('filters.status')}
        allLabel={t('filters.allStatuses')}
        options={statusOptions}
        value={filters.status ?? []}
        onChange={(value) => onChange({ status: value.length ? (value as TicketStatus[]) : undefined })}
      />
      {staff ? (
        <MultiSelectFilter
          label={t('filters.priority')}
          allLabel={t('filters.allPriorities')}
          options={priorityOptions}
          value={(filters.priority ?? []).map(String)}
          onChange={(value) => onChange({ priority: value.length ? value.map(Number) : undefined })}
        />
      ) : null}
      <SelectField
        label={t('filters.type')}
        value={filters.type ?? ''}
        onChange={(value) => onChange({ type: (value || undefined) as TicketFilters['type'] })}
        options={TICKET_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }))}
        emptyLabel={t('filters.allTypes')}
      />
      {staff ? (
        <>
          <SelectField
            label={t('filters.category')}
            value={filters.category ? String(filters.category) : ''}
            onChange={(value) => onChange({ category: value ? Number(value) : undefined })}
            options={categorySelectOptions(categories.data ?? [])}
            emptyLabel={t('filters.allCategories')}
          />
          <AssigneeFilter me={me} value={filters.assignee} onChange={(assignee) => onChange({ assignee })} />
          <SelectField
            label={t('filters.group')}
            value={ref(filters.group)}
            onChange={(value) => onChange({ group: parseRef(value) })}
            options={[
              { value: 'none', label: t('filters.noGroup') },
              ...(groups.data ?? []).map((g) => ({ value: String(g.id), label: g.name })),
            ]}
            emptyLabel={t('filters.allGroups')}
          />
          <SelectField
            label={t('filters.sla')}
            value={filters.sla_state ?? ''}
            onChange={(value) => onChange({ sla_state: (value || undefined) as TicketFilters['sla_state'] })}
            options={SLA_HEALTHS.map((s) => ({ value: s, label: t(`slaState.${s}`) }))}
            emptyLabel={t('filters.anySla')}
          />
        </>
      ) : null}
    </>
  );
}

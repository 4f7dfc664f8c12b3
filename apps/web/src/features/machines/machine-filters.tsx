import { MACHINE_STATUSES, type MachineStatus } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { CollapsibleFilters, FilterBar } from '../../components/ui/list-filters';
import { SearchField } from '../../components/ui/search-field';
import { SelectField } from '../../components/ui/select-field';
import { StructureFilter } from '../../components/ui/structure-select';
import { useSites } from '../../lib/lookups';
import { osNamesQuery } from './machine-api';

/** The list's filters as the URL holds them. */
export type MachineFilters = {
  search?: string;
  status?: MachineStatus;
  os?: string;
  structure?: number;
  site?: number;
  software?: string;
  software_version?: string;
};

/**
 * The filters of the machine list: the search always shows; the support team's other filters fold
 * behind a "Filters" button on phones so that the machines stay in sight. "Clear filters" shows when
 * there is something to clear.
 */
export function MachineFilterPanel({
  filters,
  onChange,
  staff,
  count,
  filtered,
  onClear,
}: {
  filters: MachineFilters;
  onChange: (patch: Partial<MachineFilters>) => void;
  staff: boolean;
  /** How many filters are set, the search aside. */
  count: number;
  filtered: boolean;
  onClear: () => void;
}) {
  const { t } = useTranslation('machines');
  const { t: tt } = useTranslation('tickets');

  const status = (
    <SelectField
      label={t('filters.status')}
      value={filters.status ?? ''}
      onChange={(value) => onChange({ status: (value || undefined) as MachineStatus | undefined })}
      options={MACHINE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      emptyLabel={t('filters.allStatuses')}
    />
  );
  const search = (
    <SearchField
      search
      label={t('filters.search')}
      placeholder={t('filters.searchPlaceholder')}
      value={filters.search ?? ''}
      onCommit={(text) => onChange({ search: text || undefined })}
    />
  );

  if (!staff) {
    return (
      <FilterBar className="sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        {search}
        {status}
        {filtered ? <ClearLink onClear={onClear} className="sm:col-span-2" /> : null}
      </FilterBar>
    );
  }

  return (
    <FilterBar className="sm:grid-cols-2 lg:grid-cols-4">
      <CollapsibleFilters search={search} moreLabel={tt('filters.more')} count={count}>
        {status}
        <OsFilter value={filters.os} onChange={(os) => onChange({ os })} />
        <StructureFilter value={filters.structure} onChange={(structure) => onChange({ structure })} />
        <SiteFilter value={filters.site} onChange={(site) => onChange({ site })} />
        <SearchField
          label={t('filters.software')}
          placeholder={t('filters.softwarePlaceholder')}
          value={filters.software ?? ''}
          onCommit={(text) => onChange({ software: text || undefined })}
        />
        <SearchField
          label={t('filters.softwareVersion')}
          placeholder={
            filters.software ? t('filters.softwareVersionPlaceholder') : t('filters.softwareVersionDisabled')
          }
          value={filters.software_version ?? ''}
          onCommit={(text) => onChange({ software_version: text || undefined })}
        />
      </CollapsibleFilters>
      {filtered ? <ClearLink onClear={onClear} className="sm:col-span-2 lg:col-span-4" /> : null}
    </FilterBar>
  );
}

function ClearLink({ onClear, className }: { onClear: () => void; className?: string }) {
  const { t } = useTranslation('shell');
  return (
    <div className={clsx('-mt-1 flex justify-end', className)}>
      <button
        type="button"
        onClick={onClear}
        className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
      >
        {t('filters.clear')}
      </button>
    </div>
  );
}

/** The systems of the latest machines seen (the API lists no others), and the one chosen. */
function OsFilter({ value, onChange }: { value?: string; onChange: (value: string | undefined) => void }) {
  const { t } = useTranslation('machines');
  const names = useQuery(osNamesQuery);
  const options = [...(names.data ?? [])];
  if (value && !options.includes(value)) options.unshift(value);
  return (
    <SelectField
      label={t('filters.os')}
      value={value ?? ''}
      onChange={(os) => onChange(os || undefined)}
      options={options.map((name) => ({ value: name, label: name }))}
      emptyLabel={t('filters.osPlaceholder')}
    />
  );
}

function SiteFilter({ value, onChange }: { value?: number; onChange: (value: number | undefined) => void }) {
  const { t } = useTranslation('machines');
  const sites = useSites();
  return (
    <SelectField
      label={t('filters.site')}
      value={value ? String(value) : ''}
      onChange={(id) => onChange(id ? Number(id) : undefined)}
      options={(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
      emptyLabel={t('filters.allSites')}
    />
  );
}

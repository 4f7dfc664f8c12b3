import type { Page, User } from '@itsm/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useUser } from '../../lib/lookups';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { fullName } from '../../lib/user-names';
import { ComboBox, type ComboBoxOption } from './combo-box';

type Props = {
  label: ReactNode;
  value: number | null;
  onChange: (id: number | null) => void;
  /** Users that may not be chosen (e.g. the user himself as his own manager, the group's members). */
  excludeIds?: readonly number[];
  /** Allows emptying the choice with a ✕ button. */
  clearable?: boolean;
  description?: ReactNode;
  error?: string;
  placeholder?: string;
  autoFocus?: boolean;
  className?: string;
};

const toOption = (
  u: Pick<User, 'id' | 'first_name' | 'last_name' | 'username' | 'email'>,
): ComboBoxOption => ({
  id: u.id,
  label: fullName(u),
  description: `${u.username} · ${u.email}`,
});

/** Search a user by name, username or e-mail (GET /users?search=) and pick one. */
export function UserPicker({
  label,
  value,
  onChange,
  excludeIds = [],
  clearable,
  description,
  error,
  placeholder,
  autoFocus,
  className,
}: Props) {
  const { t } = useTranslation('users');
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<ComboBoxOption | null>(null);
  const search = useDebouncedValue(input.trim(), 250);
  // The text of the chosen user is not a search: show the first page instead.
  const query = chosen && input === chosen.label ? '' : search;

  const results = useQuery({
    queryKey: ['users', 'pick', query],
    queryFn: () =>
      api<Page<User>>('GET', '/users', undefined, { search: query, page_size: 10, ordering: 'last_name' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  // A value given from outside (an edited user's manager): its name in the box.
  const initial = useUser(value !== null && chosen?.id !== value ? value : null);
  useEffect(() => {
    if (initial.data && value === initial.data.id) {
      const option = toOption(initial.data);
      setChosen(option);
      setInput(option.label);
    }
  }, [initial.data, value]);
  useEffect(() => {
    if (value === null && chosen) {
      setChosen(null);
      setInput('');
    }
  }, [value, chosen]);

  const items = useMemo(() => {
    const excluded = new Set(excludeIds);
    const list = (results.data?.results ?? []).filter((u) => !excluded.has(u.id)).map(toOption);
    // The chosen user stays in the list, or the box would forget his name when it loses focus.
    if (chosen && !list.some((o) => o.id === chosen.id)) list.unshift(chosen);
    return list;
  }, [results.data, excludeIds, chosen]);

  return (
    <ComboBox
      label={label}
      description={description}
      error={error}
      placeholder={placeholder ?? t('picker.placeholder')}
      autoFocus={autoFocus}
      className={className}
      inputValue={input}
      onInputChange={setInput}
      items={items}
      selectedKey={value}
      onSelectionChange={(key) => {
        const option = items.find((o) => o.id === key) ?? null;
        setChosen(option);
        if (option) setInput(option.label);
        onChange(option ? Number(option.id) : null);
      }}
      isLoading={results.isFetching}
      emptyLabel={t('picker.empty')}
      loadingLabel={t('picker.loading')}
      clearLabel={clearable ? t('picker.clear') : undefined}
    />
  );
}

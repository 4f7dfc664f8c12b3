import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComboBox, type ComboBoxOption } from '../../components/ui/combo-box';
import { allTimeZones, searchTimeZones, utcOffset } from './time-zones';

// Offsets of the zones shown so far (the whole list is over 400 zones).
const offsets = new Map<string, string>();
function offsetOf(zone: string): string {
  let offset = offsets.get(zone);
  if (offset === undefined) {
    offset = utcOffset(zone);
    offsets.set(zone, offset);
  }
  return offset;
}

/** A searchable select of the IANA time zones ("paris", "new york"), each with its current UTC offset. */
export function TimeZoneField({
  label,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  description?: string;
}) {
  const { t } = useTranslation('ticket-admin');
  const [input, setInput] = useState(value);
  // The text of the chosen zone is not a search: the whole list shows then.
  const query = input === value ? '' : input;
  const zones = useMemo(() => {
    const all = allTimeZones();
    return value && !all.includes(value) ? [value, ...all] : all;
  }, [value]);
  const items = useMemo<ComboBoxOption[]>(() => {
    const found = searchTimeZones(zones, query, query ? 50 : zones.length);
    // The chosen zone stays in the list (last), or the box would forget it when it loses focus.
    if (value && !found.includes(value)) found.push(value);
    return found.map((zone) => ({ id: zone, label: zone, description: offsetOf(zone) }));
  }, [zones, query, value]);

  return (
    <ComboBox
      label={label}
      description={description}
      error={error}
      placeholder={t('calendars.form.timeZonePlaceholder')}
      inputValue={input}
      onInputChange={setInput}
      items={items}
      selectedKey={value || null}
      onSelectionChange={(key) => {
        if (key === null) return;
        onChange(String(key));
        setInput(String(key));
      }}
      emptyLabel={t('calendars.form.noTimeZone')}
    />
  );
}

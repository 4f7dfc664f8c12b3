import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { DateField } from '../../components/ui/date-field';
import { IconButton } from './ui';

/** "lun. 25 déc. 2026" for a local date YYYY-MM-DD, whatever the browser's time zone. */
function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** The holidays of a calendar: dates added one by one, removed with their ✕, grouped by year. */
export function HolidaysField({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (days: string[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation('ticket-admin');
  const language = i18n.resolvedLanguage ?? 'fr';
  const [day, setDay] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const years = useMemo(() => {
    const byYear = new Map<string, string[]>();
    for (const d of [...value].sort()) byYear.set(d.slice(0, 4), [...(byYear.get(d.slice(0, 4)) ?? []), d]);
    return [...byYear];
  }, [value]);

  function add() {
    if (!day) return;
    if (value.includes(day)) {
      setProblem(t('calendars.holidays.duplicate'));
      return;
    }
    onChange([...value, day].sort());
    setDay('');
    setProblem(null);
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-end gap-2">
        <DateField
          label={t('calendars.holidays.date')}
          value={day}
          onChange={(next) => {
            setDay(next);
            setProblem(null);
          }}
          error={problem ?? undefined}
          className="max-w-56 flex-1"
        />
        <Button variant="secondary" isDisabled={!day} onPress={add} className={problem ? 'mb-5' : undefined}>
          {t('calendars.holidays.add')}
        </Button>
      </div>
      {years.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t('calendars.holidays.none')}</p>
      ) : (
        <div className="flex flex-col gap-3">
          {years.map(([year, days]) => (
            <section key={year} aria-label={t('calendars.holidays.yearLabel', { year, count: days.length })}>
              <h4 className="mb-1.5 text-xs font-semibold text-slate-500 tabular-nums dark:text-slate-400">
                {t('calendars.holidays.year', { year, count: days.length })}
              </h4>
              <ul className="flex flex-wrap gap-1.5">
                {days.map((d) => (
                  <li
                    key={d}
                    className="inline-flex items-center gap-0.5 rounded-full bg-slate-100 py-0.5 pr-0.5 pl-2.5 text-sm text-slate-800 ring-1 ring-slate-200 ring-inset dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700"
                  >
                    <time dateTime={d} className="first-letter:uppercase">
                      {formatDay(d, language)}
                    </time>
                    <IconButton
                      aria-label={t('calendars.holidays.remove', { date: formatDay(d, language) })}
                      className="text-slate-500 dark:text-slate-400"
                      onPress={() => onChange(value.filter((v) => v !== d))}
                    >
                      <span aria-hidden="true">✕</span>
                    </IconButton>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {error ? <p className="text-xs font-medium text-rose-600 dark:text-rose-400">{error}</p> : null}
    </div>
  );
}

import { parseTime, type Time } from '@internationalized/date';
import { clsx } from 'clsx';
import {
  Button as AriaButton,
  DateInput,
  DateSegment,
  I18nProvider,
  Switch,
  TimeField,
  type TimeValue,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  type DayHours,
  type Interval,
  intervalProblems,
  MAX_INTERVALS,
  minutesOf,
  nextInterval,
  weekdayNames,
} from './calendar-hours';
import { IconButton } from './ui';

function toTime(text: string): Time | null {
  try {
    return minutesOf(text) === null ? null : parseTime(text);
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const toText = (time: TimeValue | null) => (time ? `${pad(time.hour)}:${pad(time.minute)}` : '');

/** One time typed segment by segment, always on the 24-hour clock. */
function TimeBox({
  label,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy?: string;
}) {
  return (
    <TimeField
      aria-label={label}
      aria-describedby={describedBy}
      value={toTime(value)}
      onChange={(time) => onChange(toText(time))}
      hourCycle={24}
      granularity="minute"
      shouldForceLeadingZeros
      isInvalid={invalid}
      className="flex"
    >
      <DateInput
        className={clsx(
          'flex rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 tabular-nums shadow-xs',
          'focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30 data-[invalid]:border-rose-500',
          'dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
        )}
      >
        {(segment) => (
          <DateSegment
            segment={segment}
            className="rounded-sm px-0.5 outline-none focus:bg-indigo-600 focus:text-white data-[placeholder]:text-slate-400 data-[type=literal]:px-0 dark:data-[placeholder]:text-slate-500"
          />
        )}
      </DateInput>
    </TimeField>
  );
}

/** On/off for a day: open or closed. */
function DaySwitch({
  isSelected,
  onChange,
  label,
  children,
}: {
  isSelected: boolean;
  onChange: (open: boolean) => void;
  label: string;
  children: string;
}) {
  return (
    <Switch
      isSelected={isSelected}
      onChange={onChange}
      aria-label={label}
      className="group flex cursor-default items-center gap-2 text-sm text-slate-600 outline-none dark:text-slate-400"
    >
      <span
        aria-hidden="true"
        className={clsx(
          'flex h-5 w-9 shrink-0 items-center rounded-full bg-slate-300 p-0.5 transition dark:bg-slate-700',
          'group-data-[selected]:bg-indigo-600 group-data-[focus-visible]:outline-2 group-data-[focus-visible]:outline-offset-2 group-data-[focus-visible]:outline-indigo-600',
        )}
      >
        <span className="size-4 rounded-full bg-white shadow-sm transition group-data-[selected]:translate-x-4" />
      </span>
      <span className="w-16">{children}</span>
    </Switch>
  );
}

/** Working hours per weekday, Monday first: open or closed, one or two intervals each. */
export function WeekHoursField({
  value,
  onChange,
  error,
}: {
  value: DayHours[];
  onChange: (days: DayHours[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation('ticket-admin');
  const language = i18n.resolvedLanguage ?? 'fr';
  const names = weekdayNames(language);

  const setDay = (index: number, day: DayHours) => onChange(value.map((d, i) => (i === index ? day : d)));
  const setInterval = (index: number, k: number, interval: Interval) => {
    const day = value[index] as DayHours;
    setDay(index, { ...day, intervals: day.intervals.map((it, j) => (j === k ? interval : it)) });
  };

  return (
    <I18nProvider locale={language}>
      <div className="flex flex-col gap-2">
        <ul className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {value.map((day, index) => {
            const name = names[index] ?? '';
            const problems = intervalProblems(day);
            const firstProblem = problems.find((p) => p !== null);
            const errorId = `week-hours-${index}-error`;
            return (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: the seven weekdays, in a fixed order
                key={index}
                className="flex flex-col gap-2 px-3 py-2.5 sm:flex-row sm:items-start sm:gap-4"
              >
                <div className="flex items-center justify-between gap-3 sm:w-52 sm:shrink-0 sm:justify-start sm:pt-1">
                  <span className="w-24 text-sm font-medium text-slate-900 capitalize dark:text-slate-100">
                    {name}
                  </span>
                  <DaySwitch
                    isSelected={day.open}
                    onChange={(open) => setDay(index, { ...day, open })}
                    label={t('calendars.hours.openLabel', { day: name })}
                  >
                    {day.open ? t('calendars.hours.open') : t('calendars.hours.closed')}
                  </DaySwitch>
                </div>
                {day.open ? (
                  <div className="flex min-w-0 flex-1 flex-col gap-1.5">
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                      {day.intervals.map((interval, k) => (
                        <fieldset
                          // biome-ignore lint/suspicious/noArrayIndexKey: a day's one or two intervals
                          key={k}
                          aria-label={t('calendars.hours.intervalLabel', { day: name, index: k + 1 })}
                          className="flex items-center gap-1.5"
                        >
                          <TimeBox
                            label={t('calendars.hours.start', { day: name, index: k + 1 })}
                            value={interval.start}
                            onChange={(start) => setInterval(index, k, { ...interval, start })}
                            invalid={problems[k] != null}
                            describedBy={firstProblem ? errorId : undefined}
                          />
                          <span aria-hidden="true" className="text-slate-400">
                            –
                          </span>
                          <TimeBox
                            label={t('calendars.hours.end', { day: name, index: k + 1 })}
                            value={interval.end}
                            onChange={(end) => setInterval(index, k, { ...interval, end })}
                            invalid={problems[k] != null}
                            describedBy={firstProblem ? errorId : undefined}
                          />
                          {day.intervals.length > 1 ? (
                            <IconButton
                              aria-label={t('calendars.hours.removeInterval', { day: name, index: k + 1 })}
                              className="size-8 text-slate-500 dark:text-slate-400"
                              onPress={() =>
                                setDay(index, { ...day, intervals: day.intervals.filter((_, j) => j !== k) })
                              }
                            >
                              <span aria-hidden="true">✕</span>
                            </IconButton>
                          ) : null}
                        </fieldset>
                      ))}
                      {day.intervals.length < MAX_INTERVALS ? (
                        <AriaButton
                          className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-semibold text-indigo-700 outline-none hover:bg-indigo-50 data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600 dark:text-indigo-300 dark:hover:bg-indigo-950/50"
                          aria-label={t('calendars.hours.addIntervalLabel', { day: name })}
                          onPress={() =>
                            setDay(index, {
                              ...day,
                              intervals: [...day.intervals, nextInterval(day.intervals)],
                            })
                          }
                        >
                          <span aria-hidden="true">+</span>
                          {t('calendars.hours.addInterval')}
                        </AriaButton>
                      ) : null}
                    </div>
                    {firstProblem ? (
                      <p id={errorId} className="text-xs font-medium text-rose-600 dark:text-rose-400">
                        {t(`calendars.hours.problems.${firstProblem}`)}
                      </p>
                    ) : null}
                  </div>
                ) : (
                  <p className="text-sm text-slate-500 sm:pt-1.5 dark:text-slate-400">
                    {t('calendars.hours.closedDay')}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        {error ? <p className="text-xs font-medium text-rose-600 dark:text-rose-400">{error}</p> : null}
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('calendars.hours.midnightHint')}</p>
      </div>
    </I18nProvider>
  );
}

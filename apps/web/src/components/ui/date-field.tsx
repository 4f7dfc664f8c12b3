import { type CalendarDate, parseDate } from '@internationalized/date';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import {
  Button as AriaButton,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';

type Props = {
  label: ReactNode;
  /** `YYYY-MM-DD`, or '' for no date. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Bounds, `YYYY-MM-DD`. */
  min?: string;
  max?: string;
  className?: string;
};

function toDate(text: string | undefined): CalendarDate | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  try {
    return parseDate(text);
  } catch {
    return null;
  }
}

const iconButton =
  'inline-flex size-8 shrink-0 items-center justify-center rounded-md text-slate-500 outline-none hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white';

/**
 * A date typed segment by segment (day, month, year in the page's language) or picked in a calendar
 * (react-aria DatePicker): keyboard, screen reader and touch friendly. Value as `YYYY-MM-DD`.
 */
export function DateField({ label, value, onChange, error, min, max, className }: Props) {
  const { t, i18n } = useTranslation('shell');
  const date = toDate(value);
  return (
    <I18nProvider locale={i18n.resolvedLanguage ?? 'fr'}>
      <DatePicker
        value={date}
        onChange={(next) => onChange(next ? next.toString() : '')}
        minValue={toDate(min)}
        maxValue={toDate(max)}
        granularity="day"
        isInvalid={Boolean(error)}
        className={clsx('group flex flex-col gap-1.5', className)}
      >
        <Label className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</Label>
        <Group
          className={clsx(
            'flex w-full items-center gap-1 rounded-lg border border-slate-300 bg-white py-0.5 pr-1 pl-3 text-sm text-slate-900 shadow-xs',
            'focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30 data-[invalid]:border-rose-500',
            'dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
          )}
        >
          <DateInput className="flex flex-1 py-1.5 tabular-nums">
            {(segment) => (
              <DateSegment
                segment={segment}
                className="rounded-sm px-0.5 outline-none focus:bg-indigo-600 focus:text-white data-[placeholder]:text-slate-400 data-[type=literal]:px-0 dark:data-[placeholder]:text-slate-500"
              />
            )}
          </DateInput>
          {date ? (
            <AriaButton aria-label={t('date.clear')} onPress={() => onChange('')} className={iconButton}>
              <span aria-hidden="true">✕</span>
            </AriaButton>
          ) : null}
          <AriaButton aria-label={t('date.open')} className={iconButton}>
            <svg
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth={1.75}
              aria-hidden="true"
              className="size-4"
            >
              <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
              <path d="M3.5 10h17M8 3v4M16 3v4" />
            </svg>
          </AriaButton>
        </Group>
        <FieldError className="text-xs font-medium text-rose-600 dark:text-rose-400">{error}</FieldError>
        <Popover
          placement="bottom end"
          className="rounded-xl border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-800 dark:bg-slate-900"
        >
          <Dialog className="outline-none">
            <Calendar className="text-sm text-slate-800 dark:text-slate-100">
              <header className="mb-2 flex items-center justify-between gap-2">
                <AriaButton slot="previous" className={iconButton}>
                  <span aria-hidden="true">‹</span>
                </AriaButton>
                <Heading className="text-sm font-semibold capitalize" />
                <AriaButton slot="next" className={iconButton}>
                  <span aria-hidden="true">›</span>
                </AriaButton>
              </header>
              <CalendarGrid className="border-separate border-spacing-0.5 [&_th]:pb-1 [&_th]:text-xs [&_th]:font-medium [&_th]:text-slate-500">
                {(day) => (
                  <CalendarCell
                    date={day}
                    className={clsx(
                      'flex size-9 cursor-default items-center justify-center rounded-lg outline-none',
                      'hover:bg-slate-100 dark:hover:bg-slate-800 data-[outside-month]:hidden',
                      'data-[selected]:bg-indigo-600 data-[selected]:text-white',
                      'data-[disabled]:text-slate-300 dark:data-[disabled]:text-slate-600',
                      'data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600',
                      'data-[today]:font-bold',
                    )}
                  />
                )}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}

import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';

const boxClass = clsx(
  'w-full min-w-0 rounded-lg border border-slate-300 bg-white py-1.5 pr-9 pl-2.5 text-right text-sm text-slate-900 tabular-nums shadow-xs outline-none',
  'focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 aria-[invalid=true]:border-rose-500',
  'dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
);

/** One number box with its unit inside, on the right ("h", "min"). */
function UnitBox({
  value,
  onChange,
  onBlur,
  unit,
  label,
  invalid,
  describedBy,
  maxLength,
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  unit: string;
  label: string;
  invalid?: boolean;
  describedBy?: string;
  maxLength: number;
}) {
  return (
    <span className="relative block min-w-0 flex-1">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
        onBlur={onBlur}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={boxClass}
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-xs text-slate-500 dark:text-slate-400"
      >
        {unit}
      </span>
    </span>
  );
}

/** A duration typed in hours and minutes, side by side; `label` names both boxes for screen readers. */
export function DurationInput({
  label,
  hours,
  minutes,
  onHoursChange,
  onMinutesChange,
  onBlur,
  invalid,
  describedBy,
  className,
}: {
  label: string;
  hours: string;
  minutes: string;
  onHoursChange: (value: string) => void;
  onMinutesChange: (value: string) => void;
  onBlur?: () => void;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
}) {
  const { t } = useTranslation('ticket-admin');
  return (
    <span className={clsx('flex min-w-0 gap-1.5', className)}>
      <UnitBox
        value={hours}
        onChange={onHoursChange}
        onBlur={onBlur}
        unit={t('durations.hoursUnit')}
        label={t('durations.hoursOf', { what: label })}
        invalid={invalid}
        describedBy={describedBy}
        maxLength={4}
      />
      <UnitBox
        value={minutes}
        onChange={onMinutesChange}
        onBlur={onBlur}
        unit={t('durations.minutesUnit')}
        label={t('durations.minutesOf', { what: label })}
        invalid={invalid}
        describedBy={describedBy}
        maxLength={2}
      />
    </span>
  );
}

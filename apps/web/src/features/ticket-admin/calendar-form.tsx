import { zodResolver } from '@hookform/resolvers/zod';
import { type Calendar, type CalendarCreate, CalendarCreateSchema } from '@itsm/contracts';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormTextField } from '../../components/ui/form-text-field';
import type { FieldMessages } from '../../components/ui/server-errors';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { i18n } from '../../i18n';
import { saveObject } from '../../lib/save';
import { type DayHours, formToHours, hoursToForm, officeDay, WEEKDAYS, weekProblem } from './calendar-hours';
import { HolidaysField } from './holidays-field';
import { useRefreshTicketConfig } from './queries';
import { TimeZoneField } from './time-zone-field';
import { FormSection } from './ui';
import { WeekHoursField } from './week-hours-field';

const interval = z.object({ start: z.string(), end: z.string() });
const schema = z
  .object({
    name: CalendarCreateSchema.shape.name,
    time_zone: z.string().min(1),
    days: z.array(z.object({ open: z.boolean(), intervals: z.array(interval) })).length(7),
    holidays: z.array(z.string()).max(1000),
  })
  .superRefine((v, ctx) => {
    const problem = weekProblem(v.days);
    if (problem) ctx.addIssue({ code: 'custom', path: ['days'], message: problem });
  });
type FormValues = z.infer<typeof schema>;
const FIELDS = { name: 'name', time_zone: 'time_zone', hours: 'days', holidays: 'holidays' } as const;

const calendarFieldMessages: FieldMessages = (problem) => {
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  if (problem.field === 'time_zone') return t('ticket-admin:calendars.fieldErrors.time_zone');
  if (problem.field === 'hours') return t('ticket-admin:calendars.fieldErrors.intervals');
  return undefined;
};

// A new calendar: office hours Monday to Friday, in the browser's time zone.
const newWeek = (): DayHours[] => WEEKDAYS.map((day) => ({ open: day <= 5, intervals: officeDay() }));
const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Paris';
  } catch {
    return 'Europe/Paris';
  }
};

/** Create a business calendar or edit one: time zone, working hours per weekday, holidays. */
export function CalendarForm({ calendar, onDone }: { calendar: Calendar | null; onDone: () => void }) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshTicketConfig();
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: calendar?.name ?? '',
      time_zone: calendar?.time_zone ?? browserZone(),
      days: calendar ? hoursToForm(calendar.hours) : newWeek(),
      holidays: calendar?.holidays ?? [],
    },
  });
  const { control, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS, { messages: calendarFieldMessages });

  const submit = onSubmit(async (v) => {
    const body: CalendarCreate = {
      name: v.name,
      time_zone: v.time_zone,
      hours: formToHours(v.days),
      holidays: v.holidays,
    };
    const saved = await saveObject<Calendar>('/calendars', calendar, body);
    notify(t(calendar ? 'calendars.toast.updated' : 'calendars.toast.created', { name: saved.name }));
    await refresh();
    onDone();
  });

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], (error) => {
      if (field === 'days')
        return t(`calendars.fieldErrors.${error.message === 'noHours' ? 'noHours' : 'intervals'}`);
      if (field === 'time_zone') return t('calendars.fieldErrors.time_zone');
      if (field === 'name') return t('calendars.fieldErrors.name');
      return t('common.invalid');
    });

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-5">
      <FormSection title={t('calendars.form.general')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormTextField
            control={control}
            name="name"
            label={t('calendars.fields.name')}
            error={message('name')}
            isRequired
            autoFocus
            maxLength={150}
          />
          <Controller
            control={control}
            name="time_zone"
            render={({ field }) => (
              <TimeZoneField
                label={t('calendars.fields.timeZone')}
                value={field.value}
                onChange={field.onChange}
                error={message('time_zone')}
              />
            )}
          />
        </div>
      </FormSection>

      <FormSection title={t('calendars.form.hours')} description={t('calendars.form.hoursHint')}>
        <Controller
          control={control}
          name="days"
          render={({ field }) => (
            <WeekHoursField
              value={field.value}
              onChange={(days) => {
                field.onChange(days);
                if (formState.errors.days) void form.trigger('days');
              }}
              error={formState.errors.days ? message('days') : undefined}
            />
          )}
        />
      </FormSection>

      <FormSection title={t('calendars.form.holidays')} description={t('calendars.form.holidaysHint')}>
        <Controller
          control={control}
          name="holidays"
          render={({ field }) => (
            <HolidaysField value={field.value} onChange={field.onChange} error={message('holidays')} />
          )}
        />
      </FormSection>

      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onDone}
        isPending={formState.isSubmitting}
        submitLabel={calendar ? ts('actions.save') : ts('actions.create')}
        className="border-t border-slate-200 pt-4 dark:border-slate-800"
      />
    </form>
  );
}

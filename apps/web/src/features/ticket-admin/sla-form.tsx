import { zodResolver } from '@hookform/resolvers/zod';
import { type Sla, type SlaCreate, SlaCreateSchema } from '@itsm/contracts';
import { Controller, type FieldErrors, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Checkbox } from '../../components/ui/checkbox';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormSelectField } from '../../components/ui/form-select-field';
import { FormTextField } from '../../components/ui/form-text-field';
import type { FieldMessages } from '../../components/ui/server-errors';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { i18n } from '../../i18n';
import { saveObject } from '../../lib/save';
import { DurationInput } from './duration-input';
import { joinMinutes, MAX_TARGET_MINUTES, splitMinutes } from './durations';
import { useCalendars, useRefreshTicketConfig } from './queries';
import { SharesField } from './shares-field';
import { FormSection, type Level, PriorityLabel } from './ui';

const shape = SlaCreateSchema.shape;

const PRIORITIES = [5, 4, 3, 2, 1] as const satisfies readonly Level[];

const targetRow = z
  .object({
    first_hours: z.string(),
    first_minutes: z.string(),
    resolution_hours: z.string(),
    resolution_minutes: z.string(),
  })
  .superRefine((row, ctx) => {
    const first = joinMinutes(row.first_hours, row.first_minutes);
    const resolution = joinMinutes(row.resolution_hours, row.resolution_minutes);
    if (first === null) ctx.addIssue({ code: 'custom', path: ['first_hours'], message: 'duration' });
    if (resolution === null)
      ctx.addIssue({ code: 'custom', path: ['resolution_hours'], message: 'duration' });
    if (first !== null && resolution !== null && first > resolution)
      ctx.addIssue({ code: 'custom', path: ['first_hours'], message: 'order' });
  });
type TargetRow = z.infer<typeof targetRow>;

// Targets: one row per priority, index = priority - 1, each duration as typed in hours and minutes.
const schema = z
  .object({
    name: shape.name,
    description: z.string().max(2000),
    calendar: z.string(),
    targets: z.array(targetRow).length(5),
    warning_shares: z.array(z.number()).max(5),
    is_default: z.boolean(),
    is_active: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.is_default && !v.is_active)
      ctx.addIssue({ code: 'custom', path: ['is_active'], message: 'defaultActive' });
  });
type FormValues = z.infer<typeof schema>;

// The server names a target as `targets.5.first_response_minutes`: its row's hours box in the form.
const FIELDS = {
  name: 'name',
  description: 'description',
  calendar: 'calendar',
  warning_shares: 'warning_shares',
  is_default: 'is_default',
  is_active: 'is_active',
  ...Object.fromEntries(
    PRIORITIES.flatMap((p) => [
      [`targets.${p}.first_response_minutes`, `targets.${p - 1}.first_hours`],
      [`targets.${p}.resolution_minutes`, `targets.${p - 1}.resolution_hours`],
    ]),
  ),
} as const;

const slaFieldMessages: FieldMessages = (problem) => {
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  if (problem.code === 'not_found') return t('ticket-admin:common.gone');
  if (problem.field.startsWith('targets.') && problem.code === 'too_big')
    return t('ticket-admin:slas.fieldErrors.order');
  if (problem.field === 'is_default' || problem.field === 'is_active')
    return t('ticket-admin:slas.fieldErrors.defaultActive');
  return undefined;
};

const splitRow = (first: number, resolution: number): TargetRow => {
  const f = splitMinutes(first);
  const r = splitMinutes(resolution);
  const text = (n: number) => (n === 0 ? '' : String(n));
  return {
    first_hours: text(f.hours),
    first_minutes: text(f.minutes),
    resolution_hours: text(r.hours),
    resolution_minutes: text(r.minutes),
  };
};

// A new SLA starts from sensible business-hours targets, priority 1 to 5.
const NEW_TARGETS: [number, number][] = [
  [480, 2400],
  [240, 1440],
  [120, 960],
  [60, 480],
  [30, 240],
];

function TargetsTable({
  value,
  onChange,
  onBlur,
  errors,
}: {
  value: TargetRow[];
  onChange: (value: TargetRow[]) => void;
  onBlur: () => void;
  errors: FieldErrors<FormValues>['targets'];
}) {
  const { t } = useTranslation('ticket-admin');
  const set = (priority: Level, key: keyof TargetRow, text: string) =>
    onChange(value.map((row, index) => (index === priority - 1 ? { ...row, [key]: text } : row)));
  const rowError = (priority: Level) => {
    const e = errors?.[priority - 1];
    const problem =
      e?.first_hours?.message ?? e?.resolution_hours?.message ?? e?.first_minutes?.message ?? undefined;
    if (!problem) return undefined;
    if (problem === 'order') return t('slas.fieldErrors.order');
    if (problem === 'duration') return t('slas.fieldErrors.duration', { max: MAX_TARGET_MINUTES / 60 });
    return problem;
  };

  return (
    <div className="flex flex-col gap-2">
      <div
        aria-hidden="true"
        className="hidden grid-cols-[8.5rem_1fr_1fr] gap-3 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase sm:grid dark:text-slate-400"
      >
        <span>{t('slas.targets.priority')}</span>
        <span>{t('slas.targets.firstResponse')}</span>
        <span>{t('slas.targets.resolution')}</span>
      </div>
      {PRIORITIES.map((priority) => {
        const row = value[priority - 1] as TargetRow;
        const error = rowError(priority);
        const errorId = `sla-target-${priority}-error`;
        const priorityName = t('slas.targets.rowLabel', { priority, name: t(`priority.${priority}`) });
        const e = errors?.[priority - 1];
        return (
          <fieldset
            key={priority}
            aria-label={priorityName}
            className="grid grid-cols-2 gap-x-3 gap-y-1.5 rounded-lg border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-[8.5rem_1fr_1fr] sm:items-center dark:border-slate-800 dark:bg-slate-950/40"
          >
            <span className="col-span-2 text-sm font-medium text-slate-800 sm:col-span-1 dark:text-slate-200">
              <PriorityLabel level={priority} />
            </span>
            <span className="flex min-w-0 flex-col gap-1">
              <span aria-hidden="true" className="text-xs text-slate-500 sm:hidden dark:text-slate-400">
                {t('slas.targets.firstResponse')}
              </span>
              <DurationInput
                label={`${priorityName}, ${t('slas.targets.firstResponse')}`}
                hours={row.first_hours}
                minutes={row.first_minutes}
                onHoursChange={(text) => set(priority, 'first_hours', text)}
                onMinutesChange={(text) => set(priority, 'first_minutes', text)}
                onBlur={onBlur}
                invalid={Boolean(e?.first_hours)}
                describedBy={error ? errorId : undefined}
              />
            </span>
            <span className="flex min-w-0 flex-col gap-1">
              <span aria-hidden="true" className="text-xs text-slate-500 sm:hidden dark:text-slate-400">
                {t('slas.targets.resolution')}
              </span>
              <DurationInput
                label={`${priorityName}, ${t('slas.targets.resolution')}`}
                hours={row.resolution_hours}
                minutes={row.resolution_minutes}
                onHoursChange={(text) => set(priority, 'resolution_hours', text)}
                onMinutesChange={(text) => set(priority, 'resolution_minutes', text)}
                onBlur={onBlur}
                invalid={Boolean(e?.resolution_hours)}
                describedBy={error ? errorId : undefined}
              />
            </span>
            {error ? (
              <p
                id={errorId}
                className="col-span-2 text-xs font-medium text-rose-600 sm:col-span-3 dark:text-rose-400"
              >
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}

/** Create an SLA or edit one: calendar, targets per priority, warnings, default and active flags. */
export function SlaForm({ sla, onDone }: { sla: Sla | null; onDone: (saved: Sla | null) => void }) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshTicketConfig();
  const calendars = useCalendars();
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: sla?.name ?? '',
      description: sla?.description ?? '',
      calendar: sla ? (sla.calendar === null ? '' : String(sla.calendar)) : '',
      targets: sla
        ? ([1, 2, 3, 4, 5] as const).map((p) =>
            splitRow(sla.targets[p].first_response_minutes, sla.targets[p].resolution_minutes),
          )
        : NEW_TARGETS.map(([first, resolution]) => splitRow(first, resolution)),
      warning_shares: sla?.warning_shares ?? [0.75, 1],
      is_default: sla?.is_default ?? false,
      is_active: sla?.is_active ?? true,
    },
  });
  const { control, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS, { messages: slaFieldMessages });

  const submit = onSubmit(async (v) => {
    const minutes = (row: TargetRow) => ({
      first_response_minutes: joinMinutes(row.first_hours, row.first_minutes) as number,
      resolution_minutes: joinMinutes(row.resolution_hours, row.resolution_minutes) as number,
    });
    const targets = Object.fromEntries(v.targets.map((row, index) => [String(index + 1), minutes(row)]));
    const body: SlaCreate = {
      name: v.name,
      description: v.description.trim() || null,
      calendar: v.calendar === '' ? null : Number(v.calendar),
      targets: targets as SlaCreate['targets'],
      warning_shares: v.warning_shares,
      is_default: v.is_default,
      is_active: v.is_active,
    };
    const saved = await saveObject<Sla>('/slas', sla, body);
    notify(t(sla ? 'slas.toast.updated' : 'slas.toast.created', { name: saved.name }));
    await refresh();
    onDone(saved);
  });

  const message = (
    field: 'name' | 'description' | 'calendar' | 'warning_shares' | 'is_active' | 'is_default',
  ) =>
    formFieldMessage(formState.errors[field], (error) =>
      error.message === 'defaultActive'
        ? t('slas.fieldErrors.defaultActive')
        : field === 'name'
          ? t('slas.fieldErrors.name')
          : t('common.tooLong'),
    );

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-5">
      <FormSection title={t('slas.form.general')}>
        <FormTextField
          control={control}
          name="name"
          label={t('slas.fields.name')}
          error={message('name')}
          isRequired
          autoFocus
          maxLength={150}
        />
        <FormTextField
          control={control}
          name="description"
          label={t('slas.fields.description')}
          multiline
          maxLength={2000}
          error={message('description')}
        />
        <FormSelectField
          control={control}
          name="calendar"
          label={t('slas.fields.calendar')}
          emptyLabel={t('slas.form.alwaysOpen')}
          options={(calendars.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          error={message('calendar')}
        />
      </FormSection>

      <FormSection title={t('slas.form.targets')} description={t('slas.form.targetsHint')}>
        <Controller
          control={control}
          name="targets"
          render={({ field }) => (
            <TargetsTable
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              errors={formState.errors.targets}
            />
          )}
        />
      </FormSection>

      <FormSection title={t('slas.form.warnings')}>
        <Controller
          control={control}
          name="warning_shares"
          render={({ field }) => (
            <SharesField
              label={t('slas.fields.warningShares')}
              description={t('slas.form.warningsHint')}
              value={field.value}
              onChange={field.onChange}
              error={message('warning_shares')}
            />
          )}
        />
      </FormSection>

      <FormSection title={t('slas.form.use')}>
        {(['is_default', 'is_active'] as const).map((name) => (
          <Controller
            key={name}
            control={control}
            name={name}
            render={({ field, fieldState }) => (
              <div className="flex flex-col gap-1">
                <Checkbox
                  isSelected={field.value}
                  onChange={(value) => {
                    field.onChange(value);
                    form.clearErrors(['is_default', 'is_active']);
                  }}
                  description={t(name === 'is_default' ? 'slas.form.defaultHint' : 'slas.form.activeHint')}
                  isInvalid={Boolean(fieldState.error)}
                >
                  {t(name === 'is_default' ? 'slas.fields.default' : 'slas.fields.active')}
                </Checkbox>
                {fieldState.error ? (
                  <p className="pl-6.5 text-xs font-medium text-rose-600 dark:text-rose-400">
                    {message(name)}
                  </p>
                ) : null}
              </div>
            )}
          />
        ))}
      </FormSection>

      <FormError>{formError}</FormError>
      <FormActions
        onCancel={() => onDone(null)}
        isPending={formState.isSubmitting}
        submitLabel={sla ? ts('actions.save') : ts('actions.create')}
        className="border-t border-slate-200 pt-4 dark:border-slate-800"
      />
    </form>
  );
}

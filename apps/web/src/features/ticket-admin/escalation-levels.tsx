import { zodResolver } from '@hookform/resolvers/zod';
import {
  ESCALATION_NOTIFY,
  type EscalationLevel,
  type EscalationLevelCreate,
  EscalationLevelCreateSchema,
  type Page,
  SLA_TARGETS,
  type Sla,
} from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ActionMenu } from '../../components/ui/action-menu';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Checkbox, CheckboxGroup } from '../../components/ui/checkbox';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormSelectField } from '../../components/ui/form-select-field';
import { FormTextField } from '../../components/ui/form-text-field';
import { ItemDialog } from '../../components/ui/item-dialog';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import type { FieldMessages } from '../../components/ui/server-errors';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { i18n } from '../../i18n';
import { api } from '../../lib/api';
import { namesById, useGroups } from '../../lib/lookups';
import { saveObject } from '../../lib/save';
import { adminQueryKey, useRefreshTicketConfig } from './queries';
import { formatShare, parsePercent, percentText } from './shares';

/** Every escalation level (a help desk has a handful), or those of one SLA. */
export const escalationLevelsQuery = (sla?: number) => ({
  queryKey: adminQueryKey('escalation-levels', sla ?? 'all'),
  queryFn: async () =>
    (
      await api<Page<EscalationLevel>>('GET', '/escalation-levels', undefined, {
        sla,
        page_size: 200,
        ordering: 'id',
      })
    ).results,
});

/** Levels in the order they fire: first-response ones first, then by share, the breach last. */
export function sortLevels(levels: readonly EscalationLevel[]): EscalationLevel[] {
  const at = (l: EscalationLevel) => l.trigger_share ?? 1;
  return [...levels].sort(
    (a, b) =>
      SLA_TARGETS.indexOf(a.target) - SLA_TARGETS.indexOf(b.target) ||
      at(a) - at(b) ||
      Number(a.trigger_share === null) - Number(b.trigger_share === null) ||
      a.id - b.id,
  );
}

const TRIGGER_MAX = 10;

const schema = z
  .object({
    name: EscalationLevelCreateSchema.shape.name,
    target: z.enum(SLA_TARGETS),
    trigger: z.enum(['share', 'breach']),
    share: z.string(),
    notify: z.array(z.enum(ESCALATION_NOTIFY)),
    reassign_group: z.string(),
    priority_raise: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.trigger === 'share' && parsePercent(v.share, TRIGGER_MAX) === null)
      ctx.addIssue({ code: 'custom', path: ['share'], message: 'share' });
    if (v.notify.length === 0 && v.reassign_group === '' && v.priority_raise === '0')
      ctx.addIssue({ code: 'custom', path: ['notify'], message: 'action' });
  });
type FormValues = z.infer<typeof schema>;

const FIELDS = {
  name: 'name',
  target: 'target',
  trigger_share: 'share',
  notify: 'notify',
  reassign_group: 'reassign_group',
  priority_raise: 'priority_raise',
} as const;

const levelFieldMessages: FieldMessages = (problem) => {
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  if (problem.code === 'not_found') return t('ticket-admin:common.gone');
  if (problem.field === 'notify' && problem.code === 'required')
    return t('ticket-admin:escalation.fieldErrors.action');
  return undefined;
};

function LevelForm({ sla, level, onDone }: { sla: Sla; level: EscalationLevel | null; onDone: () => void }) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshTicketConfig();
  const groups = useGroups();
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: level?.name ?? '',
      target: level?.target ?? 'resolution',
      trigger: level && level.trigger_share === null ? 'breach' : 'share',
      share: level?.trigger_share != null ? percentText(level.trigger_share) : level ? '' : '75',
      notify: level?.notify ?? ['assignee'],
      reassign_group: level?.reassign_group ? String(level.reassign_group) : '',
      priority_raise: String(level?.priority_raise ?? 0),
    },
  });
  const { control, formState, clearErrors } = form;
  const trigger = useWatch({ control, name: 'trigger' });
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS, { messages: levelFieldMessages });

  const submit = onSubmit(async (v) => {
    const body = {
      name: v.name,
      target: v.target,
      trigger_share: v.trigger === 'breach' ? null : parsePercent(v.share, TRIGGER_MAX),
      notify: ESCALATION_NOTIFY.filter((n) => v.notify.includes(n)),
      reassign_group: v.reassign_group === '' ? null : Number(v.reassign_group),
      priority_raise: Number(v.priority_raise),
    };
    const saved = await saveObject<EscalationLevel>(
      '/escalation-levels',
      level,
      level ? body : ({ ...body, sla: sla.id } satisfies EscalationLevelCreate),
    );
    notify(t(level ? 'escalation.toast.updated' : 'escalation.toast.created', { name: saved.name }));
    await refresh();
    onDone();
  });

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], (error) => {
      if (error.message === 'share') return t('escalation.fieldErrors.share', { max: TRIGGER_MAX * 100 });
      if (error.message === 'action') return t('escalation.fieldErrors.action');
      return field === 'name' ? t('escalation.fieldErrors.name') : t('common.invalid');
    });

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormTextField
        control={control}
        name="name"
        label={t('escalation.fields.name')}
        placeholder={t('escalation.form.namePlaceholder')}
        error={message('name')}
        isRequired
        autoFocus
        maxLength={150}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={control}
          name="target"
          render={({ field }) => (
            <RadioGroup label={t('escalation.fields.target')} value={field.value} onChange={field.onChange}>
              {SLA_TARGETS.map((target) => (
                <Radio key={target} value={target}>
                  {t(`escalation.target.${target}`)}
                </Radio>
              ))}
            </RadioGroup>
          )}
        />
        <div className="flex flex-col gap-2">
          <Controller
            control={control}
            name="trigger"
            render={({ field }) => (
              <RadioGroup
                label={t('escalation.fields.trigger')}
                value={field.value}
                onChange={(value) => {
                  field.onChange(value);
                  clearErrors('share');
                }}
              >
                <Radio value="share">{t('escalation.trigger.share')}</Radio>
                <Radio value="breach">{t('escalation.trigger.breach')}</Radio>
              </RadioGroup>
            )}
          />
          {trigger === 'share' ? (
            <FormTextField
              control={control}
              name="share"
              label={t('escalation.fields.share')}
              description={t('escalation.form.shareHint')}
              inputMode="decimal"
              error={message('share')}
              className="[&_input]:max-w-32"
            />
          ) : null}
        </div>
      </div>
      <Controller
        control={control}
        name="notify"
        render={({ field }) => (
          <CheckboxGroup
            label={t('escalation.fields.notify')}
            value={field.value}
            onChange={(value) => {
              field.onChange(value);
              clearErrors('notify');
            }}
            error={message('notify')}
            listClassName="sm:flex-row sm:flex-wrap sm:gap-x-6"
          >
            {ESCALATION_NOTIFY.map((who) => (
              <Checkbox key={who} value={who}>
                {t(`escalation.notify.${who}`)}
              </Checkbox>
            ))}
          </CheckboxGroup>
        )}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormSelectField
          control={control}
          name="reassign_group"
          label={t('escalation.fields.reassignGroup')}
          emptyLabel={groups.isLoading ? ts('states.loading') : t('escalation.form.noReassign')}
          options={(groups.data ?? [])
            .map((g) => ({ value: String(g.id), label: g.name }))
            .sort((a, b) => a.label.localeCompare(b.label))}
          error={message('reassign_group')}
        />
        <FormSelectField
          control={control}
          name="priority_raise"
          label={t('escalation.fields.priorityRaise')}
          options={[0, 1, 2, 3, 4].map((n) => ({
            value: String(n),
            label: n === 0 ? t('escalation.form.noRaise') : t('escalation.form.raiseBy', { count: n }),
          }))}
          error={message('priority_raise')}
        />
      </div>
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onDone}
        isPending={formState.isSubmitting}
        submitLabel={level ? ts('actions.save') : t('escalation.form.add')}
        className="border-t border-slate-200 pt-4 dark:border-slate-800"
      />
    </form>
  );
}

/** "Resolution · at 75 %", "First response · at the breach". */
export function triggerText(level: EscalationLevel, language: string): string {
  const t = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;
  const target = t(`ticket-admin:escalation.target.${level.target}`);
  const when =
    level.trigger_share === null
      ? t('ticket-admin:escalation.when.breach')
      : t('ticket-admin:escalation.when.share', { share: formatShare(level.trigger_share, language) });
  return `${target} · ${when}`;
}

function LevelCard({
  level,
  groupName,
  onEdit,
  onDelete,
}: {
  level: EscalationLevel;
  groupName: (id: number) => string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, i18n: i } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const language = i.resolvedLanguage ?? 'fr';
  const actions = [
    ...(level.notify.length > 0
      ? [
          t('escalation.card.notify', {
            list: new Intl.ListFormat(language).format(
              level.notify.map((n) => t(`escalation.notifyList.${n}`)),
            ),
          }),
        ]
      : []),
    ...(level.reassign_group !== null
      ? [t('escalation.card.reassign', { name: groupName(level.reassign_group) })]
      : []),
    ...(level.priority_raise > 0 ? [t('escalation.card.raise', { count: level.priority_raise })] : []),
  ];
  return (
    <li className="flex items-start gap-3 rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="min-w-0 flex-1">
        <p className="font-medium break-words text-slate-900 dark:text-white">{level.name}</p>
        <p className="mt-0.5">
          <Badge tone={level.trigger_share === null || level.trigger_share > 1 ? 'rose' : 'amber'}>
            {triggerText(level, language)}
          </Badge>
        </p>
        <ul className="mt-1.5 flex flex-col gap-0.5 text-sm text-slate-600 dark:text-slate-400">
          {actions.map((action) => (
            <li key={action}>
              <span aria-hidden="true">→ </span>
              {action}
            </li>
          ))}
        </ul>
      </div>
      <ActionMenu
        label={t('escalation.actionsFor', { name: level.name })}
        items={[
          { id: 'edit', label: ts('actions.edit') },
          { id: 'delete', label: ts('actions.delete'), tone: 'danger', separatorBefore: true },
        ]}
        onAction={(id) => (id === 'edit' ? onEdit() : onDelete())}
        className="-mt-1 -mr-1 shrink-0"
      />
    </li>
  );
}

function LevelsPanel({ sla, onClose }: { sla: Sla; onClose: () => void }) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const levels = useQuery(escalationLevelsQuery(sla.id));
  const groups = useGroups();
  const groupNames = namesById(groups.data);
  const refresh = useRefreshTicketConfig();
  const [editing, setEditing] = useState<EscalationLevel | 'new' | null>(null);
  const [deleting, setDeleting] = useState<EscalationLevel | null>(null);

  if (editing !== null) {
    return (
      <div className="flex flex-col gap-4">
        <h3 className="text-sm font-semibold text-slate-900 dark:text-white">
          {editing === 'new'
            ? t('escalation.form.createTitle')
            : t('escalation.form.editTitle', { name: editing.name })}
        </h3>
        <LevelForm sla={sla} level={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('escalation.intro')}</p>
      {levels.error ? (
        <ErrorState error={levels.error} onRetry={() => void levels.refetch()} />
      ) : !levels.data ? (
        <Spinner />
      ) : levels.data.length === 0 ? (
        <EmptyState title={t('escalation.empty')} />
      ) : (
        <ol className="flex flex-col gap-2" aria-label={t('escalation.listLabel', { name: sla.name })}>
          {sortLevels(levels.data).map((level) => (
            <LevelCard
              key={level.id}
              level={level}
              groupName={(id) => groupNames.get(id) ?? '…'}
              onEdit={() => setEditing(level)}
              onDelete={() => setDeleting(level)}
            />
          ))}
        </ol>
      )}
      <div className="flex flex-col-reverse gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:justify-between dark:border-slate-800">
        <Button variant="secondary" onPress={onClose}>
          {ts('actions.close')}
        </Button>
        <Button onPress={() => setEditing('new')}>{t('escalation.add')}</Button>
      </div>
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('escalation.delete.title', { name: deleting?.name ?? '' })}
        confirmLabel={ts('actions.delete')}
        onConfirm={async () => {
          if (!deleting) return;
          await api('DELETE', `/escalation-levels/${deleting.id}`);
          notify(t('escalation.toast.deleted', { name: deleting.name }));
          await refresh();
        }}
      >
        {t('escalation.delete.text')}
      </ConfirmDialog>
    </div>
  );
}

/** The escalation levels of an SLA: listed in firing order, added, changed and removed in place. */
export function EscalationLevelsDialog({ sla, onClose }: { sla: Sla | null; onClose: () => void }) {
  const { t } = useTranslation('ticket-admin');
  return (
    <ItemDialog item={sla} onClose={onClose} size="lg" title={(s) => t('escalation.title', { name: s.name })}>
      {(s) => <LevelsPanel sla={s} onClose={onClose} />}
    </ItemDialog>
  );
}

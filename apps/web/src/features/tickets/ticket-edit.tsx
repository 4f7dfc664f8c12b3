import { zodResolver } from '@hookform/resolvers/zod';
import { TICKET_TYPES, type TicketDetail, type TicketUpdate } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormSelectField } from '../../components/ui/form-select-field';
import { FormTextField } from '../../components/ui/form-text-field';
import { ItemDialog } from '../../components/ui/item-dialog';
import { SelectField } from '../../components/ui/select-field';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { api } from '../../lib/api';
import { useSites } from '../../lib/lookups';
import { AssigneeField, GroupField } from './assignee-field';
import { MarkdownEditor } from './markdown-editor';
import { ticketKeys, useCategories } from './ticket-api';
import { categorySelectOptions } from './ticket-form';

const schema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(100_000),
  type: z.enum(TICKET_TYPES),
  urgency: z.string(),
  impact: z.string(),
  priority: z.string(),
  category: z.string(),
  group: z.number().nullable(),
  assignee: z.number().nullable(),
  site: z.string(),
});
type FormValues = z.infer<typeof schema>;
const FIELDS = [
  'title',
  'description',
  'type',
  'urgency',
  'impact',
  'priority',
  'category',
  'group',
  'assignee',
  'site',
] as const;

const idText = (id: number | null) => (id === null ? '' : String(id));
const textId = (text: string) => (text ? Number(text) : null);

/** The fields the support team may change on a ticket; only what changed is sent. */
export function EditTicketDialog({ ticket, onClose }: { ticket: TicketDetail | null; onClose: () => void }) {
  const { t } = useTranslation('tickets');
  return (
    <ItemDialog
      item={ticket}
      onClose={onClose}
      size="lg"
      title={(item) => t('edit.title', { number: item.number })}
    >
      {(item) => <EditTicketForm ticket={item} onDone={onClose} />}
    </ItemDialog>
  );
}

function EditTicketForm({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const { t } = useTranslation('tickets');
  const queryClient = useQueryClient();
  const categories = useCategories();
  const sites = useSites();
  const initial: FormValues = {
    title: ticket.title,
    description: ticket.description,
    type: ticket.type,
    urgency: String(ticket.urgency),
    impact: String(ticket.impact),
    priority: String(ticket.priority),
    category: idText(ticket.category),
    group: ticket.group,
    assignee: ticket.assignee,
    site: idText(ticket.site),
  };
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: initial,
  });
  const { control, formState, setValue } = form;
  const group = useWatch({ control, name: 'group' });
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS);

  const submit = onSubmit(async (v) => {
    const patch: TicketUpdate = {};
    if (v.title.trim() !== ticket.title) patch.title = v.title.trim();
    if (v.description !== ticket.description) patch.description = v.description;
    if (v.type !== ticket.type) patch.type = v.type;
    if (v.urgency !== initial.urgency) patch.urgency = Number(v.urgency);
    if (v.impact !== initial.impact) patch.impact = Number(v.impact);
    if (v.priority !== initial.priority) patch.priority = Number(v.priority);
    if (v.category !== initial.category) patch.category = textId(v.category);
    if (v.group !== ticket.group) patch.group = v.group;
    if (v.assignee !== ticket.assignee) patch.assignee = v.assignee;
    if (v.site !== initial.site) patch.site = textId(v.site);
    if (Object.keys(patch).length === 0) return onDone();
    const updated = await api<TicketDetail>('PATCH', `/tickets/${ticket.id}`, patch);
    queryClient.setQueryData(ticketKeys.detail(ticket.id), updated);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticket.id) }),
      queryClient.invalidateQueries({ queryKey: ticketKeys.list }),
    ]);
    notify(t('edit.saved'));
    onDone();
  });

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], () =>
      t(`new.errors.${field === 'title' ? 'title' : 'invalid'}`),
    );
  const levels = (kind: 'urgency' | 'impact' | 'priority') =>
    ['5', '4', '3', '2', '1'].map((level) => ({
      value: level,
      label: kind === 'priority' ? t(`priority.${level as '1'}`) : t(`${kind}.${level as '1'}`),
    }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormTextField
        control={control}
        name="title"
        label={t('fields.title')}
        error={message('title')}
        isRequired
        maxLength={200}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormSelectField
          control={control}
          name="type"
          label={t('fields.type')}
          options={TICKET_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }))}
        />
        <FormSelectField
          control={control}
          name="category"
          label={t('fields.category')}
          options={categorySelectOptions(categories.data ?? [])}
          emptyLabel={t('detail.noCategory')}
          error={message('category')}
        />
        <FormSelectField
          control={control}
          name="urgency"
          label={t('fields.urgency')}
          options={levels('urgency')}
        />
        <FormSelectField
          control={control}
          name="impact"
          label={t('fields.impact')}
          options={levels('impact')}
        />
        <div className="sm:col-span-2">
          <FormSelectField
            control={control}
            name="priority"
            label={t('fields.priority')}
            options={levels('priority')}
            error={message('priority')}
          />
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t('edit.priorityHint')}</p>
        </div>
        <Controller
          control={control}
          name="group"
          render={({ field }) => (
            <GroupField
              value={field.value}
              onChange={(next) => {
                field.onChange(next);
                setValue('assignee', null);
              }}
              emptyLabel={t('detail.noGroup')}
              currentName={ticket.group_name}
              error={message('group')}
            />
          )}
        />
        <Controller
          control={control}
          name="assignee"
          render={({ field }) => (
            <AssigneeField
              group={group}
              value={field.value}
              onChange={field.onChange}
              emptyLabel={t('dialogs.assign.nobody')}
              currentName={field.value === ticket.assignee ? ticket.assignee_name : null}
              error={message('assignee')}
            />
          )}
        />
        <Controller
          control={control}
          name="site"
          render={({ field }) => (
            <SelectField
              label={t('fields.site')}
              value={field.value}
              onChange={field.onChange}
              options={(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
              emptyLabel="—"
              error={message('site')}
            />
          )}
        />
      </div>
      <Controller
        control={control}
        name="description"
        render={({ field }) => (
          <MarkdownEditor
            label={t('fields.description')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            rows={8}
            error={message('description')}
          />
        )}
      />
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onDone}
        isPending={formState.isSubmitting}
        submitLabel={t('edit.save')}
        className="pt-2"
      />
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { type ArticleSuggestion, TICKET_TYPES, type TicketCreate, type TicketDetail } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ArrowRightIcon } from '../../components/icons';
import { Button } from '../../components/ui/button';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormTextField } from '../../components/ui/form-text-field';
import { PageHeader } from '../../components/ui/page-header';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import { SelectField } from '../../components/ui/select-field';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { UserPicker } from '../../components/ui/user-picker';
import { api } from '../../lib/api';
import { useSites } from '../../lib/lookups';
import { useMediaQuery } from '../../lib/use-media-query';
import { useRefresh } from '../../lib/use-refresh';
import { useMe } from '../auth/session';
import { ArticleDrawer } from '../knowledge/article-drawer';
import { TicketSuggestions, useDeflectionTracker } from '../knowledge/ticket-suggestions';
import { AssigneeField, GroupField } from './assignee-field';
import { AttachmentPicker } from './attachments';
import { MarkdownEditor } from './markdown-editor';
import { useTicketErrorMessage } from './ticket-actions-text';
import { ticketSettingsQuery, uploadAttachment, useCategories } from './ticket-api';
import { PriorityBadge } from './ticket-badges';
import { categorySelectOptions, descriptionAfterCategoryChange, priorityFrom } from './ticket-form';

// Selects hold strings in the form; the contract's rules check the texts.
const schema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(100_000),
  category: z.string(),
  type: z.enum(TICKET_TYPES),
  urgency: z.string(),
  impact: z.string(),
  requester: z.number().nullable(),
  group: z.number().nullable(),
  assignee: z.number().nullable(),
  site: z.string(),
});
type FormValues = z.infer<typeof schema>;
const FIELDS = [
  'title',
  'description',
  'category',
  'type',
  'urgency',
  'impact',
  'requester',
  'group',
  'assignee',
  'site',
] as const;

const LEVELS = ['5', '4', '3', '2', '1'] as const;

/**
 * A new ticket. Requesters say what, where (category) and how urgent; the support team also sets the
 * impact, the type, the requester (on behalf of someone), the group, the assignee and the site.
 */
export function NewTicketPage() {
  const { t } = useTranslation('tickets');
  const me = useMe();
  const staff = me.role !== 'user';
  const navigate = useNavigate();
  const refresh = useRefresh();
  const errorText = useTicketErrorMessage();
  const categories = useCategories({ activeOnly: true });
  const settings = useQuery(ticketSettingsQuery);
  const sites = useSites();
  const [files, setFiles] = useState<File[]>([]);
  const lastTemplate = useRef<string | null>(null);
  // The knowledge base's suggestions for the title: read in a side sheet, the form kept as typed.
  const [reading, setReading] = useState<ArticleSuggestion | null>(null);
  const deflection = useDeflectionTracker();
  const wide = useMediaQuery('(min-width: 1024px)');

  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      title: '',
      description: '',
      category: '',
      type: 'incident',
      urgency: '3',
      impact: '3',
      requester: null,
      group: null,
      assignee: null,
      site: '',
    },
  });
  const { control, formState, getValues, setValue } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS);
  const [urgency, impact, categoryId, group, title] = useWatch({
    control,
    name: ['urgency', 'impact', 'category', 'group', 'title'],
  });
  useEffect(() => deflection.typed(title), [deflection, title]);
  const category = categories.data?.find((c) => String(c.id) === categoryId);
  const priority = priorityFrom(settings.data?.priority_matrix, Number(urgency), Number(impact));

  function chooseCategory(value: string) {
    const next = categories.data?.find((c) => String(c.id) === value) ?? null;
    const description = descriptionAfterCategoryChange(
      getValues('description'),
      lastTemplate.current,
      next?.descriptionTemplate ?? null,
    );
    lastTemplate.current = next?.descriptionTemplate ?? null;
    setValue('category', value);
    setValue('description', description);
  }

  const submit = onSubmit(async (v) => {
    const body: TicketCreate = {
      title: v.title.trim(),
      description: v.description,
      urgency: Number(v.urgency),
      ...(v.category ? { category: Number(v.category) } : {}),
      ...(staff
        ? {
            type: v.type,
            impact: Number(v.impact),
            ...(v.requester !== null ? { requester: v.requester } : {}),
            ...(v.group !== null ? { group: v.group } : {}),
            ...(v.assignee !== null ? { assignee: v.assignee } : {}),
            ...(v.site ? { site: Number(v.site) } : {}),
          }
        : {}),
    };
    // A ticket submitted is no ticket spared, even if the page is left while it is being sent.
    deflection.submitting(true);
    const ticket = await api<TicketDetail>('POST', '/tickets', body).catch((error: unknown) => {
      deflection.submitting(false);
      throw error;
    });
    const failed: string[] = [];
    for (const file of files) {
      await uploadAttachment(ticket.id, file).catch((error) =>
        failed.push(`${file.name}: ${errorText(error)}`),
      );
    }
    notify(t('new.created', { number: ticket.number }));
    for (const failure of failed) notify(failure, 'error');
    await refresh('tickets');
    await navigate({ to: '/tickets/$id', params: { id: String(ticket.id) } });
  });

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], () =>
      t(`new.errors.${field === 'title' ? 'title' : 'invalid'}`),
    );

  const levelOptions = (kind: 'urgency' | 'impact') =>
    LEVELS.map((level) => ({ value: level, label: t(`${kind}.${level}`) }));

  const open = (suggestion: ArticleSuggestion) => {
    deflection.opened(suggestion.id);
    setReading(suggestion);
  };
  const suggestions = <TicketSuggestions title={title} onOpen={open} />;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link
          to="/tickets"
          className="inline-flex items-center gap-1 self-start text-sm font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
        >
          <ArrowRightIcon className="size-4 rotate-180" />
          {staff ? t('list.title') : t('list.myTitle')}
        </Link>
        <PageHeader
          title={t('new.title')}
          description={staff ? t('new.staffDescription') : t('new.description')}
        />
      </div>
      <form
        ref={formRef}
        onSubmit={submit}
        noValidate
        className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]"
      >
        <section className="flex flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6 dark:border-slate-800 dark:bg-slate-900">
          <div className="flex flex-col gap-1.5">
            <SelectField
              label={t('fields.category')}
              value={categoryId}
              onChange={chooseCategory}
              options={categorySelectOptions(categories.data ?? [])}
              emptyLabel={categories.isLoading ? t('states.loading') : t('new.noCategory')}
              error={message('category')}
            />
            {category ? (
              <p className="text-xs text-slate-500 dark:text-slate-400">
                <span className="font-medium text-slate-700 dark:text-slate-300">{category.path}</span>
                {category.description ? ` — ${category.description}` : ''}
              </p>
            ) : (
              <p className="text-xs text-slate-500 dark:text-slate-400">{t('new.categoryHint')}</p>
            )}
          </div>
          <FormTextField
            control={control}
            name="title"
            label={t('fields.title')}
            placeholder={t('new.titlePlaceholder')}
            error={message('title')}
            isRequired
            autoFocus
            maxLength={200}
          />
          {wide ? null : suggestions}
          <Controller
            control={control}
            name="description"
            render={({ field, fieldState }) => (
              <MarkdownEditor
                label={t('fields.description')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                rows={10}
                placeholder={t('new.descriptionPlaceholder')}
                description={t('markdown.hint')}
                error={fieldState.error?.message ? t('new.errors.invalid') : undefined}
              />
            )}
          />
          <AttachmentPicker files={files} onChange={setFiles} />
        </section>
        <div className="flex min-w-0 flex-col gap-4">
          {wide ? suggestions : null}
          <aside className="flex flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs sm:p-6 dark:border-slate-800 dark:bg-slate-900">
            {staff ? (
              <Controller
                control={control}
                name="type"
                render={({ field }) => (
                  <RadioGroup label={t('fields.type')} value={field.value} onChange={field.onChange}>
                    {TICKET_TYPES.map((type) => (
                      <Radio key={type} value={type} description={t(`type.${type}Hint`)}>
                        {t(`type.${type}`)}
                      </Radio>
                    ))}
                  </RadioGroup>
                )}
              />
            ) : null}
            <Controller
              control={control}
              name="urgency"
              render={({ field }) => (
                <SelectField
                  label={t('fields.urgency')}
                  value={field.value}
                  onChange={field.onChange}
                  options={levelOptions('urgency')}
                />
              )}
            />
            {staff ? (
              <Controller
                control={control}
                name="impact"
                render={({ field }) => (
                  <SelectField
                    label={t('fields.impact')}
                    value={field.value}
                    onChange={field.onChange}
                    options={levelOptions('impact')}
                  />
                )}
              />
            ) : null}
            {priority !== null ? (
              <div className="flex flex-col gap-1 rounded-lg bg-slate-50 px-3 py-2.5 dark:bg-slate-800/60">
                <p className="flex items-center justify-between gap-2 text-sm font-medium text-slate-700 dark:text-slate-300">
                  {t('new.priority')}
                  <PriorityBadge priority={priority} />
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {staff ? t('new.priorityHintStaff') : t('new.priorityHint')}
                </p>
              </div>
            ) : null}
            {staff ? (
              <>
                <Controller
                  control={control}
                  name="requester"
                  render={({ field }) => (
                    <UserPicker
                      label={t('fields.requester')}
                      value={field.value}
                      onChange={field.onChange}
                      clearable
                      placeholder={t('new.requesterMe')}
                      description={t('new.requesterHint')}
                      error={message('requester')}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="group"
                  render={({ field }) => (
                    <GroupField
                      value={field.value}
                      onChange={(group) => {
                        field.onChange(group);
                        setValue('assignee', null);
                      }}
                      emptyLabel={t('new.automatic')}
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
                      emptyLabel={t('new.automatic')}
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
                      emptyLabel={t('new.requesterSite')}
                      error={message('site')}
                    />
                  )}
                />
              </>
            ) : (
              <p className="text-xs text-slate-500 dark:text-slate-400">{t('new.whatNext')}</p>
            )}
          </aside>
        </div>
        <div className="flex flex-col gap-3 lg:col-span-2">
          <FormError>{formError}</FormError>
          <FormActions
            layout="inline"
            submitLabel={t('new.submit')}
            isPending={formState.isSubmitting}
            onCancel={() => void navigate({ to: '/tickets' })}
          />
        </div>
      </form>
      <ArticleDrawer
        article={reading}
        onClose={() => setReading(null)}
        actions={(article) => (
          <>
            <Button
              onPress={() => {
                notify(t('new.solvedByArticle'));
                // Leaving the form: the ticket it spared is counted.
                void navigate({ to: '/kb/articles/$id', params: { id: String(article.id) } });
              }}
            >
              {t('new.solved')}
            </Button>
            <Button variant="secondary" onPress={() => setReading(null)}>
              {t('new.backToTicket')}
            </Button>
          </>
        )}
      />
    </div>
  );
}

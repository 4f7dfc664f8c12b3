import { zodResolver } from '@hookform/resolvers/zod';
import {
  APPROVAL_KINDS,
  type Category,
  type CategoryCreate,
  CategoryCreateSchema,
  type CategoryNode,
} from '@itsm/contracts';
import { useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Checkbox } from '../../components/ui/checkbox';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormSelectField } from '../../components/ui/form-select-field';
import { FormTextField } from '../../components/ui/form-text-field';
import { Radio, RadioGroup } from '../../components/ui/radio-group';
import type { FieldMessages } from '../../components/ui/server-errors';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { UserPicker } from '../../components/ui/user-picker';
import { i18n } from '../../i18n';
import { useGroups } from '../../lib/lookups';
import { saveObject } from '../../lib/save';
import { indentedLabel } from '../../lib/structure-options';
import { flattenCategories, subtreeIds } from './category-tree';
import { useRefreshTicketConfig, useSlas } from './queries';
import { FormSection } from './ui';

const shape = CategoryCreateSchema.shape;

// Selects hold strings ('' for none); the approver is required by the approval that uses it.
const schema = z
  .object({
    name: shape.name,
    description: z.string().max(2000),
    parent: z.string(),
    default_group: z.string(),
    sla: z.string(),
    description_template: z.string().max(20_000),
    approval: z.enum(APPROVAL_KINDS),
    approver_user: z.number().nullable(),
    approver_group: z.string(),
    is_active: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.approval === 'user' && v.approver_user === null)
      ctx.addIssue({ code: 'custom', path: ['approver_user'], message: 'required' });
    if (v.approval === 'group' && v.approver_group === '')
      ctx.addIssue({ code: 'custom', path: ['approver_group'], message: 'required' });
  });
type FormValues = z.infer<typeof schema>;
const FIELDS = [
  'name',
  'description',
  'parent',
  'default_group',
  'sla',
  'description_template',
  'approval',
  'approver_user',
  'approver_group',
  'is_active',
] as const;

/** The categories' wording of the server's field problems (a parent under itself, a vanished choice). */
export const categoryFieldMessages: FieldMessages = (problem) => {
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  if (problem.field === 'parent' && problem.code === 'cycle')
    return t('ticket-admin:categories.errors.cycle');
  if (problem.code === 'not_found') return t('ticket-admin:common.gone');
  if (
    problem.code === 'required' &&
    (problem.field === 'approver_user' || problem.field === 'approver_group')
  )
    return t(`ticket-admin:categories.fieldErrors.${problem.field}`);
  return undefined;
};

const optionalId = (value: string) => (value === '' ? null : Number(value));

export type CategoryTarget =
  | { mode: 'create'; parent: CategoryNode | null }
  | { mode: 'edit'; node: CategoryNode };

/** Create a category (at the root or under a parent) or edit one, its routing and its approval. */
export function CategoryForm({
  target,
  tree,
  onDone,
}: {
  target: CategoryTarget;
  tree: readonly CategoryNode[];
  onDone: (saved: Category | null) => void;
}) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshTicketConfig();
  const groups = useGroups();
  const slas = useSlas();
  const category = target.mode === 'edit' ? target.node : null;
  const parent = target.mode === 'create' ? target.parent : null;

  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: category?.name ?? '',
      description: category?.description ?? '',
      parent: category?.parent ? String(category.parent) : parent ? String(parent.id) : '',
      default_group: category?.default_group ? String(category.default_group) : '',
      sla: category?.sla ? String(category.sla) : '',
      description_template: category?.description_template ?? '',
      approval: category?.approval ?? 'none',
      approver_user: category?.approver_user ?? null,
      approver_group: category?.approver_group ? String(category.approver_group) : '',
      is_active: category?.is_active ?? true,
    },
  });
  const { control, formState, clearErrors } = form;
  const approval = useWatch({ control, name: 'approval' });
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS, { messages: categoryFieldMessages });

  const submit = onSubmit(async (v) => {
    const body: CategoryCreate = {
      name: v.name,
      description: v.description.trim() || null,
      parent: optionalId(v.parent),
      default_group: optionalId(v.default_group),
      sla: optionalId(v.sla),
      description_template: v.description_template.trim() ? v.description_template : null,
      approval: v.approval,
      approver_user: v.approval === 'user' ? v.approver_user : null,
      approver_group: v.approval === 'group' ? optionalId(v.approver_group) : null,
      is_active: v.is_active,
    };
    const saved = await saveObject<Category>('/ticket-categories', category, body);
    notify(t(category ? 'categories.toast.updated' : 'categories.toast.created', { name: saved.name }));
    await refresh();
    onDone(saved);
  });

  // A category cannot go under itself or one of its sub-categories.
  const parentOptions = useMemo(() => {
    const excluded = category ? subtreeIds(category) : new Set<number>();
    return flattenCategories(tree)
      .filter(({ node }) => !excluded.has(node.id))
      .map(({ node, depth }) => ({ value: String(node.id), label: indentedLabel(node.name, depth) }));
  }, [tree, category]);
  const groupOptions = (groups.data ?? [])
    .map((g) => ({ value: String(g.id), label: g.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const slaOptions = (slas.data ?? []).map((s) => ({
    value: String(s.id),
    label: s.is_active ? s.name : `${s.name} (${t('common.inactive').toLowerCase()})`,
  }));

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], (error) =>
      error.message === 'required'
        ? t(`categories.fieldErrors.${field as 'approver_user' | 'approver_group'}`)
        : field === 'name'
          ? t('categories.fieldErrors.name')
          : t('common.tooLong'),
    );

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-5">
      <FormSection title={t('categories.form.general')}>
        <FormTextField
          control={control}
          name="name"
          label={t('categories.fields.name')}
          error={message('name')}
          isRequired
          autoFocus
          maxLength={150}
        />
        <FormSelectField
          control={control}
          name="parent"
          label={t('categories.fields.parent')}
          emptyLabel={t('categories.form.root')}
          options={parentOptions}
          error={message('parent')}
        />
        <FormTextField
          control={control}
          name="description"
          label={t('categories.fields.description')}
          description={t('categories.form.descriptionHint')}
          multiline
          maxLength={2000}
          error={message('description')}
        />
        <Controller
          control={control}
          name="is_active"
          render={({ field }) => (
            <Checkbox
              isSelected={field.value}
              onChange={field.onChange}
              description={t('categories.form.activeHint')}
            >
              {t('categories.fields.active')}
            </Checkbox>
          )}
        />
      </FormSection>

      <FormSection title={t('categories.form.routing')} description={t('categories.form.routingHint')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormSelectField
            control={control}
            name="default_group"
            label={t('categories.fields.defaultGroup')}
            emptyLabel={groups.isLoading ? ts('states.loading') : t('categories.form.noGroup')}
            options={groupOptions}
            error={message('default_group')}
          />
          <FormSelectField
            control={control}
            name="sla"
            label={t('categories.fields.sla')}
            emptyLabel={slas.isLoading ? ts('states.loading') : t('categories.form.noSla')}
            options={slaOptions}
            error={message('sla')}
          />
        </div>
      </FormSection>

      <FormSection title={t('categories.form.template')}>
        <FormTextField
          control={control}
          name="description_template"
          label={t('categories.fields.template')}
          description={t('categories.form.templateHint')}
          multiline
          maxLength={20_000}
          placeholder={t('categories.form.templatePlaceholder')}
          error={message('description_template')}
          className="[&_textarea]:min-h-32 [&_textarea]:font-mono [&_textarea]:text-[13px]"
        />
      </FormSection>

      <FormSection title={t('categories.form.approval')}>
        <Controller
          control={control}
          name="approval"
          render={({ field }) => (
            <RadioGroup
              label={t('categories.fields.approval')}
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                clearErrors(['approver_user', 'approver_group']);
              }}
              error={message('approval')}
            >
              <div className="grid gap-2 sm:grid-cols-2">
                {APPROVAL_KINDS.map((kind) => (
                  <Radio key={kind} value={kind} description={t(`categories.approval.${kind}Hint`)}>
                    {t(`categories.approval.${kind}`)}
                  </Radio>
                ))}
              </div>
            </RadioGroup>
          )}
        />
        {approval === 'user' ? (
          <Controller
            control={control}
            name="approver_user"
            render={({ field }) => (
              <UserPicker
                label={t('categories.fields.approverUser')}
                value={field.value}
                onChange={(id) => {
                  field.onChange(id);
                  if (id !== null) clearErrors('approver_user');
                }}
                clearable
                error={message('approver_user')}
              />
            )}
          />
        ) : null}
        {approval === 'group' ? (
          <FormSelectField
            control={control}
            name="approver_group"
            label={t('categories.fields.approverGroup')}
            emptyLabel={groups.isLoading ? ts('states.loading') : t('categories.form.chooseGroup')}
            options={groupOptions}
            error={message('approver_group')}
          />
        ) : null}
      </FormSection>

      <FormError>{formError}</FormError>
      <FormActions
        onCancel={() => onDone(null)}
        isPending={formState.isSubmitting}
        submitLabel={category ? ts('actions.save') : ts('actions.create')}
        className="border-t border-slate-200 pt-4 dark:border-slate-800"
      />
    </form>
  );
}

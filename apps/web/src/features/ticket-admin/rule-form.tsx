import { zodResolver } from '@hookform/resolvers/zod';
import type { AssignmentRule, AssignmentRuleCreate, SlaRule, SlaRuleCreate } from '@itsm/contracts';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Checkbox } from '../../components/ui/checkbox';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormSelectField } from '../../components/ui/form-select-field';
import type { FieldMessages } from '../../components/ui/server-errors';
import { FormStructureSelect } from '../../components/ui/structure-select';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { i18n } from '../../i18n';
import { useGroups } from '../../lib/lookups';
import { saveObject } from '../../lib/save';
import { indentedLabel } from '../../lib/structure-options';
import { useCategoryList, useRefreshTicketConfig, useSlas } from './queries';
import { FormSection } from './ui';

export type RuleKind = 'assignment' | 'sla';

// Criteria and targets as select values ('' for "any" / none chosen yet).
const schema = z
  .object({
    kind: z.enum(['assignment', 'sla']),
    category: z.string(),
    structure: z.string(),
    priority: z.string(),
    group: z.string(),
    sla: z.string(),
    is_member_picked: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'assignment' && v.group === '')
      ctx.addIssue({ code: 'custom', path: ['group'], message: 'required' });
    if (v.kind === 'sla' && v.sla === '')
      ctx.addIssue({ code: 'custom', path: ['sla'], message: 'required' });
  });
type FormValues = z.infer<typeof schema>;
const FIELDS = ['category', 'structure', 'priority', 'group', 'sla', 'is_member_picked'] as const;

const ruleFieldMessages: FieldMessages = (problem) => {
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  return problem.code === 'not_found' ? t('ticket-admin:common.gone') : undefined;
};

const optionalId = (value: string) => (value === '' ? null : Number(value));

/** Create or edit an assignment rule (criteria → group) or an SLA rule (criteria → SLA). */
export function RuleForm({
  kind,
  rule,
  onDone,
}: {
  kind: RuleKind;
  rule: AssignmentRule | SlaRule | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshTicketConfig();
  const categories = useCategoryList();
  const groups = useGroups();
  const slas = useSlas();
  const assignment = kind === 'assignment' ? (rule as AssignmentRule | null) : null;
  const slaRule = kind === 'sla' ? (rule as SlaRule | null) : null;
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      kind,
      category: rule?.category ? String(rule.category) : '',
      structure: rule?.structure ? String(rule.structure) : '',
      priority: slaRule?.priority ? String(slaRule.priority) : '',
      group: assignment ? String(assignment.group) : '',
      sla: slaRule ? String(slaRule.sla) : '',
      is_member_picked: assignment?.is_member_picked ?? true,
    },
  });
  const { control, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS, { messages: ruleFieldMessages });

  const submit = onSubmit(async (v) => {
    const criteria = { category: optionalId(v.category), structure: optionalId(v.structure) };
    if (kind === 'assignment') {
      const body: AssignmentRuleCreate = {
        ...criteria,
        group: Number(v.group),
        is_member_picked: v.is_member_picked,
      };
      await saveObject<AssignmentRule>('/assignment-rules', rule, body);
    } else {
      const body: SlaRuleCreate = { ...criteria, priority: optionalId(v.priority), sla: Number(v.sla) };
      await saveObject<SlaRule>('/sla-rules', rule, body);
    }
    notify(t(rule ? 'rules.toast.updated' : 'rules.toast.created'));
    await refresh();
    onDone();
  });

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], () =>
      field === 'group'
        ? t('rules.fieldErrors.group')
        : field === 'sla'
          ? t('rules.fieldErrors.sla')
          : t('common.invalid'),
    );

  const categoryOptions = (categories.data ?? []).map(({ node, depth }) => ({
    value: String(node.id),
    label: indentedLabel(node.name, depth),
  }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-5">
      <FormSection title={t('rules.form.criteria')} description={t('rules.form.criteriaHint')}>
        <FormSelectField
          control={control}
          name="category"
          label={t('rules.fields.category')}
          emptyLabel={categories.isLoading ? ts('states.loading') : t('rules.any.category')}
          options={categoryOptions}
          error={message('category')}
        />
        <FormStructureSelect
          control={control}
          name="structure"
          label={t('rules.fields.structure')}
          emptyLabel={t('rules.any.structure')}
          error={message('structure')}
        />
        {kind === 'sla' ? (
          <FormSelectField
            control={control}
            name="priority"
            label={t('rules.fields.priority')}
            emptyLabel={t('rules.any.priority')}
            options={[5, 4, 3, 2, 1].map((p) => ({
              value: String(p),
              label: `${p} · ${t(`priority.${p as 1 | 2 | 3 | 4 | 5}`)}`,
            }))}
            error={message('priority')}
          />
        ) : null}
      </FormSection>
      <FormSection title={kind === 'assignment' ? t('rules.form.assignTo') : t('rules.form.applySla')}>
        {kind === 'assignment' ? (
          <>
            <FormSelectField
              control={control}
              name="group"
              label={t('rules.fields.group')}
              emptyLabel={groups.isLoading ? ts('states.loading') : t('rules.form.chooseGroup')}
              options={(groups.data ?? [])
                .map((g) => ({ value: String(g.id), label: g.name }))
                .sort((a, b) => a.label.localeCompare(b.label))}
              error={message('group')}
            />
            <Controller
              control={control}
              name="is_member_picked"
              render={({ field }) => (
                <Checkbox
                  isSelected={field.value}
                  onChange={field.onChange}
                  description={t('rules.form.pickMemberHint')}
                >
                  {t('rules.fields.pickMember')}
                </Checkbox>
              )}
            />
          </>
        ) : (
          <FormSelectField
            control={control}
            name="sla"
            label={t('rules.fields.sla')}
            emptyLabel={slas.isLoading ? ts('states.loading') : t('rules.form.chooseSla')}
            options={(slas.data ?? []).map((s) => ({
              value: String(s.id),
              label: s.is_active ? s.name : `${s.name} (${t('common.inactive').toLowerCase()})`,
            }))}
            error={message('sla')}
          />
        )}
      </FormSection>
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onDone}
        isPending={formState.isSubmitting}
        submitLabel={rule ? ts('actions.save') : ts('actions.create')}
        className="border-t border-slate-200 pt-4 dark:border-slate-800"
      />
    </form>
  );
}

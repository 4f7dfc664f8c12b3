import { zodResolver } from '@hookform/resolvers/zod';
import { type KbCategory, KbCategoryCreateSchema } from '@itsm/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
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
import { findNode } from '../../lib/tree';
import { categoryOptions, type KbCategoryNode, positionAfter } from './category-tree';

const shape = KbCategoryCreateSchema.shape;
const schema = z.object({
  name: shape.name,
  description: z.string().trim().max(2000),
  parent: z.string(),
});
type FormValues = z.infer<typeof schema>;
const FIELDS = ['name', 'description', 'parent'] as const;

/** The knowledge categories' wording of the server's field problems (a parent gone or under itself). */
export const kbCategoryFieldMessages: FieldMessages = (problem) => {
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  if (problem.field === 'parent' && problem.code === 'not_found') return t('knowledge:fieldErrors.gone');
  if (problem.field === 'parent') return t('knowledge:adminCategories.errors.cycle');
  return undefined;
};

export type CategoryTarget =
  | { mode: 'create'; parent: KbCategoryNode | null }
  | { mode: 'edit'; node: KbCategoryNode };

/** Create a category (at the end of its parent's) or rename one and change its description. */
export function KbCategoryForm({
  target,
  tree,
  onDone,
}: {
  target: CategoryTarget;
  tree: readonly KbCategoryNode[];
  onDone: (saved: KbCategory | null) => void;
}) {
  const { t } = useTranslation('knowledge');
  const { t: ts } = useTranslation('shell');
  const category = target.mode === 'edit' ? target.node : null;
  const parent = target.mode === 'create' ? target.parent : null;
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: category?.name ?? '',
      description: category?.description ?? '',
      parent: parent ? String(parent.id) : '',
    },
  });
  const { control, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS, { messages: kbCategoryFieldMessages });

  const submit = onSubmit(async (v) => {
    const description = v.description.trim() || null;
    let saved: KbCategory;
    if (category) {
      saved = await saveObject<KbCategory>('/kb/categories', category, { name: v.name, description });
    } else {
      const parentId = v.parent === '' ? null : Number(v.parent);
      // At the end of its new siblings.
      const siblings = parentId === null ? tree : (findNode(tree, parentId)?.children ?? []);
      saved = await saveObject<KbCategory>('/kb/categories', null, {
        name: v.name,
        description,
        parent: parentId,
        position: positionAfter(siblings),
      });
    }
    notify(
      t(category ? 'adminCategories.toast.updated' : 'adminCategories.toast.created', { name: saved.name }),
    );
    onDone(saved);
  });

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], (error) =>
      field === 'name' && error.type === 'too_small'
        ? t('adminCategories.errors.name')
        : t('fieldErrors.tooLong'),
    );

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormTextField
        control={control}
        name="name"
        label={t('adminCategories.fields.name')}
        error={message('name')}
        isRequired
        autoFocus
        maxLength={150}
      />
      {category ? null : (
        <FormSelectField
          control={control}
          name="parent"
          label={t('adminCategories.fields.parent')}
          emptyLabel={t('adminCategories.root')}
          options={categoryOptions(tree)}
          error={message('parent')}
        />
      )}
      <FormTextField
        control={control}
        name="description"
        label={t('adminCategories.fields.description')}
        description={t('adminCategories.descriptionHint')}
        error={message('description')}
        multiline
        maxLength={2000}
      />
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={() => onDone(null)}
        isPending={formState.isSubmitting}
        submitLabel={category ? ts('actions.save') : ts('actions.create')}
        className="pt-2"
      />
    </form>
  );
}

import type { Structure, StructureNode } from '@itsm/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { ItemDialog } from '../../components/ui/item-dialog';
import { SelectField } from '../../components/ui/select-field';
import { fieldErrorMessage } from '../../components/ui/server-errors';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { indentedLabel } from '../../lib/structure-options';
import { structureFieldMessages, useRefreshStructures } from './structure-changes';
import { flatten, subtreeIds } from './structure-tree';

const ROOT = 'root';

/** Move a structure under another one (never under itself or its own sub-structures) or to the root. */
export function MoveDialog({
  node,
  tree,
  onClose,
  onMoved,
}: {
  node: StructureNode | null;
  tree: StructureNode[];
  onClose: () => void;
  onMoved: (structure: Structure) => void;
}) {
  const { t } = useTranslation('structures');
  return (
    <ItemDialog item={node} onClose={onClose} title={(n) => t('move.title', { name: n.name })}>
      {(n) => <MoveForm node={n} tree={tree} onClose={onClose} onMoved={onMoved} />}
    </ItemDialog>
  );
}

function MoveForm({
  node,
  tree,
  onClose,
  onMoved,
}: {
  node: StructureNode;
  tree: StructureNode[];
  onClose: () => void;
  onMoved: (structure: Structure) => void;
}) {
  const { t } = useTranslation('structures');
  const refresh = useRefreshStructures();
  const [parent, setParent] = useState(node.parent === null ? ROOT : String(node.parent));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const options = useMemo(() => {
    const excluded = subtreeIds(node);
    return [
      { value: ROOT, label: t('move.root') },
      ...flatten(tree)
        .filter(({ node: n }) => !excluded.has(n.id))
        .map(({ node: n, depth }) => ({
          value: String(n.id),
          // Indented so that the select reads as the tree (non-breaking spaces survive in <option>).
          label: indentedLabel(`${n.name} (${n.code})`, depth),
        })),
    ];
  }, [node, tree, t]);

  const unchanged = parent === (node.parent === null ? ROOT : String(node.parent));

  async function submit() {
    setPending(true);
    setFieldError(undefined);
    setFormError(null);
    try {
      const saved = await api<Structure>('PATCH', `/structures/${node.id}`, {
        parent: parent === ROOT ? null : Number(parent),
      });
      await refresh();
      notify(t('toast.moved', { name: node.name }));
      onMoved(saved);
    } catch (error) {
      const message = fieldErrorMessage(error, 'parent', structureFieldMessages);
      if (message) setFieldError(message);
      else setFormError(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormError>{formError}</FormError>
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('move.intro')}</p>
      <SelectField
        label={t('move.newParent')}
        value={parent}
        onChange={(value) => {
          setParent(value);
          setFieldError(undefined);
        }}
        options={options}
        error={fieldError}
        name="parent"
      />
      <FormActions
        onCancel={onClose}
        isPending={pending}
        isDisabled={unchanged}
        submitLabel={t('move.submit')}
        className="mt-2"
      />
    </form>
  );
}

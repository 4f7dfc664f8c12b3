import type { Structure, StructureNode } from '@itsm/contracts';
import { useTranslation } from 'react-i18next';
import { MoveNodeDialog } from '../../components/ui/move-node-dialog';
import { fieldErrorMessage } from '../../components/ui/server-errors';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { structureFieldMessages, useRefreshStructures } from './structure-changes';

const optionLabel = (n: StructureNode) => `${n.name} (${n.code})`;
const fieldError = (error: unknown) => fieldErrorMessage(error, 'parent', structureFieldMessages);

/** Move a structure under another one (never under itself or its own sub-structures) or to the root. */
export function MoveDialog({
  node,
  tree,
  onClose,
  onMoved,
}: {
  node: StructureNode | null;
  tree: readonly StructureNode[];
  onClose: () => void;
  onMoved: (structure: Structure) => void;
}) {
  const { t } = useTranslation('structures');
  const refresh = useRefreshStructures();
  return (
    <MoveNodeDialog
      node={node}
      tree={tree}
      texts={{
        title: (n) => t('move.title', { name: n.name }),
        intro: t('move.intro'),
        newParent: t('move.newParent'),
        root: t('move.root'),
        submit: t('move.submit'),
      }}
      optionLabel={optionLabel}
      move={async (n, parent) => {
        const saved = await api<Structure>('PATCH', `/structures/${n.id}`, { parent });
        await refresh();
        notify(t('toast.moved', { name: n.name }));
        return saved;
      }}
      fieldError={fieldError}
      onClose={onClose}
      onMoved={onMoved}
    />
  );
}

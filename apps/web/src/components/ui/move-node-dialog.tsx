import { useMemo, useState } from 'react';
import { indentedLabel } from '../../lib/structure-options';
import { flattenTree, subtreeIds, type TreeNode } from '../../lib/tree';
import { FormActions } from './form-actions';
import { FormError } from './form-error';
import { ItemDialog } from './item-dialog';
import { SelectField } from './select-field';
import { errorMessage } from './states';

const ROOT = 'root';

type Texts<T> = {
  title: (node: T) => string;
  intro: string;
  newParent: string;
  root: string;
  submit: string;
};

type Props<T, S> = {
  tree: readonly T[];
  texts: Texts<T>;
  /** How a node reads in the list of new parents. */
  optionLabel: (node: T) => string;
  /** Saves the new parent (null: the root), refreshes what shows it and says so. */
  move: (node: T, parent: number | null) => Promise<S>;
  /** The wording of a refusal about the parent field, if it is one. */
  fieldError: (error: unknown) => string | undefined;
  onClose: () => void;
  onMoved: (saved: S) => void;
};

/** Move a node of a tree under another one (never under itself or below it) or to the root. */
export function MoveNodeDialog<T extends TreeNode<T>, S>({
  node,
  ...props
}: Props<T, S> & { node: T | null }) {
  return (
    <ItemDialog item={node} onClose={props.onClose} title={props.texts.title}>
      {(n) => <MoveForm node={n} {...props} />}
    </ItemDialog>
  );
}

function MoveForm<T extends TreeNode<T>, S>({
  node,
  tree,
  texts,
  optionLabel,
  move,
  fieldError: refusal,
  onClose,
  onMoved,
}: Props<T, S> & { node: T }) {
  const current = node.parent === null ? ROOT : String(node.parent);
  const [parent, setParent] = useState(current);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const options = useMemo(() => {
    const excluded = subtreeIds(node);
    return [
      { value: ROOT, label: texts.root },
      ...flattenTree(tree)
        .filter(({ node: n }) => !excluded.has(n.id))
        // Indented so that the select reads as the tree (non-breaking spaces survive in <option>).
        .map(({ node: n, depth }) => ({ value: String(n.id), label: indentedLabel(optionLabel(n), depth) })),
    ];
  }, [node, tree, texts.root, optionLabel]);

  async function submit() {
    setPending(true);
    setFieldError(undefined);
    setFormError(null);
    try {
      onMoved(await move(node, parent === ROOT ? null : Number(parent)));
    } catch (error) {
      const message = refusal(error);
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
      <p className="text-sm text-slate-600 dark:text-slate-400">{texts.intro}</p>
      <SelectField
        label={texts.newParent}
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
        isDisabled={parent === current}
        submitLabel={texts.submit}
        className="mt-2"
      />
    </form>
  );
}

import type { StructureNode } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MoreIcon, TreeIcon } from '../../components/icons';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/states';
import { Highlight, TreeBrowser, TreeListItem, useTreeBrowser } from '../../components/ui/tree-list';
import { api } from '../../lib/api';
import { CodeBadge } from './code-badge';
import { DeleteStructureDialog } from './delete-structure-dialog';
import { MoveDialog } from './move-dialog';
import { type FormTarget, StructureFormDialog } from './structure-form-dialog';
import { filterTree } from './structure-tree';

export const treeQuery = {
  queryKey: ['structures', 'tree'],
  queryFn: () => api<StructureNode[]>('GET', '/structures/tree'),
};

const menuItemBase = 'flex cursor-default items-center gap-2 rounded-md px-3 py-2 text-sm outline-none';
const menuItem = `${menuItemBase} text-slate-700 focused:bg-slate-100 dark:text-slate-200 dark:focused:bg-slate-800`;
const dangerItem = `${menuItemBase} text-rose-700 focused:bg-rose-50 dark:text-rose-400 dark:focused:bg-rose-950/50`;

type Action = 'add' | 'edit' | 'move' | 'delete';

function NodeMenu({ node, onAction }: { node: StructureNode; onAction: (action: Action) => void }) {
  const { t } = useTranslation('structures');
  return (
    <MenuTrigger>
      <AriaButton
        aria-label={t('tree.actionsFor', { name: node.name })}
        className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-slate-500 outline-none hover:bg-slate-200/70 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 pressed:bg-slate-200 dark:text-slate-400 dark:hover:bg-slate-700 dark:hover:text-white"
      >
        <MoreIcon className="size-5" />
      </AriaButton>
      <Popover
        placement="bottom end"
        className="min-w-56 rounded-xl border border-slate-200 bg-white p-1.5 shadow-lg dark:border-slate-800 dark:bg-slate-900"
      >
        <Menu
          aria-label={t('tree.actionsFor', { name: node.name })}
          className="outline-none"
          onAction={(key) => onAction(key as Action)}
        >
          <MenuItem id="add" className={menuItem}>
            {t('actions.addChild')}
          </MenuItem>
          <MenuItem id="edit" className={menuItem}>
            {t('actions.edit')}
          </MenuItem>
          <MenuItem id="move" className={menuItem}>
            {t('actions.move')}
          </MenuItem>
          <Separator className="my-1 border-t border-slate-200 dark:border-slate-800" />
          <MenuItem id="delete" className={dangerItem}>
            {t('actions.delete')}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

export function StructuresPage() {
  const { t } = useTranslation('structures');
  const tree = useQuery(treeQuery);
  const browser = useTreeBrowser(tree.data, filterTree, { openAllUpTo: 40, openRoots: true });
  const { nodes, query, filtered, total, openParent } = browser;
  const [form, setForm] = useState<FormTarget | null>(null);
  const [moving, setMoving] = useState<StructureNode | null>(null);
  const [deleting, setDeleting] = useState<StructureNode | null>(null);

  function onNodeAction(node: StructureNode, action: Action) {
    if (action === 'add') setForm({ mode: 'create', parent: node });
    else if (action === 'edit') setForm({ mode: 'edit', node });
    else if (action === 'move') setMoving(node);
    else setDeleting(node);
  }

  const renderItem = (node: StructureNode) => (
    <TreeListItem
      node={node}
      textValue={`${node.name} ${node.code}`}
      dependencies={[query]}
      renderItem={renderItem}
    >
      {({ hasChildItems }) => (
        <>
          <span className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-0.5">
            <span className="min-w-0 font-medium break-words text-slate-900 dark:text-slate-100">
              <Highlight text={node.name} query={query} />
            </span>
            <CodeBadge code={node.code} />
            {hasChildItems ? (
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {t('tree.children', { count: node.children.length })}
              </span>
            ) : null}
          </span>
          <NodeMenu node={node} onAction={(action) => onNodeAction(node, action)} />
        </>
      )}
    </TreeListItem>
  );

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="flex items-center gap-2 text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
            <TreeIcon className="size-7 text-indigo-600 dark:text-indigo-400" />
            {t('title')}
          </h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">{t('intro')}</p>
        </div>
        <Button className="shrink-0" onPress={() => setForm({ mode: 'create', parent: null })}>
          <span aria-hidden="true">+</span>
          {t('actions.newRoot')}
        </Button>
      </div>

      <TreeBrowser
        browser={browser}
        error={tree.error}
        onRetry={() => void tree.refetch()}
        empty={
          <EmptyState title={t('empty.title')}>
            <p>{t('empty.text')}</p>
            <Button className="mt-4" onPress={() => setForm({ mode: 'create', parent: null })}>
              {t('actions.newRoot')}
            </Button>
          </EmptyState>
        }
        texts={{
          searchLabel: t('search.label'),
          searchPlaceholder: t('search.placeholder'),
          expandAll: t('tree.expandAll'),
          collapseAll: t('tree.collapseAll'),
          status: query.trim()
            ? t('search.matches', { count: filtered.matches })
            : t('tree.total', { count: total }),
          none: t('search.none', { query: query.trim() }),
          treeLabel: t('tree.label'),
        }}
        dependencies={[query]}
      >
        {renderItem}
      </TreeBrowser>

      <StructureFormDialog
        target={form}
        onClose={() => setForm(null)}
        onSaved={(saved) => {
          // A new sub-structure shows under its opened parent.
          openParent(saved.parent);
          setForm(null);
        }}
      />
      <MoveDialog
        node={moving}
        tree={nodes}
        onClose={() => setMoving(null)}
        onMoved={(saved) => {
          openParent(saved.parent);
          setMoving(null);
        }}
      />
      <DeleteStructureDialog
        node={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => setDeleting(null)}
      />
    </div>
  );
}

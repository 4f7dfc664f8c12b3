import type { KbCategory } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMenu } from '../../components/ui/action-menu';
import { Button } from '../../components/ui/button';
import { DeleteDialog } from '../../components/ui/delete-dialog';
import { ItemDialog } from '../../components/ui/item-dialog';
import { MoveNodeDialog } from '../../components/ui/move-node-dialog';
import { PageHeader } from '../../components/ui/page-header';
import { fieldErrorMessage } from '../../components/ui/server-errors';
import { EmptyState } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { Highlight, TreeBrowser, TreeListItem, useTreeBrowser } from '../../components/ui/tree-list';
import { api } from '../../lib/api';
import { findNode } from '../../lib/tree';
import { useRefresh } from '../../lib/use-refresh';
import { type CategoryTarget, KbCategoryForm, kbCategoryFieldMessages } from './category-form';
import {
  buildCategoryTree,
  filterCategories,
  type KbCategoryNode,
  positionAfter,
  reorderSiblings,
  siblingsOf,
} from './category-tree';
import { categoriesQuery, kbKeys } from './knowledge-api';
import { useKnowledgeErrorMessage } from './knowledge-errors';
import { KnowledgeSettingsPanel } from './knowledge-settings-panel';

const optionLabel = (n: KbCategoryNode) => n.name;

/**
 * The knowledge categories, administrators': a tree to search, where each category is created, renamed,
 * moved under another one, put up or down among its siblings, or deleted; then the knowledge base's
 * settings (the public help center).
 */
export function KbCategoriesPage() {
  const { t } = useTranslation('knowledge');
  const { t: ts } = useTranslation('shell');
  const tree = useQuery({ ...categoriesQuery, select: buildCategoryTree });
  const refresh = useRefresh();
  const errorMessage = useKnowledgeErrorMessage();
  const browser = useTreeBrowser(tree.data, filterCategories, { openAllUpTo: 60, openRoots: true });
  const { nodes, query, filtered, total, openParent } = browser;
  const [form, setForm] = useState<CategoryTarget | null>(null);
  const [moving, setMoving] = useState<KbCategoryNode | null>(null);
  const [deleting, setDeleting] = useState<KbCategoryNode | null>(null);
  const [reordering, setReordering] = useState<number | null>(null);
  const dependencies = [query, reordering];

  /** Every knowledge page shows the categories (the home page's counts, the editor's select). */
  const refreshCategories = () => refresh(kbKeys.categories);

  async function reorder(node: KbCategoryNode, direction: -1 | 1) {
    const changes = reorderSiblings(siblingsOf(nodes, node), node.id, direction);
    if (changes.length === 0) return;
    setReordering(node.id);
    try {
      // One at a time: a half-done reorder still leaves distinct positions.
      for (const change of changes)
        await api<KbCategory>('PATCH', `/kb/categories/${change.id}`, { position: change.position });
      notify(
        t(direction < 0 ? 'adminCategories.toast.movedUp' : 'adminCategories.toast.movedDown', {
          name: node.name,
        }),
      );
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      await refreshCategories();
      setReordering(null);
    }
  }

  const renderItem = (node: KbCategoryNode) => {
    const siblings = siblingsOf(nodes, node);
    const index = siblings.findIndex((s) => s.id === node.id);
    return (
      <TreeListItem node={node} textValue={node.name} dependencies={dependencies} renderItem={renderItem}>
        {() => (
          <>
            <span className="flex min-w-0 flex-1 flex-col py-0.5">
              <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                <span className="min-w-0 font-medium break-words text-slate-900 dark:text-slate-100">
                  <Highlight text={node.name} query={query} />
                </span>
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {t('categories.count', { count: node.article_count })}
                </span>
              </span>
              {node.description ? (
                <span className="text-xs break-words text-slate-500 dark:text-slate-400">
                  {node.description}
                </span>
              ) : null}
            </span>
            <ActionMenu
              label={t('adminCategories.actionsFor', { name: node.name })}
              items={[
                { id: 'add', label: t('adminCategories.actions.addChild') },
                { id: 'edit', label: t('adminCategories.actions.rename') },
                { id: 'move', label: t('adminCategories.actions.move') },
                {
                  id: 'up',
                  label: t('adminCategories.actions.up'),
                  isDisabled: index <= 0 || reordering !== null,
                },
                {
                  id: 'down',
                  label: t('adminCategories.actions.down'),
                  isDisabled: index >= siblings.length - 1 || reordering !== null,
                },
                { id: 'delete', label: ts('actions.delete'), tone: 'danger', separatorBefore: true },
              ]}
              onAction={(action) => {
                if (action === 'add') setForm({ mode: 'create', parent: node });
                else if (action === 'edit') setForm({ mode: 'edit', node });
                else if (action === 'move') setMoving(node);
                else if (action === 'up') void reorder(node, -1);
                else if (action === 'down') void reorder(node, 1);
                else setDeleting(node);
              }}
              className="shrink-0"
            />
          </>
        )}
      </TreeListItem>
    );
  };

  const newRoot = () => setForm({ mode: 'create', parent: null });

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('adminCategories.title')}
        description={t('adminCategories.description')}
        actions={<Button onPress={newRoot}>{t('adminCategories.new')}</Button>}
      />

      <TreeBrowser
        browser={browser}
        error={tree.error}
        onRetry={() => void tree.refetch()}
        empty={
          <EmptyState title={t('adminCategories.empty.title')}>
            <p>{t('adminCategories.empty.text')}</p>
            <Button className="mt-4" onPress={newRoot}>
              {t('adminCategories.new')}
            </Button>
          </EmptyState>
        }
        texts={{
          searchLabel: t('adminCategories.search.label'),
          searchPlaceholder: t('adminCategories.search.placeholder'),
          expandAll: t('adminCategories.tree.expandAll'),
          collapseAll: t('adminCategories.tree.collapseAll'),
          status: query.trim()
            ? t('adminCategories.search.matches', { count: filtered.matches })
            : t('adminCategories.tree.total', { count: total }),
          none: t('adminCategories.search.none', { query: query.trim() }),
          treeLabel: t('adminCategories.tree.label'),
        }}
        dependencies={dependencies}
      >
        {renderItem}
      </TreeBrowser>

      <KnowledgeSettingsPanel />

      <ItemDialog
        item={form}
        onClose={() => setForm(null)}
        title={(target) =>
          target.mode === 'edit'
            ? t('adminCategories.form.editTitle', { name: target.node.name })
            : target.parent
              ? t('adminCategories.form.createChildTitle', { parent: target.parent.name })
              : t('adminCategories.form.createTitle')
        }
      >
        {(target) => (
          <KbCategoryForm
            target={target}
            tree={nodes}
            onDone={(saved) => {
              setForm(null);
              if (!saved) return;
              // A new sub-category shows under its opened parent.
              openParent(saved.parent);
              void refreshCategories();
            }}
          />
        )}
      </ItemDialog>
      <MoveNodeDialog
        node={moving}
        tree={nodes}
        texts={{
          title: (n) => t('adminCategories.move.title', { name: n.name }),
          intro: t('adminCategories.move.intro'),
          newParent: t('adminCategories.move.newParent'),
          root: t('adminCategories.root'),
          submit: t('adminCategories.move.submit'),
        }}
        optionLabel={optionLabel}
        move={async (n, parent) => {
          // Last among its new siblings.
          const siblings = parent === null ? nodes : (findNode(nodes, parent)?.children ?? []);
          const saved = await api<KbCategory>('PATCH', `/kb/categories/${n.id}`, {
            parent,
            position: positionAfter(siblings),
          });
          await refreshCategories();
          notify(t('adminCategories.toast.moved', { name: n.name }));
          return saved;
        }}
        fieldError={(error) => fieldErrorMessage(error, 'parent', kbCategoryFieldMessages)}
        onClose={() => setMoving(null)}
        onMoved={(saved) => {
          openParent(saved.parent);
          setMoving(null);
        }}
      />
      <DeleteDialog
        item={deleting}
        path={(n) => `/kb/categories/${n.id}`}
        text={(key, options) => t(`adminCategories.${key}`, options)}
        onClose={() => setDeleting(null)}
        onDeleted={async () => {
          setDeleting(null);
          await refresh(kbKeys.all);
        }}
      >
        {t('adminCategories.confirmDelete.body')}
      </DeleteDialog>
    </div>
  );
}

import type { CategoryNode } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMenu } from '../../components/ui/action-menu';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ItemDialog } from '../../components/ui/item-dialog';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState } from '../../components/ui/states';
import { Highlight, TreeBrowser, TreeListItem, useTreeBrowser } from '../../components/ui/tree-list';
import { namesById, useGroups } from '../../lib/lookups';
import { DeleteCategoryDialog, MoveCategoryDialog } from './category-dialogs';
import { CategoryForm, type CategoryTarget } from './category-form';
import { filterCategories } from './category-tree';
import { categoryTreeQuery, useSlas } from './queries';

/** The ticket categories as a tree: routing (group, SLA), template and approval of each. */
export function TicketCategoriesPage() {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const tree = useQuery(categoryTreeQuery);
  const groups = useGroups();
  const slas = useSlas();
  const groupNames = namesById(groups.data);
  const slaNames = namesById(slas.data);
  const browser = useTreeBrowser(tree.data, filterCategories, { openAllUpTo: 60, openRoots: false });
  const { nodes, query, filtered, total, openParent } = browser;
  const [form, setForm] = useState<CategoryTarget | null>(null);
  const [moving, setMoving] = useState<CategoryNode | null>(null);
  const [deleting, setDeleting] = useState<CategoryNode | null>(null);
  const dependencies = [query, groups.data, slas.data];

  const details = (node: CategoryNode) => {
    const parts: ReactNode[] = [];
    if (node.default_group !== null)
      parts.push(t('categories.tree.group', { name: groupNames.get(node.default_group) ?? '…' }));
    if (node.sla !== null) parts.push(t('categories.tree.sla', { name: slaNames.get(node.sla) ?? '…' }));
    if (node.description_template) parts.push(t('categories.tree.template'));
    return parts;
  };

  const renderItem = (node: CategoryNode) => {
    const info = details(node);
    return (
      <TreeListItem node={node} textValue={node.name} dependencies={dependencies} renderItem={renderItem}>
        {() => (
          <>
            <span className="flex min-w-0 flex-1 flex-col py-0.5">
              <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                <span
                  className={clsx(
                    'min-w-0 font-medium break-words',
                    node.is_active
                      ? 'text-slate-900 dark:text-slate-100'
                      : 'text-slate-500 line-through decoration-slate-400/60 dark:text-slate-400',
                  )}
                >
                  <Highlight text={node.name} query={query} />
                </span>
                {node.is_active ? null : <Badge tone="slate">{t('common.inactive')}</Badge>}
                {node.approval === 'none' ? null : (
                  <Badge tone="violet">{t(`categories.tree.approval.${node.approval}`)}</Badge>
                )}
              </span>
              {info.length > 0 ? (
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {info.map((part, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of a few texts
                    <span key={index}>
                      {index > 0 ? <span aria-hidden="true"> · </span> : null}
                      {part}
                    </span>
                  ))}
                </span>
              ) : null}
            </span>
            <ActionMenu
              label={t('categories.tree.actionsFor', { name: node.name })}
              items={[
                { id: 'add', label: t('categories.actions.addChild') },
                { id: 'edit', label: ts('actions.edit') },
                { id: 'move', label: t('categories.actions.move') },
                { id: 'delete', label: ts('actions.delete'), tone: 'danger', separatorBefore: true },
              ]}
              onAction={(action) => {
                if (action === 'add') setForm({ mode: 'create', parent: node });
                else if (action === 'edit') setForm({ mode: 'edit', node });
                else if (action === 'move') setMoving(node);
                else setDeleting(node);
              }}
              className="shrink-0"
            />
          </>
        )}
      </TreeListItem>
    );
  };

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('categories.title')}
        description={t('categories.description')}
        actions={
          <Button onPress={() => setForm({ mode: 'create', parent: null })}>{t('categories.new')}</Button>
        }
      />

      <TreeBrowser
        browser={browser}
        error={tree.error}
        onRetry={() => void tree.refetch()}
        empty={
          <EmptyState title={t('categories.empty.title')}>
            <p>{t('categories.empty.text')}</p>
            <Button className="mt-4" onPress={() => setForm({ mode: 'create', parent: null })}>
              {t('categories.new')}
            </Button>
          </EmptyState>
        }
        texts={{
          searchLabel: t('categories.search.label'),
          searchPlaceholder: t('categories.search.placeholder'),
          expandAll: t('categories.tree.expandAll'),
          collapseAll: t('categories.tree.collapseAll'),
          status: query.trim()
            ? t('categories.search.matches', { count: filtered.matches })
            : t('categories.tree.total', { count: total }),
          none: t('categories.search.none', { query: query.trim() }),
          treeLabel: t('categories.tree.label'),
        }}
        dependencies={dependencies}
      >
        {renderItem}
      </TreeBrowser>

      <ItemDialog
        item={form}
        onClose={() => setForm(null)}
        size="lg"
        title={(target) =>
          target.mode === 'edit'
            ? t('categories.form.editTitle', { name: target.node.name })
            : target.parent
              ? t('categories.form.createChildTitle', { parent: target.parent.name })
              : t('categories.form.createTitle')
        }
      >
        {(target) => (
          <CategoryForm
            target={target}
            tree={nodes}
            onDone={(saved) => {
              // A new sub-category shows under its opened parent.
              if (saved) openParent(saved.parent);
              setForm(null);
            }}
          />
        )}
      </ItemDialog>
      <MoveCategoryDialog
        node={moving}
        tree={nodes}
        onClose={() => setMoving(null)}
        onMoved={(saved) => {
          openParent(saved.parent);
          setMoving(null);
        }}
      />
      <DeleteCategoryDialog
        node={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => setDeleting(null)}
      />
    </div>
  );
}

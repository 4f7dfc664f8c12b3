import type { CategoryNode } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import {
  Button as AriaButton,
  Collection,
  type Key,
  Tree,
  TreeItem,
  TreeItemContent,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../../components/icons';
import { ActionMenu } from '../../components/ui/action-menu';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { inputClass } from '../../components/ui/field';
import { ItemDialog } from '../../components/ui/item-dialog';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { namesById, useGroups } from '../../lib/lookups';
import { matchRange } from '../structures/structure-tree';
import { DeleteCategoryDialog, MoveCategoryDialog } from './category-dialogs';
import { CategoryForm, type CategoryTarget } from './category-form';
import { branchIds, filterCategories, flattenCategories } from './category-tree';
import { categoryTreeQuery, useSlas } from './queries';

/** `text` with the part that matches the search marked. */
function Highlight({ text, query }: { text: string; query: string }) {
  const range = matchRange(text, query);
  if (!range) return <>{text}</>;
  const [start, end] = range;
  return (
    <>
      {text.slice(0, start)}
      <mark className="rounded-sm bg-amber-200 px-0.5 text-slate-900 dark:bg-amber-400/40 dark:text-amber-50">
        {text.slice(start, end)}
      </mark>
      {text.slice(end)}
    </>
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      aria-hidden="true"
      className={clsx('size-4 transition-transform', open && 'rotate-90')}
    >
      <path d="m9 6 6 6-6 6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The ticket categories as a tree: routing (group, SLA), template and approval of each. */
export function TicketCategoriesPage() {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const tree = useQuery(categoryTreeQuery);
  const groups = useGroups();
  const slas = useSlas();
  const groupNames = namesById(groups.data);
  const slaNames = namesById(slas.data);
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Set<Key>>(new Set());
  const [initialised, setInitialised] = useState(false);
  const [form, setForm] = useState<CategoryTarget | null>(null);
  const [moving, setMoving] = useState<CategoryNode | null>(null);
  const [deleting, setDeleting] = useState<CategoryNode | null>(null);

  const nodes = tree.data ?? [];
  const filtered = useMemo(() => filterCategories(nodes, query), [nodes, query]);
  const total = useMemo(() => flattenCategories(nodes).length, [nodes]);
  const allBranches = useMemo(() => branchIds(nodes), [nodes]);

  // First load: everything open when the tree is small, the roots otherwise.
  useEffect(() => {
    if (initialised || !tree.data) return;
    setExpanded(new Set(total <= 60 ? allBranches : []));
    setInitialised(true);
  }, [initialised, tree.data, total, allBranches]);

  // Searching opens the way to every match.
  useEffect(() => {
    if (filtered.expand.length > 0) setExpanded((prev) => new Set([...prev, ...filtered.expand]));
  }, [filtered.expand]);

  const openParent = (parent: number | null) => {
    if (parent !== null) setExpanded((prev) => new Set([...prev, parent]));
  };

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
      <TreeItem
        id={node.id}
        textValue={node.name}
        className={clsx(
          'group relative rounded-lg text-sm text-slate-800 outline-none dark:text-slate-200',
          'hover:bg-slate-50 dark:hover:bg-slate-800/60',
          'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600',
        )}
      >
        <TreeItemContent>
          {({ hasChildItems, isExpanded, level }) => (
            <div
              className="flex min-h-11 items-center gap-1.5 py-1 pr-1 [--indent:0.9rem] sm:[--indent:1.5rem]"
              style={{ paddingInlineStart: `calc(${level - 1} * var(--indent) + 0.25rem)` }}
            >
              {hasChildItems ? (
                <AriaButton
                  slot="chevron"
                  className="inline-flex size-8 shrink-0 items-center justify-center rounded-md text-slate-500 outline-none hover:bg-slate-200/70 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-400 dark:hover:bg-slate-700"
                >
                  <Chevron open={isExpanded} />
                </AriaButton>
              ) : (
                <span className="inline-flex size-8 shrink-0 items-center justify-center" aria-hidden="true">
                  <span className="size-1.5 rounded-full bg-slate-300 dark:bg-slate-600" />
                </span>
              )}
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
            </div>
          )}
        </TreeItemContent>
        <Collection items={node.children} dependencies={[query, groups.data, slas.data]}>
          {renderItem}
        </Collection>
      </TreeItem>
    );
  };

  let content: ReactNode;
  if (tree.error) content = <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  else if (!tree.data) content = <Spinner />;
  else if (nodes.length === 0)
    content = (
      <EmptyState title={t('categories.empty.title')}>
        <p>{t('categories.empty.text')}</p>
        <Button className="mt-4" onPress={() => setForm({ mode: 'create', parent: null })}>
          {t('categories.new')}
        </Button>
      </EmptyState>
    );
  else
    content = (
      <div className="flex flex-col gap-3">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex flex-1 flex-col gap-1.5">
            <label htmlFor={searchId} className="text-sm font-medium text-slate-700 dark:text-slate-300">
              {t('categories.search.label')}
            </label>
            <div className="relative">
              <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
              <input
                id={searchId}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                placeholder={t('categories.search.placeholder')}
                className={clsx(inputClass, 'pl-9')}
              />
            </div>
          </div>
          <div className="flex gap-2">
            <Button
              variant="secondary"
              className="flex-1 sm:flex-none"
              onPress={() => setExpanded(new Set(allBranches))}
            >
              {t('categories.tree.expandAll')}
            </Button>
            <Button
              variant="secondary"
              className="flex-1 sm:flex-none"
              onPress={() => setExpanded(new Set())}
            >
              {t('categories.tree.collapseAll')}
            </Button>
          </div>
        </div>
        <p className="text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
          {query.trim()
            ? t('categories.search.matches', { count: filtered.matches })
            : t('categories.tree.total', { count: total })}
        </p>
        {filtered.nodes.length === 0 ? (
          <EmptyState title={t('categories.search.none', { query: query.trim() })} />
        ) : (
          <div className="rounded-xl border border-slate-200 bg-white p-1.5 sm:p-2 dark:border-slate-800 dark:bg-slate-900">
            <Tree
              aria-label={t('categories.tree.label')}
              items={filtered.nodes}
              expandedKeys={expanded}
              onExpandedChange={setExpanded}
              dependencies={[query, groups.data, slas.data]}
              className="flex flex-col gap-0.5 outline-none"
            >
              {renderItem}
            </Tree>
          </div>
        )}
      </div>
    );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('categories.title')}
        description={t('categories.description')}
        actions={
          <Button onPress={() => setForm({ mode: 'create', parent: null })}>{t('categories.new')}</Button>
        }
      />

      {content}

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

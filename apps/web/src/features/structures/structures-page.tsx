import type { StructureNode } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import {
  Button as AriaButton,
  Collection,
  type Key,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Separator,
  Tree,
  TreeItem,
  TreeItemContent,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { MoreIcon, SearchIcon, TreeIcon } from '../../components/icons';
import { Button } from '../../components/ui/button';
import { inputClass } from '../../components/ui/field';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { api } from '../../lib/api';
import { CodeBadge } from './code-badge';
import { DeleteStructureDialog } from './delete-structure-dialog';
import { MoveDialog } from './move-dialog';
import { type FormTarget, StructureFormDialog } from './structure-form-dialog';
import { branchIds, filterTree, flatten, matchRange } from './structure-tree';

export const treeQuery = {
  queryKey: ['structures', 'tree'],
  queryFn: () => api<StructureNode[]>('GET', '/structures/tree'),
};

const menuItemBase = 'flex cursor-default items-center gap-2 rounded-md px-3 py-2 text-sm outline-none';
const menuItem = `${menuItemBase} text-slate-700 focused:bg-slate-100 dark:text-slate-200 dark:focused:bg-slate-800`;
const dangerItem = `${menuItemBase} text-rose-700 focused:bg-rose-50 dark:text-rose-400 dark:focused:bg-rose-950/50`;

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
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Set<Key>>(new Set());
  const [initialised, setInitialised] = useState(false);
  const [form, setForm] = useState<FormTarget | null>(null);
  const [moving, setMoving] = useState<StructureNode | null>(null);
  const [deleting, setDeleting] = useState<StructureNode | null>(null);

  const nodes = tree.data ?? [];
  const filtered = useMemo(() => filterTree(nodes, query), [nodes, query]);
  const total = useMemo(() => flatten(nodes).length, [nodes]);
  const allBranches = useMemo(() => branchIds(nodes), [nodes]);

  // First load: roots open (everything when the tree is small).
  useEffect(() => {
    if (initialised || !tree.data) return;
    setExpanded(new Set(total <= 40 ? allBranches : tree.data.map((n) => n.id)));
    setInitialised(true);
  }, [initialised, tree.data, total, allBranches]);

  // Searching opens the way to every match.
  useEffect(() => {
    if (filtered.expand.length > 0) setExpanded((prev) => new Set([...prev, ...filtered.expand]));
  }, [filtered.expand]);

  function onNodeAction(node: StructureNode, action: Action) {
    if (action === 'add') setForm({ mode: 'create', parent: node });
    else if (action === 'edit') setForm({ mode: 'edit', node });
    else if (action === 'move') setMoving(node);
    else setDeleting(node);
  }

  const renderItem = (node: StructureNode) => (
    <TreeItem
      id={node.id}
      textValue={`${node.name} ${node.code}`}
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
                <svg
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={2}
                  aria-hidden="true"
                  className={clsx('size-4 transition-transform', isExpanded && 'rotate-90')}
                >
                  <path d="m9 6 6 6-6 6" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
              </AriaButton>
            ) : (
              <span className="inline-flex size-8 shrink-0 items-center justify-center" aria-hidden="true">
                <span className="size-1.5 rounded-full bg-slate-300 dark:bg-slate-600" />
              </span>
            )}
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
          </div>
        )}
      </TreeItemContent>
      <Collection items={node.children} dependencies={[query]}>
        {renderItem}
      </Collection>
    </TreeItem>
  );

  let content: ReactNode;
  if (tree.error) content = <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  else if (!tree.data) content = <Spinner />;
  else if (nodes.length === 0)
    content = (
      <EmptyState title={t('empty.title')}>
        <p>{t('empty.text')}</p>
        <Button className="mt-4" onPress={() => setForm({ mode: 'create', parent: null })}>
          {t('actions.newRoot')}
        </Button>
      </EmptyState>
    );
  else
    content = (
      <div className="flex flex-col gap-3">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex flex-1 flex-col gap-1.5">
            <label htmlFor={searchId} className="text-sm font-medium text-slate-700 dark:text-slate-300">
              {t('search.label')}
            </label>
            <div className="relative">
              <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
              <input
                id={searchId}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                placeholder={t('search.placeholder')}
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
              {t('tree.expandAll')}
            </Button>
            <Button
              variant="secondary"
              className="flex-1 sm:flex-none"
              onPress={() => setExpanded(new Set())}
            >
              {t('tree.collapseAll')}
            </Button>
          </div>
        </div>
        <p className="text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
          {query.trim()
            ? t('search.matches', { count: filtered.matches })
            : t('tree.total', { count: total })}
        </p>
        {filtered.nodes.length === 0 ? (
          <EmptyState title={t('search.none', { query: query.trim() })} />
        ) : (
          <div className="rounded-xl border border-slate-200 bg-white p-1.5 sm:p-2 dark:border-slate-800 dark:bg-slate-900">
            <Tree
              aria-label={t('tree.label')}
              items={filtered.nodes}
              expandedKeys={expanded}
              onExpandedChange={setExpanded}
              dependencies={[query]}
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

      {content}

      <StructureFormDialog
        target={form}
        onClose={() => setForm(null)}
        onSaved={(saved) => {
          // A new sub-structure shows under its opened parent.
          if (saved.parent !== null) setExpanded((prev) => new Set([...prev, saved.parent as number]));
          setForm(null);
        }}
      />
      <MoveDialog
        node={moving}
        tree={nodes}
        onClose={() => setMoving(null)}
        onMoved={(saved) => {
          if (saved.parent !== null) setExpanded((prev) => new Set([...prev, saved.parent as number]));
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

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
import { branchIds, type FilteredTree, flattenTree, matchRange, type TreeNode } from '../../lib/tree';
import { SearchIcon } from '../icons';
import { Button } from './button';
import { inputClass } from './field';
import { EmptyState, ErrorState, Spinner } from './states';

/** `text` with the part that matches the search marked. */
export function Highlight({ text, query }: { text: string; query: string }) {
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

/**
 * What a tree page keeps while it is browsed: the search, the open branches (at first every one
 * of a small tree; otherwise the roots, or nothing) and the tree cut down to the matches.
 */
export function useTreeBrowser<T extends TreeNode<T>>(
  data: readonly T[] | undefined,
  filter: (nodes: readonly T[], query: string) => FilteredTree<T>,
  initial: { openAllUpTo: number; openRoots: boolean },
) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Set<Key>>(new Set());
  const [initialised, setInitialised] = useState(false);

  const nodes = data ?? [];
  const filtered = useMemo(() => filter(nodes, query), [filter, nodes, query]);
  const total = useMemo(() => flattenTree(nodes).length, [nodes]);
  const allBranches = useMemo(() => branchIds(nodes), [nodes]);
  const { openAllUpTo, openRoots } = initial;

  useEffect(() => {
    if (initialised || !data) return;
    const roots = openRoots ? data.map((n) => n.id) : [];
    setExpanded(new Set(total <= openAllUpTo ? allBranches : roots));
    setInitialised(true);
  }, [initialised, data, total, allBranches, openAllUpTo, openRoots]);

  // Searching opens the way to every match.
  useEffect(() => {
    if (filtered.expand.length > 0) setExpanded((prev) => new Set([...prev, ...filtered.expand]));
  }, [filtered.expand]);

  /** Opens a parent, for a node just created or moved under it to show. */
  const openParent = (parent: number | null) => {
    if (parent !== null) setExpanded((prev) => new Set([...prev, parent]));
  };

  return { data, nodes, query, setQuery, expanded, setExpanded, filtered, total, allBranches, openParent };
}

export type TreeBrowserState<T extends TreeNode<T>> = ReturnType<typeof useTreeBrowser<T>>;

type TreeBrowserTexts = {
  searchLabel: string;
  searchPlaceholder: string;
  expandAll: string;
  collapseAll: string;
  /** The number of matches while searching, of nodes otherwise. */
  status: string;
  /** No match for the search. */
  none: string;
  treeLabel: string;
};

/**
 * A searchable tree with buttons to open or close every branch; the error, loading and empty
 * states until there is one.
 */
export function TreeBrowser<T extends TreeNode<T>>({
  browser,
  error,
  onRetry,
  empty,
  texts,
  dependencies,
  children,
}: {
  browser: TreeBrowserState<T>;
  error: unknown;
  onRetry: () => void;
  /** Shown when the tree has no node at all. */
  empty: ReactNode;
  texts: TreeBrowserTexts;
  /** What the rows show besides the nodes (so that they render again when it changes). */
  dependencies: readonly unknown[];
  children: (node: T) => ReactNode;
}) {
  const searchId = useId();
  const { data, nodes, query, setQuery, expanded, setExpanded, filtered, allBranches } = browser;
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (!data) return <Spinner />;
  if (nodes.length === 0) return empty;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1.5">
          <label htmlFor={searchId} className="text-sm font-medium text-slate-700 dark:text-slate-300">
            {texts.searchLabel}
          </label>
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
            <input
              id={searchId}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder={texts.searchPlaceholder}
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
            {texts.expandAll}
          </Button>
          <Button variant="secondary" className="flex-1 sm:flex-none" onPress={() => setExpanded(new Set())}>
            {texts.collapseAll}
          </Button>
        </div>
      </div>
      <p className="text-sm text-slate-500 dark:text-slate-400" aria-live="polite">
        {texts.status}
      </p>
      {filtered.nodes.length === 0 ? (
        <EmptyState title={texts.none} />
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white p-1.5 sm:p-2 dark:border-slate-800 dark:bg-slate-900">
          <Tree
            aria-label={texts.treeLabel}
            items={filtered.nodes}
            expandedKeys={expanded}
            onExpandedChange={setExpanded}
            dependencies={dependencies}
            className="flex flex-col gap-0.5 outline-none"
          >
            {children}
          </Tree>
        </div>
      )}
    </div>
  );
}

/** One row of a `TreeBrowser`: indented by depth, a chevron when it has children, then `children`. */
export function TreeListItem<T extends TreeNode<T>>({
  node,
  textValue,
  dependencies,
  renderItem,
  children,
}: {
  node: T;
  textValue: string;
  dependencies: readonly unknown[];
  /** How each child renders (the same function that renders this row). */
  renderItem: (node: T) => ReactNode;
  /** The row after its chevron: name, badges, details, actions. */
  children: (state: { hasChildItems: boolean }) => ReactNode;
}) {
  return (
    <TreeItem
      id={node.id}
      textValue={textValue}
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
            {children({ hasChildItems })}
          </div>
        )}
      </TreeItemContent>
      <Collection items={node.children} dependencies={dependencies}>
        {renderItem}
      </Collection>
    </TreeItem>
  );
}

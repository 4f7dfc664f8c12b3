import type { AssignmentRule, Page, SlaRule } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { type ReactNode, useState } from 'react';
import { Button as AriaButton, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ArrowUpIcon } from '../../components/icons';
import { ActionMenu } from '../../components/ui/action-menu';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ItemDialog } from '../../components/ui/item-dialog';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, errorMessage, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { namesById, useGroups, useStructures } from '../../lib/lookups';
import { adminQueryKey, useCategoryList, useRefreshTicketConfig, useSlas } from './queries';
import { RuleForm, type RuleKind } from './rule-form';
import { applyPatches, movePatches, sortRules } from './rule-order';
import { PriorityLabel } from './ui';

const route = getRouteApi('/app/admin/ticket-rules');

type Rule = AssignmentRule | SlaRule;
const PATHS: Record<RuleKind, string> = { assignment: '/assignment-rules', sla: '/sla-rules' };

const rulesQuery = (kind: RuleKind) => ({
  queryKey: adminQueryKey('rules', kind),
  queryFn: async () =>
    sortRules(
      (await api<Page<Rule>>('GET', PATHS[kind], undefined, { page_size: 200, ordering: 'position' }))
        .results,
    ),
});

/** A criterion of a rule: what it matches, or "any". */
function Criterion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span className="inline-flex min-w-0 items-baseline gap-1 rounded-md bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
      <span className="shrink-0 text-slate-500 dark:text-slate-400">{label}</span>
      <span className="min-w-0 font-medium break-words text-slate-800 dark:text-slate-200">{children}</span>
    </span>
  );
}

const moveButton = clsx(
  'inline-flex size-9 items-center justify-center rounded-lg text-slate-600 outline-none hover:bg-slate-100 hover:text-slate-900',
  'data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600 data-[pressed]:bg-slate-200 data-[disabled]:opacity-30',
  'dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:data-[pressed]:bg-slate-700',
);

function RuleList({ kind }: { kind: RuleKind }) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const queryClient = useQueryClient();
  const refresh = useRefreshTicketConfig();
  const rules = useQuery(rulesQuery(kind));
  const categories = useCategoryList();
  const structures = useStructures();
  const groups = useGroups();
  const slas = useSlas();
  const categoryPaths = new Map((categories.data ?? []).map(({ node }) => [node.id, node.path]));
  const structureNames = namesById(structures.data);
  const groupNames = namesById(groups.data);
  const slaNames = namesById(slas.data);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const [moving, setMoving] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  async function move(rule: Rule, step: -1 | 1) {
    const current = rules.data ?? [];
    const patches = movePatches(current, rule.id, step);
    if (patches.length === 0) return;
    const next = applyPatches(current, patches);
    const key = rulesQuery(kind).queryKey;
    // The new order shows at once; the server's answer replaces it.
    queryClient.setQueryData(key, next);
    setMoving(true);
    try {
      for (const patch of patches)
        await api('PATCH', `${PATHS[kind]}/${patch.id}`, { position: patch.position });
      setAnnouncement(
        t('rules.moved', { position: next.findIndex((r) => r.id === rule.id) + 1, count: next.length }),
      );
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      await queryClient.invalidateQueries({ queryKey: key });
      setMoving(false);
    }
  }

  const target = (rule: Rule) =>
    'group' in rule ? (
      <span className="flex min-w-0 flex-col items-start gap-1">
        <span className="font-medium break-words text-slate-900 dark:text-white">
          {groupNames.get(rule.group) ?? '…'}
        </span>
        {rule.is_member_picked ? <Badge tone="sky">{t('rules.pickMember')}</Badge> : null}
      </span>
    ) : (
      <span className="font-medium text-slate-900 dark:text-white">{slaNames.get(rule.sla) ?? '…'}</span>
    );

  const criteria = (rule: Rule) => {
    const items: ReactNode[] = [];
    if (rule.category !== null)
      items.push(
        <Criterion key="category" label={t('rules.fields.category')}>
          {categoryPaths.get(rule.category) ?? '…'}
        </Criterion>,
      );
    if (rule.structure !== null)
      items.push(
        <Criterion key="structure" label={t('rules.fields.structure')}>
          {structureNames.get(rule.structure) ?? '…'}
        </Criterion>,
      );
    if ('priority' in rule && rule.priority !== null)
      items.push(
        <Criterion key="priority" label={t('rules.fields.priority')}>
          <PriorityLabel level={rule.priority} />
        </Criterion>,
      );
    return items.length > 0 ? (
      items
    ) : (
      <span className="text-sm text-slate-500 italic dark:text-slate-400">{t('rules.anyTicket')}</span>
    );
  };

  const list = rules.data ?? [];
  let content: ReactNode;
  if (rules.error) content = <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  else if (!rules.data) content = <Spinner />;
  else if (list.length === 0)
    content = (
      <EmptyState title={t(`rules.empty.${kind}`)}>
        <p>{t(`rules.fallback.${kind}`)}</p>
      </EmptyState>
    );
  else
    content = (
      <ol
        aria-label={t(`rules.listLabel.${kind}`)}
        className="flex flex-col divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
      >
        {list.map((rule, index) => (
          <li key={rule.id} className="flex items-start gap-3 px-3 py-3 sm:items-center sm:px-4">
            <span
              aria-hidden="true"
              className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-xs font-semibold text-indigo-700 tabular-nums sm:mt-0 dark:bg-indigo-950/60 dark:text-indigo-300"
            >
              {index + 1}
            </span>
            <span className="sr-only">{t('rules.position', { position: index + 1 })}</span>
            <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:flex-row sm:items-center sm:gap-4">
              <div className="flex min-w-0 flex-wrap gap-1.5 sm:flex-1">{criteria(rule)}</div>
              <div className="flex min-w-0 items-center gap-2 text-sm sm:w-64 sm:shrink-0">
                <span aria-hidden="true" className="text-slate-400">
                  →
                </span>
                <span className="sr-only">{t(`rules.targetLabel.${kind}`)}</span>
                {target(rule)}
              </div>
            </div>
            <div className="flex shrink-0 items-center">
              <div className="flex flex-col sm:flex-row">
                <AriaButton
                  className={moveButton}
                  aria-label={t('rules.moveUp', { position: index + 1 })}
                  isDisabled={index === 0 || moving}
                  onPress={() => void move(rule, -1)}
                >
                  <ArrowUpIcon className="size-5" />
                </AriaButton>
                <AriaButton
                  className={moveButton}
                  aria-label={t('rules.moveDown', { position: index + 1 })}
                  isDisabled={index === list.length - 1 || moving}
                  onPress={() => void move(rule, 1)}
                >
                  <ArrowUpIcon className="size-5 rotate-180" />
                </AriaButton>
              </div>
              <ActionMenu
                label={t('rules.actionsFor', { position: index + 1 })}
                items={[
                  { id: 'edit', label: ts('actions.edit') },
                  { id: 'delete', label: ts('actions.delete'), tone: 'danger', separatorBefore: true },
                ]}
                onAction={(id) => (id === 'edit' ? setEditing(rule) : setDeleting(rule))}
              />
            </div>
          </li>
        ))}
      </ol>
    );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <p className="max-w-2xl text-sm text-slate-600 dark:text-slate-400">{t(`rules.intro.${kind}`)}</p>
        <Button className="shrink-0" onPress={() => setEditing('new')}>
          {t(`rules.new.${kind}`)}
        </Button>
      </div>
      {content}
      {list.length > 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{t(`rules.fallback.${kind}`)}</p>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <ItemDialog
        item={editing}
        onClose={() => setEditing(null)}
        title={(rule) =>
          rule === 'new' ? t(`rules.form.createTitle.${kind}`) : t(`rules.form.editTitle.${kind}`)
        }
      >
        {(rule) => (
          <RuleForm kind={kind} rule={rule === 'new' ? null : rule} onDone={() => setEditing(null)} />
        )}
      </ItemDialog>
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('rules.delete.title', {
          position: deleting ? list.findIndex((r) => r.id === deleting.id) + 1 : 0,
        })}
        confirmLabel={ts('actions.delete')}
        onConfirm={async () => {
          if (!deleting) return;
          await api('DELETE', `${PATHS[kind]}/${deleting.id}`);
          notify(t('rules.toast.deleted'));
          await refresh();
        }}
      >
        {t('rules.delete.text')}
      </ConfirmDialog>
    </div>
  );
}

const TABS = ['assignment', 'sla'] as const;

/** The rules that route new tickets: to a group (assignment) and to an SLA; the first match wins. */
export function TicketRulesPage() {
  const { t } = useTranslation('ticket-admin');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const selected: RuleKind = search.tab ?? 'assignment';
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('rules.title')} description={t('rules.description')} />
      <Tabs
        selectedKey={selected}
        onSelectionChange={(key) =>
          void navigate({
            search: { tab: key === 'assignment' ? undefined : (key as RuleKind) },
            replace: true,
          })
        }
        className="flex flex-col gap-5"
      >
        <TabList
          aria-label={t('rules.tabs.label')}
          className="-mx-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0 dark:border-slate-800"
        >
          {TABS.map((key) => (
            <Tab
              key={key}
              id={key}
              className={clsx(
                '-mb-px cursor-default border-b-2 border-transparent px-3 py-2.5 text-sm font-medium whitespace-nowrap text-slate-600 outline-none hover:text-slate-900',
                'data-[focus-visible]:rounded-t-md data-[focus-visible]:outline-2 data-[focus-visible]:outline-indigo-600',
                'data-[selected]:border-indigo-600 data-[selected]:text-indigo-700 dark:text-slate-400 dark:hover:text-white dark:data-[selected]:border-indigo-400 dark:data-[selected]:text-indigo-300',
              )}
            >
              {t(`rules.tabs.${key}`)}
            </Tab>
          ))}
        </TabList>
        {TABS.map((key) => (
          <TabPanel key={key} id={key} className="outline-none">
            <RuleList kind={key} />
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}

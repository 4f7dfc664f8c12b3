import type { MachineDetail } from '@itsm/contracts';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ArrowRightIcon } from '../../components/icons';
import { formatDateTime, formatRelative } from '../../lib/format';
import { Section } from '../account/section';
import { Fact, Facts } from './facts';
import { InventoryRequest } from './inventory-request';
import { LastSeen, MachineStatusBadge } from './machine-badges';

/** The machine at a glance: identity, assignment, its agent (and an inventory on demand), tickets, notes. */
export function SummaryTab({ machine, now }: { machine: MachineDetail; now: number }) {
  const { t, i18n } = useTranslation('machines');
  const language = i18n.resolvedLanguage ?? 'fr';
  const when = (value: string | null) =>
    value ? (
      <time dateTime={value} title={formatDateTime(value, language)}>
        {formatRelative(value, language, now)}
      </time>
    ) : null;
  const os = [
    machine.os_name,
    machine.os_version && !machine.os_name?.includes(machine.os_version) ? machine.os_version : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className="grid items-start gap-5 lg:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-5">
        <Section title={t('summary.identity')}>
          <Facts>
            <Fact label={t('fields.hostname')}>{machine.hostname}</Fact>
            <Fact label={t('fields.domain')}>{machine.domain}</Fact>
            <Fact label={t('fields.manufacturer')}>{machine.manufacturer}</Fact>
            <Fact label={t('fields.model')}>{machine.model}</Fact>
            <Fact label={t('fields.serial')}>
              {machine.serial ? <span className="font-mono">{machine.serial}</span> : null}
            </Fact>
            <Fact label={t('fields.os')}>{os}</Fact>
            <Fact label={t('fields.uuid')}>
              {machine.system_uuid ? <span className="font-mono text-xs">{machine.system_uuid}</span> : null}
            </Fact>
            <Fact label={t('fields.createdAt')}>
              <time dateTime={machine.created_at}>{formatDateTime(machine.created_at, language)}</time>
            </Fact>
          </Facts>
        </Section>
        <Section title={t('summary.notes')}>
          {machine.notes?.trim() ? (
            <p className="text-sm whitespace-pre-line text-slate-700 dark:text-slate-300">{machine.notes}</p>
          ) : (
            <p className="text-sm text-slate-500 italic dark:text-slate-400">{t('summary.noNotes')}</p>
          )}
        </Section>
      </div>
      <div className="flex min-w-0 flex-col gap-5">
        <Section title={t('summary.assignment')}>
          <Facts>
            <Fact label={t('fields.status')}>
              <MachineStatusBadge status={machine.status} />
            </Fact>
            <Fact label={t('fields.structure')}>{machine.structure_name}</Fact>
            <Fact label={t('fields.site')}>{machine.site_name}</Fact>
            <Fact label={t('fields.mainUser')}>{machine.main_user_name}</Fact>
          </Facts>
        </Section>
        <Section title={t('summary.agent')}>
          {machine.has_agent || machine.enrolled_at ? (
            <Facts>
              <Fact label={t('fields.agentVersion')}>{machine.agent_version}</Fact>
              <Fact label={t('fields.enrolledAt')}>
                {machine.enrolled_at ? (
                  <time dateTime={machine.enrolled_at}>{formatDateTime(machine.enrolled_at, language)}</time>
                ) : null}
              </Fact>
              <Fact label={t('fields.lastSeen')}>
                <LastSeen at={machine.last_seen_at} now={now} />
              </Fact>
              <Fact label={t('fields.lastInventory')}>{when(machine.last_inventory_at)}</Fact>
            </Facts>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t('summary.noAgent')}</p>
          )}
          {machine.can_edit ? (
            <div className="mt-4">
              <InventoryRequest machine={machine} now={now} />
            </div>
          ) : null}
        </Section>
        <Section title={t('summary.tickets')}>
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
            <p className="text-slate-700 dark:text-slate-300">
              {machine.open_ticket_count > 0
                ? t('summary.openTickets', { count: machine.open_ticket_count })
                : t('summary.noOpenTickets')}
            </p>
            <Link
              to="/machines/$id"
              params={{ id: String(machine.id) }}
              search={{ tab: 'tickets' }}
              className="inline-flex items-center gap-1 font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            >
              {t('summary.seeTickets')}
              <ArrowRightIcon className="size-4" />
            </Link>
          </div>
        </Section>
      </div>
    </div>
  );
}

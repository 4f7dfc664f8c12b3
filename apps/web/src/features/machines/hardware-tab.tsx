import type { MachineDetail, MachineSystemInfo } from '@itsm/contracts';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/ui/states';
import { formatDateTime, formatRelative } from '../../lib/format';
import { Section } from '../account/section';
import { formatDuration } from '../tickets/sla';
import { cellClass, Fact, Facts, MiniTable } from './facts';
import { formatClockSpeed, formatMegabytes, usageLevel, volumeUsage } from './machine-format';

/** Waiting for the agent's first inventory, or no agent at all: what the hardware, network and software tabs say. */
export function NoInventory({ machine }: { machine: Pick<MachineDetail, 'has_agent'> }) {
  const { t } = useTranslation('machines');
  return machine.has_agent ? (
    <EmptyState title={t('hardware.waiting')}>{t('hardware.waitingHint')}</EmptyState>
  ) : (
    <EmptyState title={t('hardware.noAgent')}>{t('hardware.noAgentHint')}</EmptyState>
  );
}

/** What the agent last reported of the hardware: processor, memory, disks, volumes, graphics, BIOS. */
export function HardwareTab({ machine, now }: { machine: MachineDetail; now: number }) {
  const { t, i18n } = useTranslation('machines');
  const language = i18n.resolvedLanguage ?? 'fr';
  const system = machine.system;
  if (!system) return <NoInventory machine={machine} />;
  const size = (mb: number | null) => (mb === null ? null : formatMegabytes(mb, language));

  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        <time dateTime={system.collected_at} title={formatDateTime(system.collected_at, language)}>
          {t('hardware.collected', { when: formatRelative(system.collected_at, language, now) })}
        </time>
      </p>
      <div className="grid items-start gap-5 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-5">
          <Section title={t('hardware.cpu')}>
            <Facts>
              <Fact label={t('hardware.cpuModel')}>{system.cpu_model}</Fact>
              <Fact label={t('hardware.cores')}>
                {system.cpu_cores !== null || system.cpu_threads !== null
                  ? t('hardware.coresValue', {
                      cores: system.cpu_cores ?? '?',
                      threads: system.cpu_threads ?? '?',
                    })
                  : null}
              </Fact>
              <Fact label={t('hardware.speed')}>
                {system.cpu_speed_mhz ? formatClockSpeed(system.cpu_speed_mhz, language) : null}
              </Fact>
              <Fact label={t('hardware.arch')}>{system.os_arch}</Fact>
            </Facts>
          </Section>
          <Section
            title={t('hardware.memory')}
            aside={
              system.memory_mb !== null ? (
                <span className="text-lg font-semibold text-slate-900 tabular-nums dark:text-white">
                  <span className="sr-only">{t('hardware.memoryTotal')} </span>
                  {size(system.memory_mb)}
                </span>
              ) : null
            }
          >
            <MemoryModules system={system} />
          </Section>
          <Section title={t('hardware.graphics')}>
            {system.graphics.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">{t('hardware.noGraphics')}</p>
            ) : (
              <ul className="flex flex-col divide-y divide-slate-100 text-sm dark:divide-slate-800">
                {system.graphics.map((card) => (
                  <li key={card.name} className="flex flex-col gap-0.5 py-2 first:pt-0 last:pb-0">
                    <span className="font-medium text-slate-900 dark:text-slate-100">{card.name}</span>
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      {[
                        card.memory_mb !== null
                          ? `${t('hardware.videoMemory')} ${size(card.memory_mb)}`
                          : null,
                        card.resolution ? `${t('hardware.resolution')} ${card.resolution}` : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
        <div className="flex min-w-0 flex-col gap-5">
          <Section title={t('hardware.volumes')}>
            <Volumes system={system} />
          </Section>
          <Section title={t('hardware.disks')}>
            {system.disks.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">{t('hardware.noDisks')}</p>
            ) : (
              <MiniTable
                caption={t('hardware.disks')}
                headers={[t('hardware.disk'), t('hardware.model'), t('hardware.serial'), t('hardware.size')]}
              >
                {system.disks.map((disk) => (
                  <tr key={`${disk.name}-${disk.serial ?? ''}`}>
                    <td className={clsx(cellClass, 'font-mono text-xs')}>{disk.name}</td>
                    <td className={cellClass}>{disk.model ?? '—'}</td>
                    <td className={clsx(cellClass, 'font-mono text-xs')}>{disk.serial ?? '—'}</td>
                    <td className={clsx(cellClass, 'whitespace-nowrap tabular-nums')}>
                      {size(disk.size_mb) ?? '—'}
                    </td>
                  </tr>
                ))}
              </MiniTable>
            )}
          </Section>
          <Section title={t('hardware.system')}>
            <Facts>
              <Fact label={t('hardware.biosVendor')}>{system.bios_vendor}</Fact>
              <Fact label={t('hardware.biosVersion')}>{system.bios_version}</Fact>
              <Fact label={t('hardware.biosDate')}>{system.bios_date}</Fact>
              <Fact label={t('hardware.kernel')}>
                {system.os_kernel ? <span className="font-mono text-xs">{system.os_kernel}</span> : null}
              </Fact>
              <Fact label={t('hardware.uptime')}>
                {system.uptime_seconds !== null ? formatDuration(system.uptime_seconds / 60, language) : null}
              </Fact>
              <Fact label={t('hardware.lastUser')}>{system.last_user}</Fact>
              <Fact label={t('hardware.signedIn')}>{system.users.join(', ')}</Fact>
            </Facts>
          </Section>
        </div>
      </div>
    </div>
  );
}

function MemoryModules({ system }: { system: MachineSystemInfo }) {
  const { t, i18n } = useTranslation('machines');
  const language = i18n.resolvedLanguage ?? 'fr';
  if (system.memory_modules.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">{t('hardware.noModules')}</p>;
  return (
    <MiniTable
      caption={t('hardware.modules')}
      headers={[t('hardware.slot'), t('hardware.capacity'), t('hardware.type')]}
    >
      {system.memory_modules.map((module, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: slots may repeat or be missing; the order is the agent's
        <tr key={index}>
          <td className={cellClass}>{module.slot ?? '—'}</td>
          <td className={clsx(cellClass, 'whitespace-nowrap tabular-nums')}>
            {module.capacity_mb !== null ? formatMegabytes(module.capacity_mb, language) : '—'}
          </td>
          <td className={cellClass}>{module.type ?? '—'}</td>
        </tr>
      ))}
    </MiniTable>
  );
}

const barColour = { ok: 'bg-indigo-500', high: 'bg-amber-500', critical: 'bg-rose-500' } as const;

/** Each volume with a bar of how full it is. */
function Volumes({ system }: { system: MachineSystemInfo }) {
  const { t, i18n } = useTranslation('machines');
  const language = i18n.resolvedLanguage ?? 'fr';
  if (system.volumes.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">{t('hardware.noVolumes')}</p>;
  const size = (mb: number) => formatMegabytes(mb, language);
  return (
    <ul className="flex flex-col gap-4">
      {system.volumes.map((volume) => {
        const usage = volumeUsage(volume);
        const percent = usage ? Math.round(usage.share * 100) : null;
        return (
          <li key={volume.mount} className="flex flex-col gap-1.5 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span className="font-mono font-medium break-all text-slate-900 dark:text-slate-100">
                {volume.mount}
                {volume.filesystem ? (
                  <span className="ml-2 font-sans text-xs font-normal text-slate-500 dark:text-slate-400">
                    {volume.filesystem}
                  </span>
                ) : null}
              </span>
              {usage && volume.total_mb !== null ? (
                <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
                  {t('hardware.usage', { used: size(usage.usedMb), total: size(volume.total_mb) })}
                </span>
              ) : volume.total_mb !== null ? (
                <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
                  {size(volume.total_mb)}
                </span>
              ) : null}
            </div>
            {usage && percent !== null ? (
              <>
                <div
                  aria-hidden="true"
                  className="h-2 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800"
                >
                  <div
                    className={clsx('h-full rounded-full', barColour[usageLevel(usage.share)])}
                    style={{ width: `${Math.max(percent, usage.share > 0 ? 1 : 0)}%` }}
                  />
                </div>
                <div className="flex justify-between text-xs text-slate-500 tabular-nums dark:text-slate-400">
                  <span>
                    {t('hardware.percent', {
                      percent: new Intl.NumberFormat(language, { style: 'percent' }).format(usage.share),
                    })}
                  </span>
                  {volume.free_mb !== null ? (
                    <span>{t('hardware.free', { free: size(volume.free_mb) })}</span>
                  ) : null}
                </div>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

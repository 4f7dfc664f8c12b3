import type { MachineDetail, NetworkInterface } from '@itsm/contracts';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/ui/badge';
import { EmptyState } from '../../components/ui/states';
import { NoInventory } from './hardware-tab';
import { formatLinkSpeed } from './machine-format';

/** Physical interfaces first, then virtual ones (bridges, containers, VPNs), each by name. */
const byKind = (a: NetworkInterface, b: NetworkInterface) =>
  Number(a.is_virtual) - Number(b.is_virtual) || a.name.localeCompare(b.name);

const th = 'px-4 py-3 whitespace-nowrap';
const td = 'px-4 py-3 align-top';

/** The network interfaces the agent reported: addresses, MAC, speed, DHCP or static. */
export function NetworkTab({ machine }: { machine: MachineDetail }) {
  const { t, i18n } = useTranslation('machines');
  const language = i18n.resolvedLanguage ?? 'fr';
  if (!machine.system && machine.interfaces.length === 0) return <NoInventory machine={machine} />;
  if (machine.interfaces.length === 0) return <EmptyState title={t('network.empty')} />;
  const interfaces = [...machine.interfaces].sort(byKind);
  const addresses = (list: string[]) =>
    list.length === 0 ? (
      <span className="text-slate-400 dark:text-slate-500">—</span>
    ) : (
      <ul className="flex flex-col gap-0.5 font-mono text-xs">
        {list.map((address) => (
          <li key={address} className="break-all">
            {address}
          </li>
        ))}
      </ul>
    );

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('network.caption')}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400">
          <tr>
            <th scope="col" className={th}>
              {t('network.name')}
            </th>
            <th scope="col" className={th}>
              {t('network.mac')}
            </th>
            <th scope="col" className={th}>
              {t('network.ipv4')}
            </th>
            <th scope="col" className={th}>
              {t('network.ipv6')}
            </th>
            <th scope="col" className={th}>
              {t('network.speed')}
            </th>
            <th scope="col" className={th}>
              {t('network.addressing')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {interfaces.map((item) => (
            <tr key={`${item.name}-${item.mac ?? ''}`} className={clsx(item.is_virtual && 'text-slate-500')}>
              <th scope="row" className={clsx(td, 'font-medium text-slate-900 dark:text-slate-100')}>
                <div className="flex flex-wrap items-center gap-1.5">
                  <span className="font-mono">{item.name}</span>
                  {item.is_virtual ? <Badge>{t('network.virtual')}</Badge> : null}
                </div>
              </th>
              <td className={clsx(td, 'font-mono text-xs whitespace-nowrap')}>{item.mac ?? '—'}</td>
              <td className={td}>{addresses(item.ipv4)}</td>
              <td className={clsx(td, 'min-w-48')}>{addresses(item.ipv6)}</td>
              <td className={clsx(td, 'whitespace-nowrap tabular-nums')}>
                {item.speed_mbps ? formatLinkSpeed(item.speed_mbps, language) : '—'}
              </td>
              <td className={td}>
                {item.ipv4.length === 0 && !item.is_dhcp ? (
                  '—'
                ) : item.is_dhcp ? (
                  <Badge tone="sky">{t('network.dhcp')}</Badge>
                ) : (
                  <Badge>{t('network.static')}</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

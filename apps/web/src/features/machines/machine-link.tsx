import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { MonitorIcon } from '../../components/icons';
import { machineQuery } from './machine-api';

/**
 * A machine by id, as a link to its page with its host name; just its number when the caller may not
 * see it (another structure, someone else's computer).
 */
export function MachineLink({ id }: { id: number }) {
  const machine = useQuery({ ...machineQuery(id), retry: false, staleTime: 60_000 });
  if (!machine.data) {
    return <span className="text-slate-500 dark:text-slate-400">{machine.isLoading ? '…' : `#${id}`}</span>;
  }
  return (
    <Link
      to="/machines/$id"
      params={{ id: String(id) }}
      className="inline-flex items-center gap-1.5 font-medium break-all text-indigo-700 hover:underline dark:text-indigo-300"
    >
      <MonitorIcon className="size-4 shrink-0" />
      {machine.data.hostname}
    </Link>
  );
}

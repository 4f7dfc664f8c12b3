import type { Machine, MachineDetail, MachineInstruction, Page } from '@itsm/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { isWaiting, latestInventoryRequest } from './machine-format';

/** Cache keys of the machine pages: `['machines']` is every one of them (a change refreshes them all). */
export const machineKeys = {
  all: ['machines'] as const,
  list: ['machines', 'list'] as const,
  detail: (id: number) => ['machines', 'detail', id] as const,
  software: (id: number) => ['machines', 'software', id] as const,
  history: (id: number) => ['machines', 'history', id] as const,
  osNames: ['machines', 'os-names'] as const,
};

/** While an inventory request waits for the agent, the page looks again this often. */
const WAITING_POLL_MS = 5_000;

export const machineQuery = (id: number) =>
  queryOptions({
    queryKey: machineKeys.detail(id),
    queryFn: () => api<MachineDetail>('GET', `/machines/${id}`),
    refetchInterval: (query) =>
      isWaiting(latestInventoryRequest(query.state.data?.instructions ?? [])) ? WAITING_POLL_MS : false,
  });

/** Asks the machine's agent for a full inventory at its next exchange (the same waiting request is reused). */
export const requestInventory = (id: number) =>
  api<MachineInstruction>('POST', `/machines/${id}/instructions`, { kind: 'inventory' });

// The API has no list of the systems in use: the OS filter suggests those of the latest machines seen.
const OS_SAMPLE = 200;

export const osNamesQuery = queryOptions({
  queryKey: machineKeys.osNames,
  queryFn: async () => {
    const page = await api<Page<Machine>>('GET', '/machines', undefined, {
      page_size: OS_SAMPLE,
      ordering: '-last_seen_at',
      os_name__isnull: 'false',
    });
    const names = new Set(page.results.map((m) => m.os_name).filter((name): name is string => Boolean(name)));
    return [...names].sort((a, b) => a.localeCompare(b));
  },
  staleTime: 5 * 60_000,
});

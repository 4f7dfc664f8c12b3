import { useCallback, useEffect, useRef, useState } from 'react';
import { type Readiness, readinessFromResponse } from './readiness';

const pollEveryMs = 15_000;
const timeoutMs = 5_000;

export type ReadinessState = {
  readiness: Readiness;
  checkedAt: Date | null;
  refreshing: boolean;
  refresh: () => void;
};

async function probe(signal: AbortSignal): Promise<Readiness> {
  try {
    const response = await fetch('/readyz', {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal,
    });
    const body: unknown = await response.json().catch(() => null);
    return readinessFromResponse(response.status, body);
  } catch {
    return 'unreachable';
  }
}

/** Polls `/readyz` while the page is visible, and again as soon as it becomes visible. */
export function useReadiness(): ReadinessState {
  const [readiness, setReadiness] = useState<Readiness>('checking');
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    setRefreshing(true);
    void probe(controller.signal).then((result) => {
      clearTimeout(timer);
      if (inFlight.current !== controller) return; // superseded by a newer check
      inFlight.current = null;
      setReadiness(result);
      setCheckedAt(new Date());
      setRefreshing(false);
    });
  }, []);

  useEffect(() => {
    refresh();
    const interval = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, pollEveryMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(interval);
      document.removeEventListener('visibilitychange', onVisible);
      const pending = inFlight.current;
      inFlight.current = null;
      pending?.abort();
    };
  }, [refresh]);

  return { readiness, checkedAt, refreshing, refresh };
}

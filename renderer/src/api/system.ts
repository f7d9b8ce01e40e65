import { useQuery } from '@tanstack/react-query';
import type { SystemInfoResponse } from '../../../bot-service/contract/system.ts';
import { apiFetch } from './client.ts';

/** What the service says about itself (demo mode, the seeded demo history). */
export function useSystemInfo() {
  return useQuery({
    queryKey: ['system', 'info'] as const,
    queryFn: ({ signal }) => apiFetch<SystemInfoResponse>('/api/system/info', { signal }),
    // Seeded once before the service starts: it does not change while the console is open.
    staleTime: 10 * 60_000,
  });
}

/** The demo history's days, or null on a real deployment. */
export function useDemoHistory(): SystemInfoResponse['demoHistory'] {
  return useSystemInfo().data?.demoHistory ?? null;
}

/** Server state of the reports screen: the day's report, the stored reports, regeneration. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DailyReport, RegenerateResponse, StoredReportList } from '../../../../bot-service/contract/reports.ts';
import { apiFetch } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { todayWib } from '../../lib/time.ts';
import { reportPath } from './export.ts';

export function dailyReportKey(date: string) {
  return [...queryKeys.reports(), 'daily', date] as const;
}

/** A WIB day's report; today's (figures so far) refreshes every minute while shown. */
export function useDailyReport(date: string) {
  const isToday = date === todayWib();
  return useQuery({
    queryKey: dailyReportKey(date),
    queryFn: ({ signal }) => apiFetch<DailyReport>(reportPath(date, 'json'), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: isToday ? 60_000 : false,
    staleTime: isToday ? 30_000 : 5 * 60_000,
  });
}

export function useStoredReports() {
  return useQuery({
    queryKey: [...queryKeys.reports(), 'stored'] as const,
    queryFn: ({ signal }) => apiFetch<StoredReportList>('/api/reports', { signal }),
    staleTime: 60_000,
  });
}

/** Rebuilds a past day's stored report on purpose (supervisors, admins; audited by the service). */
export function useRegenerateReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (date: string) =>
      apiFetch<RegenerateResponse>(`/api/reports/daily/${encodeURIComponent(date)}/regenerate`, { method: 'POST', body: {} }),
    onSuccess: async (_data, date) => {
      await client.invalidateQueries({ queryKey: queryKeys.reports() });
      await client.invalidateQueries({ queryKey: dailyReportKey(date) });
    },
  });
}

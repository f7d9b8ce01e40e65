/** Server state of the content editors: items per kind, an item's history, and the changes. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContentItemResponse,
  ContentKind,
  ContentListResponse,
  ContentVersionsResponse,
  PublishResponse,
  RegionFiguresImportError,
  RegionFiguresImportResponse,
} from '../../../../bot-service/contract/content.ts';
import { ApiError, apiFetch, apiUrl, getAuthToken } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';

const base = (kind: ContentKind) => `/api/content/${kind}`;
const itemPath = (kind: ContentKind, id: string) => `${base(kind)}/${encodeURIComponent(id)}`;

export function useContentList(kind: ContentKind) {
  return useQuery({
    queryKey: queryKeys.content(kind),
    queryFn: ({ signal }) => apiFetch<ContentListResponse>(base(kind), { signal }),
  });
}

export function useContentVersions(kind: ContentKind, id: string | null) {
  return useQuery({
    queryKey: [...queryKeys.content(kind), 'versions', id] as const,
    queryFn: ({ signal }) => apiFetch<ContentVersionsResponse>(`${itemPath(kind, id!)}/versions`, { signal }),
    enabled: id !== null,
  });
}

/** Create, save draft, drop draft, publish: each refreshes the kind's list and history. */
export function useContentActions(kind: ContentKind) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.content(kind) });
  const create = useMutation({
    mutationFn: (body: { id?: string; data: Record<string, unknown> }) =>
      apiFetch<ContentItemResponse>(base(kind), { method: 'POST', body }),
    onSuccess: refresh,
  });
  const saveDraft = useMutation({
    mutationFn: ({ id, data }: { id: string; data: Record<string, unknown> }) =>
      apiFetch<ContentItemResponse>(`${itemPath(kind, id)}/draft`, { method: 'PUT', body: { data } }),
    onSuccess: refresh,
  });
  const dropDraft = useMutation({
    mutationFn: (id: string) => apiFetch<ContentItemResponse>(`${itemPath(kind, id)}/draft`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  const publish = useMutation({
    mutationFn: (id: string) => apiFetch<PublishResponse>(`${itemPath(kind, id)}/publish`, { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
  return { create, saveDraft, dropDraft, publish };
}

/** A refused import: the service's reason and every bad row. */
export class ImportError extends ApiError {
  readonly rows: RegionFiguresImportError['rows'];
  constructor(status: number, message: string, rows: RegionFiguresImportError['rows']) {
    super(status, message);
    this.rows = rows;
  }
}

/**
 * Imports the daily region figures CSV (all or nothing). Fetched directly rather than through
 * apiFetch, whose errors keep only the message: here the 400's list of bad rows is the point.
 */
async function importFigures(csv: string): Promise<RegionFiguresImportResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = getAuthToken();
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(apiUrl('/api/content/region-figures/import'), { method: 'POST', headers, body: JSON.stringify({ csv }) });
  } catch {
    throw new ApiError(0, 'network');
  }
  const body = (await response.json().catch(() => ({}))) as Partial<RegionFiguresImportResponse & RegionFiguresImportError>;
  if (response.ok) return body as RegionFiguresImportResponse;
  throw new ImportError(response.status, body.error ?? response.statusText, body.rows ?? []);
}

export function useFiguresImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: importFigures,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.content('region-figures') }),
  });
}

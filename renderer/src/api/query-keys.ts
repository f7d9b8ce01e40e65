/**
 * react-query keys shared by the screens and the live stream, which invalidates them by event.
 *
 * A key's first element is its family; the stream invalidates whole families (e.g. every
 * `['stats', ...]` query) so screens may add more elements after it freely.
 */
export const queryKeys = {
  me: () => ['me'] as const,
  inbox: () => ['inbox'] as const,
  /** The live monitor's list for one set of filters. */
  conversations: (filters: Record<string, string | undefined>) => ['conversations', filters] as const,
  conversation: (id: number) => ['conversation', id] as const,
  users: () => ['users'] as const,
  audit: (filters: Record<string, string | undefined>) => ['audit', filters] as const,
  /** Content lists for the composer and the editors: `['content', kind, ...]`. */
  content: (kind: string) => ['content', kind] as const,
  /** Heatmap and overview figures: `['stats', ...]`. */
  stats: () => ['stats'] as const,
  reports: () => ['reports'] as const,
};

/**
 * The inbox's actions: claim, release, transfer, reply, note, resolve. Each refreshes the queue
 * and the conversation, and says what happened (or why not) in a toast.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NoteRequest, ReplyRequest, ReplyResponse, ResolveRequest, TransferRequest } from '../../../../bot-service/contract/inbox.ts';
import { ApiError, apiFetch } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { describeError } from '../../components/ErrorState.tsx';
import { showToast } from '../../components/Toast.tsx';
import { useSession } from '../../api/session.tsx';
import { useT, type MessageKey, type Translate } from '../../i18n/index.tsx';
import { navigate } from '../../routes.ts';

export type InboxAction =
  | { kind: 'claim' }
  | { kind: 'release' }
  | { kind: 'transfer'; body: TransferRequest }
  | { kind: 'reply'; body: ReplyRequest }
  | { kind: 'note'; body: NoteRequest }
  | { kind: 'resolve'; body: ResolveRequest };

const paths: Record<InboxAction['kind'], string> = {
  claim: 'claim',
  release: 'release',
  transfer: 'transfer',
  reply: 'reply',
  note: 'notes',
  resolve: 'resolve',
};

const done: Record<InboxAction['kind'], MessageKey> = {
  claim: 'inbox.done.claim',
  release: 'inbox.done.release',
  transfer: 'inbox.done.transfer',
  reply: 'inbox.done.reply',
  note: 'inbox.done.note',
  resolve: 'inbox.done.resolve',
};

/** The server's reasons, in the console's language where we know them. */
export function refusalText(t: Translate, error: unknown): string {
  if (error instanceof ApiError && (error.status === 409 || error.status === 422 || error.status === 403)) {
    const m = error.message;
    if (/already claimed/.test(m)) return t('inbox.refused.claimed');
    if (/at capacity/.test(m)) return t('inbox.refused.capacity', { reason: m });
    if (/window/i.test(m)) return t('inbox.refused.window');
    if (/claim it first/.test(m)) return t('inbox.refused.claimFirst');
    if (/assigned to someone else/.test(m)) return t('inbox.refused.notYours');
    return m;
  }
  const { title, hint } = describeError(t, error);
  return `${title} ${hint}`;
}

export function useInboxAction(conversationId: number | null) {
  const t = useT();
  const { user } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: InboxAction) => {
      if (conversationId === null) throw new Error('no conversation');
      const body = 'body' in action ? action.body : {};
      return apiFetch<ReplyResponse | unknown>(`/api/inbox/${conversationId}/${paths[action.kind]}`, { method: 'POST', body });
    },
    onSuccess: (_result, action) => {
      if (action.kind !== 'note' && action.kind !== 'reply') showToast(t(done[action.kind]));
      // A volunteer may only open conversations that wait or are theirs: after handing one on,
      // close it rather than show a refusal.
      if (user?.role === 'volunteer' && (action.kind === 'transfer' || action.kind === 'resolve')) navigate('inbox');
    },
    onError: error => showToast(refusalText(t, error), 'danger'),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
      if (conversationId !== null) void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
    },
  });
}

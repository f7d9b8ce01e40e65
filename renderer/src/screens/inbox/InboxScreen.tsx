/**
 * The volunteer inbox: the queue with waiting times and priority on the left, the open
 * conversation with the composer on the right. Keyboard first (press ? for the shortcuts).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ConversationResponse } from '../../../../bot-service/contract/inbox.ts';
import { apiFetch } from '../../api/client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useSession } from '../../api/session.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { showToast } from '../../components/Toast.tsx';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useNow } from '../../lib/use-now.ts';
import { navigate } from '../../routes.ts';
import '../../conversation/conversation.css';
import type { ComposerCommands } from './Composer.tsx';
import { ConversationPane } from './ConversationPane.tsx';
import { refusalText } from './mutations.ts';
import { PresenceBar } from './PresenceBar.tsx';
import { useInbox } from './queries.ts';
import { QueueList } from './QueueList.tsx';
import { shortcutKeys, useShortcuts, type ShortcutHandlers } from './shortcuts.ts';
import './inbox.css';

const shortcutLabel: Record<keyof ShortcutHandlers, MessageKey> = {
  next: 'shortcut.next',
  previous: 'shortcut.previous',
  claim: 'shortcut.claim',
  reply: 'shortcut.reply',
  note: 'shortcut.note',
  transfer: 'shortcut.transfer',
  resolve: 'shortcut.resolve',
  faq: 'shortcut.faq',
  help: 'shortcut.help',
  escape: 'shortcut.escape',
};

export function InboxScreen({ conversationId }: { conversationId: number | null }) {
  const t = useT();
  const { user } = useSession();
  const inbox = useInbox();
  const now = useNow(1000);
  const queryClient = useQueryClient();
  const [help, setHelp] = useState(false);
  const [resolveOpen, setResolveOpen] = useState(false);
  const refs = {
    composer: useRef<ComposerCommands | null>(null),
    note: useRef<HTMLTextAreaElement | null>(null),
    transfer: useRef<HTMLSelectElement | null>(null),
  };

  const claim = useMutation({
    mutationFn: (id: number) => apiFetch<ConversationResponse>(`/api/inbox/${id}/claim`, { method: 'POST', body: {} }),
    onSuccess: result => {
      showToast(t('inbox.done.claim'));
      navigate('inbox', result.conversation.id);
    },
    onError: error => showToast(refusalText(t, error), 'danger'),
    onSettled: (_r, _e, id) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(id) });
    },
  });

  const data = inbox.data;
  const order = data === undefined ? [] : [...data.mine, ...data.waiting, ...data.assigned].map(item => item.id);
  const step = (delta: number) => {
    if (order.length === 0) return;
    const at = conversationId === null ? -1 : order.indexOf(conversationId);
    const next = order[Math.max(0, Math.min(order.length - 1, at + delta))];
    if (next !== undefined) navigate('inbox', next);
  };

  useShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    claim: () => {
      if (data === undefined || claim.isPending) return;
      const open = data.waiting.find(item => item.id === conversationId) ?? data.waiting[0];
      if (open !== undefined) claim.mutate(open.id);
    },
    reply: () => refs.composer.current?.focusText(),
    note: () => refs.note.current?.focus(),
    transfer: () => refs.transfer.current?.focus(),
    resolve: () => setResolveOpen(true),
    faq: () => refs.composer.current?.openFaqSearch(),
    help: () => setHelp(h => !h),
    escape: () => {
      setHelp(false);
      setResolveOpen(false);
    },
  });

  if (user === null) return null;
  return (
    <section className="screen inbox" aria-labelledby="inbox-title">
      <div className="screen-header">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        {data !== undefined ? <PresenceBar inbox={data} /> : null}
        <span className="spacer" />
        <Button size="sm" variant="ghost" shortcut="?" onClick={() => setHelp(h => !h)} aria-expanded={help}>
          {t('shortcut.title')}
        </Button>
      </div>
      {help ? (
        <div className="panel shortcut-help" role="region" aria-label={t('shortcut.title')}>
          <ul>
            {shortcutKeys.map(s => (
              <li key={s.keys}>
                <kbd>{s.keys}</kbd> {t(shortcutLabel[s.action])}
              </li>
            ))}
            <li>
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('shortcut.send')}
            </li>
          </ul>
        </div>
      ) : null}
      <div className="inbox-body">
        <div className="panel inbox-queue">
          {inbox.isPending ? (
            <Loading />
          ) : inbox.isError ? (
            <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
          ) : data !== undefined ? (
            <QueueList
              inbox={data}
              selectedId={conversationId}
              now={now}
              showAssigned={user.role !== 'volunteer'}
              meId={user.id}
              onClaim={id => claim.mutate(id)}
              claimingId={claim.isPending ? (claim.variables ?? null) : null}
            />
          ) : null}
        </div>
        <div className="panel inbox-detail">
          <ConversationPane
            conversationId={conversationId}
            user={user}
            volunteers={data?.volunteers ?? []}
            now={now}
            refs={refs}
            resolveOpen={resolveOpen}
            setResolveOpen={setResolveOpen}
          />
        </div>
      </div>
    </section>
  );
}

/**
 * The inbox's right side: the open conversation with its actions, the 24-hour window, the
 * transcript, the composer (for whoever holds it) and the notes.
 */
import type { RefObject } from 'react';
import type { VolunteerPresence } from '../../../../bot-service/contract/inbox.ts';
import type { SessionUser } from '../../api/session.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ConversationHeader } from '../../conversation/ConversationHeader.tsx';
import { Transcript } from '../../conversation/Transcript.tsx';
import { useViewing } from '../../conversation/use-viewing.ts';
import { useT } from '../../i18n/index.tsx';
import { Composer, type ComposerCommands } from './Composer.tsx';
import { ConversationActions, permissionsFor } from './ConversationActions.tsx';
import { NotesPanel } from './NotesPanel.tsx';
import { useConversation } from './queries.ts';
import { WindowCountdown, windowState } from './WindowCountdown.tsx';

export type PaneRefs = {
  composer: RefObject<ComposerCommands | null>;
  note: RefObject<HTMLTextAreaElement | null>;
  transfer: RefObject<HTMLSelectElement | null>;
};

export function ConversationPane({
  conversationId,
  user,
  volunteers,
  now,
  refs,
  resolveOpen,
  setResolveOpen,
}: {
  conversationId: number | null;
  user: SessionUser;
  volunteers: readonly VolunteerPresence[];
  now: number;
  refs: PaneRefs;
  resolveOpen: boolean;
  setResolveOpen: (open: boolean) => void;
}) {
  const t = useT();
  const detail = useConversation(conversationId);
  useViewing(conversationId);

  if (conversationId === null) return <EmptyState title={t('inbox.pick.title')} hint={t('inbox.pick.hint')} />;
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;

  const { conversation, transcript, notes, viewers } = detail.data;
  const { canAct, isMine } = permissionsFor(user, conversation);
  const windowOpen = ['open', 'closing'].includes(windowState(conversation.windowClosesAt, now));
  const canReply = conversation.state === 'assigned' && canAct;

  let notice: string | null = null;
  if (conversation.state === 'bot' || conversation.state === 'closed') notice = t('inbox.notice.bot');
  else if (conversation.state === 'waiting') notice = t('inbox.notice.waiting');
  else if (!isMine && !canAct) notice = t('inbox.notice.others', { name: conversation.assignedTo?.name ?? '' });
  else if (!isMine) notice = t('inbox.notice.supervising', { name: conversation.assignedTo?.name ?? '' });

  return (
    <div className="inbox-pane" data-testid="inbox-conversation" data-state={conversation.state}>
      <ConversationHeader
        conversation={conversation}
        viewers={viewers}
        meId={user.id}
        actions={
          <ConversationActions
            key={conversation.id}
            conversation={conversation}
            user={user}
            volunteers={volunteers}
            transferRef={refs.transfer}
            resolveOpen={resolveOpen}
            setResolveOpen={setResolveOpen}
          />
        }
      >
        <div className="conv-window">
          <WindowCountdown closesAt={conversation.windowClosesAt} now={now} />
          {notice !== null ? <span className="muted">{notice}</span> : null}
        </div>
      </ConversationHeader>
      <div className="inbox-pane-body">
        <div className="inbox-pane-main">
          <Transcript key={conversation.id} entries={transcript} />
          {canReply ? <Composer key={conversation.id} conversation={conversation} user={user} windowOpen={windowOpen} commandsRef={refs.composer} /> : null}
        </div>
        <aside className="inbox-pane-side">
          <NotesPanel key={conversation.id} conversationId={conversation.id} notes={notes} canWrite={canAct} inputRef={refs.note} />
        </aside>
      </div>
    </div>
  );
}

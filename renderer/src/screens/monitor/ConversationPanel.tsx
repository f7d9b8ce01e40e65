/** The monitor's right side: the chosen conversation's transcript, read-only, with its notes. */
import { useSession } from '../../api/session.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ConversationHeader } from '../../conversation/ConversationHeader.tsx';
import { Transcript } from '../../conversation/Transcript.tsx';
import { useViewing } from '../../conversation/use-viewing.ts';
import { NoteList } from '../../conversation/NoteList.tsx';
import { useT } from '../../i18n/index.tsx';
import { hrefFor } from '../../routes.ts';
import { useConversation } from '../inbox/queries.ts';

export function ConversationPanel({ conversationId }: { conversationId: number | null }) {
  const t = useT();
  const { user } = useSession();
  const detail = useConversation(conversationId);
  useViewing(conversationId);

  if (conversationId === null) {
    return <EmptyState title={t('monitor.pick.title')} hint={t('monitor.pick.hint')} />;
  }
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { conversation, transcript, notes, viewers } = detail.data;
  const inInbox = conversation.state === 'waiting' || conversation.state === 'assigned';
  return (
    <div className="monitor-panel" data-testid="monitor-transcript">
      <ConversationHeader
        conversation={conversation}
        viewers={viewers}
        meId={user?.id}
        actions={
          inInbox ? (
            <a className="btn btn-sm" href={hrefFor('inbox', conversation.id)}>
              {t('monitor.openInInbox')}
            </a>
          ) : null
        }
      />
      <Transcript key={conversation.id} entries={transcript} />
      {notes.length > 0 ? (
        <div className="monitor-notes">
          <h3>{t('notes.title')}</h3>
          <NoteList notes={notes} />
        </div>
      ) : null}
    </div>
  );
}

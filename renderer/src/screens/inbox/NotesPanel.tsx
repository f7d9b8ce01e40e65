/** Internal notes on a conversation: for colleagues, never sent to the citizen. */
import { useState, type FormEvent, type RefObject } from 'react';
import type { ConversationNote } from '../../../../bot-service/contract/conversations.ts';
import { Button } from '../../components/Button.tsx';
import { NoteList } from '../../conversation/NoteList.tsx';
import { useT } from '../../i18n/index.tsx';
import { useInboxAction } from './mutations.ts';

export function NotesPanel({
  conversationId,
  notes,
  canWrite,
  inputRef,
}: {
  conversationId: number;
  notes: readonly ConversationNote[];
  canWrite: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const action = useInboxAction(conversationId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (value === '') return;
    action.mutate({ kind: 'note', body: { text: value } }, { onSuccess: () => setText('') });
  };

  return (
    <section className="inbox-notes" aria-labelledby="notes-title">
      <h3 id="notes-title">
        {t('notes.title')} <span className="muted">({notes.length})</span>
      </h3>
      {notes.length === 0 ? (
        <p className="muted">{t('notes.empty')}</p>
      ) : (
        <NoteList notes={notes} />
      )}
      {canWrite ? (
        <form className="note-form" onSubmit={submit}>
          <label className="visually-hidden" htmlFor="note-input">
            {t('notes.add')}
          </label>
          <textarea
            id="note-input"
            ref={inputRef}
            rows={2}
            maxLength={2000}
            placeholder={t('notes.placeholder')}
            value={text}
            onChange={event => setText(event.target.value)}
            onKeyDown={event => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
            }}
          />
          <Button type="submit" size="sm" busy={action.isPending} disabled={text.trim() === ''}>
            {t('notes.add')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

import type { ConversationNote } from '../../../bot-service/contract/conversations.ts';
import { localeOf, useLang } from '../i18n/index.tsx';
import { clockTime } from '../lib/time.ts';

/** Volunteers' internal notes on a conversation: text, author and time (WIB). */
export function NoteList({ notes }: { notes: readonly ConversationNote[] }) {
  const { lang } = useLang();
  return (
    <ul className="notes">
      {notes.map(note => (
        <li key={note.id}>
          <div>{note.text}</div>
          <div className="note-meta">
            {note.author.name} · {clockTime(note.at, localeOf(lang))}
          </div>
        </li>
      ))}
    </ul>
  );
}

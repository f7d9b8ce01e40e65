/**
 * A conversation's messages in order: the citizen's on the left, the bot's and staff's on the
 * right with their delivery state. Stays at the bottom while you are there; when you have
 * scrolled up to read, new messages do not move the text and a button offers to jump down.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { TranscriptEntry } from '../../../bot-service/contract/conversations.ts';
import { localeOf, useLang, useT, type MessageKey } from '../i18n/index.tsx';
import { clockTime } from '../lib/time.ts';

type Outbound = Extract<TranscriptEntry, { direction: 'out' }>;

const statusLabel: Record<Outbound['status'], MessageKey> = {
  queued: 'delivery.queued',
  sending: 'delivery.sending',
  accepted: 'delivery.accepted',
  sent: 'delivery.sent',
  delivered: 'delivery.delivered',
  read: 'delivery.read',
  failed: 'delivery.failed',
};

const statusMark: Record<Outbound['status'], string> = {
  queued: '◷',
  sending: '◷',
  accepted: '✓',
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
  failed: '⚠',
};

function Entry({ entry }: { entry: TranscriptEntry }) {
  const t = useT();
  const { lang } = useLang();
  const time = clockTime(entry.at, localeOf(lang));
  if (entry.direction === 'in') {
    return (
      <li className="msg msg-in" data-direction="in">
        <div className="msg-bubble">
          {entry.forwarded > 0 ? <div className="msg-meta">{entry.forwarded > 1 ? t('transcript.forwardedMany') : t('transcript.forwarded')}</div> : null}
          <div className="msg-text">{entry.text ?? <em className="muted">{entry.type === 'text' ? t('transcript.erased') : t('transcript.media', { type: entry.type })}</em>}</div>
          <div className="msg-meta">
            {time}
            {entry.state === 'late' ? <span className="msg-late"> · {t('transcript.late')}</span> : null}
          </div>
        </div>
      </li>
    );
  }
  const author = entry.author === 'user' ? (entry.user?.name ?? t('transcript.staff')) : entry.author === 'bot' ? t('transcript.bot') : t('transcript.system');
  return (
    <li className="msg msg-out" data-direction="out" data-author={entry.author}>
      <div className="msg-bubble">
        <div className="msg-meta msg-author">{author}</div>
        <div className="msg-text">{entry.text ?? <em className="muted">{entry.type}</em>}</div>
        <div className="msg-meta">
          {time}{' '}
          <span className="msg-status" data-status={entry.status} title={t(statusLabel[entry.status])} aria-label={t(statusLabel[entry.status])}>
            {statusMark[entry.status]}
          </span>
          {entry.status === 'failed' && entry.error?.reason ? <span className="msg-error"> {entry.error.reason}</span> : null}
        </div>
      </div>
    </li>
  );
}

export function Transcript({ entries }: { entries: readonly TranscriptEntry[] }) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const seen = useRef(entries.length);
  const [unseen, setUnseen] = useState(0);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const added = entries.length - seen.current;
    seen.current = entries.length;
    if (atBottom.current) {
      element.scrollTop = element.scrollHeight;
      setUnseen(0);
    } else if (added > 0) {
      setUnseen(n => n + added);
    }
  }, [entries]);

  const jumpDown = () => {
    const element = scroller.current;
    if (element === null) return;
    element.scrollTop = element.scrollHeight;
    atBottom.current = true;
    setUnseen(0);
  };

  return (
    <div className="transcript-wrap">
      <div
        ref={scroller}
        className="transcript"
        tabIndex={0}
        aria-label={t('transcript.label')}
        onScroll={event => {
          const element = event.currentTarget;
          atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
          if (atBottom.current) setUnseen(0);
        }}
      >
        {entries.length === 0 ? (
          <p className="muted transcript-empty">{t('transcript.empty')}</p>
        ) : (
          <ol className="msgs" aria-live="polite" aria-relevant="additions">
            {entries.map(entry => (
              <Entry key={`${entry.direction}-${entry.id}`} entry={entry} />
            ))}
          </ol>
        )}
      </div>
      {unseen > 0 ? (
        <button type="button" className="new-pill transcript-new" onClick={jumpDown}>
          {t('transcript.newMessages', { count: unseen })} ↓
        </button>
      ) : null}
    </div>
  );
}

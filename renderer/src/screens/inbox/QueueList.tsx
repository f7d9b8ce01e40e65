/**
 * The inbox's left side: my conversations, the waiting queue (priority first, then the longest
 * wait) and, for supervisors, everyone's assigned conversations.
 */
import type { ReactNode } from 'react';
import type { InboxItem, InboxResponse } from '../../../../bot-service/contract/inbox.ts';
import { Button } from '../../components/Button.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { citizenName, regionLabel } from '../../conversation/ConversationHeader.tsx';
import { flagLabel, flagTone, priorityLevel } from '../../conversation/labels.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { duration } from '../../lib/time.ts';
import { hrefFor } from '../../routes.ts';
import { windowState } from './WindowCountdown.tsx';

const priorityTone: Record<ReturnType<typeof priorityLevel>, Tone> = { emergency: 'strong', high: 'danger', normal: 'neutral' };
const priorityText: Record<ReturnType<typeof priorityLevel>, MessageKey> = {
  emergency: 'priority.emergency',
  high: 'priority.high',
  normal: 'priority.normal',
};

function QueueItem({
  item,
  selected,
  now,
  kind,
  onClaim,
  claiming,
  meId,
}: {
  meId: number;
  item: InboxItem;
  selected: boolean;
  now: number;
  kind: 'waiting' | 'mine' | 'assigned';
  onClaim?: () => void;
  claiming?: boolean;
}) {
  const t = useT();
  const level = priorityLevel(item.priority);
  const region = regionLabel(item.regionCode, item.regionName);
  const window = windowState(item.windowClosesAt, now);
  const viewers = item.viewers.filter(v => v.user.id !== meId);
  return (
    <li className="qitem" data-selected={selected || undefined} data-priority={level} data-conversation-id={item.id}>
      <a className="qitem-link" href={hrefFor('inbox', item.id)} aria-current={selected ? 'true' : undefined}>
        <span className="qitem-top">
          <span className="qitem-name">{citizenName(item)}</span>
          {kind === 'waiting' ? (
            <span className="qitem-wait" title={t('inbox.waitingFor')}>
              {item.waitingSince !== null ? duration(now - item.waitingSince) : ''}
            </span>
          ) : window === 'closing' || window === 'closed' ? (
            <StatusBadge tone={window === 'closed' ? 'danger' : 'warning'}>
              {window === 'closed' ? t('window.closedShort') : duration((item.windowClosesAt ?? now) - now)}
            </StatusBadge>
          ) : null}
        </span>
        <span className="qitem-meta">
          {level !== 'normal' || kind === 'waiting' ? <StatusBadge tone={priorityTone[level]}>{t(priorityText[level])}</StatusBadge> : null}
          {item.queuePosition !== null ? <span>#{item.queuePosition}</span> : null}
          <span>{region ?? t('conv.regionUnknown')}</span>
          {kind === 'assigned' && item.assignedTo !== null ? <span>→ {item.assignedTo.name}</span> : null}
          {item.flags.map(flag => (
            <StatusBadge key={flag} tone={flagTone[flag]}>
              {t(flagLabel[flag])}
            </StatusBadge>
          ))}
          {viewers.length > 0 ? <span className="qitem-viewers">{t('inbox.viewing', { names: viewers.map(v => v.user.name).join(', ') })}</span> : null}
        </span>
        {item.preview !== null ? <span className="qitem-preview">{item.preview}</span> : null}
      </a>
      {onClaim !== undefined ? (
        <Button size="sm" variant="primary" onClick={onClaim} busy={claiming} aria-label={t('inbox.claimWho', { name: citizenName(item) })}>
          {t('inbox.claim')}
        </Button>
      ) : null}
    </li>
  );
}

function Section({ title, count, children, empty }: { title: string; count: number; children: ReactNode; empty: string }) {
  return (
    <section className="qsection" aria-label={title}>
      <h2>
        {title} <span className="qcount">{count}</span>
      </h2>
      {count === 0 ? <p className="muted qempty">{empty}</p> : <ul className="qlist">{children}</ul>}
    </section>
  );
}

export function QueueList({
  inbox,
  selectedId,
  now,
  showAssigned,
  onClaim,
  claimingId,
  meId,
}: {
  meId: number;
  inbox: InboxResponse;
  selectedId: number | null;
  now: number;
  showAssigned: boolean;
  onClaim: (id: number) => void;
  claimingId: number | null;
}) {
  const t = useT();
  return (
    <div className="queue" data-testid="queue">
      <Section title={t('inbox.mine')} count={inbox.mine.length} empty={t('inbox.mine.empty')}>
        {inbox.mine.map(item => (
          <QueueItem key={item.id} item={item} selected={item.id === selectedId} now={now} meId={meId} kind="mine" />
        ))}
      </Section>
      <Section title={t('inbox.waiting')} count={inbox.waiting.length} empty={t('inbox.waiting.empty')}>
        {inbox.waiting.map(item => (
          <QueueItem
            key={item.id}
            item={item}
            selected={item.id === selectedId}
            now={now}
            meId={meId}
            kind="waiting"
            onClaim={() => onClaim(item.id)}
            claiming={claimingId === item.id}
          />
        ))}
      </Section>
      {showAssigned ? (
        <Section title={t('inbox.assigned')} count={inbox.assigned.length} empty={t('inbox.assigned.empty')}>
          {inbox.assigned.map(item => (
            <QueueItem key={item.id} item={item} selected={item.id === selectedId} now={now} meId={meId} kind="assigned" />
          ))}
        </Section>
      ) : null}
    </div>
  );
}

/** One line of the monitor: who, where, when, state, feature and flags. Cheap to render. */
import { memo } from 'react';
import type { ConversationSummary } from '../../../../bot-service/contract/conversations.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { citizenName, regionLabel } from '../../conversation/ConversationHeader.tsx';
import { featureLabel, flagLabel, flagTone, isFeature, stateLabel, stateTone } from '../../conversation/labels.ts';
import { localeOf, useLang, useT } from '../../i18n/index.tsx';
import { clockTime } from '../../lib/time.ts';

export const ROW_HEIGHT = 58;

export const ConversationRow = memo(function ConversationRow({
  conversation,
  flashing,
  selected,
}: {
  conversation: ConversationSummary;
  flashing: boolean;
  selected: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const region = regionLabel(conversation.regionCode, conversation.regionName);
  return (
    <div
      className="mrow"
      data-conversation-id={conversation.id}
      data-flash={flashing || undefined}
      data-selected={selected || undefined}
      data-flagged={conversation.flags.length > 0 || undefined}
    >
      <div className="mrow-line">
        <span className="mrow-name">{citizenName(conversation)}</span>
        <span className="mrow-region">{region ?? t('conv.regionUnknown')}</span>
        <time className="mrow-time" dateTime={new Date(conversation.lastMessageAt).toISOString()}>
          {clockTime(conversation.lastMessageAt, localeOf(lang))}
        </time>
      </div>
      <div className="mrow-line">
        <StatusBadge tone={stateTone[conversation.state]}>{t(stateLabel[conversation.state])}</StatusBadge>
        {isFeature(conversation.feature) ? <span className="mrow-feature">{t(featureLabel[conversation.feature])}</span> : null}
        <span className="mrow-count">{t('monitor.messageCount', { count: conversation.messageCount })}</span>
        {conversation.assignedTo !== null ? <span className="mrow-assignee">{conversation.assignedTo.name}</span> : null}
        <span className="mrow-flags">
          {conversation.flags.map(flag => (
            <StatusBadge key={flag} tone={flagTone[flag]}>
              {t(flagLabel[flag])}
            </StatusBadge>
          ))}
        </span>
      </div>
    </div>
  );
});

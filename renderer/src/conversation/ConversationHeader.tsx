/** Who the citizen is (masked number), where, what state, which flags, and who else is looking. */
import type { ReactNode } from 'react';
import type { ConversationSummary, Viewer } from '../../../bot-service/contract/conversations.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { localeOf, useLang, useT } from '../i18n/index.tsx';
import { regionByCode } from '../lib/regions.ts';
import { clockTime } from '../lib/time.ts';
import { featureLabel, flagLabel, flagTone, isFeature, stateLabel, stateTone } from './labels.ts';

export function citizenName(conversation: ConversationSummary): string {
  return conversation.contact.profileName ?? conversation.contact.phone;
}

export function regionLabel(code: string | null, name: string | null): string | null {
  return regionByCode(code)?.label ?? name;
}

export function ConversationHeader({
  conversation,
  viewers = [],
  meId,
  actions,
  children,
}: {
  conversation: ConversationSummary;
  viewers?: readonly Viewer[];
  meId?: number;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const t = useT();
  const { lang } = useLang();
  const locale = localeOf(lang);
  const others = viewers.filter(v => v.user.id !== meId);
  const region = regionLabel(conversation.regionCode, conversation.regionName);
  return (
    <div className="conv-head">
      <div className="conv-head-top">
        <h2>{citizenName(conversation)}</h2>
        <StatusBadge tone={stateTone[conversation.state]}>{t(stateLabel[conversation.state])}</StatusBadge>
        {conversation.flags.map(flag => (
          <StatusBadge key={flag} tone={flagTone[flag]}>
            {t(flagLabel[flag])}
          </StatusBadge>
        ))}
        <span className="spacer" />
        {actions}
      </div>
      <div className="conv-facts">
        <span>
          {t('conv.phone')}: <b className="mono">{conversation.contact.phone}</b>
        </span>
        <span>
          {t('conv.region')}: <b>{region ?? t('conv.regionUnknown')}</b>
        </span>
        {isFeature(conversation.feature) ? (
          <span>
            {t('conv.feature')}: <b>{t(featureLabel[conversation.feature])}</b>
          </span>
        ) : null}
        <span>
          {t('conv.started')}: <b>{clockTime(conversation.startedAt, locale)}</b>
        </span>
        <span>
          {t('conv.messages')}: <b>{conversation.messageCount}</b>
        </span>
        <span>
          {t('conv.language')}: <b>{conversation.contact.language.toUpperCase()}</b>
        </span>
        {conversation.assignedTo !== null ? (
          <span>
            {t('conv.assignedTo')}: <b>{conversation.assignedTo.name}</b>
          </span>
        ) : null}
        {others.length > 0 ? (
          <span data-testid="viewers">
            {t('conv.alsoViewing')}: <b>{others.map(v => v.user.name).join(', ')}</b>
          </span>
        ) : null}
      </div>
      {children}
    </div>
  );
}

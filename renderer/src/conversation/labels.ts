/**
 * Words and colours for a conversation's state, feature and flags, shared by the monitor and
 * the inbox.
 */
import type { ConversationFlag, ConversationState } from '../../../bot-service/contract/conversations.ts';
import type { Tone } from '../components/StatusBadge.tsx';
import type { MessageKey } from '../i18n/index.tsx';

export const stateLabel: Record<ConversationState, MessageKey> = {
  bot: 'state.bot',
  waiting: 'state.waiting',
  assigned: 'state.assigned',
  closed: 'state.closed',
};

export const stateTone: Record<ConversationState, Tone> = {
  bot: 'neutral',
  waiting: 'warning',
  assigned: 'info',
  closed: 'neutral',
};

export const features = ['radar', 'data', 'faq', 'selfcheck', 'tips', 'hoax', 'hospital', 'hotline', 'info', 'menu'] as const;
export type Feature = (typeof features)[number];

export const featureLabel: Record<Feature, MessageKey> = {
  radar: 'feature.radar',
  data: 'feature.data',
  faq: 'feature.faq',
  selfcheck: 'feature.selfcheck',
  tips: 'feature.tips',
  hoax: 'feature.hoax',
  hospital: 'feature.hospital',
  hotline: 'feature.hotline',
  info: 'feature.info',
  menu: 'feature.menu',
};

export function isFeature(value: string | null): value is Feature {
  return value !== null && (features as readonly string[]).includes(value);
}

export const flagLabel: Record<ConversationFlag, MessageKey> = {
  hoax: 'flag.hoax',
  'high-risk': 'flag.highRisk',
};

export const flagTone: Record<ConversationFlag, Tone> = {
  hoax: 'danger',
  'high-risk': 'strong',
};

/** Inbox priorities (bot-service/flows/handoff.ts): 90 emergency, 50 high, 10 normal. */
export function priorityLevel(priority: number): 'emergency' | 'high' | 'normal' {
  if (priority >= 90) return 'emergency';
  if (priority >= 50) return 'high';
  return 'normal';
}

import type { Role } from '../../contract/auth.ts';
import type { StreamEventMessage } from '../../contract/stream.ts';
import type { StoredEvent } from '../../events/event-log.ts';
import { personalEventKeys } from '../../privacy/personal-keys.ts';

const dropped = new Set<string>(personalEventKeys);

/**
 * An event as the stream sends it to a user of this role: never a text (whatever a producer put
 * in `data`), and for officials no contact ids either.
 */
export function toStreamEvent(event: StoredEvent, role: Role): StreamEventMessage {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event.data)) {
    if (dropped.has(key) || (role === 'official' && key === 'contactId')) continue;
    data[key] = value;
  }
  return {
    type: 'event',
    seq: event.seq,
    at: event.at,
    eventType: event.type,
    contactId: role === 'official' ? null : event.contactId,
    conversationId: event.conversationId,
    data,
  };
}

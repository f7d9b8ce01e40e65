import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createCacheInvalidator, keysForEvent } from '../../../renderer/src/api/stream-cache.ts';
import type { StreamEvent } from '../../../renderer/src/api/stream-types.ts';

const event = (patch: Partial<StreamEvent>): StreamEvent => ({
  type: 'event',
  seq: 1,
  at: 0,
  eventType: 'message.status',
  contactId: 4,
  conversationId: 9,
  data: {},
  ...patch,
});

describe('renderer/api/stream-cache', () => {
  const none = { conversationsOfContact: () => [], inboxHas: () => false };

  it('maps events to the caches they make stale', () => {
    expect(keysForEvent(event({ eventType: 'message.status' }), none)).toEqual([['conversation', 9]]);
    // A handoff concerns the inbox even before the inbox shows the conversation.
    expect(keysForEvent(event({ eventType: 'conversation.updated', data: { state: 'waiting' } }), none)).toEqual([['conversation', 9], ['inbox'], ['stats']]);
    // A received message has no conversation yet: the citizen's open transcripts are stale.
    const view = { conversationsOfContact: (contact: number) => (contact === 4 ? [21, 22] : []), inboxHas: () => false };
    expect(keysForEvent(event({ eventType: 'message.received', conversationId: null }), view)).toEqual([['conversation', 21], ['conversation', 22], ['stats']]);
  });

  it('leaves the inbox alone for the bot’s own traffic, but not for citizens it shows', () => {
    const inInbox = { conversationsOfContact: () => [], inboxHas: (contact: number | null) => contact === 4 };
    expect(keysForEvent(event({ eventType: 'message.received', conversationId: null, contactId: 5 }), inInbox)).not.toContainEqual(['inbox']);
    expect(keysForEvent(event({ eventType: 'message.received', conversationId: null, contactId: 4 }), inInbox)).toContainEqual(['inbox']);
    expect(keysForEvent(event({ eventType: 'conversation.updated', contactId: 5, data: { state: 'bot', feature: 'faq' } }), inInbox)).not.toContainEqual(['inbox']);
    // Resolved: it leaves the inbox, which must hear of it.
    expect(keysForEvent(event({ eventType: 'conversation.updated', contactId: 4, data: { state: 'bot' } }), inInbox)).toContainEqual(['inbox']);
  });

  it('batches a burst of events into one invalidation per query, and statistics at most every 15 s', async () => {
    const client = new QueryClient();
    const calls: string[] = [];
    const invalidate = client.invalidateQueries.bind(client);
    client.invalidateQueries = ((filters?: { queryKey?: readonly unknown[] }) => {
      calls.push(JSON.stringify(filters?.queryKey));
      return invalidate(filters);
    }) as typeof client.invalidateQueries;
    const invalidator = createCacheInvalidator(client);
    for (let i = 0; i < 50; i++) invalidator.event(event({ seq: i, eventType: 'message.status' }));
    await new Promise(resolve => setTimeout(resolve, 150));
    expect(calls).toEqual(['["conversation",9]']);

    invalidator.event(event({ eventType: 'conversation.updated', data: { state: 'waiting' } }));
    await new Promise(resolve => setTimeout(resolve, 1050));
    invalidator.event(event({ eventType: 'conversation.updated', data: { state: 'assigned' } }));
    await new Promise(resolve => setTimeout(resolve, 1100));
    expect(calls.filter(c => c === '["stats"]')).toHaveLength(1);
    expect(calls.filter(c => c === '["inbox"]')).toHaveLength(2);

    // Statistics are still waiting out their 15 s: a transcript's change must not wait with them.
    const before = calls.filter(c => c === '["conversation",9]').length;
    invalidator.event(event({ eventType: 'message.status' }));
    await new Promise(resolve => setTimeout(resolve, 150));
    expect(calls.filter(c => c === '["conversation",9]')).toHaveLength(before + 1);
    invalidator.stop();
  });
});

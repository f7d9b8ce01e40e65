import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../../bot-service/contract/conversations.ts';
import { flatten, mergeFresh, replaceItems, type ListData } from '../../../../renderer/src/screens/monitor/merge.ts';

function conv(id: number, patch: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    contact: { id: id * 10, phone: '62812•••••001', profileName: `Warga ${id}`, language: 'id' },
    state: 'bot',
    priority: 0,
    feature: null,
    regionCode: '35.78',
    regionName: 'Kota Surabaya',
    startedAt: 1000 + id,
    lastMessageAt: 2000 + id,
    endedAt: null,
    messageCount: 1,
    flags: [],
    assignedTo: null,
    assignedAt: null,
    waitingSince: null,
    firstReplyAt: null,
    resolvedAt: null,
    resolvedBy: null,
    windowClosesAt: null,
    ...patch,
  };
}

function pages(...lists: ConversationSummary[][]): ListData {
  return { pages: lists.map((items, i) => ({ items, nextCursor: i < lists.length - 1 ? `c${i}` : null })), pageParams: lists.map((_, i) => (i === 0 ? undefined : `c${i - 1}`)) };
}

describe('renderer/monitor/merge', () => {
  it('updates known conversations where they are and puts new ones on top, in the service order', () => {
    const data = pages([conv(5), conv(4), conv(3)], [conv(2), conv(1)]);
    // conversation 2 got a message (it is newest now), 7 and 6 are new
    const fresh = [conv(7), conv(2, { messageCount: 2, lastMessageAt: 9000 }), conv(6), conv(5)];
    const merged = mergeFresh(data, fresh);
    expect(flatten(merged.data).map(c => c.id)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(flatten(merged.data).find(c => c.id === 2)?.messageCount).toBe(2);
    expect(merged.added).toEqual([7, 6]);
    expect(merged.updated).toEqual([2]);
    // the older page keeps its cursor: scrolling further still works
    expect(merged.data.pages[1]?.nextCursor).toBe(null);
    expect(merged.data.pages[0]?.nextCursor).toBe('c0');
  });

  it('returns the same object when nothing changed (no re-render)', () => {
    const data = pages([conv(2), conv(1)]);
    expect(mergeFresh(data, [conv(2), conv(1)]).data).toBe(data);
  });

  it('replaces single conversations in place and ignores unknown ones', () => {
    const data = pages([conv(3), conv(2)], [conv(1)]);
    const next = replaceItems(data, [conv(1, { state: 'assigned' }), conv(99)]);
    expect(flatten(next).map(c => [c.id, c.state])).toEqual([
      [3, 'bot'],
      [2, 'bot'],
      [1, 'assigned'],
    ]);
    expect(next.pages[0]).toBe(data.pages[0]);
  });

  it('shows each conversation once even when pages overlap', () => {
    expect(flatten(pages([conv(3), conv(2)], [conv(2), conv(1)])).map(c => c.id)).toEqual([3, 2, 1]);
  });
});

import type { StaffRef, Viewer } from '../contract/conversations.ts';
import type { Db } from '../db/open.ts';

/**
 * Who has which conversation open in a console, so two volunteers do not type an answer to the
 * same citizen. Ephemeral by design (lost on restart, never in the database): the console sends
 * a heartbeat every ~15 s while the conversation is open, and a viewer silent for
 * `viewingTtlMs` is gone.
 */

export const viewingTtlMs = 40_000;

type Entry = { user: StaffRef; since: number; lastSeen: number };

export class ViewingRegistry {
  private readonly byConversation = new Map<number, Map<number, Entry>>();

  /** Records (or refreshes) that the user has the conversation open. */
  touch(conversationId: number, user: StaffRef, now: number): void {
    let viewers = this.byConversation.get(conversationId);
    if (viewers === undefined) {
      viewers = new Map();
      this.byConversation.set(conversationId, viewers);
    }
    const before = viewers.get(user.id);
    viewers.set(user.id, { user, since: before?.since ?? now, lastSeen: now });
  }

  /** The user closed the conversation. */
  leave(conversationId: number, userId: number): void {
    const viewers = this.byConversation.get(conversationId);
    viewers?.delete(userId);
    if (viewers?.size === 0) this.byConversation.delete(conversationId);
  }

  /** Current viewers, longest first; forgets the silent ones. */
  viewers(conversationId: number, now: number): Viewer[] {
    const viewers = this.byConversation.get(conversationId);
    if (viewers === undefined) return [];
    for (const [id, e] of viewers) if (now - e.lastSeen > viewingTtlMs) viewers.delete(id);
    if (viewers.size === 0) this.byConversation.delete(conversationId);
    return [...viewers.values()].sort((a, b) => a.since - b.since).map(e => ({ user: e.user, since: e.since, lastSeen: e.lastSeen }));
  }
}

const registries = new WeakMap<Db, ViewingRegistry>();

/** The registry of one service (keyed by its database, so route modules share it). */
export function viewingFor(db: Db): ViewingRegistry {
  let registry = registries.get(db);
  if (registry === undefined) {
    registry = new ViewingRegistry();
    registries.set(db, registry);
  }
  return registry;
}

import type { Db, Statement } from '../db/open.ts';
import type { ConversationState } from '../flows/types.ts';

export type ConversationRow = {
  id: number;
  contact_id: number;
  started_at: number;
  last_message_at: number;
  state: ConversationState;
  region_code: string | null;
  feature: string | null;
  priority: number;
};

/**
 * Conversation sessions: a message joins the citizen's open conversation unless it has been quiet
 * longer than the quiet period; a conversation waiting for or with a volunteer stays open.
 */
export class Conversations {
  private readonly latestOpen: Statement;
  private readonly close: Statement;
  private readonly create: Statement;
  private readonly touch: Statement;
  private readonly quietMs: number;

  constructor(db: Db, quietMs: number) {
    this.quietMs = quietMs;
    this.latestOpen = db.prepare(
      // "= +?": planned once, not on every run (db/open.ts).
      `SELECT id, contact_id, started_at, last_message_at, state, region_code, feature, priority
       FROM conversations WHERE contact_id = +? AND ended_at IS NULL ORDER BY id DESC LIMIT 1`
    );
    this.close = db.prepare("UPDATE conversations SET ended_at = ?, state = CASE WHEN state = 'bot' THEN 'closed' ELSE state END WHERE id = ?");
    this.create = db.prepare(
      `INSERT INTO conversations (contact_id, started_at, last_message_at, region_code, message_count)
       VALUES (?, ?, ?, ?, 1) RETURNING id, contact_id, started_at, last_message_at, state, region_code, feature, priority`
    );
    this.touch = db.prepare(
      'UPDATE conversations SET last_message_at = MAX(last_message_at, ?), message_count = message_count + 1 WHERE id = ?'
    );
  }

  /** The conversation this message belongs to; `isNew` when it opened one. */
  forMessage(contactId: number, messageAt: number, contactRegion: string | null): { row: ConversationRow; isNew: boolean } {
    const open = this.latestOpen.get(contactId) as ConversationRow | undefined;
    if (open !== undefined) {
      const withVolunteer = open.state === 'waiting' || open.state === 'assigned';
      if (withVolunteer || messageAt - open.last_message_at <= this.quietMs) {
        this.touch.run(messageAt, open.id);
        return { row: { ...open, last_message_at: Math.max(open.last_message_at, messageAt) }, isNew: false };
      }
      this.close.run(open.last_message_at + this.quietMs, open.id);
    }
    const row = this.create.get(contactId, messageAt, messageAt, contactRegion) as ConversationRow;
    return { row, isNew: true };
  }
}

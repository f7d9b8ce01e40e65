import type { Db } from '../open.ts';

/**
 * Mark-as-read calls are no longer outbox rows: the sender keeps them in memory (outbox/sender.ts,
 * `markRead`). A read row still waiting from before the upgrade is dropped: it is not a message to
 * the citizen, and the flows mark the citizen's next message read anyway. Rows already sent stay
 * as history.
 */
export function up(db: Db): void {
  db.prepare("DELETE FROM outbound_messages WHERE kind = 'read' AND status IN ('queued', 'sending')").run();
}

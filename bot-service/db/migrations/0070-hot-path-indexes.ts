import type { Db } from '../open.ts';

/**
 * Indexes for queries on the message hot path that scanned a growing table (found by the
 * launch-day bench, issue 8): "has this citizen had a message handled before?".
 */
export function up(db: Db): void {
  db.exec(`CREATE INDEX inbound_handled_by_contact ON inbound_messages(contact_id) WHERE state != 'pending';`);
}

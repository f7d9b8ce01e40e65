import type { Db } from '../open.ts';

/**
 * Drops the index on handled messages by contact (0070). It answered "has this citizen had a
 * message handled before?" for every message, and no flow used the answer; keeping it cost a write
 * at a random place in a large B-tree for every message handled (launch-day bench, issue 8).
 */
export function up(db: Db): void {
  db.exec('DROP INDEX IF EXISTS inbound_handled_by_contact');
}

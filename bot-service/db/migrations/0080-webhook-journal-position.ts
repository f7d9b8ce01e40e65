import type { Db } from '../open.ts';

/**
 * Webhooks are acknowledged once committed to the webhook journal, a file of their own
 * (journal/webhook-journal.ts); the processing side moves them into this database. `seq` is the
 * last journal entry moved, updated in the same transaction as what it stored, so every entry is
 * stored exactly once however the service stops.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE webhook_journal_position (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL
    );
    INSERT INTO webhook_journal_position (id, seq) VALUES (1, 0);
  `);
}

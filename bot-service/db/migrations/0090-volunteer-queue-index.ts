import type { Db } from '../open.ts';

/**
 * The citizen's place in the volunteer queue is counted on every handoff (flows/handoff.ts). The
 * count read each waiting conversation's row to check `ended_at`; with tens of thousands waiting
 * (launch day, few volunteers) that made every handoff slower than the one before, until the
 * flows fell behind (found by the launch-day bench, issue 8). This index holds exactly the rows
 * the count needs and every column it reads, so it never touches the table.
 */
export function up(db: Db): void {
  db.exec(`CREATE INDEX conversations_queue_open ON conversations(priority, waiting_since, id) WHERE state = 'waiting' AND ended_at IS NULL;`);
}

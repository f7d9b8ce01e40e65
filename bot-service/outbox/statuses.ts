import type { Db, Statement } from '../db/open.ts';
import type { EventLog } from '../events/event-log.ts';

/** Delivery states only move forward; `failed` ends it. `played` counts as read. */
const rank: Record<string, number> = { queued: 0, sending: 1, accepted: 2, sent: 3, delivered: 4, read: 5, played: 5 };

export type StatusUpdate = { wamid: string; status: string; timestamp: number; errors: unknown[] | null };

export type StatusOutcome = 'applied' | 'stale' | 'unknown-id';

function firstError(errors: unknown[] | null): { code: number | null; reason: string | null } {
  const e = (errors?.[0] ?? null) as { code?: unknown; title?: unknown; message?: unknown; error_data?: { details?: unknown } } | null;
  if (e === null) {
    return { code: null, reason: null };
  }
  const details = typeof e.error_data?.details === 'string' ? `: ${e.error_data.details}` : '';
  const title = typeof e.message === 'string' ? e.message : typeof e.title === 'string' ? e.title : 'failed';
  return { code: typeof e.code === 'number' ? e.code : null, reason: `${title}${details}` };
}

/** Applies Meta's status webhooks to outbound rows, as a monotonic state machine. */
export class StatusApplier {
  private readonly byWamid: Statement;
  private readonly update: Statement;
  private readonly fail: Statement;
  private readonly park: Statement;
  private readonly parked: Statement;
  private readonly unpark: Statement;
  private readonly events: EventLog;

  constructor(db: Db, events: EventLog) {
    this.events = events;
    this.byWamid = db.prepare('SELECT id, status, contact_id, conversation_id FROM outbound_messages WHERE wamid = ?');
    this.update = db.prepare(
      `UPDATE outbound_messages SET status = ?,
         sent_at = COALESCE(sent_at, CASE WHEN ? >= 3 THEN ? END),
         delivered_at = COALESCE(delivered_at, CASE WHEN ? >= 4 THEN ? END),
         read_at = COALESCE(read_at, CASE WHEN ? >= 5 THEN ? END)
       WHERE id = ?`
    );
    this.fail = db.prepare(
      "UPDATE outbound_messages SET status = 'failed', failed_at = ?, error_code = ?, error_reason = ? WHERE id = ?"
    );
    this.park = db.prepare(
      'INSERT OR IGNORE INTO pending_statuses (wamid, status, wa_timestamp, errors, received_at) VALUES (?, ?, ?, ?, ?)'
    );
    this.parked = db.prepare('SELECT wamid, status, wa_timestamp, errors FROM pending_statuses WHERE wamid = ?');
    this.unpark = db.prepare('DELETE FROM pending_statuses WHERE wamid = ?');
  }

  /** Inside a transaction. An unknown id is parked: our commit of the send may not have landed yet. */
  apply(s: StatusUpdate): StatusOutcome {
    const row = this.byWamid.get(s.wamid) as
      | { id: number; status: string; contact_id: number; conversation_id: number | null }
      | undefined;
    if (row === undefined) {
      this.park.run(s.wamid, s.status, s.timestamp, s.errors ? JSON.stringify(s.errors) : null, Date.now());
      return 'unknown-id';
    }
    const at = s.timestamp * 1000;
    if (row.status === 'failed' || row.status === 'read') {
      return 'stale';
    }
    if (s.status === 'failed') {
      const { code, reason } = firstError(s.errors);
      this.fail.run(at, code, reason, row.id);
    } else {
      const next = rank[s.status];
      const current = rank[row.status] ?? 0;
      if (next === undefined || next <= current) {
        return 'stale';
      }
      const stored = s.status === 'played' ? 'read' : s.status;
      this.update.run(stored, next, at, next, at, next, at, row.id);
    }
    this.events.append({
      type: 'message.status',
      contactId: row.contact_id,
      conversationId: row.conversation_id,
      data: { outboundId: row.id, status: s.status === 'played' ? 'read' : s.status, at },
    });
    return 'applied';
  }

  /** After a send is recorded with its wamid: applies statuses that arrived before it. */
  applyParked(wamid: string): void {
    const rows = this.parked.all(wamid) as Array<{ wamid: string; status: string; wa_timestamp: number; errors: string | null }>;
    if (rows.length === 0) {
      return;
    }
    this.unpark.run(wamid);
    rows.sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9));
    for (const r of rows) {
      this.apply({ wamid: r.wamid, status: r.status, timestamp: r.wa_timestamp, errors: r.errors ? (JSON.parse(r.errors) as unknown[]) : null });
    }
  }
}

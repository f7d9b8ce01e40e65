import type { Db } from '../open.ts';

export type AuditRow = {
  id: number;
  at: number;
  actor_id: number | null;
  actor_username: string | null;
  action: string;
  target: string | null;
  details: string;
};

export function insertAudit(
  db: Db,
  entry: { at: number; actorId: number | null; action: string; target: string | null; details: string }
): number {
  const info = db
    .prepare('INSERT INTO audit_log (at, actor_id, action, target, details) VALUES (?, ?, ?, ?, ?)')
    .run(entry.at, entry.actorId, entry.action, entry.target, entry.details);
  return Number(info.lastInsertRowid);
}

/** Newest first, below the cursor `before` (an id), optionally one actor's or one action's. */
export function listAudit(
  db: Db,
  query: { before?: number; limit: number; actor?: number; action?: string }
): AuditRow[] {
  // Only the filters given go into the SQL, so SQLite can use the (actor_id, id) or (action, id) index.
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: query.limit };
  if (query.before !== undefined) {
    where.push('a.id < $before');
    params.before = query.before;
  }
  if (query.actor !== undefined) {
    where.push('a.actor_id = $actor');
    params.actor = query.actor;
  }
  if (query.action !== undefined) {
    where.push('a.action = $action');
    params.action = query.action;
  }
  return db
    .prepare(
      `SELECT a.id, a.at, a.actor_id, u.username AS actor_username, a.action, a.target, a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length > 0 ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY a.id DESC LIMIT $limit`
    )
    .all(params) as AuditRow[];
}

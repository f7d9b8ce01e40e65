import type { Db, Statement } from '../db/open.ts';

/** Inbox priorities for a handoff (higher is answered first). */
export const HANDOFF_PRIORITY = {
  /** The citizen asked for a volunteer, or the bot could not answer. */
  normal: 10,
  /** Self check-up result "tinggi". */
  high: 50,
  /** Self check-up emergency exit (danger signs). */
  emergency: 90,
} as const;

/**
 * Places are counted one by one up to here; a citizen further back is told that more than this
 * many are ahead. Counting costs one index entry per conversation ahead, so an exact place in a
 * queue of tens of thousands (launch day, few volunteers) made every handoff slower than the last.
 */
export const QUEUE_PLACE_LIMIT = 500;

const statements = new WeakMap<Db, { started: Statement; ahead: Statement; priority: Statement }>();

function prepared(db: Db): { started: Statement; ahead: Statement; priority: Statement } {
  let s = statements.get(db);
  if (!s) {
    s = {
      priority: db.prepare('SELECT priority FROM conversations WHERE id = ?').pluck(),
      started: db.prepare('SELECT waiting_since FROM conversations WHERE id = ?').pluck(),
      ahead: db
        .prepare(
          `SELECT COUNT(*) FROM (
             SELECT 1 FROM conversations
             WHERE state = 'waiting' AND ended_at IS NULL AND id != $id
               AND (priority > $priority OR (priority = $priority AND (waiting_since < $started OR (waiting_since = $started AND id < $id))))
             LIMIT ${QUEUE_PLACE_LIMIT})`
        )
        .pluck(),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * The citizen's place in the volunteer queue: waiting conversations are served by priority,
 * then longest waiting first (as the inbox lists them). At most QUEUE_PLACE_LIMIT + 1, which
 * means "more than QUEUE_PLACE_LIMIT ahead". Works for a conversation that is being handed off in this very message
 * (its state is still 'bot' until the pipeline applies the result).
 */
export function queuePosition(db: Db, conversationId: number, priority: number, _now: number): number {
  const s = prepared(db);
  // Same order as the volunteers' inbox: priority, then how long it has been waiting. A
  // conversation being handed off in this message joins behind everyone already waiting.
  const started = (s.started.get(conversationId) as number | null | undefined) ?? Number.MAX_SAFE_INTEGER;
  return 1 + Number(s.ahead.get({ id: conversationId, priority, started }));
}

/** The priority a waiting conversation has now (0 when unknown). */
export function conversationPriority(db: Db, conversationId: number): number {
  const v = prepared(db).priority.get(conversationId);
  return typeof v === 'number' ? v : 0;
}

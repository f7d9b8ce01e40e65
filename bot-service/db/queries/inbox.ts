import type { PresenceStatus, VolunteerPresence } from '../../contract/inbox.ts';
import type { Db } from '../open.ts';
import { getUser } from './users.ts';
import { staffRefs, summaryColumns, summaryFrom, type SummaryRow } from './conversations.ts';

/** Reading and writing the inbox's tables (migration 0040): queue, assignment, presence. */

/** A heartbeat older than this means the console is gone: the user counts as offline. */
export const presenceTtlMs = 90_000;

/** Most open conversations at once for someone who never set a capacity. */
export const defaultCapacity = 5;

export type InboxRow = SummaryRow & { preview: string | null };

const previewColumn = `(SELECT substr(m.text, 1, 160) FROM inbound_messages m
    WHERE m.conversation_id = c.id ORDER BY m.wa_timestamp DESC, m.id DESC LIMIT 1) AS preview`;

/** Waiting conversations in queue order: higher priority first, then the longest wait. */
export function waitingQueue(db: Db): InboxRow[] {
  return db
    .prepare(
      `SELECT ${summaryColumns}, ${previewColumn} ${summaryFrom}
       WHERE c.state = 'waiting' ORDER BY c.priority DESC, c.waiting_since, c.id`
    )
    .all() as InboxRow[];
}

/** Assigned conversations, of one user or of everyone; the longest-held first. */
export function assignedConversations(db: Db, userId: number | null): InboxRow[] {
  return db
    .prepare(
      `SELECT ${summaryColumns}, ${previewColumn} ${summaryFrom}
       WHERE c.state = 'assigned' AND ($user IS NULL OR c.assigned_to = $user) ORDER BY c.assigned_at, c.id`
    )
    .all({ user: userId }) as InboxRow[];
}

/** How many conversations the user holds now. */
export function openCount(db: Db, userId: number): number {
  return db.prepare("SELECT COUNT(*) FROM conversations WHERE state = 'assigned' AND assigned_to = ?").pluck().get(userId) as number;
}

type PresenceRow = { user_id: number; status: 'online' | 'away'; capacity: number; last_seen: number; changed_at: number };

function presenceStatus(row: PresenceRow | undefined, now: number): PresenceStatus {
  if (row === undefined || now - row.last_seen > presenceTtlMs) return 'offline';
  return row.status;
}

/** The capacity a user set, or the default. */
export function capacityOf(db: Db, userId: number): number {
  const cap = db.prepare('SELECT capacity FROM volunteer_presence WHERE user_id = ?').pluck().get(userId) as number | undefined;
  return cap ?? defaultCapacity;
}

/** One user's presence as the console shows it. */
export function getPresence(db: Db, userId: number, now: number): VolunteerPresence {
  const row = db.prepare('SELECT * FROM volunteer_presence WHERE user_id = ?').get(userId) as PresenceRow | undefined;
  return {
    user: staffRefs(db, [userId]).get(userId)!,
    status: presenceStatus(row, now),
    capacity: row?.capacity ?? defaultCapacity,
    open: openCount(db, userId),
    lastSeen: row?.last_seen ?? null,
  };
}

/**
 * Records a heartbeat; returns whether the status or capacity changed (worth an audit line,
 * unlike the heartbeat every few seconds).
 */
export function upsertPresence(db: Db, userId: number, status: 'online' | 'away', capacity: number | undefined, now: number): boolean {
  const before = db.prepare('SELECT * FROM volunteer_presence WHERE user_id = ?').get(userId) as PresenceRow | undefined;
  const nextCapacity = capacity ?? before?.capacity ?? defaultCapacity;
  const changed = before === undefined || presenceStatus(before, now) !== status || before.capacity !== nextCapacity;
  db.prepare(
    `INSERT INTO volunteer_presence (user_id, status, capacity, last_seen, changed_at) VALUES ($user, $status, $capacity, $now, $now)
     ON CONFLICT (user_id) DO UPDATE SET status = $status, capacity = $capacity, last_seen = $now,
       changed_at = CASE WHEN $changed THEN $now ELSE changed_at END`
  ).run({ user: userId, status, capacity: nextCapacity, now, changed: changed ? 1 : 0 });
  return changed;
}

/** Everyone with a heartbeat in the last hour (online first), for the inbox's side panel. */
export function recentPresence(db: Db, now: number): VolunteerPresence[] {
  const rows = db
    .prepare('SELECT * FROM volunteer_presence WHERE last_seen >= ? ORDER BY last_seen DESC')
    .all(now - 3_600_000) as PresenceRow[];
  const staff = staffRefs(db, rows.map(r => r.user_id));
  const open = new Map(
    (
      db
        .prepare("SELECT assigned_to AS user_id, COUNT(*) AS n FROM conversations WHERE state = 'assigned' GROUP BY assigned_to")
        .all() as Array<{ user_id: number; n: number }>
    ).map(r => [r.user_id, r.n])
  );
  const rank: Record<PresenceStatus, number> = { online: 0, away: 1, offline: 2 };
  return rows
    .map(r => ({
      user: staff.get(r.user_id)!,
      status: presenceStatus(r, now),
      capacity: r.capacity,
      open: open.get(r.user_id) ?? 0,
      lastSeen: r.last_seen,
    }))
    .sort((a, b) => rank[a.status] - rank[b.status] || a.user.name.localeCompare(b.user.name));
}

/** Free places of the volunteers online now: the sum of capacity minus open conversations. */
export function freeCapacity(db: Db, now: number): number {
  return db
    .prepare(
      `SELECT COALESCE(SUM(MAX(0, p.capacity - (SELECT COUNT(*) FROM conversations c WHERE c.state = 'assigned' AND c.assigned_to = p.user_id))), 0)
       FROM volunteer_presence p WHERE p.status = 'online' AND p.last_seen > ?`
    )
    .pluck()
    .get(now - presenceTtlMs) as number;
}

/** The row the inbox actions check and change. */
export type InboxConversation = {
  id: number;
  contact_id: number;
  state: 'bot' | 'waiting' | 'assigned' | 'closed';
  assigned_to: number | null;
  waiting_since: number | null;
  first_reply_at: number | null;
  region_code: string | null;
};

export function getConversationState(db: Db, id: number): InboxConversation | null {
  return (
    (db
      .prepare('SELECT id, contact_id, state, assigned_to, waiting_since, first_reply_at, region_code FROM conversations WHERE id = ?')
      .get(id) as InboxConversation | undefined) ?? null
  );
}

/** The claim itself: one UPDATE that only a waiting conversation passes, so one claimer wins. */
export function claimWaiting(db: Db, id: number, userId: number, now: number): boolean {
  return (
    db
      .prepare("UPDATE conversations SET state = 'assigned', assigned_to = ?, assigned_at = ? WHERE id = ? AND state = 'waiting'")
      .run(userId, now, id).changes === 1
  );
}

/** Back to the queue, keeping the original wait. */
export function releaseAssigned(db: Db, id: number, userId: number): boolean {
  return (
    db
      .prepare("UPDATE conversations SET state = 'waiting', assigned_to = NULL, assigned_at = NULL WHERE id = ? AND state = 'assigned' AND assigned_to = ?")
      .run(id, userId).changes === 1
  );
}

/** Hands the conversation to another user, provided nobody changed it meanwhile. */
export function reassign(db: Db, id: number, from: { state: string; assignedTo: number | null }, toUserId: number, now: number): boolean {
  return (
    db
      .prepare(
        `UPDATE conversations SET state = 'assigned', assigned_to = ?, assigned_at = ?
         WHERE id = ? AND state = ? AND assigned_to IS ?`
      )
      .run(toUserId, now, id, from.state, from.assignedTo).changes === 1
  );
}

/** The bot takes over again; the handoff's record (wait, first reply) stays for the statistics. */
export function resolveConversation(db: Db, id: number, userId: number, now: number): boolean {
  return (
    db
      .prepare(
        `UPDATE conversations SET state = 'bot', assigned_to = NULL, assigned_at = NULL, priority = 0,
           resolved_at = ?, resolved_by = ?, queue_notice_at = NULL
         WHERE id = ? AND state IN ('waiting', 'assigned')`
      )
      .run(now, userId, id).changes === 1
  );
}

/** Stamps the first volunteer reply after the handoff; true the first time. */
export function markFirstReply(db: Db, id: number, now: number): boolean {
  return db.prepare('UPDATE conversations SET first_reply_at = ? WHERE id = ? AND first_reply_at IS NULL').run(now, id).changes === 1;
}

export type StaffUser = { id: number; role: string; name: string; active: boolean };

/** A console user who could take conversations, or null. */
export function getStaffUser(db: Db, id: number): StaffUser | null {
  const row = getUser(db, id);
  return row === undefined ? null : { id: row.id, role: row.role, name: row.display_name ?? row.username, active: row.disabled === 0 };
}

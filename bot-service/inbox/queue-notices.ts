import type { Db } from '../db/open.ts';
import { getContent } from '../db/queries/content.ts';
import { freeCapacity } from '../db/queries/inbox.ts';
import { catalogueFor } from '../flows/catalogue/index.ts';
import type { Language } from '../flows/types.ts';
import { serviceWindowMs, type Outbox } from '../outbox/outbox.ts';
import { inboxCatalogue } from './catalogue.ts';

/**
 * When more citizens wait than the online volunteers have room for, tell each waiting citizen
 * their place in the queue and what the bot can answer meanwhile, at most once per interval
 * (counted from the handoff, so nobody gets one right after being told they were queued).
 */

export const queueNoticeIntervalMs = 10 * 60_000;

type Waiting = {
  id: number;
  contact_id: number;
  waiting_since: number | null;
  queue_notice_at: number | null;
  language: string;
  last_inbound_ts: number | null;
};

/** The notice text: place in the queue, then the automatic services (the menu, as published). */
export function queueNoticeText(db: Db, language: Language, position: number): string {
  const words = catalogueFor(language);
  const en = language === 'en';
  const services = getContent(db)
    .menu.filter(m => m.action !== 'volunteer')
    .map(m => words.menu.line(m.position, en && m.titleEn ? m.titleEn : m.title, m.keyword));
  const parts = [words.handoff.waiting(position)];
  if (services.length > 0) parts.push(`${inboxCatalogue(language).whileWaiting}\n${services.join('\n')}`);
  return parts.join('\n\n');
}

/** Notices queued per write transaction: the flows write between two batches, never waiting long. */
const NOTICE_BATCH = 200;

/**
 * Queues the notices that are due; returns how many. Run it every minute; after it returns
 * more than zero, wake the sender and announce the events.
 *
 * The queue is read without the write lock, and the notices are written in small transactions
 * with the event loop yielded between them: with tens of thousands waiting, one transaction for
 * all of it held the flows' writes back for as long as it ran, every minute.
 */
export async function notifyQueuePositions(db: Db, outbox: Outbox, now: number = Date.now(), options: { intervalMs?: number } = {}): Promise<number> {
  const interval = options.intervalMs ?? queueNoticeIntervalMs;
  const queue = db
    .prepare(
      `SELECT c.id, c.contact_id, c.waiting_since, c.queue_notice_at, ct.language, ct.last_inbound_ts
       FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
       WHERE c.state = 'waiting' ORDER BY c.priority DESC, c.waiting_since, c.id`
    )
    .all() as Waiting[];
  if (queue.length === 0 || queue.length <= freeCapacity(db, now)) return 0;
  const due = queue
    .map((w, i) => ({ w, place: i + 1 }))
    .filter(({ w }) => {
      const last = w.queue_notice_at ?? w.waiting_since ?? 0;
      // Free-form text needs the 24-hour window; outside it the citizen simply keeps their place.
      return now - last >= interval && w.last_inbound_ts !== null && w.last_inbound_ts * 1000 + serviceWindowMs > now;
    });
  // The queue was read without the lock: write only if the conversation still waits, unnoticed since.
  const unchanged = db.prepare("SELECT 1 FROM conversations WHERE id = ? AND state = 'waiting' AND queue_notice_at IS ?").pluck();
  const mark = db.prepare('UPDATE conversations SET queue_notice_at = ? WHERE id = ?');
  let sent = 0;
  for (let from = 0; from < due.length; from += NOTICE_BATCH) {
    if (from > 0) await new Promise(resolve => setImmediate(resolve));
    sent += db.transaction(() => {
      let n = 0;
      for (const { w, place } of due.slice(from, from + NOTICE_BATCH)) {
        if (unchanged.get(w.id, w.queue_notice_at) === undefined) continue;
        const language: Language = w.language === 'en' ? 'en' : 'id';
        const text = queueNoticeText(db, language, place);
        const queued = outbox.enqueue(
          { contactId: w.contact_id, conversationId: w.id, kind: 'message', body: { type: 'text', text: { body: text, preview_url: false } }, summary: text, author: 'system' },
          now
        );
        if (queued.ok) {
          mark.run(now, w.id);
          n++;
        }
      }
      return n;
    })();
  }
  return sent;
}

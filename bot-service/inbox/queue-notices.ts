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

/**
 * Queues the notices that are due; returns how many. Run it every minute; after it returns
 * more than zero, wake the sender and announce the events.
 */
export function notifyQueuePositions(db: Db, outbox: Outbox, now: number = Date.now(), options: { intervalMs?: number } = {}): number {
  const interval = options.intervalMs ?? queueNoticeIntervalMs;
  return db
    .transaction(() => {
      const queue = db
        .prepare(
          `SELECT c.id, c.contact_id, c.waiting_since, c.queue_notice_at, ct.language, ct.last_inbound_ts
           FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
           WHERE c.state = 'waiting' ORDER BY c.priority DESC, c.waiting_since, c.id`
        )
        .all() as Waiting[];
      if (queue.length === 0 || queue.length <= freeCapacity(db, now)) return 0;
      const mark = db.prepare('UPDATE conversations SET queue_notice_at = ? WHERE id = ?');
      let sent = 0;
      queue.forEach((w, i) => {
        const last = w.queue_notice_at ?? w.waiting_since ?? 0;
        if (now - last < interval) return;
        // Free-form text needs the 24-hour window; outside it the citizen simply keeps their place.
        if (w.last_inbound_ts === null || w.last_inbound_ts * 1000 + serviceWindowMs <= now) return;
        const language: Language = w.language === 'en' ? 'en' : 'id';
        const text = queueNoticeText(db, language, i + 1);
        const queued = outbox.enqueue(
          { contactId: w.contact_id, conversationId: w.id, kind: 'message', body: { type: 'text', text: { body: text, preview_url: false } }, summary: text, author: 'system' },
          now
        );
        if (queued.ok) {
          mark.run(now, w.id);
          sent++;
        }
      });
      return sent;
    })
    .immediate();
}

import { powerOfTwoAtLeast, preparePerLimit, type Db, type Statement } from '../db/open.ts';
import type { EventLog, StoredEvent } from '../events/event-log.ts';
import type { Logger } from '../logger.ts';
import { CounterWriter, type TrackedConversation } from './counters.ts';
import { isFeature, isSelfcheckLevel, regionKey, UNKNOWN_REGION } from './metrics.ts';
import { wibDay } from './time.ts';

export type StatsProjectorOptions = {
  db: Db;
  events: EventLog;
  log: Logger;
  /** How long to gather announcements before a run (ms). */
  delayMs?: number;
  /** Events applied per transaction. */
  batchSize?: number;
};

export type StatsProjector = {
  /** Catches up now, then follows `events.notifier` 'appended'. */
  start(): void;
  /** Stops following; resolves once no run is in progress. */
  stop(): Promise<void>;
  /** Applies every event after the checkpoint, synchronously; returns how many. */
  catchUp(): number;
  /** The seq of the last event applied. */
  checkpoint(): number;
};

const CONVERSATION_STATES = new Set(['bot', 'waiting', 'assigned', 'closed']);

/**
 * The statistics projector: reads the event log after its checkpoint and keeps the counters.
 *
 * Each batch of events, the counters it changes and the new checkpoint commit in one
 * transaction, so a crash re-applies nothing twice and skips nothing. Messages are counted from
 * the events alone, with one look-up by primary key to learn which conversation the flow engine
 * put a received message in (the `message.received` event is written before that is decided).
 */
export function createStatsProjector(options: StatsProjectorOptions): StatsProjector {
  const { db, events, log } = options;
  const delayMs = options.delayMs ?? 10;
  const batchSize = options.batchSize ?? 1000;
  const counters = new CounterWriter(db);
  const s = prepare(db);

  const tracked = (id: number): TrackedConversation | undefined => s.conversation.get(id) as TrackedConversation | undefined;

  /** The conversation's stats row, created from the conversations table if the start was not seen. */
  function conversationFor(e: StoredEvent): TrackedConversation | undefined {
    if (e.conversationId === null) {
      return undefined;
    }
    const known = tracked(e.conversationId);
    if (known !== undefined) {
      return known;
    }
    const row = s.sourceConversation.get(e.conversationId) as { contact_id: number; started_at: number; region_code: string | null } | undefined;
    if (row === undefined) {
      return undefined;
    }
    return track(e.conversationId, row.contact_id, row.started_at, regionKey(row.region_code));
  }

  function track(id: number, contactId: number, startedAt: number, region: string): TrackedConversation {
    const conv: TrackedConversation = {
      conversation_id: id,
      contact_id: contactId,
      region_code: region,
      state: 'bot',
      feature: null,
      handed_off: 0,
      started_at: startedAt,
    };
    s.insertConversation.run(id, contactId, region, 'bot', startedAt);
    counters.addForConversation(conv, startedAt, 'conversations');
    return conv;
  }

  function onStarted(e: StoredEvent): void {
    if (e.conversationId === null || tracked(e.conversationId) !== undefined) {
      return;
    }
    const row = s.sourceConversation.get(e.conversationId) as { contact_id: number; started_at: number } | undefined;
    track(e.conversationId, e.contactId ?? row?.contact_id ?? 0, row?.started_at ?? e.at, regionKey(e.data.regionCode));
  }

  function onConversationChange(e: StoredEvent, conv: TrackedConversation): void {
    const d = e.data;
    if ('regionCode' in d && e.type === 'conversation.updated') {
      counters.moveConversation(conv, regionKey(d.regionCode));
    }
    if (typeof d.feature === 'string' && d.feature !== conv.feature) {
      // A use is entering a feature: consecutive turns in the same feature count once.
      if (isFeature(d.feature)) {
        counters.addForConversation(conv, e.at, `feature_${d.feature}`);
      }
      conv.feature = d.feature;
      s.setFeature.run(d.feature, conv.conversation_id);
    }
    const next = typeof d.state === 'string' && CONVERSATION_STATES.has(d.state) ? d.state : null;
    if (next === null || next === conv.state) {
      return;
    }
    const prev = conv.state;
    if (next === 'waiting' && (prev === 'bot' || prev === 'closed')) {
      counters.addForConversation(conv, e.at, 'handoffs');
      if (conv.handed_off === 0) {
        // The bot-only share is per conversation, counted where the conversation is counted.
        counters.addForConversation(conv, conv.started_at, 'conversations_handed_off');
        conv.handed_off = 1;
        s.setHandedOff.run(conv.conversation_id);
      }
      const handoff = d.handoff as { priority?: unknown } | null | undefined;
      const priority = typeof handoff?.priority === 'number' ? handoff.priority : 0;
      s.insertHandoff.run(conv.conversation_id, wibDay(e.at), e.at, priority);
    } else if (next === 'assigned') {
      s.claimHandoff.run(e.at, conv.conversation_id);
    } else if ((next === 'bot' || next === 'closed') && (prev === 'waiting' || prev === 'assigned')) {
      s.resolveHandoff.run(e.at, conv.conversation_id);
    }
    conv.state = next;
    s.setState.run(next, conv.conversation_id);
  }

  function apply(e: StoredEvent): void {
    const d = e.data;
    switch (e.type) {
      case 'message.received': {
        if (typeof d.inboundId !== 'number' || e.contactId === null) {
          return;
        }
        // Counted when the citizen sent it (Meta's timestamp), never later than we received it.
        const sentAt = typeof d.waTimestamp === 'number' ? Math.min(d.waTimestamp * 1000, e.at) : e.at;
        s.firstDay.run(e.contactId, wibDay(sentAt));
        s.insertPending.run(d.inboundId, e.contactId, sentAt);
        return;
      }
      case 'conversation.started':
        onStarted(e);
        return;
      case 'message.queued': {
        const conv = conversationFor(e);
        if (conv === undefined) {
          counters.addForRegion(UNKNOWN_REGION, e.at, 'messages_out');
          return;
        }
        counters.addForConversation(conv, e.at, 'messages_out');
        if (typeof d.author === 'string' && d.author.startsWith('user:')) {
          s.firstReply.run(e.at, conv.conversation_id);
        }
        return;
      }
      case 'message.status': {
        if (d.status !== 'failed') {
          return;
        }
        const at = typeof d.at === 'number' ? d.at : e.at;
        const conv = conversationFor(e);
        if (conv === undefined) {
          counters.addForRegion(UNKNOWN_REGION, at, 'delivery_failures');
        } else {
          counters.addForConversation(conv, at, 'delivery_failures');
        }
        return;
      }
      case 'flow.signal': {
        const conv = conversationFor(e);
        const add = (column: 'hoax_claims' | `selfcheck_${'rendah' | 'sedang' | 'tinggi'}`) =>
          conv === undefined ? counters.addForRegion(UNKNOWN_REGION, e.at, column) : counters.addForConversation(conv, e.at, column);
        if (d.kind === 'selfcheck' && isSelfcheckLevel(d.level)) {
          add(`selfcheck_${d.level}`);
        } else if (d.kind === 'hoax-claim') {
          add('hoax_claims');
          s.hoaxDaily.run(wibDay(e.at), typeof d.matchedHoaxId === 'string' ? d.matchedHoaxId : '');
        }
        return;
      }
      default: {
        // conversation.updated, and any inbox event that reports a conversation's state.
        if (e.conversationId === null || (e.type !== 'conversation.updated' && typeof d.state !== 'string')) {
          return;
        }
        const conv = conversationFor(e);
        if (conv !== undefined) {
          onConversationChange(e, conv);
        }
      }
    }
  }

  // Where the last look at waiting messages stopped (see resolvePending).
  let pendingCursor = 0;

  /**
   * Received messages whose conversation is now known are counted in it. Each batch looks at
   * twice as many waiting messages as it read events (more than can have arrived; at least 256, rounded up to a power of two), so a backlog
   * in the flow engine never makes every batch slow.
   */
  function resolvePending(eventsRead: number): void {
    const pendingSlice = powerOfTwoAtLeast(Math.max(256, eventsRead * 2));
    const slice = s.pendingAfter(pendingSlice).all(pendingCursor) as Array<{ inbound_id: number; contact_id: number; at: number }>;
    pendingCursor = slice.length < pendingSlice ? 0 : slice[slice.length - 1]!.inbound_id;
    for (const p of slice) {
      const message = s.inboundConversation.get(p.inbound_id) as { conversation_id: number | null } | undefined;
      if (message === undefined) {
        s.deletePending.run(p.inbound_id); // erased before it was handled
        continue;
      }
      if (message.conversation_id === null) {
        continue;
      }
      const conv = tracked(message.conversation_id);
      if (conv === undefined) {
        continue; // its conversation.started event is further on in the log
      }
      counters.addInbound(conv, p.at);
      s.deletePending.run(p.inbound_id);
    }
  }

  const runBatch = db.transaction((): number => {
    const from = Number(s.getCheckpoint.get());
    const batch = events.readAfter(from, batchSize);
    for (const e of batch) {
      apply(e);
    }
    resolvePending(batch.length);
    if (batch.length > 0) {
      s.setCheckpoint.run(batch[batch.length - 1]!.seq, Date.now());
    }
    return batch.length;
  });

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;

  const catchUp = (): number => {
    let total = 0;
    for (;;) {
      const n = runBatch();
      total += n;
      if (n < batchSize) {
        return total;
      }
    }
  };

  /** One batch per turn of the event loop, so a long catch-up never stalls the webhook. */
  async function follow(): Promise<void> {
    try {
      while (!stopped && runBatch() === batchSize) {
        await new Promise(resolve => setImmediate(resolve));
      }
    } catch (error) {
      log.error({ err: error }, 'stats projector: batch failed; retrying shortly');
      if (!stopped) {
        schedule(1000);
      }
    }
  }

  function schedule(wait = delayMs): void {
    if (timer !== null || stopped) {
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      if (running !== null) {
        // A run is in progress: look again when it ends.
        void running.then(() => schedule());
        return;
      }
      running = follow().finally(() => {
        running = null;
      });
    }, wait);
  }

  const onAppended = () => schedule();

  return {
    start() {
      if (!stopped) {
        return;
      }
      stopped = false;
      events.notifier.on('appended', onAppended);
      schedule(0);
    },
    async stop() {
      stopped = true;
      events.notifier.off('appended', onAppended);
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      await running;
    },
    catchUp,
    checkpoint: () => Number(s.getCheckpoint.get()),
  };
}

function prepare(db: Db) {
  const q = (sql: string): Statement => db.prepare(sql);
  return {
    getCheckpoint: q('SELECT seq FROM stats_checkpoint WHERE id = 1').pluck(),
    setCheckpoint: q('UPDATE stats_checkpoint SET seq = ?, updated_at = ? WHERE id = 1'),
    conversation: q(
      'SELECT conversation_id, contact_id, region_code, state, feature, handed_off, started_at FROM stats_conversations WHERE conversation_id = ?'
    ),
    sourceConversation: q('SELECT contact_id, started_at, region_code FROM conversations WHERE id = ?'),
    insertConversation: q(
      'INSERT INTO stats_conversations (conversation_id, contact_id, region_code, state, started_at) VALUES (?, ?, ?, ?, ?)'
    ),
    setFeature: q('UPDATE stats_conversations SET feature = ? WHERE conversation_id = ?'),
    setState: q('UPDATE stats_conversations SET state = ? WHERE conversation_id = ?'),
    setHandedOff: q('UPDATE stats_conversations SET handed_off = 1 WHERE conversation_id = ?'),
    firstDay: q('INSERT OR IGNORE INTO stats_contacts (contact_id, first_day) VALUES (?, ?)'),
    insertPending: q('INSERT OR IGNORE INTO stats_pending_inbound (inbound_id, contact_id, at) VALUES (?, ?, ?)'),
    pendingAfter: preparePerLimit(db, limit => `SELECT inbound_id, contact_id, at FROM stats_pending_inbound WHERE inbound_id > ? ORDER BY inbound_id LIMIT ${limit}`),
    deletePending: q('DELETE FROM stats_pending_inbound WHERE inbound_id = ?'),
    inboundConversation: q('SELECT conversation_id FROM inbound_messages WHERE id = ?'),
    insertHandoff: q('INSERT INTO stats_handoffs (conversation_id, day, requested_at, priority) VALUES (?, ?, ?, ?)'),
    claimHandoff: q(
      'UPDATE stats_handoffs SET claimed_at = COALESCE(claimed_at, ?) WHERE conversation_id = ? AND resolved_at IS NULL'
    ),
    firstReply: q(
      'UPDATE stats_handoffs SET first_reply_at = ? WHERE conversation_id = ? AND resolved_at IS NULL AND first_reply_at IS NULL'
    ),
    resolveHandoff: q('UPDATE stats_handoffs SET resolved_at = ? WHERE conversation_id = ? AND resolved_at IS NULL'),
    hoaxDaily: q(
      `INSERT INTO stats_hoax_daily (day, hoax_id, claims) VALUES (?, ?, 1)
       ON CONFLICT (day, hoax_id) DO UPDATE SET claims = claims + 1`
    ),
  } satisfies Record<string, Statement | ((limit: number) => Statement)>;
}

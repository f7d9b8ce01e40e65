import { seedContent } from '../content/seed.ts';
import { openDatabase, type Db } from '../db/open.ts';
import { listRegions } from '../stats/regions.ts';
import { addDays, dayStartMs, wibDay } from '../stats/time.ts';
import { ensureDemoHistoryTable, readDemoHistory, writeDemoHistory, type DemoHistoryRecord } from './marker.ts';
import { DemoModel } from './model.ts';
import { conversationsPerDay, conversationsPerRegion, regionWeights } from './plan.ts';
import { seededRandom } from './random.ts';
import { writeContacts, writeConversations } from './rows.ts';
import { countedAt, dayOf, DemoTally } from './tally.ts';

export type SeedDemoOptions = {
  /** Epoch ms; the history covers the `days` WIB days before this instant's day. */
  now: number;
  days?: number;
  /** About this many conversations in all. */
  conversations?: number;
  seed?: number;
};

export type SeedDemoResult =
  | { seeded: true; history: DemoHistoryRecord; ms: number }
  | { seeded: false; reason: 'already-seeded'; history: DemoHistoryRecord }
  | { seeded: false; reason: 'real-data'; history: null };

/**
 * Fills a database that has no conversations yet with a clearly marked demo history, so the
 * heatmap and the daily reports show something on a first demo start (issue 5 item 3).
 *
 * The `days` full WIB days before today (today stays for live traffic), about `conversations`
 * conversations spread over the 38 regions by population, Surabaya, Sidoarjo, Malang, Lamongan
 * and Gresik on top, with messages, feature uses, self check-ups, handoffs and hoax claims, and
 * the statistics counters the projector would have kept for them. Citizens are `demo-000123`,
 * "Warga Demo 123"; every text says "(pesan demo)". Everything commits in one transaction.
 *
 * Seeds once: with a demo history present it changes nothing, and it refuses a database that
 * already holds real conversations or messages.
 */
export function seedDemoHistory(db: Db, options: SeedDemoOptions): SeedDemoResult {
  const started = performance.now();
  const days = options.days ?? 3;
  const total = options.conversations ?? 110_000;
  const seed = options.seed ?? 2020;
  if (!Number.isInteger(days) || days < 1 || days > 31) {
    throw new Error(`demo history: days must be a whole number from 1 to 31, got ${days}`);
  }
  if (!Number.isInteger(total) || total < days || total > 2_000_000) {
    throw new Error(`demo history: conversations must be a whole number from ${days} to 2,000,000, got ${total}`);
  }

  const existing = readDemoHistory(db);
  if (existing !== null) {
    return { seeded: false, reason: 'already-seeded', history: existing };
  }
  const hasRealData = db.prepare('SELECT EXISTS (SELECT 1 FROM conversations) OR EXISTS (SELECT 1 FROM inbound_messages)').pluck().get();
  if (Number(hasRealData) === 1) {
    return { seeded: false, reason: 'real-data', history: null };
  }

  // The regions and known hoaxes the history refers to (a no-op once the service has started).
  seedContent(db);
  const regions = listRegions(db);
  const codes = regions.map(r => r.code);
  const hoaxIds = db.prepare('SELECT id FROM hoaxes WHERE active = 1 ORDER BY id').pluck().all() as string[];
  // New ids after any the counters still remember (erased rows leave their statistics behind).
  const nextId = (sql: string): number => Number(db.prepare(sql).pluck().get()) + 1;
  const firstContactId = nextId('SELECT MAX(COALESCE((SELECT MAX(id) FROM contacts), 0), COALESCE((SELECT MAX(contact_id) FROM stats_contacts), 0))');
  const firstConversationId = nextId(
    'SELECT MAX(COALESCE((SELECT MAX(id) FROM conversations), 0), COALESCE((SELECT MAX(conversation_id) FROM stats_conversations), 0))'
  );

  const rnd = seededRandom(seed);
  const today = wibDay(options.now);
  const from = addDays(today, -days);
  const model = new DemoModel({ rnd, regionCount: regions.length, hoaxIds, firstContactId, firstConversationId });
  const weights = regionWeights(regions);
  conversationsPerDay(total, days).forEach((n, d) => {
    model.addDay(dayStartMs(addDays(from, d)), conversationsPerRegion(n, weights, codes, rnd));
  });

  const conversations = model.conversations;
  const contactCount = model.contactRegion.length;
  const lastInbound = new Array<number>(contactCount).fill(0);
  const tally = new DemoTally(codes);
  for (const c of conversations) {
    const i = c.contactId - firstContactId;
    lastInbound[i] = Math.max(lastInbound[i]!, c.inbound[c.inbound.length - 1]!);
    tally.count(c);
  }
  const regionCode = (region: number): string | null => codes[region] ?? null;
  const contactRegion = (id: number): number => model.contactRegion[id - firstContactId]!;
  const contactFirstDay = (id: number): string => dayOf(countedAt(model.contactFirst[id - firstContactId]!));

  // Bulk loading: one transaction, with a page cache that holds it (about 150 MB for 110,000
  // conversations) so nothing is written twice; the cache shrinks back afterwards. Foreign keys
  // are off while it runs: every id is made here, in order (the tests run foreign_key_check).
  // Both are per connection and the load is synchronous, so nothing else runs meanwhile.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma(`cache_size = ${-Math.min(262_144, Math.max(16_384, Math.ceil(total * 1.5)))}`);
  db.pragma('foreign_keys = OFF');
  try {
    const history = db.transaction((): DemoHistoryRecord => {
      ensureDemoHistoryTable(db);
      writeContacts(
        db,
        model.contactRegion.map((region, i) => ({
          id: firstContactId + i,
          n: i + 1,
          region: regionCode(region),
          lastInbound: lastInbound[i]!,
          created: model.contactFirst[i]!,
          firstDay: contactFirstDay(firstContactId + i),
        }))
      );
      const messages = writeConversations(db, conversations, regionCode);
      tally.write(db, conversations, contactRegion, contactFirstDay);
      const history: DemoHistoryRecord = {
        from,
        to: addDays(today, -1),
        conversations: conversations.length,
        contacts: contactCount,
        messagesIn: messages.inbound,
        messagesOut: messages.outbound,
        seed,
        seededAt: options.now,
        contactIds: { first: firstContactId, last: firstContactId + contactCount - 1 },
        conversationIds: { first: firstConversationId, last: firstConversationId + conversations.length - 1 },
      };
      writeDemoHistory(db, history);
      return history;
    })();
    return { seeded: true, history, ms: Math.round(performance.now() - started) };
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}

/**
 * `seedDemoHistory` on a database file, for `npm start` before the service opens it (content is
 * seeded first, as the service would). The file is created and migrated if it does not exist.
 */
export function seedDemoHistoryFile(file: string, options: SeedDemoOptions): SeedDemoResult {
  const db = openDatabase(file);
  try {
    // Alone with the file before the service opens it: a rollback journal writes the new pages
    // once, where WAL writes them twice (the log, then the checkpoint). Back to WAL after.
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    try {
      return seedDemoHistory(db, options);
    } finally {
      if (mode !== 'wal') db.pragma('journal_mode = WAL');
    }
  } finally {
    db.close();
  }
}

/** One line for the console that started it. */
export function describeDemoSeed(result: SeedDemoResult): string {
  if (result.seeded) {
    const h = result.history;
    return `Demo history: ${h.conversations.toLocaleString('en-US')} made-up conversations, ${h.from} to ${h.to} (WIB), seeded in ${(result.ms / 1000).toFixed(1)} s.`;
  }
  if (result.reason === 'already-seeded') {
    const h = result.history;
    return `Demo history: ${h.conversations.toLocaleString('en-US')} made-up conversations, ${h.from} to ${h.to} (WIB), from an earlier start.`;
  }
  return 'Demo history: not added, this database already holds real conversations.';
}

import type { DailyReport, FeatureCounts, ReportRegion, ReportTotals, SelfcheckCounts } from '../contract/reports.ts';
import type { Db } from '../db/open.ts';
import {
  contactsByRegionOnDay,
  handoffsOnDay,
  metricsByHour,
  metricsByRegion,
  provinceContacts,
  topHoaxClaims,
  type ContactCounts,
  type RegionMetricRow,
} from '../db/queries/stats.ts';
import { emptyMetrics, FEATURES, type MetricRow, UNKNOWN_REGION } from '../stats/metrics.ts';
import { listRegions } from '../stats/regions.ts';
import { addDays, wibDay } from '../stats/time.ts';
import { metricDefinitions } from './definitions.ts';

export type BuildOptions = {
  /** Epoch ms; decides whether the day is today (partial) and stamps generatedAt. */
  now?: number;
  /** The conversation quiet period, for the definitions text. */
  quietMinutes?: number;
};

/** Per 100,000 people, two decimals; null without a population. */
export function per100k(count: number, population: number | null): number | null {
  if (population === null || population <= 0) {
    return null;
  }
  return Math.round((count * 100_000 * 100) / population) / 100;
}

export function median(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const features = (m: MetricRow): FeatureCounts =>
  Object.fromEntries(FEATURES.map(f => [f, m[`feature_${f}`]])) as FeatureCounts;
const selfcheck = (m: MetricRow): SelfcheckCounts => ({ rendah: m.selfcheck_rendah, sedang: m.selfcheck_sedang, tinggi: m.selfcheck_tinggi });

function sumMetrics(rows: Iterable<MetricRow>): MetricRow {
  const total = emptyMetrics();
  for (const r of rows) {
    for (const k of Object.keys(total) as Array<keyof MetricRow>) {
      total[k] += Number(r[k]);
    }
  }
  return total;
}

function totalsOf(m: MetricRow, c: ContactCounts): ReportTotals {
  const botOnly = m.conversations - m.conversations_handed_off;
  return {
    conversations: m.conversations,
    contacts: c.contacts,
    newContacts: c.new_contacts,
    returningContacts: c.returning_contacts,
    messagesIn: m.messages_in,
    messagesOut: m.messages_out,
    deliveryFailures: m.delivery_failures,
    handoffs: m.handoffs,
    hoaxClaims: m.hoax_claims,
    conversationsBotOnly: botOnly,
    botOnlyShare: m.conversations > 0 ? Math.round((botOnly / m.conversations) * 10_000) / 10_000 : null,
  };
}

type DayFigures = { byRegion: Map<string, MetricRow>; contacts: Map<string, ContactCounts>; total: MetricRow; province: ContactCounts };

function dayFigures(db: Db, day: string): DayFigures {
  const byRegion = new Map<string, MetricRow>(metricsByRegion(db, day, day).map((r: RegionMetricRow) => [r.region_code, r]));
  const contacts = new Map<string, ContactCounts>(contactsByRegionOnDay(db, day).map(r => [r.region_code, r]));
  return { byRegion, contacts, total: sumMetrics(byRegion.values()), province: provinceContacts(db, day) };
}

/**
 * The daily access report of one WIB day, from the counters alone (no message is read): every
 * figure issue 7 lists, per region (all 38 and unknown) with the change from the day before,
 * the top five, feature use, self-check levels, hoax claims, volunteer handoffs, and how each
 * figure is defined. For today it holds the figures so far.
 */
export function buildDailyReport(db: Db, date: string, options: BuildOptions = {}): DailyReport {
  const now = options.now ?? Date.now();
  const previousDate = addDays(date, -1);
  const today = dayFigures(db, date);
  const before = dayFigures(db, previousDate);
  const zero = emptyMetrics();
  const noContacts: ContactCounts = { contacts: 0, new_contacts: 0, returning_contacts: 0 };

  const regionInfo = [
    ...listRegions(db).map(r => ({ code: r.code, name: r.name, population: r.population as number | null })),
    { code: UNKNOWN_REGION, name: 'Tidak diketahui', population: null },
  ];
  const regions: ReportRegion[] = regionInfo.map(info => {
    const m = today.byRegion.get(info.code) ?? zero;
    const c = today.contacts.get(info.code) ?? noContacts;
    const prevConversations = (before.byRegion.get(info.code) ?? zero).conversations;
    const prevContacts = (before.contacts.get(info.code) ?? noContacts).contacts;
    return {
      code: info.code,
      name: info.name,
      population: info.population,
      conversations: m.conversations,
      conversationsPer100k: per100k(m.conversations, info.population),
      conversationsPreviousDay: prevConversations,
      conversationsChange: m.conversations - prevConversations,
      contacts: c.contacts,
      contactsPer100k: per100k(c.contacts, info.population),
      contactsPreviousDay: prevContacts,
      contactsChange: c.contacts - prevContacts,
      newContacts: c.new_contacts,
      returningContacts: c.returning_contacts,
      messagesIn: m.messages_in,
      messagesOut: m.messages_out,
      deliveryFailures: m.delivery_failures,
      handoffs: m.handoffs,
      hoaxClaims: m.hoax_claims,
      selfcheck: selfcheck(m),
      features: features(m),
    };
  });

  const topRegions = regions
    .filter(r => r.code !== UNKNOWN_REGION && r.conversations > 0)
    .sort((a, b) => b.conversations - a.conversations || a.code.localeCompare(b.code))
    .slice(0, 5)
    .map((r, i) => ({
      rank: i + 1,
      code: r.code,
      name: r.name,
      conversations: r.conversations,
      conversationsPer100k: r.conversationsPer100k,
      conversationsChange: r.conversationsChange,
    }));

  const handoffs = handoffsOnDay(db, date);
  const waits = handoffs.filter(h => h.claimed_at !== null).map(h => h.claimed_at! - h.requested_at);
  const replies = handoffs.filter(h => h.first_reply_at !== null).map(h => h.first_reply_at! - h.requested_at);

  const hourly = Array.from({ length: 24 }, (_, hour) => ({ hour, conversations: 0, messagesIn: 0 }));
  for (const row of metricsByHour(db, date, date, null)) {
    hourly[row.hour] = { hour: row.hour, conversations: row.conversations, messagesIn: row.messages_in };
  }

  return {
    date,
    previousDate,
    timezone: 'Asia/Jakarta',
    partial: date >= wibDay(now),
    generatedAt: now,
    totals: totalsOf(today.total, today.province),
    previousTotals: totalsOf(before.total, before.province),
    regions,
    topRegions,
    features: features(today.total),
    selfcheck: selfcheck(today.total),
    hoax: {
      claims: today.total.hoax_claims,
      topClusters: topHoaxClaims(db, date, 5).map(h => ({
        hoaxId: h.hoax_id === '' ? null : h.hoax_id,
        claim: h.claim,
        verdict: h.verdict,
        claims: h.claims,
      })),
    },
    handoffs: {
      count: today.total.handoffs,
      claimed: waits.length,
      medianWaitMs: median(waits),
      medianFirstReplyMs: median(replies),
      stillOpen: handoffs.filter(h => h.resolved_at === null).length,
    },
    hourly,
    definitions: metricDefinitions(options.quietMinutes),
  };
}

import { FEATURES, type Feature, type SelfcheckLevel } from '../stats/metrics.ts';
import { DAY_MS } from '../stats/time.ts';
import { HOUR_WEIGHTS } from './plan.ts';
import { between, weightedPicker, type Random } from './random.ts';

/**
 * One made-up conversation of the demo history, as times (epoch ms) and facts only: what the
 * writer stores and what the counters count. Nothing here is anyone's words.
 */
export type DemoConversation = {
  id: number;
  contactId: number;
  /** Index into the region list; the list's length means unknown. */
  region: number;
  start: number;
  /** When the citizen sent each message; `forwardedAt` is the index of a forwarded one, or -1. */
  inbound: number[];
  forwardedAt: number;
  outbound: DemoOutbound[];
  /** Features entered, in order, at the time the bot answered. */
  features: Array<{ at: number; feature: Feature }>;
  selfcheck: { at: number; level: SelfcheckLevel } | null;
  hoax: { at: number; hoaxId: string } | null;
  handoff: { requested: number; claimed: number; firstReply: number; resolved: number; priority: number } | null;
  last: number;
};

export type DemoOutbound = {
  at: number;
  author: 'bot' | 'system';
  volunteer: boolean;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  sentAt: number | null;
  deliveredAt: number | null;
  readAt: number | null;
  failedAt: number | null;
};

// How people used the service: places (radar), figures and questions most.
const FEATURE_WEIGHTS: Record<Feature, number> = {
  radar: 20, data: 15, faq: 18, selfcheck: 12, tips: 8, hoax: 7, hospital: 8, hotline: 4, info: 5, menu: 10,
};
// Messages from the citizen in a conversation: 1 to 6, most 1 to 3.
const INBOUND_WEIGHTS = [0, 36, 34, 14, 8, 5, 3];
const SECOND_FEATURE = 0.3;
const SELFCHECK_DONE = 0.85;
const LEVEL_WEIGHTS = [68, 27, 5]; // rendah, sedang, tinggi: a few % high
const LEVELS: SelfcheckLevel[] = ['rendah', 'sedang', 'tinggi'];
const HANDOFF = 0.045;
const HANDOFF_HIGH_RISK = 0.6;
const HOAX_MATCHED = 0.7;
const FAILED = 0.008;
const QUIET_MS = 30 * 60_000;
const RETURNING = 0.22;
const AGAIN_TODAY = 0.06;

/** Makes conversations with their timelines, and decides which citizen each one is. */
export class DemoModel {
  readonly conversations: DemoConversation[] = [];
  /** Per contact (index = id - firstContactId): region, first and last message. */
  readonly contactRegion: number[] = [];
  readonly contactFirst: number[] = [];
  readonly contactLast: number[] = [];
  private readonly rnd: Random;
  private readonly pickHour: () => number;
  private readonly pickFeature: () => number;
  private readonly pickInbound: () => number;
  private readonly pickLevel: () => number;
  private readonly hoaxIds: readonly string[];
  private readonly firstContactId: number;
  private nextConversationId: number;
  /** Contacts first seen on an earlier day, per region: who may come back. */
  private readonly earlier: number[][];

  constructor(options: { rnd: Random; regionCount: number; hoaxIds: readonly string[]; firstContactId: number; firstConversationId: number }) {
    this.rnd = options.rnd;
    this.pickHour = weightedPicker(HOUR_WEIGHTS, this.rnd);
    this.pickFeature = weightedPicker(FEATURES.map(f => FEATURE_WEIGHTS[f]), this.rnd);
    this.pickInbound = weightedPicker(INBOUND_WEIGHTS, this.rnd);
    this.pickLevel = weightedPicker(LEVEL_WEIGHTS, this.rnd);
    this.hoaxIds = options.hoaxIds;
    this.firstContactId = options.firstContactId;
    this.nextConversationId = options.firstConversationId;
    this.earlier = Array.from({ length: options.regionCount + 1 }, () => []);
  }

  /** One WIB day: `perRegion[i]` conversations in region i (the last index: unknown). */
  addDay(dayStart: number, perRegion: readonly number[]): void {
    const day: DemoConversation[] = [];
    perRegion.forEach((n, region) => {
      for (let k = 0; k < n; k++) {
        day.push(this.timeline(dayStart, region));
      }
    });
    day.sort((a, b) => a.start - b.start);
    const today: number[][] = this.earlier.map(() => []);
    const fresh: number[][] = this.earlier.map(() => []);
    for (const conv of day) {
      conv.id = this.nextConversationId++;
      conv.contactId = this.chooseContact(conv, today[conv.region]!, fresh[conv.region]!);
    }
    fresh.forEach((ids, region) => this.earlier[region]!.push(...ids));
    this.conversations.push(...day);
  }

  private chooseContact(conv: DemoConversation, today: number[], fresh: number[]): number {
    const earlier = this.earlier[conv.region]!;
    const r = this.rnd();
    let candidate: number | null = null;
    if (earlier.length > 0 && r < RETURNING) {
      candidate = earlier[Math.floor(this.rnd() * earlier.length)]!;
    } else if (today.length > 0 && r < RETURNING + AGAIN_TODAY) {
      candidate = today[Math.floor(this.rnd() * today.length)]!;
    }
    // A citizen's next conversation starts only after a quiet spell (the session rule).
    if (candidate !== null && this.contactLast[candidate - this.firstContactId]! + QUIET_MS < conv.start) {
      const i = candidate - this.firstContactId;
      this.contactLast[i] = Math.max(this.contactLast[i]!, conv.last);
      today.push(candidate);
      return candidate;
    }
    const id = this.firstContactId + this.contactRegion.length;
    this.contactRegion.push(conv.region);
    this.contactFirst.push(conv.inbound[0]!);
    this.contactLast.push(conv.last);
    today.push(id);
    fresh.push(id);
    return id;
  }

  /** A conversation's messages and events, placed in the day by the hour curve. */
  private timeline(dayStart: number, region: number): DemoConversation {
    const rnd = this.rnd;
    const inbound: number[] = [];
    const outbound: DemoOutbound[] = [];
    const features: DemoConversation['features'] = [];
    let nIn = this.pickInbound();
    const first = FEATURES[this.pickFeature()]!;
    let second: Feature | null = null;
    if (nIn >= 3 && rnd() < SECOND_FEATURE) {
      const f = FEATURES[this.pickFeature()]!;
      second = f === first ? null : f;
    }
    // After a hoax check the forwarded message comes first, then the next feature.
    const secondAt = second === null ? -1 : between(rnd, first === 'hoax' ? 2 : 1, nIn - 1);
    const last = second ?? first;
    // A self check-up takes a few answers; a hoax check, the forwarded message itself.
    if (last === 'selfcheck') nIn = Math.max(nIn, (secondAt < 0 ? 0 : secondAt) + 4);
    const hoaxEntry = first === 'hoax' ? 0 : second === 'hoax' ? secondAt : -1;
    if (hoaxEntry >= 0) nIn = Math.max(nIn, hoaxEntry + 2);

    let t = 0;
    let selfcheck: DemoConversation['selfcheck'] = null;
    for (let i = 0; i < nIn; i++) {
      inbound.push(t);
      const reply = t + between(rnd, 800, 3000);
      if (i === 0) features.push({ at: reply, feature: first });
      if (i === secondAt && second !== null) features.push({ at: reply, feature: second });
      outbound.push(this.out(reply, 'bot', false));
      if (rnd() < 0.05) outbound.push(this.out(reply + between(rnd, 800, 2000), 'bot', false));
      t += between(rnd, 8_000, 120_000);
    }
    const lastIn = inbound[inbound.length - 1]!;
    if (last === 'selfcheck' && rnd() < SELFCHECK_DONE) {
      selfcheck = { at: lastIn + 1500, level: LEVELS[this.pickLevel()]! };
    }
    const forwardedAt = hoaxEntry >= 0 ? hoaxEntry + 1 : -1;
    let hoax: DemoConversation['hoax'] = null;
    if (forwardedAt >= 0) {
      const matched = this.hoaxIds.length > 0 && rnd() < HOAX_MATCHED;
      // A few hoaxes make up most claims.
      const hoaxId = matched ? this.hoaxIds[Math.floor(rnd() * rnd() * this.hoaxIds.length)]! : '';
      hoax = { at: inbound[forwardedAt]! + 1200, hoaxId };
    }

    let handoff: DemoConversation['handoff'] = null;
    const highRisk = selfcheck?.level === 'tinggi';
    if (rnd() < (highRisk ? HANDOFF_HIGH_RISK : HANDOFF)) {
      // Every demo handoff was claimed and resolved: the live queue starts empty.
      const requested = lastIn + 2000;
      outbound.push(this.out(requested, 'bot', false));
      const claimed = requested + between(rnd, 30_000, 900_000);
      const firstReply = claimed + between(rnd, 20_000, 240_000);
      outbound.push(this.out(firstReply, 'system', true));
      const answer = firstReply + between(rnd, 30_000, 120_000);
      inbound.push(answer);
      const closing = answer + between(rnd, 60_000, 180_000);
      outbound.push(this.out(closing, 'system', true));
      handoff = { requested, claimed, firstReply, resolved: closing + between(rnd, 60_000, 300_000), priority: highRisk ? 10 : 0 };
    }

    // The last instant anything is counted; the conversation ends before the day does.
    let end = inbound[inbound.length - 1]!;
    for (const o of outbound) end = Math.max(end, o.failedAt ?? o.at);
    const wanted = dayStart + this.pickHour() * 3_600_000 + Math.floor(rnd() * 3_600_000);
    const start = Math.max(dayStart, Math.min(wanted, dayStart + DAY_MS - 60_000 - end));
    // Times so far count from the first message: move everything to the chosen start.
    for (let i = 0; i < inbound.length; i++) inbound[i]! += start;
    for (const o of outbound) {
      o.at += start;
      if (o.sentAt !== null) o.sentAt += start;
      if (o.deliveredAt !== null) o.deliveredAt += start;
      if (o.readAt !== null) o.readAt += start;
      if (o.failedAt !== null) o.failedAt += start;
    }
    for (const f of features) f.at += start;
    if (selfcheck !== null) selfcheck.at += start;
    if (hoax !== null) hoax.at += start;
    if (handoff !== null) {
      handoff.requested += start;
      handoff.claimed += start;
      handoff.firstReply += start;
      handoff.resolved += start;
    }
    return { id: 0, contactId: 0, region, start, inbound, forwardedAt, outbound, features, selfcheck, hoax, handoff, last: end + start };
  }

  private out(at: number, author: 'bot' | 'system', volunteer: boolean): DemoOutbound {
    const rnd = this.rnd;
    if (rnd() < FAILED) {
      return { at, author, volunteer, status: 'failed', sentAt: null, deliveredAt: null, readAt: null, failedAt: at + between(rnd, 2000, 6000) };
    }
    const sentAt = at + between(rnd, 150, 600);
    const r = rnd();
    const status = r < 0.62 ? 'read' : r < 0.95 ? 'delivered' : 'sent';
    const deliveredAt = status === 'sent' ? null : sentAt + between(rnd, 500, 4000);
    const readAt = status === 'read' ? deliveredAt! + between(rnd, 3000, 90_000) : null;
    return { at, author, volunteer, status, sentAt, deliveredAt, readAt, failedAt: null };
  }
}

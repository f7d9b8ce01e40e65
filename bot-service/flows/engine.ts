import { normalizeCommand } from '../content/normalize.ts';
import { getContent } from '../db/queries/content.ts';
import { catalogueFor } from './catalogue/index.ts';
import { commandOf } from './commands.ts';
import { showMenu } from './features/menu.ts';
import { showRegionPage } from './features/region.ts';
import { conversationPriority, queuePosition } from './handoff.ts';
import { appendToBody, textReplies } from './messages.ts';
import { parseReplyId } from './reply-ids.ts';
import { route } from './router.ts';
import { parseState } from './state.ts';
import { say, useLanguage, type Outcome, type Turn } from './turn.ts';
import type { FlowContext, FlowEngine, FlowResult } from './types.ts';
import { detectLanguage } from './understanding/index.ts';
import { understandingFor } from './understanding-adapter.ts';

/**
 * The conversation engine: one inbound message in, the replies and the citizen's next state out.
 * Content is read through the revision-checked cache, and what is derived from it (matcher,
 * region index, questionnaire) is rebuilt only when the revision changes.
 */

/** How often a waiting citizen who keeps writing is reminded of their place in the queue. */
const QUEUE_NOTICE_EVERY_MS = 10 * 60 * 1000;

/** The region question is asked at most this many times (in different conversations). */
const MAX_REGION_ASKS = 2;

/**
 * FlowResult plus the one thing the boundary cannot say yet: give a waiting or assigned
 * conversation back to the bot when the citizen types "batal". Assignable to FlowResult.
 */
export type EngineResult = FlowResult & {
  conversation?: FlowResult['conversation'] & { release?: { reason: string } };
};

/** The engine the pipeline calls once per inbound message (see types.ts for the contract). */
export function createFlowEngine(): FlowEngine & { handle(ctx: FlowContext): EngineResult } {
  return { handle };
}

function handle(ctx: FlowContext): EngineResult {
  const content = getContent(ctx.db);
  const turn: Turn = {
    ctx,
    content,
    know: understandingFor(content),
    lang: ctx.contact.language,
    t: catalogueFor(ctx.contact.language),
    state: parseState(ctx.contact.flowState),
    out: { replies: [], feature: null, signals: [], answered: false },
  };
  if (ctx.message.type === 'reaction' || ctx.message.type === 'system') {
    return result(turn);
  }
  if (!handoffGate(turn)) {
    followLanguage(turn);
    route(turn);
    askRegionAfterAnswer(turn);
  }
  addPrivacyNotice(turn);
  return result(turn);
}

/**
 * While a volunteer has the conversation (or it waits for one) the bot stays quiet, except for
 * "menu", "batal", taps on the bot's own buttons, and now and then the citizen's queue place.
 * Returns false when the message is the bot's to handle.
 */
function handoffGate(turn: Turn): boolean {
  const { ctx, t, state } = turn;
  const conv = ctx.conversation.state;
  if (conv !== 'waiting' && conv !== 'assigned') return false;
  const cmd = ctx.message.text ? commandOf(normalizeCommand(ctx.message.text)) : null;
  const place = (): number => queuePosition(ctx.db, ctx.conversation.id, conversationPriority(ctx.db, ctx.conversation.id), ctx.now);
  if (cmd === 'cancel') {
    turn.out.release = { reason: 'citizen-cancelled' };
    state.pending = null;
    say(turn, ...textReplies(conv === 'waiting' ? t.handoff.cancelledWaiting : t.handoff.cancelledAssigned));
    return true;
  }
  if (cmd === 'menu') {
    showMenu(turn, { greet: false, note: conv === 'waiting' ? t.handoff.waiting(place()) : t.handoff.assigned });
    return true;
  }
  if (cmd === 'english' || cmd === 'indonesian') {
    useLanguage(turn, cmd === 'english' ? 'en' : 'id');
    state.languageChosen = true;
    return true;
  }
  const tap = ctx.message.replyId ? parseReplyId(ctx.message.replyId) : null;
  if (tap && tap.kind !== 'volunteer') return false;
  if (conv === 'waiting' && (state.queueNoticeAt === null || ctx.now - state.queueNoticeAt >= QUEUE_NOTICE_EVERY_MS)) {
    say(turn, ...textReplies(t.handoff.waiting(place())));
    state.queueNoticeAt = ctx.now;
  }
  return true;
}

/** Answers in English when the citizen clearly writes English (and back), unless they chose a language. */
function followLanguage(turn: Turn): void {
  const m = turn.ctx.message;
  const pending = turn.state.pending?.kind;
  if (turn.state.languageChosen || m.type !== 'text' || !m.text || m.forwarded > 0 || pending === 'hoax' || pending === 'selfcheck') return;
  // Short messages ("ok", "ya", a place name) say too little about the language.
  if (normalizeCommand(m.text).split(' ').length < 3) return;
  const detected = detectLanguage(m.text);
  if (detected && detected !== turn.lang) useLanguage(turn, detected);
}

/** After the first real answer, asks once (softly) for the citizen's kabupaten/kota. */
function askRegionAfterAnswer(turn: Turn): void {
  const { ctx, state, out } = turn;
  const known = out.regionCode !== undefined ? out.regionCode : ctx.contact.regionCode;
  if (!out.answered || out.handoff || ctx.conversation.state !== 'bot' || known !== null || state.regionSkipped || state.pending !== null) return;
  if (state.regionAsks >= MAX_REGION_ASKS || state.regionAskedIn === ctx.conversation.id) return;
  const feature = out.feature;
  showRegionPage(turn, 1, 'profile', turn.t.region.ask);
  out.feature = feature;
  state.regionAsks += 1;
  state.regionAskedIn = ctx.conversation.id;
}

/** The privacy notice rides with the first reply a citizen ever gets (at its end, after a split answer). */
function addPrivacyNotice(turn: Turn): void {
  const last = turn.out.replies[turn.out.replies.length - 1];
  if (turn.state.privacyShown || !last) return;
  if (!appendToBody(last, turn.t.common.privacy)) {
    turn.out.replies.push(...textReplies(turn.t.common.privacy));
  }
  turn.state.privacyShown = true;
}

function result(turn: Turn): EngineResult {
  const out: Outcome = turn.out;
  const contact: NonNullable<FlowResult['contact']> = {};
  if (out.language !== undefined) contact.language = out.language;
  if (out.regionCode !== undefined) contact.regionCode = out.regionCode;
  const conversation: NonNullable<EngineResult['conversation']> = {};
  if (out.feature !== null) conversation.feature = out.feature;
  if (out.regionCode !== undefined) conversation.regionCode = out.regionCode;
  if (out.handoff) conversation.handoff = out.handoff;
  if (out.release) conversation.release = out.release;
  return {
    replies: out.replies,
    flowState: turn.state,
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
    ...(Object.keys(conversation).length > 0 ? { conversation } : {}),
    ...(out.signals.length > 0 ? { signals: out.signals } : {}),
    ...(out.erase ? { eraseRequested: true } : {}),
  };
}

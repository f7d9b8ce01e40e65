import type { KeywordTarget } from '../content/types.ts';
import { normalizeCommand } from '../content/normalize.ts';
import { commandOf, type Command } from './commands.ts';
import { showData } from './features/data.ts';
import { answerFreeText, promptFaq, showFaq } from './features/faq.ts';
import { checkClaim, promptHoax } from './features/hoax.ts';
import { startHospital } from './features/hospital.ts';
import { requestVolunteer, showHotlines } from './features/hotline.ts';
import { showInfo } from './features/info.ts';
import { showMenu } from './features/menu.ts';
import { startRadar } from './features/radar.ts';
import {
  applyResolution,
  pinReceived,
  regionAtRow,
  regionChosen,
  regionNotFound,
  showRegionPage,
  skipRegion,
} from './features/region.ts';
import { answerSelfCheck, cancelSelfCheck, repeatQuestion, startSelfCheck } from './features/selfcheck.ts';
import { showTips } from './features/tips.ts';
import { textReplies } from './messages.ts';
import { languageRequest } from './understanding/index.ts';
import { parseReplyId, type Tap } from './reply-ids.ts';
import type { Pending, RegionPurpose } from './state.ts';
import { say, useLanguage, type Turn } from './turn.ts';

/**
 * Decides what one message means: a tap, a pin, a command, an answer to what the bot just
 * asked, a menu number or keyword, a place, a forwarded claim, or a question.
 */

const MEDIA_WITH_CAPTION = new Set(['image', 'video', 'document']);

export function route(turn: Turn): void {
  const m = turn.ctx.message;
  if (m.replyId) {
    const tap = parseReplyId(m.replyId);
    if (tap && routeTap(turn, tap)) return;
  }
  if (m.location) {
    pinReceived(turn, m.location.latitude, m.location.longitude, pendingPurpose(turn.state.pending) ?? 'radar');
    return;
  }
  if (m.type === 'request_welcome') {
    showMenu(turn, { greet: true });
    return;
  }
  if (m.media) {
    if (turn.state.pending?.kind === 'hoax' || m.forwarded > 0) {
      checkClaim(turn, m.text, m.media.sha256);
    } else if (m.text && MEDIA_WITH_CAPTION.has(m.type)) {
      routeText(turn, m.text);
    } else {
      unknownType(turn);
    }
    return;
  }
  if (m.text && (m.type === 'text' || m.type === 'interactive' || m.type === 'button')) {
    routeText(turn, m.text);
    return;
  }
  unknownType(turn);
}

function unknownType(turn: Turn): void {
  say(turn, ...textReplies(turn.t.common.unknownType));
}

function pendingPurpose(p: Pending | null): RegionPurpose | null {
  return p && (p.kind === 'region' || p.kind === 'region-choice') ? p.purpose : null;
}

/** A tapped list row or button; false when it is stale or unknown (the text is tried instead). */
function routeTap(turn: Turn, tap: Tap): boolean {
  const pending = turn.state.pending;
  switch (tap.kind) {
    case 'menu': {
      const item = turn.content.menu.find(i => i.id === tap.menuId);
      if (!item) return false;
      runAction(turn, { action: item.action, actionArg: item.actionArg, menuId: item.id }, null);
      return true;
    }
    case 'region':
      if (!turn.content.regionsByCode.has(tap.code)) return false;
      regionChosen(turn, tap.code, pendingPurpose(pending) ?? 'profile');
      return true;
    case 'region-page':
      showRegionPage(turn, tap.page, pendingPurpose(pending) ?? 'profile');
      return true;
    case 'region-skip':
      skipRegion(turn);
      return true;
    case 'selfcheck':
      if (pending?.kind !== 'selfcheck') {
        showMenu(turn, { greet: false });
      } else if (pending.questionId === tap.questionId) {
        answerSelfCheck(turn, pending, { id: tap.answerId });
      } else {
        // An older question's button: ask the current one again.
        repeatQuestion(turn, pending);
      }
      return true;
    case 'faq':
      return showFaq(turn, tap.faqId);
    case 'volunteer':
      requestVolunteer(turn, 'citizen-request');
      return true;
    case 'main-menu':
      showMenu(turn, { greet: false });
      return true;
  }
}

export function runAction(turn: Turn, target: KeywordTarget, arg: string | null): void {
  switch (target.action) {
    case 'radar':
      return startRadar(turn, arg);
    case 'data':
      return arg ? startRadar(turn, arg) : showData(turn);
    case 'faq':
      return arg ? answerFreeText(turn, arg) : promptFaq(turn);
    case 'faq-item':
      if (!target.actionArg || !showFaq(turn, target.actionArg)) promptFaq(turn);
      return;
    case 'selfcheck':
      return startSelfCheck(turn);
    case 'tips':
      return showTips(turn);
    case 'hoax':
      return arg ? checkClaim(turn, arg, null) : promptHoax(turn);
    case 'hospital':
      return startHospital(turn, arg);
    case 'hotline':
      return showHotlines(turn);
    case 'volunteer':
      return requestVolunteer(turn, 'citizen-request');
    case 'info':
      return showInfo(turn);
  }
}

function keywordTarget(turn: Turn, normalized: string): KeywordTarget | undefined {
  return turn.content.keywords.get(normalized) ?? turn.know.titleKeywords.get(normalized);
}

/** Whether a keyword's action takes the rest of the message ("radar surabaya", "cek hoaks <pesan>"). */
function acceptsArg(turn: Turn, target: KeywordTarget, arg: string): boolean {
  switch (target.action) {
    case 'radar':
    case 'hospital':
    case 'data':
      return turn.know.resolveRegion(arg).kind !== 'none';
    case 'hoax':
    case 'faq':
      return arg.length >= 3;
    default:
      return false;
  }
}

/** A keyword alone, or a keyword followed by its argument. */
function routeKeyword(turn: Turn, raw: string, normalized: string): boolean {
  const exact = keywordTarget(turn, normalized);
  if (exact) {
    runAction(turn, exact, null);
    return true;
  }
  const words = normalized.split(' ');
  for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
    const target = turn.content.keywords.get(words.slice(0, k).join(' '));
    if (!target) continue;
    const arg = words.slice(k).join(' ');
    if (!acceptsArg(turn, target, arg)) return false;
    // A pasted claim or question keeps its own wording; a place is matched in normal form.
    runAction(turn, target, target.action === 'hoax' || target.action === 'faq' ? raw : arg);
    return true;
  }
  return false;
}

function cancel(turn: Turn): void {
  const pending = turn.state.pending;
  if (pending?.kind === 'selfcheck') {
    cancelSelfCheck(turn);
  } else if (pending) {
    turn.state.pending = null;
    say(turn, ...textReplies(turn.t.common.menuHint));
  } else {
    say(turn, ...textReplies(turn.t.common.nothingToCancel));
  }
}

/** Typed text while the bot waits for something; false when the text is about something else. */
function routePending(turn: Turn, pending: Pending, raw: string, normalized: string, cmd: Command | null): boolean {
  const number = /^\d{1,2}$/.test(normalized) ? Number(normalized) : null;
  switch (pending.kind) {
    case 'selfcheck':
      // A forwarded chain message is not an answer: it is checked, and the questionnaire ends.
      if (turn.ctx.message.forwarded > 0) return false;
      answerSelfCheck(turn, pending, { text: raw });
      return true;
    case 'region': {
      if (cmd === 'skip') {
        skipRegion(turn);
        return true;
      }
      if (cmd === 'more') {
        showRegionPage(turn, pending.page + 1, pending.purpose);
        return true;
      }
      if (number !== null) {
        const region = regionAtRow(turn, pending.page, number);
        if (region) {
          regionChosen(turn, region.code, pending.purpose);
          return true;
        }
        return false;
      }
      if (keywordTarget(turn, normalized)) return false;
      if (applyResolution(turn, turn.know.resolveRegion(raw), pending.purpose)) return true;
      // Never blocking: a question after the region question is answered as a question. A short
      // text after an explicit "radar"/"rs" was meant as a place: say it is not one.
      if (pending.purpose !== 'profile' && normalized.split(' ').length <= 3) {
        regionNotFound(turn, raw.trim(), pending.purpose);
        return true;
      }
      return false;
    }
    case 'region-choice': {
      if (cmd === 'skip') {
        skipRegion(turn);
        return true;
      }
      const [first, second] = pending.codes;
      const byWord = /\b(kota|kodya|kotamadya|city)\b/.test(normalized)
        ? second
        : /\b(kab|kabupaten|regency)\b/.test(normalized)
          ? first
          : null;
      const chosen = number === 1 ? first : number === 2 ? second : byWord;
      if (chosen) {
        regionChosen(turn, chosen, pending.purpose);
        return true;
      }
      const res = turn.know.resolveRegion(raw);
      if (res.kind === 'match' && pending.codes.includes(res.code)) {
        regionChosen(turn, res.code, pending.purpose);
        return true;
      }
      return false;
    }
    case 'hoax':
      if (keywordTarget(turn, normalized)) return false;
      checkClaim(turn, raw, null);
      return true;
    case 'faq':
      if (keywordTarget(turn, normalized)) return false;
      answerFreeText(turn, raw);
      return true;
    case 'offer':
      if (cmd !== 'yes') return false;
      if (pending.faqId) return showFaq(turn, pending.faqId);
      requestVolunteer(turn, 'citizen-request');
      return true;
  }
}

export function routeText(turn: Turn, raw: string): void {
  const normalized = normalizeCommand(raw);
  const requested = languageRequest(raw);
  const cmd = commandOf(normalized) ?? (requested === 'en' ? 'english' : requested === 'id' ? 'indonesian' : null);
  switch (cmd) {
    case 'menu':
      return showMenu(turn, { greet: false });
    case 'greeting':
      return showMenu(turn, { greet: true });
    case 'cancel':
      return cancel(turn);
    case 'english':
    case 'indonesian':
      useLanguage(turn, cmd === 'english' ? 'en' : 'id');
      turn.state.languageChosen = true;
      return showMenu(turn, { greet: false, note: turn.t.common.languageSwitched });
    case 'erase':
      turn.state.pending = null;
      turn.out.erase = true;
      say(turn, ...textReplies(turn.t.common.eraseConfirmed));
      return;
    default:
      break;
  }
  const pending = turn.state.pending;
  if (pending) {
    if (routePending(turn, pending, raw, normalized, cmd)) return;
    turn.state.pending = null;
  }
  if (/^\d{1,2}$/.test(normalized)) {
    const item = turn.content.menu[Number(normalized) - 1];
    if (item) {
      runAction(turn, { action: item.action, actionArg: item.actionArg, menuId: item.id }, null);
      return;
    }
  }
  if (routeKeyword(turn, raw, normalized)) return;
  if (cmd === 'skip') {
    say(turn, ...textReplies(turn.t.common.nothingToCancel));
    return;
  }
  if (cmd === 'thanks' || cmd === 'yes') {
    say(turn, ...textReplies(turn.t.common.thanks));
    return;
  }
  if (turn.ctx.message.forwarded > 0) {
    checkClaim(turn, raw, null);
    return;
  }
  // A bare place name ("surabaya", "kab malang") is a Radar lookup.
  if (normalized.split(' ').length <= 3) {
    const res = turn.know.resolveRegion(raw);
    if (res.kind !== 'none' && applyResolution(turn, res, 'radar')) return;
  }
  answerFreeText(turn, raw);
}

import type { SelfCheckContent, SelfCheckLevel } from '../../content/types.ts';
import { HANDOFF_PRIORITY } from '../handoff.ts';
import { buttonReplies, listReply, textReplies } from '../messages.ts';
import { LIMITS } from '../limits.ts';
import { replyIds } from '../reply-ids.ts';
import type { Pending } from '../state.ts';
import { citizenRegion, pick, say, type Turn } from '../turn.ts';
import { hospitalLines } from './hospital.ts';
import { handOff } from './hotline.ts';

/**
 * Cek mandiri: the questionnaire from content, answered by buttons, list rows, or typing the
 * label or number; the rules, levels and texts all come from content. "tinggi" hands over to a
 * volunteer at high priority with the nearest referral hospitals; "batal" cancels.
 */

type SelfCheckPending = Extract<Pending, { kind: 'selfcheck' }>;

function question(def: SelfCheckContent, id: string) {
  return def.questions.find(q => q.id === id);
}

function askQuestion(turn: Turn, def: SelfCheckContent, pending: SelfCheckPending, prefix: string | null): void {
  const { t } = turn;
  const q = question(def, pending.questionId);
  if (!q) {
    turn.state.pending = null;
    say(turn, ...textReplies(t.selfcheck.unavailable));
    return;
  }
  const index = def.questions.indexOf(q);
  const body = [prefix, `*${t.selfcheck.progress(index + 1, def.questions.length)}*\n${pick(turn, q.text, q.en?.text)}`]
    .filter(Boolean)
    .join('\n\n');
  const choices = q.answers.map(a => ({
    id: replyIds.selfcheck(q.id, a.id),
    title: pick(turn, a.label, a.en?.label),
    description: turn.lang === 'en' ? (a.en?.description ?? a.description ?? null) : (a.description ?? null),
  }));
  const fitsButtons = choices.length <= LIMITS.buttonsMax && choices.every(c => c.title.length <= LIMITS.buttonTitle);
  if (fitsButtons) {
    say(turn, ...buttonReplies({ body, shortBody: pick(turn, q.text, q.en?.text), footer: t.selfcheck.footer, buttons: choices }));
  } else {
    say(
      turn,
      listReply({
        body,
        footer: t.selfcheck.footer,
        button: t.selfcheck.listButton,
        sections: [{ title: t.selfcheck.listButton, rows: choices }],
      })
    );
  }
  turn.state.pending = pending;
  turn.out.feature = 'selfcheck';
}

export function startSelfCheck(turn: Turn): void {
  const def = turn.content.selfCheck;
  const logic = turn.know.selfCheck;
  if (!def || !logic) {
    say(turn, ...textReplies(turn.t.selfcheck.unavailable));
    turn.state.pending = null;
    return;
  }
  const intro = `*${pick(turn, def.title, def.title_en)}*\n${pick(turn, def.intro, def.intro_en)}`;
  askQuestion(turn, def, { kind: 'selfcheck', selfCheckId: def.id, questionId: logic.firstQuestion(), answers: {}, retries: 0 }, intro);
}

/** Asks the current question again (a tap on an older question's button). */
export function repeatQuestion(turn: Turn, pending: SelfCheckPending): void {
  const def = turn.content.selfCheck;
  if (!def || def.id !== pending.selfCheckId) {
    startSelfCheck(turn);
    return;
  }
  askQuestion(turn, def, pending, null);
}

/** An answer to the current question, tapped (id) or typed (text). */
export function answerSelfCheck(turn: Turn, pending: SelfCheckPending, input: { id?: string; text?: string }): void {
  const def = turn.content.selfCheck;
  const logic = turn.know.selfCheck;
  if (!def || !logic || def.id !== pending.selfCheckId) {
    // The questionnaire was changed while the citizen was answering: start the new one.
    startSelfCheck(turn);
    return;
  }
  const answerId = logic.parseAnswer(pending.questionId, input, turn.lang);
  if (answerId === null) {
    askQuestion(turn, def, { ...pending, retries: pending.retries + 1 }, turn.t.selfcheck.retry);
    return;
  }
  const answers = { ...pending.answers, [pending.questionId]: answerId };
  const step = logic.next(answers);
  if (step.kind === 'question') {
    askQuestion(turn, def, { ...pending, questionId: step.questionId, answers, retries: 0 }, null);
    return;
  }
  showResult(turn, def, step.level, step.emergency, step.advisories);
}

function nearestForResult(turn: Turn): string {
  const { t } = turn;
  const code = citizenRegion(turn);
  const region = code ? turn.content.regionsByCode.get(code) : undefined;
  if (region) {
    const near = turn.know.nearestHospitals(region.lat, region.lon, 3);
    return `${t.radar.nearest(t.radar.fromRegion(region.name))}\n${hospitalLines(turn, near, false)}\n${t.selfcheck.sendPin}`;
  }
  const main = turn.content.hospitals.filter(h => h.designation.includes('pemprov_rujukan_utama'));
  const lines = main.map(h => `• *${h.name}*${h.address ? `\n  ${h.address}` : ''}`).join('\n');
  return `${t.selfcheck.mainHospitals}\n${lines}\n${t.selfcheck.sendPin}`;
}

function showResult(turn: Turn, def: SelfCheckContent, level: SelfCheckLevel, emergency: boolean, advisoryIds: string[]): void {
  const { t } = turn;
  const l = def.levels[level];
  const advisories = advisoryIds
    .map(id => def.advisories[id])
    .filter(a => a !== undefined)
    .map(a => pick(turn, a.text, a.en?.text));
  const parts: Array<string | null> = [
    t.selfcheck.result(pick(turn, l.label, l.en?.label)),
    emergency ? pick(turn, def.emergency_addendum.text, def.emergency_addendum.en?.text) : null,
    pick(turn, l.recommendation, l.en?.recommendation),
    ...advisories,
  ];
  turn.state.pending = null;
  if (level === 'tinggi') {
    parts.push(nearestForResult(turn));
    const place = handOff(turn, emergency ? 'selfcheck-emergency' : 'selfcheck-tinggi', emergency ? HANDOFF_PRIORITY.emergency : HANDOFF_PRIORITY.high);
    parts.push(`${t.selfcheck.handedOff}\n${t.handoff.queue(place)}`);
  } else if (l.offer_relawan) {
    parts.push(t.selfcheck.offerVolunteer);
  }
  parts.push(`_${pick(turn, def.disclaimer, def.disclaimer_en)}_`, t.common.menuHint);
  say(turn, ...textReplies(parts.filter(Boolean).join('\n\n')));
  turn.out.signals.push({ kind: 'selfcheck', level });
  turn.out.feature = 'selfcheck';
  turn.out.answered = true;
}

/** "batal" during the questionnaire. */
export function cancelSelfCheck(turn: Turn): void {
  turn.state.pending = null;
  say(turn, ...textReplies(turn.t.selfcheck.cancelled));
  turn.out.feature = 'selfcheck';
}

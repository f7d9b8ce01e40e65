import { buttonReplies, textReplies } from '../messages.ts';
import { replyIds } from '../reply-ids.ts';
import { say, type Turn } from '../turn.ts';
import { showVerdict } from './hoax.ts';

/**
 * Tanya jawab: free text is matched against the known hoaxes first, then the FAQ. A confident
 * match is answered with the content's text as written; otherwise the citizen is offered a
 * volunteer (and the closest question, when there is one).
 */

/** Below this score the closest question is too far off to suggest ("harga beras" is not about incubation). */
export const DID_YOU_MEAN_MIN_SCORE = 0.3;

export function promptFaq(turn: Turn): void {
  say(turn, ...textReplies(turn.t.faq.prompt));
  turn.state.pending = { kind: 'faq' };
  turn.out.feature = 'faq';
}

export function showFaq(turn: Turn, faqId: string): boolean {
  const faq = turn.content.faqById.get(faqId);
  if (!faq) return false;
  const en = turn.lang === 'en' && faq.answerEn !== null;
  const question = en ? (faq.questionEn ?? faq.question) : faq.question;
  const answer = en ? (faq.answerEn as string) : faq.answer;
  const onlyIndonesian = turn.lang === 'en' && !en ? turn.t.faq.onlyIndonesian : null;
  const parts = [`❓ *${question}*`, onlyIndonesian, answer, turn.t.common.menuHint];
  say(turn, ...textReplies(parts.filter(Boolean).join('\n\n')));
  turn.state.pending = null;
  turn.out.feature = 'faq';
  turn.out.answered = true;
  return true;
}

/** Any free text outside a questionnaire. */
export function answerFreeText(turn: Turn, text: string): void {
  const match = turn.know.match(text);
  turn.state.pending = null;
  if (match?.confident && match.kind === 'hoax') {
    turn.out.signals.push({ kind: 'hoax-claim', text, mediaSha256: null, matchedHoaxId: match.id });
    if (showVerdict(turn, match.id)) return;
  }
  if (match?.confident && match.kind === 'faq' && showFaq(turn, match.id)) {
    turn.out.signals.push({ kind: 'faq', faqId: match.id, confident: true });
    return;
  }
  offerVolunteer(turn, match && match.kind === 'faq' && match.score >= DID_YOU_MEAN_MIN_SCORE ? match.id : null);
}

/** Not sure: the closest question if any, a volunteer, or the menu. */
function offerVolunteer(turn: Turn, faqId: string | null): void {
  const { t } = turn;
  const faq = faqId ? turn.content.faqById.get(faqId) : undefined;
  const question = faq ? (turn.lang === 'en' && faq.questionEn ? faq.questionEn : faq.question) : null;
  const body = [t.faq.notSure, question ? t.faq.didYouMean(question) : null, t.faq.offerVolunteer].filter(Boolean).join('\n\n');
  const buttons = [
    ...(faq ? [{ id: replyIds.faq(faq.id), title: t.faq.btnShow }] : []),
    { id: replyIds.volunteer(), title: t.common.btnVolunteer },
    { id: replyIds.mainMenu(), title: t.common.btnMenu },
  ];
  say(turn, ...buttonReplies({ body, shortBody: t.faq.offerVolunteer, buttons }));
  if (faq) turn.out.signals.push({ kind: 'faq', faqId: faq.id, confident: false });
  turn.state.pending = { kind: 'offer', faqId: faq?.id ?? null };
  turn.out.feature = 'faq';
}

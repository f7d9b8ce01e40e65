import { textReplies } from '../messages.ts';
import { say, type Turn } from '../turn.ts';

/**
 * Cek hoaks: a forwarded or pasted message is matched against the known hoaxes. Matched: the
 * verdict and the clarification as staff wrote it. Not matched: the citizen is told it is being
 * checked, and the claim goes to the hoax desk (a 'hoax-claim' signal).
 */

export function promptHoax(turn: Turn): void {
  say(turn, ...textReplies(turn.t.hoax.prompt));
  turn.state.pending = { kind: 'hoax' };
  turn.out.feature = 'hoax';
}

/** The verdict and clarification of a known hoax. */
export function showVerdict(turn: Turn, hoaxId: string): boolean {
  const hoax = turn.content.hoaxById.get(hoaxId);
  if (!hoax) return false;
  const { t } = turn;
  const clarification = turn.lang === 'en' && hoax.clarificationEn ? hoax.clarificationEn : hoax.clarification;
  const onlyIndonesian = turn.lang === 'en' && !hoax.clarificationEn ? t.hoax.onlyIndonesian : null;
  const parts = [t.hoax.title(t.hoax.verdicts[hoax.verdict]), onlyIndonesian, clarification, hoax.source ? `_${t.hoax.source(hoax.source)}_` : null, t.common.menuHint];
  say(turn, ...textReplies(parts.filter(Boolean).join('\n\n')));
  turn.out.feature = 'hoax';
  turn.out.answered = true;
  return true;
}

/** Checks a claim (text, or a forwarded picture known by its hash). */
export function checkClaim(turn: Turn, text: string | null, mediaSha256: string | null): void {
  turn.state.pending = null;
  const match = text ? turn.know.matchHoax(text) : null;
  const hoaxId = match && match.kind === 'hoax' && match.confident ? match.id : null;
  turn.out.signals.push({ kind: 'hoax-claim', text, mediaSha256, matchedHoaxId: hoaxId });
  if (hoaxId && showVerdict(turn, hoaxId)) return;
  say(turn, ...textReplies(`${turn.t.hoax.checking}\n\n${turn.t.common.menuHint}`));
  turn.out.feature = 'hoax';
  turn.out.answered = true;
}

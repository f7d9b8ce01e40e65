import { HANDOFF_PRIORITY, queuePosition } from '../handoff.ts';
import { buttonReplies, textReplies } from '../messages.ts';
import { replyIds } from '../reply-ids.ts';
import { say, type Turn } from '../turn.ts';
import { hotlineLines } from './hospital.ts';

/** Hotline & relawan: the numbers, and the handoff to a volunteer health worker. */

export function showHotlines(turn: Turn): void {
  const { t } = turn;
  const body = [t.hotline.title, hotlineLines(turn), t.hotline.offer].filter(Boolean).join('\n\n');
  say(
    turn,
    ...buttonReplies({
      body,
      shortBody: t.hotline.offer,
      buttons: [
        { id: replyIds.volunteer(), title: t.common.btnVolunteer },
        { id: replyIds.mainMenu(), title: t.common.btnMenu },
      ],
    })
  );
  turn.state.pending = { kind: 'offer', faqId: null };
  turn.out.feature = 'hotline';
  turn.out.answered = true;
}

/** Puts the conversation in the volunteer queue; returns the citizen's place in it. */
export function handOff(turn: Turn, reason: string, priority: number): number {
  turn.out.handoff = { priority, reason };
  turn.state.pending = null;
  return queuePosition(turn.ctx.db, turn.ctx.conversation.id, priority, turn.ctx.now);
}

/** The citizen asked for a volunteer ("relawan", the menu row, or a button). */
export function requestVolunteer(turn: Turn, reason: string): void {
  const { t } = turn;
  const place = handOff(turn, reason, HANDOFF_PRIORITY.normal);
  const hotlines = hotlineLines(turn);
  const parts = [t.handoff.connected, t.handoff.queue(place), hotlines ? `${t.hotline.title}\n${hotlines}` : null];
  say(turn, ...textReplies(parts.filter(Boolean).join('\n\n')));
  turn.out.feature = 'hotline';
}

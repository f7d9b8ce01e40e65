import { textReplies } from '../messages.ts';
import { pick, say, type Turn } from '../turn.ts';

/** Tips & rekomendasi: every published tip, as written, in one message. */
export function showTips(turn: Turn): void {
  const tips = turn.content.tips.map(tip => `*${pick(turn, tip.title, tip.titleEn)}*\n${pick(turn, tip.body, tip.bodyEn)}`);
  say(turn, ...textReplies([turn.t.tips.title, ...tips, turn.t.common.menuHint].join('\n\n')));
  turn.state.pending = null;
  turn.out.feature = 'tips';
  turn.out.answered = true;
}

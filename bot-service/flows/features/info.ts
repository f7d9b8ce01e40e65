import { formatDate } from '../format.ts';
import { textReplies } from '../messages.ts';
import { say, type Turn } from '../turn.ts';

/** Info terkini: the newest update staff published. */
export function showInfo(turn: Turn): void {
  const { t } = turn;
  const info = turn.content.latestInfo;
  if (!info) {
    say(turn, ...textReplies(`${t.info.none}\n\n${t.common.menuHint}`));
  } else {
    const en = turn.lang === 'en' && info.bodyEn !== null;
    const title = en ? (info.titleEn ?? info.title) : info.title;
    const body = en ? (info.bodyEn as string) : info.body;
    const onlyIndonesian = turn.lang === 'en' && !en ? t.info.onlyIndonesian : null;
    const parts = [t.info.title(formatDate(info.date, t)), onlyIndonesian, `*${title}*\n${body}`, t.common.menuHint];
    say(turn, ...textReplies(parts.filter(Boolean).join('\n\n')));
  }
  turn.state.pending = null;
  turn.out.feature = 'info';
  turn.out.answered = true;
}

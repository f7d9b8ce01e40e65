import { listReply } from '../messages.ts';
import { replyIds } from '../reply-ids.ts';
import { pick, say, type Turn } from '../turn.ts';

/**
 * The main menu as one WhatsApp list message (at most 10 rows). The body also lists each row's
 * number and keyword, for citizens who would rather type.
 */
export function showMenu(turn: Turn, o: { greet: boolean; note?: string }): void {
  const { t, content } = turn;
  const items = content.menu.slice(0, 10);
  const lines = items.map((m, i) => t.menu.line(i + 1, pick(turn, m.title, m.titleEn), m.keyword));
  const body = [
    ...(o.note ? [o.note] : []),
    ...(o.greet ? [t.menu.greeting(turn.ctx.contact.profileName)] : []),
    t.menu.intro,
    lines.join('\n'),
    t.menu.askAnything,
  ].join('\n\n');
  say(
    turn,
    listReply({
      header: t.menu.header,
      body,
      footer: t.common.footer,
      button: t.menu.button,
      sections: [
        {
          title: t.menu.section,
          rows: items.map(m => ({
            id: replyIds.menu(m.id),
            title: pick(turn, m.title, m.titleEn),
            description: turn.lang === 'en' ? (m.descriptionEn ?? m.description) : m.description,
          })),
        },
      ],
    })
  );
  turn.state.pending = null;
  turn.out.feature = 'menu';
}

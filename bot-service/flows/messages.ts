import { LIMITS, splitText, trimTo } from './limits.ts';
import type { FlowReply } from './types.ts';

/**
 * Builders for the three message shapes the bot sends. They make content fit WhatsApp's limits
 * (split, or trim a label with an ellipsis) instead of rewording it.
 */

export type Choice = { id: string; title: string; description?: string | null };

/** One text, split into several messages only when it is longer than WhatsApp allows. */
export function textReplies(body: string): FlowReply[] {
  return splitText(body).map(part => ({ body: { type: 'text', text: { body: part, preview_url: false } }, summary: part }));
}

function decorations(header: string | undefined, footer: string | undefined): Record<string, unknown> {
  return {
    ...(header ? { header: { type: 'text', text: trimTo(header, LIMITS.header) } } : {}),
    ...(footer ? { footer: { text: trimTo(footer, LIMITS.footer) } } : {}),
  };
}

/** Distinct titles: WhatsApp refuses two buttons with the same label. */
function uniqueTitles<T extends { title: string }>(items: T[], max: number): T[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    let title = trimTo(item.title, max);
    if (seen.has(title)) title = trimTo(`${i + 1}. ${item.title}`, max);
    seen.add(title);
    return { ...item, title };
  });
}

/**
 * Up to three reply buttons. A body longer than a button message allows goes first as text, and
 * the buttons follow under `shortBody`.
 */
export function buttonReplies(o: {
  body: string;
  shortBody: string;
  buttons: Choice[];
  header?: string;
  footer?: string;
}): FlowReply[] {
  const buttons = uniqueTitles(o.buttons.slice(0, LIMITS.buttonsMax), LIMITS.buttonTitle);
  const long = o.body.trim().length > LIMITS.buttonBody;
  const body = long ? o.shortBody : o.body.trim();
  const reply: FlowReply = {
    body: {
      type: 'interactive',
      interactive: {
        type: 'button',
        ...decorations(o.header, o.footer),
        body: { text: trimTo(body, LIMITS.buttonBody) },
        action: { buttons: buttons.map(b => ({ type: 'reply', reply: { id: b.id.slice(0, LIMITS.buttonId), title: b.title } })) },
      },
    },
    summary: `${body}\n[${buttons.map(b => b.title).join(' | ')}]`,
  };
  return long ? [...textReplies(o.body), reply] : [reply];
}

/** A list message: at most ten rows over all sections (extra rows are dropped, never sent). */
export function listReply(o: {
  body: string;
  button: string;
  sections: Array<{ title: string; rows: Choice[] }>;
  header?: string;
  footer?: string;
}): FlowReply {
  let left: number = LIMITS.rowsMax;
  const sections = o.sections
    .map(sec => {
      const rows = sec.rows.slice(0, Math.max(0, left));
      left -= rows.length;
      return { title: trimTo(sec.title, LIMITS.sectionTitle), rows };
    })
    .filter(sec => sec.rows.length > 0)
    .slice(0, LIMITS.sectionsMax);
  const body = trimTo(o.body, LIMITS.listBody);
  return {
    body: {
      type: 'interactive',
      interactive: {
        type: 'list',
        ...decorations(o.header, o.footer),
        body: { text: body },
        action: {
          button: trimTo(o.button, LIMITS.listButton),
          sections: sections.map(sec => ({
            title: sec.title,
            rows: uniqueTitles(sec.rows, LIMITS.rowTitle).map(r => ({
              id: r.id.slice(0, LIMITS.rowId),
              title: r.title,
              ...(r.description ? { description: trimTo(r.description, LIMITS.rowDescription) } : {}),
            })),
          })),
        },
      },
    },
    summary: `${body}\n[${sections.flatMap(s => s.rows.map(r => r.title)).join(' | ')}]`,
  };
}

/** Appends a paragraph to a reply's body text when it still fits; returns false otherwise. */
export function appendToBody(reply: FlowReply, paragraph: string): boolean {
  const b = reply.body as { type: string; text?: Record<string, string>; interactive?: { type: string; body: Record<string, string> } };
  let holder: Record<string, string>;
  let key: string;
  let max: number;
  if (b.type === 'text' && b.text) {
    [holder, key, max] = [b.text, 'body', LIMITS.textBody];
  } else if (b.type === 'interactive' && b.interactive) {
    [holder, key, max] = [b.interactive.body, 'text', b.interactive.type === 'list' ? LIMITS.listBody : LIMITS.buttonBody];
  } else {
    return false;
  }
  const next = `${holder[key]}\n\n${paragraph}`;
  if (next.length > max) return false;
  holder[key] = next;
  reply.summary = `${reply.summary}\n\n${paragraph}`;
  return true;
}

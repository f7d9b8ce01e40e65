import type { ReplyRequest } from '../contract/inbox.ts';
import type { Db } from '../db/open.ts';
import { getContent } from '../db/queries/content.ts';
import { textReplies } from '../flows/messages.ts';
import type { FlowReply } from '../flows/types.ts';
import { inboxCatalogue } from './catalogue.ts';

/**
 * Turns a volunteer's reply request into the messages to send: free text as typed, a canned
 * reply with its variables filled in, an FAQ answer or hospital details as published, or an
 * approved template with its parameters. Content is used as written, never reworded.
 */

export type ReplyContact = { language: string; profileName: string | null; regionCode: string | null };

export type Composed =
  | {
      ok: true;
      /** 'template' is the only kind that may go outside the 24-hour window. */
      kind: 'message' | 'template';
      parts: FlowReply[];
      /** What the citizen reads, for the console. */
      text: string;
      /** Ids of the content used, for the audit log (never the text). */
      refs: Record<string, string | number>;
    }
  | { ok: false; error: string };

const placeholder = /\{([a-z_]{1,32})\}/g;

/** Fills `{name}` placeholders; lists the names it had no value for. */
export function fillVariables(text: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(placeholder, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text: filled, missing: [...missing] };
}

/** Fills `{{1}}`, `{{2}}` ... with positional template parameters. */
export function fillTemplate(body: string, params: string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => params[Number(n) - 1] ?? whole);
}

/** How many positional parameters a template body takes (the highest {{n}}). */
export function templateParamCount(body: string): number {
  let max = 0;
  for (const m of body.matchAll(/\{\{(\d+)\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

export function composeReply(db: Db, request: ReplyRequest, contact: ReplyContact, volunteerName: string): Composed {
  const en = contact.language === 'en';
  const words = inboxCatalogue(contact.language);
  switch (request.kind) {
    case 'text':
      return { ok: true, kind: 'message', parts: textReplies(request.text), text: request.text, refs: {} };

    case 'canned': {
      const row = db
        .prepare('SELECT text, text_en FROM canned_replies WHERE id = ? AND active = 1 AND version > 0')
        .get(request.cannedId) as { text: string; text_en: string | null } | undefined;
      if (row === undefined) return { ok: false, error: `cannedId: no published canned reply ${request.cannedId}` };
      const region = contact.regionCode === null ? undefined : getContent(db).regionsByCode.get(contact.regionCode);
      const values = {
        nama: contact.profileName?.trim() || words.defaultName,
        wilayah: region?.name ?? words.unknownRegion,
        relawan: volunteerName,
        ...request.variables,
      };
      const { text, missing } = fillVariables(en && row.text_en ? row.text_en : row.text, values);
      if (missing.length > 0) return { ok: false, error: `variables: the canned reply needs ${missing.map(m => `{${m}}`).join(', ')}` };
      return { ok: true, kind: 'message', parts: textReplies(text), text, refs: { cannedId: request.cannedId } };
    }

    case 'faq': {
      const faq = getContent(db).faqById.get(request.faqId);
      if (faq === undefined) return { ok: false, error: `faqId: no published FAQ item ${request.faqId}` };
      const question = en && faq.questionEn ? faq.questionEn : faq.question;
      const answer = en && faq.answerEn ? faq.answerEn : faq.answer;
      const text = `*${question}*\n\n${answer}`;
      return { ok: true, kind: 'message', parts: textReplies(text), text, refs: { faqId: faq.id } };
    }

    case 'hospital': {
      const h = getContent(db).hospitals.find(x => x.id === request.hospitalId);
      if (h === undefined) return { ok: false, error: `hospitalId: no active hospital ${request.hospitalId}` };
      const lines = [`🏥 *${h.name}*`];
      if (h.address) lines.push(`${words.hospitalAddress}: ${h.address}`);
      if (h.phone) lines.push(`${words.hospitalPhone}: ${h.phone}`);
      // A region's label point is not the hospital: no map link for it.
      if (h.coordQuality !== 'approx_region_label_point') {
        lines.push(`${words.hospitalMap}: https://www.google.com/maps/search/?api=1&query=${h.lat},${h.lon}`);
      }
      const text = lines.join('\n');
      return { ok: true, kind: 'message', parts: textReplies(text), text, refs: { hospitalId: h.id } };
    }

    case 'template': {
      const t = db
        .prepare('SELECT name, language, body, param_count, approved, active, version FROM message_templates WHERE id = ?')
        .get(request.templateId) as
        | { name: string; language: string; body: string; param_count: number; approved: number; active: number; version: number }
        | undefined;
      if (t === undefined || t.version === 0 || t.active === 0) {
        return { ok: false, error: `templateId: no published template ${request.templateId}` };
      }
      if (t.approved !== 1) return { ok: false, error: `templateId: template ${t.name} is not approved by Meta` };
      if (request.params.length !== t.param_count) {
        return { ok: false, error: `params: template ${t.name} takes ${t.param_count} parameters, got ${request.params.length}` };
      }
      const text = fillTemplate(t.body, request.params);
      const body = {
        type: 'template',
        template: {
          name: t.name,
          language: { code: t.language },
          ...(request.params.length > 0
            ? { components: [{ type: 'body', parameters: request.params.map(p => ({ type: 'text', text: p })) }] }
            : {}),
        },
      };
      return { ok: true, kind: 'template', parts: [{ body, summary: text }], text, refs: { templateId: request.templateId } };
    }
  }
}

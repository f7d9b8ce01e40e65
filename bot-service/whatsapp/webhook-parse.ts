import { z } from 'zod';

/**
 * Parsing of Meta's webhook envelope (spec §3–§7) into what the journal stores.
 *
 * Unknown keys and unknown message types are kept (the raw message is stored whole), unknown
 * `field`s are skipped; only shapes we cannot attribute or key are rejected.
 */

const epochSeconds = z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]).transform(Number);

const errorSchema = z.looseObject({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() });

const messageSchema = z.looseObject({
  id: z.string().min(1).max(512),
  timestamp: epochSeconds,
  type: z.string().min(1).max(64),
  from: z.string().min(1).max(256).optional(),
  from_user_id: z.string().min(1).max(256).optional(),
  context: z
    .looseObject({
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
    })
    .optional(),
});

const statusSchema = z.looseObject({
  id: z.string().min(1).max(512),
  status: z.string().min(1).max(32),
  timestamp: epochSeconds,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  errors: z.array(errorSchema).optional(),
});

const contactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});

const valueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: z.string().min(1), display_phone_number: z.string().optional() }).optional(),
  contacts: z.array(contactSchema).optional(),
  messages: z.array(messageSchema).optional(),
  statuses: z.array(statusSchema).optional(),
  errors: z.array(errorSchema).optional(),
});

const envelopeSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    })
  ),
});

export type ParsedMessage = {
  wamid: string;
  /** The contact key: wa_id, or the business-scoped user id where wa_id is absent. */
  waKey: string;
  waId: string | null;
  userId: string | null;
  profileName: string | null;
  type: string;
  /** What a person reads: text body, caption, tapped title, place name. */
  text: string | null;
  /** 0 no, 1 forwarded, 2 frequently forwarded. */
  forwarded: 0 | 1 | 2;
  timestamp: number;
  payload: Record<string, unknown>;
  /** The message object as JSON, serialised once here (the journal stores it). */
  payloadJson: string;
};

export type ParsedStatus = {
  wamid: string;
  status: string;
  timestamp: number;
  errors: unknown[] | null;
};

export type ParsedWebhook = {
  messages: ParsedMessage[];
  statuses: ParsedStatus[];
  /** Changes skipped because they were for another number or another field. */
  skipped: { otherNumber: string[]; otherField: string[] };
  /** `value.errors` reported by Meta (system or account level): logged, never answered. */
  valueErrors: unknown[];
};

export class WebhookShapeError extends Error {}

function describeIssue(error: z.ZodError, where: string): string {
  const issue = error.issues[0];
  const path = issue ? issue.path.join('.') : '';
  return `${where}${path ? '.' + path : ''}: ${issue?.message ?? 'invalid'}`;
}

function readableText(m: z.infer<typeof messageSchema>): string | null {
  const part = (m as Record<string, unknown>)[m.type];
  if (part === null || typeof part !== 'object') {
    return null;
  }
  const p = part as Record<string, unknown>;
  const pick = (...values: unknown[]): string | null => {
    for (const v of values) {
      if (typeof v === 'string' && v !== '') {
        return v;
      }
    }
    return null;
  };
  switch (m.type) {
    case 'text':
      return pick(p.body);
    case 'interactive': {
      const reply = (p.button_reply ?? p.list_reply ?? p.nfm_reply) as Record<string, unknown> | undefined;
      return reply ? pick(reply.title, reply.body) : null;
    }
    case 'button':
      return pick(p.text, p.payload);
    case 'location':
      return pick(p.name, p.address);
    case 'reaction':
      return pick(p.emoji);
    case 'image':
    case 'video':
    case 'document':
      return pick(p.caption, p.filename);
    case 'system':
      return pick(p.body);
    default:
      return null;
  }
}

/** Parses a webhook body already decoded from JSON, keeping only changes for our number. */
export function parseWebhook(body: unknown, ourPhoneNumberId: string): ParsedWebhook {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw new WebhookShapeError(describeIssue(envelope.error, 'body'));
  }
  if (envelope.data.object !== 'whatsapp_business_account') {
    throw new WebhookShapeError(`body.object: expected "whatsapp_business_account", got "${envelope.data.object}"`);
  }
  const result: ParsedWebhook = { messages: [], statuses: [], skipped: { otherNumber: [], otherField: [] }, valueErrors: [] };
  envelope.data.entry.forEach((entry, e) => {
    entry.changes.forEach((change, c) => {
      const where = `entry.${e}.changes.${c}`;
      if (change.field !== 'messages') {
        result.skipped.otherField.push(change.field);
        return;
      }
      const value = valueSchema.safeParse(change.value);
      if (!value.success) {
        throw new WebhookShapeError(describeIssue(value.error, `${where}.value`));
      }
      const v = value.data;
      const numberId = v.metadata?.phone_number_id;
      if (numberId !== ourPhoneNumberId) {
        result.skipped.otherNumber.push(numberId ?? '(none)');
        return;
      }
      if (v.errors) {
        result.valueErrors.push(...v.errors);
      }
      for (const [i, m] of (v.messages ?? []).entries()) {
        const contact = (v.contacts ?? []).find(
          ct => (m.from !== undefined && ct.wa_id === m.from) || (m.from_user_id !== undefined && ct.user_id === m.from_user_id)
        );
        const waId = m.from ?? contact?.wa_id ?? null;
        const userId = m.from_user_id ?? contact?.user_id ?? null;
        const waKey = waId ?? userId;
        if (waKey === null) {
          throw new WebhookShapeError(`${where}.value.messages.${i}: no sender (from, from_user_id or a matching contact)`);
        }
        const ctx = m.context;
        let payloadJson: string;
        try {
          payloadJson = JSON.stringify(m);
        } catch {
          // e.g. nested thousands of levels deep: it can never be stored, so say so instead of failing forever.
          throw new WebhookShapeError(`${where}.value.messages.${i}: cannot be stored (nested too deeply)`);
        }
        result.messages.push({
          wamid: m.id,
          waKey,
          waId,
          userId,
          profileName: contact?.profile?.name ?? null,
          type: m.type,
          text: readableText(m),
          forwarded: ctx?.frequently_forwarded ? 2 : ctx?.forwarded ? 1 : 0,
          timestamp: m.timestamp,
          payload: m as Record<string, unknown>,
          payloadJson,
        });
      }
      for (const s of v.statuses ?? []) {
        result.statuses.push({ wamid: s.id, status: s.status, timestamp: s.timestamp, errors: s.errors ?? null });
      }
    });
  });
  return result;
}

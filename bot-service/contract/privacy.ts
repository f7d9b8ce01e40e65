import { z } from 'zod';
import type { RouteDescription } from './auth.ts';

/**
 * Personal data: revealing a contact's number and erasing a contact (issue 4). Both are audited
 * with the reason given. Officials never get either.
 */

/** Why the number is needed / why the data is erased; kept in the audit log. */
export const PrivacyReason = z.string().trim().min(3, 'at least 3 characters').max(500, 'at most 500 characters');

export const ContactIdParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const RevealRequest = z.strictObject({ reason: PrivacyReason });
export type RevealRequest = z.infer<typeof RevealRequest>;

/** The number as WhatsApp gives it (digits, no "+"), or the business-scoped user id when there is no number. */
export const RevealResponse = z.object({ phone: z.string() });
export type RevealResponse = z.infer<typeof RevealResponse>;

export const EraseRequest = z.strictObject({ reason: PrivacyReason });
export type EraseRequest = z.infer<typeof EraseRequest>;

/** How many rows lost their personal data; counts and statistics stay. */
export const EraseResponse = z.object({
  contactId: z.number().int(),
  erased: z.object({
    inboundMessages: z.number().int(),
    outboundMessages: z.number().int(),
    webhookEvents: z.number().int(),
    events: z.number().int(),
    notes: z.number().int(),
    /** Rows of other tables that refer to the contact or its conversations (text columns blanked or rows removed). */
    otherRows: z.number().int(),
    /** Replies still queued: cancelled, as there is no number left to send them to. */
    cancelledOutbound: z.number().int(),
  }),
});
export type EraseResponse = z.infer<typeof EraseResponse>;

export const routes = [
  {
    method: 'POST',
    url: '/api/contacts/:id/reveal',
    // Volunteers: only while a conversation of this contact is assigned to them.
    roles: ['admin', 'supervisor', 'volunteer'],
    request: RevealRequest,
    response: RevealResponse,
  },
  { method: 'POST', url: '/api/contacts/:id/erase', roles: ['admin', 'supervisor'], request: EraseRequest, response: EraseResponse },
] as const satisfies readonly RouteDescription[];

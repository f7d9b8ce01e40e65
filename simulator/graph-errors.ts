/**
 * Graph API error answers, shaped like Meta's (spec §8 "Error response", §10).
 */
import { newFbtraceId } from './ids.ts';
import type { WebhookErrorObject } from './webhook-types.ts';

export type GraphErrorBody = {
  error: {
    message: string;
    type: string;
    code: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    error_subcode?: number;
    is_transient?: boolean;
    fbtrace_id: string;
  };
};

type Known = { title: string; details: string; http: number };

// Titles and details as Meta words them; HTTP statuses as Meta commonly answers
// (the spec says to branch on `code`, never on the status).
const KNOWN: Record<number, Known> = {
  1: { title: 'An unknown error occurred', details: 'Invalid request or possible server error.', http: 500 },
  2: { title: 'Service temporarily unavailable', details: 'Temporary due to downtime or due to being overloaded.', http: 503 },
  4: { title: 'Application request limit reached', details: 'The app has reached its API call rate limit.', http: 400 },
  100: { title: 'Invalid parameter', details: 'The request included one or more unsupported or misspelled parameters.', http: 400 },
  130429: { title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.', http: 400 },
  130472: { title: "User's number is part of an experiment", details: 'Failed to send message because this user\'s phone number is part of an experiment.', http: 400 },
  131000: { title: 'Something went wrong', details: 'Message failed to send due to an unknown error.', http: 500 },
  131008: { title: 'Required parameter is missing', details: 'The request is missing a required parameter.', http: 400 },
  131009: { title: 'Parameter value is not valid', details: 'One or more parameter values are invalid.', http: 400 },
  131016: { title: 'Service unavailable', details: 'A service is temporarily unavailable.', http: 503 },
  131021: { title: 'Recipient cannot be sender', details: 'Sender and recipient phone number is the same.', http: 400 },
  131026: {
    title: 'Message Undeliverable',
    details: 'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted the new Terms of Service; the recipient is using an old WhatsApp version.',
    http: 400,
  },
  131047: {
    title: 'Re-engagement message',
    details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    http: 400,
  },
  131048: { title: 'Spam rate limit hit', details: 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.', http: 400 },
  131051: { title: 'Unsupported message type', details: 'Message type is not currently supported.', http: 400 },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
    http: 400,
  },
  131057: { title: 'Account in maintenance mode', details: 'Business Account is in maintenance mode.', http: 400 },
  132000: { title: 'Number of parameters does not match the expected number of params', details: 'The number of variable parameter values does not match the template.', http: 400 },
  132001: { title: 'Template does not exist', details: 'The template does not exist in the specified language or the template has not been approved.', http: 400 },
  368: { title: 'Temporarily blocked for policies violations', details: 'The WhatsApp Business Account is restricted.', http: 400 },
};

export function knownErrorTitle(code: number): string {
  return KNOWN[code]?.title ?? 'Simulated error';
}

/** The HTTP status Meta usually pairs with this code. */
export function defaultHttpStatus(code: number): number {
  if (code === 190) return 401;
  return KNOWN[code]?.http ?? 400;
}

/** A WhatsApp send error body: `(#code) Title` with `error_data.details`; `title` overrides the usual one. */
export function graphError(code: number, details?: string, title?: string): GraphErrorBody {
  const known = KNOWN[code];
  const body: GraphErrorBody = {
    error: {
      message: `(#${code}) ${title ?? known?.title ?? 'Simulated error'}`,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details: details ?? known?.details ?? 'Simulated error.' },
      fbtrace_id: newFbtraceId(),
    },
  };
  if (code === 1 || code === 2 || code === 131016 || code === 131000) body.error.is_transient = true;
  return body;
}

/** 190: what Graph answers for a token it cannot parse or that is not valid. */
export function invalidTokenError(): GraphErrorBody {
  return {
    error: {
      message: 'Invalid OAuth access token - Cannot parse access token',
      type: 'OAuthException',
      code: 190,
      fbtrace_id: newFbtraceId(),
    },
  };
}

/** 100/33: what Graph answers for a node id (phone number id) that does not exist. */
export function unknownObjectError(id: string): GraphErrorBody {
  return {
    error: {
      message: `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
      fbtrace_id: newFbtraceId(),
    },
  };
}

/** The error object inside `statuses[].errors` of a `failed` status webhook. */
export function webhookError(code: number, details?: string): WebhookErrorObject {
  const known = KNOWN[code];
  const title = known?.title ?? 'Simulated error';
  return {
    code,
    title,
    message: title,
    error_data: { details: details ?? known?.details ?? 'Simulated error.' },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}

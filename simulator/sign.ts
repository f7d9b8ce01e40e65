/**
 * Serialise and sign webhook bodies the way Meta does.
 *
 * Meta signs an escaped-unicode form of the JSON: every non-ASCII UTF-16 code
 * unit is written as `\uXXXX` with lowercase hex (so an emoji becomes a
 * surrogate pair of escapes), and `/` is written `\/`. A bot that re-serialises
 * the parsed body instead of hashing the raw bytes fails exactly here.
 */
import { createHmac } from 'node:crypto';

export type MetaJsonOptions = {
  /** write `/` as `\/` like Meta's serialiser; default true */
  escapeSlashes?: boolean;
};

export function toMetaJson(value: unknown, options: MetaJsonOptions = {}): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('value cannot be serialised to JSON');
  const escaped = json.replace(/[\u0080-\uffff]/g, ch => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
  return options.escapeSlashes === false ? escaped : escaped.replace(/\//g, '\\/');
}

/** `sha256=` + lowercase hex HMAC-SHA256 of the exact bytes, keyed with the app secret. */
export function signatureFor(raw: string | Uint8Array, appSecret: string): string {
  return 'sha256=' + createHmac('sha256', appSecret).update(raw).digest('hex');
}

/** The legacy SHA-1 header Meta still sends next to the SHA-256 one. */
export function legacySignatureFor(raw: string | Uint8Array, appSecret: string): string {
  return 'sha1=' + createHmac('sha1', appSecret).update(raw).digest('hex');
}

export type PostResult = { status: number; text: string };

export type PostWebhookOptions = {
  timeoutMs?: number;
  /** override the signature header: a string to send as is, null to send none */
  signature?: string | null;
  escapeSlashes?: boolean;
};

/**
 * POST a body object as Meta would: escaped JSON, signed, `application/json`.
 * Network failures and timeouts reject; any HTTP answer resolves.
 */
export async function postWebhook(
  url: string,
  body: unknown,
  appSecret: string,
  options: PostWebhookOptions = {}
): Promise<PostResult> {
  const raw = toMetaJson(body, { escapeSlashes: options.escapeSlashes ?? true });
  return postRawWebhook(url, raw, appSecret, options);
}

/** POST already serialised bytes, signed with the app secret (unless overridden). */
export async function postRawWebhook(
  url: string,
  raw: string,
  appSecret: string,
  options: PostWebhookOptions = {}
): Promise<PostResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'facebookexternalua',
  };
  const signature = options.signature === undefined ? signatureFor(raw, appSecret) : options.signature;
  if (signature !== null) {
    headers['x-hub-signature-256'] = signature;
    if (options.signature === undefined) headers['x-hub-signature'] = legacySignatureFor(raw, appSecret);
  }
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: raw,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  return { status: res.status, text: await res.text() };
}

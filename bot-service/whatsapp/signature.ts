import { createHmac, timingSafeEqual } from 'node:crypto';

const headerPattern = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Meta's `X-Hub-Signature-256` over the raw body bytes, in constant time.
 *
 * The HMAC must be computed on the bytes exactly as received: re-serialising the JSON changes
 * escaped Unicode and breaks signatures for messages with emoji.
 */
export function isValidSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (header === undefined || appSecret === '') {
    return false;
  }
  const match = headerPattern.exec(header.trim());
  if (match === null) {
    return false;
  }
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(match[1]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `sha256=<hex>` for a body, as Meta sends it; used by the simulator and tests. */
export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return 'sha256=' + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

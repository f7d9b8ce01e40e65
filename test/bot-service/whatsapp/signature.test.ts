import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidSignature, signBody } from '../../../bot-service/whatsapp/signature.ts';

describe('whatsapp/signature', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
  const good = 'sha256=' + createHmac('sha256', 'secret').update(body).digest('hex');

  it('accepts Meta\'s signature of the exact bytes', () => {
    expect(isValidSignature(body, good, 'secret')).toBe(true);
    expect(isValidSignature(body, good.toUpperCase().replace('SHA256=', 'sha256='), 'secret')).toBe(true);
    expect(signBody(body, 'secret')).toBe(good);
  });

  it('rejects a missing, malformed, truncated or wrong signature, and an empty secret', () => {
    expect(isValidSignature(body, undefined, 'secret')).toBe(false);
    expect(isValidSignature(body, 'sha1=abc', 'secret')).toBe(false);
    expect(isValidSignature(body, good.slice(0, -2), 'secret')).toBe(false);
    expect(isValidSignature(body, good, 'other')).toBe(false);
    expect(isValidSignature(Buffer.from(body.toString() + ' '), good, 'secret')).toBe(false);
    expect(isValidSignature(body, good, '')).toBe(false);
  });
});

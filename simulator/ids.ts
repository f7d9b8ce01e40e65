import { randomBytes, randomInt } from 'node:crypto';

/**
 * A WhatsApp message id like Meta's: `wamid.` + base64.
 *
 * Real wamids are base64 of a small binary record that holds the number and a
 * random hex key (`wamid.HBgNNjI4…`); we build the same layout so ids look and
 * sort like real ones, and are unique.
 */
export function newWamid(waId?: string): string {
  const number = Buffer.from(waId && /^\d{1,30}$/.test(waId) ? waId : randomDigits(13), 'ascii');
  const key = Buffer.from(randomBytes(10).toString('hex').toUpperCase(), 'ascii');
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, number.length]),
    number,
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, key.length]),
    key,
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}

/** Epoch seconds as a string, the way Meta writes every timestamp. */
export function epochSeconds(ms: number = Date.now()): string {
  return String(Math.floor(ms / 1000));
}

/** A numeric id like Meta's media ids (15–16 digits). */
export function newMediaId(): string {
  return String(randomInt(1, 10)) + randomDigits(15);
}

/** The opaque trace id Graph puts in every error answer. */
export function newFbtraceId(): string {
  return randomBytes(17).toString('base64').replace(/[+/=]/g, '').slice(0, 23);
}

function randomDigits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(randomInt(0, 10));
  return s;
}

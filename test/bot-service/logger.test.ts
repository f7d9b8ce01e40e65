import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../bot-service/config.ts';
import { createLogger } from '../../bot-service/logger.ts';

describe('logger', () => {
  it('never writes tokens, secrets, passwords or signatures', () => {
    let out = '';
    const sink = new Writable({ write(chunk, _enc, done) { out += String(chunk); done(); } });
    const log = createLogger('info', sink);
    const config = readConfig({ WA_APP_SECRET: 'app-secret-XYZ', WA_VERIFY_TOKEN: 'verify-XYZ', WA_ACCESS_TOKEN: 'EAAG-token-XYZ', WA_PHONE_NUMBER_ID: '123' });
    log.info({ wa: config.wa }, 'settings');
    log.info({ req: { headers: { authorization: 'Bearer session-XYZ', 'x-hub-signature-256': 'sha256=abcXYZ' } } }, 'request');
    log.info({ user: { password: 'hunter2-XYZ', token: 'tok-XYZ' } }, 'login');
    expect(out).not.toMatch(/XYZ/);
    expect(out).toContain('[redacted]');
    expect(out).toContain('123'); // what is not secret stays readable
  });
});

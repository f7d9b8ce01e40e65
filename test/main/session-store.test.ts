import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearSessionToken,
  readSessionToken,
  writeSessionToken,
  type TokenCipher,
} from '../../main/session-store.ts';

/** A real AES-256-GCM cipher standing in for the OS keychain (safeStorage in production). */
function aesCipher(options: { available?: boolean; rotateOnRead?: boolean } = {}) {
  let key = randomBytes(32);
  const state = { available: options.available ?? true, encryptions: 0 };
  const cipher: TokenCipher = {
    isAvailable: async () => state.available,
    encrypt: async plainText => {
      state.encryptions += 1;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plainText, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt: async encrypted => {
      const bytes = Buffer.from(encrypted);
      const d = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      d.setAuthTag(bytes.subarray(12, 28));
      const value = Buffer.concat([d.update(bytes.subarray(28)), d.final()]).toString('utf8');
      return { value, shouldReEncrypt: options.rotateOnRead === true };
    },
  };
  return { cipher, state, resetKey: () => (key = randomBytes(32)) };
}

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbi0xMjM.sig-456';
let dir = '';
let path = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-session-'));
  path = join(dir, 'session.bin');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('main/session-store', () => {
  it('stores the token encrypted and reads it back', async () => {
    const { cipher } = aesCipher();
    await expect(writeSessionToken(path, TOKEN, cipher)).resolves.toEqual({ ok: true });
    const onDisk = readFileSync(path);
    expect(onDisk.includes(Buffer.from(TOKEN))).toBe(false);
    expect(onDisk.includes(Buffer.from('c2Vzc2lvbi0xMjM'))).toBe(false);
    await expect(readSessionToken(path, cipher)).resolves.toBe(TOKEN);
  });

  it('refuses to store when encryption is unavailable, and forgets an older token', async () => {
    const { cipher, state } = aesCipher();
    await writeSessionToken(path, 'older-token', cipher);
    state.available = false;
    await expect(writeSessionToken(path, TOKEN, cipher)).resolves.toEqual({ ok: false, reason: 'encryption-unavailable' });
    expect(existsSync(path)).toBe(false);
    await expect(readSessionToken(path, cipher)).resolves.toBeNull();
  });

  it('never writes a plain-text file when encryption is unavailable from the start', async () => {
    const { cipher } = aesCipher({ available: false });
    await writeSessionToken(path, TOKEN, cipher);
    expect(existsSync(path)).toBe(false);
    await expect(readSessionToken(path, cipher)).resolves.toBeNull();
  });

  it('reads null when the keychain changed and removes the undecryptable file', async () => {
    const { cipher, resetKey } = aesCipher();
    await writeSessionToken(path, TOKEN, cipher);
    resetKey();
    await expect(readSessionToken(path, cipher)).resolves.toBeNull();
    expect(existsSync(path)).toBe(false);
  });

  it('reads null for a corrupt file', async () => {
    const { cipher } = aesCipher();
    writeFileSync(path, 'garbage');
    await expect(readSessionToken(path, cipher)).resolves.toBeNull();
  });

  it('re-encrypts when the OS says the key rotated', async () => {
    const { cipher, state } = aesCipher({ rotateOnRead: true });
    await writeSessionToken(path, TOKEN, cipher);
    const first = readFileSync(path);
    await expect(readSessionToken(path, cipher)).resolves.toBe(TOKEN);
    expect(state.encryptions).toBe(2);
    expect(readFileSync(path).equals(first)).toBe(false);
  });

  it('refuses tokens that are not bearer tokens', async () => {
    const { cipher } = aesCipher();
    for (const bad of ['', 'has space', 'line\nbreak', 'x'.repeat(5000)]) {
      await expect(writeSessionToken(path, bad, cipher)).resolves.toEqual({ ok: false, reason: 'invalid-token' });
    }
    expect(existsSync(path)).toBe(false);
  });

  it('clears the token, also when there is none', async () => {
    const { cipher } = aesCipher();
    await writeSessionToken(path, TOKEN, cipher);
    clearSessionToken(path);
    clearSessionToken(path);
    await expect(readSessionToken(path, cipher)).resolves.toBeNull();
  });
});

/**
 * Keeps the console's session token on disk, encrypted by the OS keychain.
 *
 * The cipher is injected: Electron's safeStorage in production, a real AES cipher in tests.
 * When encryption is unavailable the token is NOT stored (the user logs in again next time):
 * a bearer token in a plain file is a login anyone with the file can reuse.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const SESSION_FILE_NAME = 'session.bin';

/** Longer than any token bot-service issues; a longer one is not ours. */
const MAX_TOKEN_LENGTH = 4096;

/** The encrypt/decrypt pair; matches Electron's async safeStorage API. */
export type TokenCipher = {
  isAvailable(): Promise<boolean>;
  encrypt(plainText: string): Promise<Uint8Array>;
  /** `shouldReEncrypt`: the OS rotated the key; write the value again with the new one. */
  decrypt(encrypted: Uint8Array): Promise<{ value: string; shouldReEncrypt: boolean }>;
};

export type SessionWriteResult =
  | { ok: true }
  | { ok: false; reason: 'encryption-unavailable' | 'invalid-token' };

/** A token is printable ASCII without spaces (bearer token syntax, RFC 6750 b64token and more). */
export function isValidSessionToken(token: unknown): token is string {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return false;
  return /^[\x21-\x7e]+$/.test(token);
}

/** Remove the stored token; no error when there is none. */
export function clearSessionToken(path: string): void {
  rmSync(path, { force: true });
}

/**
 * Encrypt and store the token. Refuses (and forgets any older token) when encryption is
 * unavailable, so a stale token never outlives the session the user just started.
 */
export async function writeSessionToken(path: string, token: string, cipher: TokenCipher): Promise<SessionWriteResult> {
  if (!isValidSessionToken(token)) return { ok: false, reason: 'invalid-token' };
  if (!(await cipher.isAvailable())) {
    clearSessionToken(path);
    return { ok: false, reason: 'encryption-unavailable' };
  }
  const encrypted = await cipher.encrypt(token);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, encrypted, { mode: 0o600 });
  renameSync(temp, path);
  return { ok: true };
}

/**
 * The stored token, or null: none stored, encryption unavailable, or a file that no longer
 * decrypts (another OS user, a reset keychain). An undecryptable file is removed.
 */
export async function readSessionToken(path: string, cipher: TokenCipher): Promise<string | null> {
  let encrypted: Uint8Array;
  try {
    encrypted = readFileSync(path);
  } catch {
    return null;
  }
  if (!(await cipher.isAvailable())) return null;
  let decrypted: { value: string; shouldReEncrypt: boolean };
  try {
    decrypted = await cipher.decrypt(encrypted);
  } catch {
    clearSessionToken(path);
    return null;
  }
  if (!isValidSessionToken(decrypted.value)) {
    clearSessionToken(path);
    return null;
  }
  if (decrypted.shouldReEncrypt) await writeSessionToken(path, decrypted.value, cipher);
  return decrypted.value;
}

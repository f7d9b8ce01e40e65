import { describe, expect, it } from 'vitest';
import type { IpcChannel, IpcResult } from '../../preload/contract.ts';
import { createIpcHandle, IpcHandlerError, type IpcListener, type IpcRegistrar } from '../../main/ipc.ts';
import { isTrustedSender } from '../../main/ipc-sender.ts';
import { ipcValidators } from '../../main/ipc-validators.ts';

/** Stands in for ipcMain: keeps the listeners so the test can invoke them like Electron does. */
class FakeRegistrar implements IpcRegistrar {
  readonly listeners = new Map<string, IpcListener>();

  handle(channel: string, listener: IpcListener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }

  invoke(channel: string, frameUrl: string | null, ...args: unknown[]): Promise<IpcResult<unknown>> {
    const listener = this.listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    const senderFrame = frameUrl === null ? null : { url: frameUrl, parent: null };
    return listener({ senderFrame }, ...args) as Promise<IpcResult<unknown>>;
  }
}

const CONSOLE = 'http://127.0.0.1:8080/console/';

function setUp() {
  const registrar = new FakeRegistrar();
  const logs: string[] = [];
  const calls: Array<{ channel: string; args: unknown[] }> = [];
  const handle = createIpcHandle({
    registrar,
    isTrustedSender: frame => isTrustedSender(frame, { serviceUrl: 'http://127.0.0.1:8080' }),
    log: line => logs.push(line),
  });
  return { registrar, logs, calls, handle };
}

describe('main/ipc handle()', () => {
  it('runs the handler for a trusted sender with valid arguments and wraps the value', async () => {
    const { registrar, handle, calls } = setUp();
    handle('badge:set', (count, lang) => {
      calls.push({ channel: 'badge:set', args: [count, lang] });
      return { text: String(count) };
    });
    await expect(registrar.invoke('badge:set', CONSOLE, 7, 'id')).resolves.toEqual({ ok: true, value: { text: '7' } });
    expect(calls).toEqual([{ channel: 'badge:set', args: [7, 'id'] }]);
  });

  it('refuses an untrusted sender before looking at the arguments', async () => {
    const { registrar, handle, calls, logs } = setUp();
    handle('session:get', () => {
      calls.push({ channel: 'session:get', args: [] });
      return 'secret-token';
    });
    for (const url of ['https://evil.example/console/', 'file:///tmp/x.html', null]) {
      const result = await registrar.invoke('session:get', url);
      expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      expect(JSON.stringify(result)).not.toContain('secret-token');
    }
    expect(calls).toEqual([]);
    expect(logs.every(line => line.includes('refused sender'))).toBe(true);
  });

  it('refuses a subframe of our own page', async () => {
    const { registrar, handle } = setUp();
    handle('session:get', () => 'secret-token');
    const listener = registrar.listeners.get('session:get')!;
    const result = await listener({ senderFrame: { url: CONSOLE, parent: { url: CONSOLE, parent: null } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it.each<[IpcChannel, unknown[]]>([
    ['badge:set', ['7', 'id']],
    ['badge:set', [-1, 'id']],
    ['badge:set', [2.5, 'id']],
    ['badge:set', [3, 'fr']],
    ['badge:set', [3]],
    ['notify:show', [{ kind: 'citizen-waiting', lang: 'id', waitingCount: 2 }]],
    ['notify:show', [{ kind: 'citizen-waiting', lang: 'id', waitingCount: 2, priority: 'high', phone: '6281234567890' }]],
    ['notify:show', [{ kind: 'high-risk-checkup', lang: 'id', messageText: 'saya demam' }]],
    ['notify:show', [{ kind: 'something-else', lang: 'id' }]],
    ['notify:show', ['Warga menunggu']],
    ['files:save', [{ defaultName: 'laporan.pdf', format: 'exe', bytes: new Uint8Array(1) }]],
    ['files:save', [{ defaultName: 'laporan.pdf', format: 'pdf', bytes: 'not bytes' }]],
    ['files:save', [{ defaultName: 'laporan.pdf', format: 'pdf', bytes: new Uint8Array(1), path: '/etc/cron.d/x' }]],
    ['session:set', ['']],
    ['session:set', ['token with spaces']],
    ['session:set', [42]],
    ['session:get', ['extra']],
    ['settings:set-service-url', ['javascript:alert(1)']],
    ['settings:set-service-url', ['http://user:pw@127.0.0.1:8080']],
    ['settings:set-service-url', []],
  ])('refuses %s with invalid arguments %j without calling the handler', async (channel, args) => {
    const { registrar, handle } = setUp();
    let called = false;
    const handler = () => {
      called = true;
      return null as never;
    };
    handle(channel, handler);
    const result = await registrar.invoke(channel, CONSOLE, ...args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(called).toBe(false);
  });

  it('passes the normalised service address to the handler', async () => {
    const { registrar, handle } = setUp();
    const seen: string[] = [];
    handle('settings:set-service-url', url => {
      seen.push(url);
      return url;
    });
    await expect(registrar.invoke('settings:set-service-url', CONSOLE, ' HTTPS://Posko.Example.go.id/ ')).resolves.toEqual({
      ok: true,
      value: 'https://posko.example.go.id',
    });
    expect(seen).toEqual(['https://posko.example.go.id']);
  });

  it('turns handler errors into results instead of rejections', async () => {
    const { registrar, handle, logs } = setUp();
    handle('session:set', () => {
      throw new IpcHandlerError('encryption-unavailable', 'no keychain');
    });
    handle('session:clear', () => {
      throw new Error('disk full');
    });
    await expect(registrar.invoke('session:set', CONSOLE, 'abc.def')).resolves.toEqual({
      ok: false,
      error: { code: 'encryption-unavailable', message: 'no keychain' },
    });
    await expect(registrar.invoke('session:clear', CONSOLE)).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk full' },
    });
    expect(logs.some(line => line.includes('disk full'))).toBe(true);
  });

  it('has a validator for every channel of the contract', () => {
    const channels: Record<IpcChannel, true> = {
      'notify:show': true,
      'badge:set': true,
      'files:save': true,
      'session:get': true,
      'session:set': true,
      'session:clear': true,
      'settings:get-service-url': true,
      'settings:set-service-url': true,
    };
    expect(Object.keys(ipcValidators).sort()).toEqual(Object.keys(channels).sort());
  });
});

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcValidators } from '../../main/ipc-validators.ts';

// The preload runs inside Electron; here 'electron' (not our code) is replaced by a recorder
// so we can check what the bridge exposes and which channel each function calls.
const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invocations: [] as unknown[][],
  ipcRenderer: null as unknown,
}));

vi.mock('electron', () => {
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      bridge.invocations.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    send: () => {},
    on: () => {},
  };
  bridge.ipcRenderer = ipcRenderer;
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api) },
    ipcRenderer,
  };
});

type Exposed = Record<string, (...args: unknown[]) => Promise<unknown>>;

const bytes = new Uint8Array([37, 80, 68, 70]);
const calls: Array<[string, unknown[]]> = [
  ['showNotification', [{ kind: 'high-risk-checkup', lang: 'id' }]],
  ['setBadge', [4, 'en']],
  ['saveFile', [{ defaultName: 'laporan', format: 'pdf', bytes }]],
  ['getSession', []],
  ['setSession', ['abc.def']],
  ['clearSession', []],
  ['getServiceUrl', []],
  ['setServiceUrl', ['http://10.0.0.5:8080']],
];

let desktop: Exposed;

/** Call every exposed function once; returns what reached ipcRenderer.invoke. */
async function invokeAll(): Promise<unknown[][]> {
  bridge.invocations.length = 0;
  for (const [name, args] of calls) await desktop[name]!(...args);
  return [...bridge.invocations];
}

beforeAll(async () => {
  await import('../../preload/index.ts');
  desktop = bridge.exposed.get('desktop') as Exposed;
});

describe('preload/index', () => {
  it('exposes only window.desktop, made of plain functions', () => {
    expect([...bridge.exposed.keys()]).toEqual(['desktop']);
    for (const value of Object.values(desktop)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(bridge.ipcRenderer);
    }
  });

  it('maps each function to its channel and passes the arguments unchanged', async () => {
    expect(Object.keys(desktop).sort()).toEqual(calls.map(([name]) => name).sort());
    expect(await invokeAll()).toEqual([
      ['notify:show', { kind: 'high-risk-checkup', lang: 'id' }],
      ['badge:set', 4, 'en'],
      ['files:save', { defaultName: 'laporan', format: 'pdf', bytes }],
      ['session:get'],
      ['session:set', 'abc.def'],
      ['session:clear'],
      ['settings:get-service-url'],
      ['settings:set-service-url', 'http://10.0.0.5:8080'],
    ]);
  });

  it('uses exactly the channels main validates', async () => {
    const channels = new Set((await invokeAll()).map(([channel]) => channel));
    expect([...channels].sort()).toEqual(Object.keys(ipcValidators).sort());
  });
});

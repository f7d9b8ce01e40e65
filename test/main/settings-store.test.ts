import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clampBoundsToDisplays,
  DEFAULT_SETTINGS,
  readSettings,
  restoreWindowBounds,
  updateSettings,
  writeSettings,
} from '../../main/settings-store.ts';

let dir = '';
let path = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'console-settings-'));
  path = join(dir, 'nested', 'settings.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('main/settings-store', () => {
  it('defaults to the local bot-service when there is no file', () => {
    expect(readSettings(path)).toEqual({ serviceUrl: 'http://127.0.0.1:8080', windowBounds: null });
  });

  it('writes and reads back, normalising the address', () => {
    writeSettings(path, {
      serviceUrl: 'https://Posko.Example.go.id/',
      windowBounds: { x: 10, y: 20, width: 1400, height: 800, maximized: true },
    });
    expect(readSettings(path)).toEqual({
      serviceUrl: 'https://posko.example.go.id',
      windowBounds: { x: 10, y: 20, width: 1400, height: 800, maximized: true },
    });
  });

  it('refuses to write a bad address and leaves the file as it was', () => {
    writeSettings(path, { ...DEFAULT_SETTINGS, serviceUrl: 'http://10.0.0.5:8080' });
    const before = readFileSync(path, 'utf8');
    for (const bad of ['javascript:alert(1)', 'ftp://x/', 'http://a:b@host/', 'no url']) {
      expect(() => writeSettings(path, { ...DEFAULT_SETTINGS, serviceUrl: bad })).toThrow();
      expect(() => updateSettings(path, { serviceUrl: bad })).toThrow();
    }
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('falls back to defaults for a corrupt file', () => {
    writeFileSync(path.replace('nested/', ''), '{"serviceUrl": "http://10.0.0.5:8080", ');
    expect(readSettings(path.replace('nested/', ''))).toEqual(DEFAULT_SETTINGS);
    writeFileSync(path.replace('nested/', ''), '"just a string"');
    expect(readSettings(path.replace('nested/', ''))).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields of a partly wrong file', () => {
    const file = join(dir, 'partly.json');
    writeFileSync(file, JSON.stringify({ serviceUrl: 'http://10.0.0.5:8080', windowBounds: { x: 'a', y: 0 } }));
    expect(readSettings(file)).toEqual({ serviceUrl: 'http://10.0.0.5:8080', windowBounds: null });
    writeFileSync(file, JSON.stringify({ serviceUrl: 'file:///etc', windowBounds: { x: 1, y: 2, width: 1100, height: 720 } }));
    expect(readSettings(file)).toEqual({
      serviceUrl: 'http://127.0.0.1:8080',
      windowBounds: { x: 1, y: 2, width: 1100, height: 720, maximized: false },
    });
  });

  it('updates one field and keeps the other', () => {
    updateSettings(path, { serviceUrl: 'http://10.0.0.5:8080' });
    const next = updateSettings(path, { windowBounds: { x: 5, y: 5, width: 1200, height: 750, maximized: false } });
    expect(next.serviceUrl).toBe('http://10.0.0.5:8080');
    expect(readSettings(path).windowBounds).toEqual({ x: 5, y: 5, width: 1200, height: 750, maximized: false });
  });

  it('keeps bounds that fit on a display as they are', () => {
    const bounds = { x: 1500, y: 50, width: 1200, height: 800 };
    expect(clampBoundsToDisplays(bounds, [laptop, rightMonitor])).toEqual(bounds);
  });

  it('moves a window hanging off the edge back onto the display it mostly covers', () => {
    const clamped = clampBoundsToDisplays({ x: 3000, y: 600, width: 1366, height: 768 }, [laptop, rightMonitor]);
    expect(clamped).toEqual({ x: 1366 + 1920 - 1366, y: 1040 - 768, width: 1366, height: 768 });
  });

  it('shrinks a window larger than the display to its work area', () => {
    expect(clampBoundsToDisplays({ x: -50, y: -20, width: 2500, height: 1600 }, [laptop])).toEqual(laptop);
  });

  it('gives null (default placement) when the saved display is gone', () => {
    expect(restoreWindowBounds({ x: 4000, y: 0, width: 1366, height: 768, maximized: false }, [laptop])).toBeNull();
    expect(restoreWindowBounds(null, [laptop])).toBeNull();
  });
});

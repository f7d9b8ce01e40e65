import { describe, expect, it } from 'vitest';
import {
  createWindowOptions,
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
} from '../../main/window-options.ts';

describe('main/window-options', () => {
  it('turns on context isolation and sandbox and turns off Node integration', () => {
    const { webPreferences } = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs' });
    expect(webPreferences.contextIsolation).toBe(true);
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.nodeIntegrationInWorker).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
    expect(webPreferences.webviewTag).toBe(false);
    expect(webPreferences.preload).toBe('/app/out/preload/index.cjs');
  });

  it('never touches webSecurity or experimental features', () => {
    const { webPreferences } = createWindowOptions({ preloadPath: '/p.cjs' });
    expect(Object.keys(webPreferences)).not.toContain('webSecurity');
    expect(Object.keys(webPreferences)).not.toContain('experimentalFeatures');
    expect(Object.keys(webPreferences)).not.toContain('allowRunningInsecureContent');
    expect(Object.keys(webPreferences)).not.toContain('enableBlinkFeatures');
  });

  it('opens at 1366×768 with a 1024×700 minimum, hidden until ready', () => {
    const options = createWindowOptions({ preloadPath: '/p.cjs' });
    expect({ width: options.width, height: options.height }).toEqual(DEFAULT_WINDOW_SIZE);
    expect(DEFAULT_WINDOW_SIZE).toEqual({ width: 1366, height: 768 });
    expect({ width: options.minWidth, height: options.minHeight }).toEqual({ width: 1024, height: 700 });
    expect(options.show).toBe(false);
    expect(options.x).toBeUndefined();
  });

  it('uses restored bounds but never below the minimum size', () => {
    const restored = createWindowOptions({ preloadPath: '/p.cjs', bounds: { x: 40, y: 30, width: 1500, height: 900 } });
    expect([restored.x, restored.y, restored.width, restored.height]).toEqual([40, 30, 1500, 900]);
    const tiny = createWindowOptions({ preloadPath: '/p.cjs', bounds: { x: 0, y: 0, width: 300, height: 200 } });
    expect([tiny.width, tiny.height]).toEqual([MIN_WINDOW_SIZE.width, MIN_WINDOW_SIZE.height]);
  });
});

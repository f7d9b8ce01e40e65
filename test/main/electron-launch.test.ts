/**
 * Launches the built console in a real Electron, where one is installed.
 *
 * The electron npm package only downloads its binary on first use, and machines without
 * internet access (like CI here) have none: then this test is skipped and says so. It never
 * triggers a download itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeElectron } from '../../scripts/electron-probe.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

const probe = probeElectron();
const skipNote = probe.ok ? '' : `skipped: no Electron binary on this machine (${probe.reason})`;

describe('main/electron-launch', () => {
  it(
    probe.ok ? 'launches the built app with a sandboxed, isolated window' : skipNote,
    { timeout: 120_000 },
    async ctx => {
      if (!probe.ok) {
        ctx.skip(skipNote);
        return;
      }
      if (!existsSync(join(repoRoot, 'out', 'main', 'index.js'))) {
        const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000 });
        expect(build.status, build.stderr).toBe(0);
      }
      const { _electron } = await import('@playwright/test');
      const userData = mkdtempSync(join(tmpdir(), 'console-electron-'));
      const app = await _electron.launch({
        executablePath: probe.executable,
        args: [repoRoot, `--user-data-dir=${userData}`],
        cwd: repoRoot,
        timeout: 60_000,
      });
      try {
        const page = await app.firstWindow();
        await page.waitForLoadState('domcontentloaded');

        // getLastWebPreferences is Electron-internal; check it where present, behaviour always.
        const prefs = await app.evaluate(({ BrowserWindow }) => {
          const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
            getLastWebPreferences?: () => Record<string, unknown>;
          };
          return contents?.getLastWebPreferences?.() ?? null;
        });
        if (prefs !== null) {
          expect(prefs.contextIsolation).toBe(true);
          expect(prefs.sandbox).toBe(true);
          expect(prefs.nodeIntegration).toBe(false);
        }

        const seen = await page.evaluate(() => {
          const scope = globalThis as Record<string, unknown>;
          return {
            url: location.href,
            require: typeof scope.require,
            process: typeof scope.process,
            desktop: typeof scope.desktop,
            opened: window.open('https://evil.example/') === null,
          };
        });
        expect(seen.require).toBe('undefined');
        expect(seen.process).toBe('undefined');
        expect(seen.desktop).toBe('object');
        expect(seen.opened).toBe(true);
        expect(seen.url.startsWith('app://console/') || seen.url.includes('/console/')).toBe(true);
        await page.getByText('Konsol Posko COVID-19 Jatim').first().waitFor({ state: 'visible', timeout: 10_000 });
      } finally {
        await app.close();
        rmSync(userData, { recursive: true, force: true });
      }
    }
  );
});

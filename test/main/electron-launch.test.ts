/**
 * Launches the built console in a real Electron, where one is installed.
 *
 * The electron npm package only downloads its binary on first use, and machines without
 * internet access (like CI here) have none: then this test is skipped and says so. It never
 * triggers a download itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');

type ElectronProbe = { ok: true; executable: string } | { ok: false; reason: string };

/** Find a runnable Electron binary without letting the electron package download one. */
function probeElectron(): ElectronProbe {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  // electron's installer writes path.txt once the binary is in place; without it,
  // require('electron') would start a download.
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH === undefined && !existsSync(join(packageDir, 'path.txt'))) {
    return { ok: false, reason: 'the electron package has no downloaded binary (no path.txt)' };
  }
  const resolved = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 10_000,
  });
  const executable = resolved.stdout.trim();
  if (resolved.status !== 0 || executable === '' || !existsSync(executable)) {
    return { ok: false, reason: `require('electron') gave no executable (${resolved.stderr.trim().split('\n')[0] ?? ''})` };
  }
  const version = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (version.status !== 0) return { ok: false, reason: `${executable} --version failed` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'no display; run under xvfb-run' };
  }
  return { ok: true, executable };
}

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

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronProbe = { ok: true; executable: string } | { ok: false; reason: string };

const repoRoot = join(import.meta.dirname, '..');

/**
 * Finds a runnable Electron binary without letting the electron package download one
 * (on machines with no binary, `require('electron')` would try to fetch it).
 */
export function probeElectron(options: { needDisplay?: boolean } = {}): ElectronProbe {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  // electron's installer writes path.txt once the binary is in place.
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
  if (version.status !== 0) {
    return { ok: false, reason: `${executable} --version failed` };
  }
  if ((options.needDisplay ?? true) && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'no display; run under xvfb-run' };
  }
  return { ok: true, executable };
}

/** Fails early and clearly when the console has not been built (the specs load out/renderer). */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export default function globalSetup(): void {
  const index = join(import.meta.dirname, '..', '..', 'out', 'renderer', 'index.html');
  if (!existsSync(index) || statSync(index).size === 0) {
    throw new Error('The console is not built: run `npm run build` before the browser tests.');
  }
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../../bot-service/server.ts';
import { echoEngine, tempDir, testConfig } from '../helpers.ts';

let service: Service | undefined;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await service?.close();
  service = undefined;
  cleanups.forEach(c => c());
});

async function withRenderer(files: Record<string, string> | null): Promise<Service> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const rendererDir = join(t.dir, 'renderer');
  if (files) {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(rendererDir, name), text);
  }
  return createService(testConfig(t.dir), { engine: echoEngine, logger: pino({ level: 'silent' }), rendererDir });
}

describe('routes/console', () => {
  it('serves the built renderer at /console/ with a same-origin-only CSP', async () => {
    service = await withRenderer({ 'index.html': '<!doctype html><title>Konsol</title>', 'assets/app.js': 'console.log(1)' });
    const page = await service.app.inject({ method: 'GET', url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Konsol');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    const asset = await service.app.inject({ method: 'GET', url: '/console/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect((await service.app.inject({ method: 'GET', url: '/console/../package.json' })).statusCode).toBe(404);
  });

  it('says how to build it when the renderer is missing', async () => {
    service = await withRenderer(null);
    const page = await service.app.inject({ method: 'GET', url: '/console/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const mainDir = join(root, 'main');

function sources(dir: string): Array<{ name: string; text: string }> {
  return readdirSync(dir)
    .filter(name => name.endsWith('.ts'))
    .map(name => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

describe('main/import boundaries', () => {
  it("keeps every main module except index.ts free of 'electron', so tests load them", () => {
    const offenders = sources(mainDir)
      .filter(({ name }) => name !== 'index.ts')
      .filter(({ text }) => /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/.test(text))
      .map(({ name }) => name);
    expect(offenders).toEqual([]);
  });

  it('crosses into preload/ with type imports only', () => {
    for (const { name, text } of sources(mainDir)) {
      const valueImports = text.match(/^import\s+(?!type\b)[^;]*from\s+['"]\.\.\/preload\/[^'"]+['"]/gm) ?? [];
      expect(valueImports, name).toEqual([]);
    }
  });

  it('keeps the preload free of logic imports: only electron and the contract types', () => {
    const text = readFileSync(join(root, 'preload', 'index.ts'), 'utf8');
    const imports = [...text.matchAll(/^import\s+(type\s+)?.*from\s+['"]([^'"]+)['"]/gm)].map(m => `${m[1] ?? ''}${m[2]}`);
    expect(imports.sort()).toEqual(['electron', 'type ./contract.ts']);
    expect(text).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBundledRendererUrl, resolveBundledFile } from '../../main/bundled-renderer.ts';

let root = '';
let rendererDir = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'console-bundle-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export {}');
  writeFileSync(join(root, 'secret.js'), 'not for the page');
  writeFileSync(join(root, 'secret.html'), 'not for the page');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('main/bundled-renderer', () => {
  it('maps app://console/ URLs to files in the renderer folder', () => {
    expect(resolveBundledFile('app://console/', rendererDir)).toEqual({
      path: join(rendererDir, 'index.html'),
      contentType: 'text/html; charset=utf-8',
      isDocument: true,
    });
    expect(resolveBundledFile('app://console/assets/index-abc.js?v=1', rendererDir)).toMatchObject({
      path: join(rendererDir, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
      isDocument: false,
    });
  });

  it.each([
    ['parent folder', 'app://console/../secret.js'],
    ['encoded parent folder', 'app://console/%2e%2e/secret.js'],
    ['encoded slashes', 'app://console/assets%2f..%2f..%2fsecret.js'],
    ['encoded backslash', 'app://console/..%5csecret.html'],
    ['encoded slashes to an HTML file', 'app://console/assets%2f..%2f..%2fsecret.html'],
  ])('never maps %s outside the renderer folder', (_label, url) => {
    const file = resolveBundledFile(url, rendererDir);
    if (file !== null) expect(relative(rendererDir, file.path).startsWith('..')).toBe(false);
  });

  it('refuses a path that decodes to a way out of the folder', () => {
    expect(resolveBundledFile('app://console/assets%2f..%2f..%2fsecret.js', rendererDir)).toBeNull();
  });

  it.each([
    ['nul byte', 'app://console/index.html%00.js'],
    ['backslash', 'app://console/assets%5cindex-abc.js'],
    ['other host', 'app://evil/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['unknown type', 'app://console/assets/tool.exe'],
    ['bad escape', 'app://console/%E0%A4%A'],
  ])('refuses %s', (_label, url) => {
    expect(resolveBundledFile(url, rendererDir)).toBeNull();
  });

  it('recognises only app://console as the bundled origin', () => {
    expect(isBundledRendererUrl('app://console/index.html')).toBe(true);
    expect(isBundledRendererUrl('app://console.evil/index.html')).toBe(false);
    expect(isBundledRendererUrl('app://user@console/index.html')).toBe(false);
    expect(isBundledRendererUrl('https://console/')).toBe(false);
  });
});

/**
 * electron-vite build: main, preload and renderer into `out/`.
 *
 * - main: ES module (package.json has "type": "module"), electron and Node built-ins external.
 * - preload: CommonJS, one file, nothing external but electron: a sandboxed preload can
 *   neither load an ES module nor require files from node_modules.
 * - renderer: React, minified (electron-vite leaves it unminified by default), relative asset
 *   paths so the same build works from bot-service's `/console/` and from the bundled file.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      lib: { entry: resolve(root, 'main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      lib: { entry: resolve(root, 'preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});

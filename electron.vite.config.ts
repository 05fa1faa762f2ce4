import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { catalogPerLocale } from './scripts/vite-catalog.mjs';
import { preloadApp } from './scripts/vite-preload-app.mjs';

/**
 * main: the Electron shell plus the backend's utility process entry;
 * preload: the context bridge; renderer: the React app (also served by the shop HTTP host).
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          'backend-process': resolve(import.meta.dirname, 'src/main/backend-process.ts'),
        },
        // CommonJS: better-sqlite3 is a CommonJS native addon and utilityProcess loads .cjs everywhere.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be CommonJS.
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    // The LAN host serves this same build: precompressed like vite.web.config.ts.
    plugins: [catalogPerLocale(), preloadApp(), react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
});

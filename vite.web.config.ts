import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { catalogPerLocale } from './scripts/vite-catalog.mjs';
import { preloadApp } from './scripts/vite-preload-app.mjs';

/** The renderer alone, for the shop HTTP host and the browser tests (no Electron parts needed). */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  // .br and .gz beside each asset: the shop host sends them precompressed (src/server/static-files.ts).
  plugins: [catalogPerLocale(), preloadApp(), react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  build: { outDir: resolve(import.meta.dirname, 'out/renderer'), emptyOutDir: true },
});

import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

/** Head office's console, served by the head-office server at /console/ (src/hq/console/static.ts), precompressed like the renderer. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/hq-console'),
  base: '/console/',
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  build: { outDir: resolve(import.meta.dirname, 'out/hq-console'), emptyOutDir: true },
});

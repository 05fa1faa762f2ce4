/** Types of scripts/vite-preload-app.mjs for the Vite configs that use it. */
import type { Plugin } from 'vite';
export function preloadApp(): Plugin;

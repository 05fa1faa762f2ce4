/** Types of scripts/vite-catalog.mjs for the Vite configs that use it. */
import type { Plugin } from 'vite';
export function catalogPerLocale(): Plugin;

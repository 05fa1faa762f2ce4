/** Types of scripts/build-node.mjs for the TypeScript that imports it (bench/startup.ts). */
export const NODE_OUT: string;
export const ENTRIES: { serve: string; hq: string };
export const EXTERNAL: string[];
export const NODE_FLAGS: string[];
export const NODE_ENV: Record<string, string>;
export function buildNode(): Promise<void>;
export function newestMtime(...dirs: string[]): number;
export function isStale(marker: string, dirs: string[]): boolean;
export function ensureNodeBuild(): Promise<void>;

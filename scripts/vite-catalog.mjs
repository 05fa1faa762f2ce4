/**
 * The renderer's build loads one language's messages, not both (issue 22): this Vite plugin
 * replaces src/shared/i18n/catalog.ts in a renderer *build* by a module with empty catalogs and a
 * loader per language, each language its own chunk (`export default JSON.parse(…)`, which V8 reads
 * faster than the same object as code). The UI's language is loaded before the first render, the
 * other when someone switches (src/renderer/src/i18n/languages.ts). The development server, the
 * tests and every Node process keep the module as written: both languages in memory at import.
 *
 * The messages are read at the start of each build from the tree being built (through tsx, as
 * `npm run seed` runs TypeScript), not bundled into the Vite config.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CATALOG = fileURLToPath(new URL('../src/shared/i18n/catalog.ts', import.meta.url));
const PREFIX = 'virtual:fixpoint-catalog/';

/** @returns {import('vite').Plugin} */
export function catalogPerLocale() {
  /** @type {Record<string, Record<string, string>>} */
  let catalog = {};
  return {
    name: 'fixpoint-catalog-per-locale',
    apply: 'build',
    enforce: 'pre',
    async buildStart() {
      const { tsImport } = await import('tsx/esm/api');
      ({ catalog } = await tsImport(CATALOG, import.meta.url));
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (id.startsWith(`\0${PREFIX}`)) {
        const locale = id.slice(PREFIX.length + 1);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalog[locale]))});`;
      }
      if (path.resolve(id.split('?')[0]) !== CATALOG) return null;
      const locales = Object.keys(catalog);
      const empty = locales.map((l) => `${JSON.stringify(l)}: {}`).join(', ');
      const loaders = locales.map((l) => `${JSON.stringify(l)}: () => import(${JSON.stringify(PREFIX + l)}).then((m) => m.default)`).join(',\n  ');
      return [
        '// Built by scripts/vite-catalog.mjs: each language is its own chunk, loaded when needed.',
        'export const catalogs = {};',
        `export const catalog = { ${empty} };`,
        `export const loadCatalog = {\n  ${loaders},\n};`,
      ].join('\n');
    },
  };
}

/**
 * The renderer's entry (src/renderer/src/main.tsx) is tiny and imports the app (src/app/start.tsx)
 * dynamically, so that early.ts asks for the first screen's messages and setup.status before the
 * app's modules are evaluated. This Vite plugin keeps the app's chunks from being found only once
 * the entry has run: it lists them in index.html (modulepreload, and the app's stylesheet), so the
 * browser fetches them side by side with the entry, as when the app was the entry itself.
 */
const APP = '/src/renderer/src/app/start.tsx';

/** @returns {import('vite').Plugin} */
export function preloadApp() {
  return {
    name: 'fixpoint-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const app = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(APP));
        if (!app) throw new Error(`preloadApp: no chunk for ${APP}`);
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const files = new Set();
        const css = new Set();
        const walk = (name) => {
          if (files.has(name)) return;
          files.add(name);
          const c = byName.get(name);
          for (const f of c?.viteMetadata?.importedCss ?? []) css.add(f);
          for (const i of c?.imports ?? []) walk(i);
        };
        walk(app.fileName);
        const listed = (f) => html.includes(`/${f}"`);
        return [
          ...[...css].filter((f) => !listed(f)).map((f) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${f}` }, injectTo: 'head' })),
          ...[...files].filter((f) => !listed(f)).map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' })),
        ];
      },
    },
  };
}

import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the renderer and head office's console once for all test files; FIXPOINT_SKIP_BUILD=1 reuses out/ (CI builds them already). */
export default function globalSetup() {
  if (process.env.FIXPOINT_SKIP_BUILD === '1') return;
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  execSync('npx vite build --config vite.web.config.ts', { cwd, stdio: 'inherit' });
  execSync('npx vite build --config vite.hq-console.config.ts', { cwd, stdio: 'inherit' });
}

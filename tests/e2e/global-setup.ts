import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the renderer once for all test files; FIXPOINT_SKIP_BUILD=1 reuses out/renderer (CI builds it already). */
export default function globalSetup() {
  if (process.env.FIXPOINT_SKIP_BUILD === '1') return;
  execSync('npx vite build --config vite.web.config.ts', { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
}

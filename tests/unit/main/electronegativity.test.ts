import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the package ships no types; its programmatic API is documented in its README
import electronegativity from '@doyensec/electronegativity';

/**
 * Doyensec's Electronegativity on the Electron shell (src/main and src/preload, scanned together
 * so its global checks see the whole shell): every finding of medium severity or above must be
 * listed in docs/security.md ("Electronegativity findings") with a written reason, and the list
 * holds nothing that is no longer found. Offline: the check of newer Electron security releases
 * (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) downloads Electron's release list, so it is left out —
 * Electron is pinned in package.json and upgraded on purpose; the rest reads only the files.
 */
interface Issue {
  id: string;
  file: string;
  severity: { value: number; name: string };
  location: { line: number };
  sample?: string;
}
const MEDIUM = 2;

function listedFindings(): { id: string; file: string; reason: string }[] {
  const doc = fs.readFileSync('docs/security.md', 'utf8');
  const start = doc.indexOf('## Electronegativity findings');
  expect(start, 'docs/security.md has a section "## Electronegativity findings"').toBeGreaterThan(-1);
  const section = doc.slice(start).split(/\n## /)[0]!;
  return section
    .split('\n')
    .filter((l) => /^\|\s*`?[A-Z_]+`?\s*\|/.test(l))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, '')))
    .map(([id, file, reason]) => ({ id: id!, file: file!, reason: reason ?? '' }));
}

describe('Electronegativity on src/main and src/preload', () => {
  it('finds nothing of medium severity or above without a written reason in docs/security.md', async () => {
    const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-eng-'));
    fs.cpSync('src/main', path.join(scan, 'main'), { recursive: true });
    fs.cpSync('src/preload', path.join(scan, 'preload'), { recursive: true });
    const electronVersion = (JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
    const run = (electronegativity as { default?: unknown }).default ?? electronegativity;
    const result = (await (run as (o: unknown) => Promise<{ issues: Issue[]; errors: { file: string; message: string; tolerable: boolean }[] }>)({
      input: scan,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    }))!;
    fs.rmSync(scan, { recursive: true, force: true });
    // Every file parsed (a file it cannot parse is a file it did not check).
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
    const found = result.issues
      .filter((i) => i.severity.value >= MEDIUM)
      .map((i) => ({ id: i.id, file: i.file === 'N/A' ? 'N/A' : `src/${i.file.replace(/\\/g, '/')}`, where: `${i.location.line}: ${(i.sample ?? '').slice(0, 80)}` }));
    const listed = listedFindings();
    const unexplained = found.filter((f) => !listed.some((l) => l.id === f.id && l.file === f.file));
    expect(unexplained, 'findings not listed with a reason in docs/security.md').toEqual([]);
    for (const l of listed) expect(l.reason.length, `reason for ${l.id} in ${l.file}`).toBeGreaterThan(40);
    const stale = listed.filter((l) => !found.some((f) => f.id === l.id && f.file === l.file));
    expect(stale, 'listed in docs/security.md but no longer found').toEqual([]);
  }, 120_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Dependencies point one way: shared ← core ← main/server; renderer and preload see only shared. */
function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|tsx|mts)$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return out;
}

/** The tree the guard reads: the real src, or a scratch copy (the guard's own test never writes into src). */
const SRC = path.resolve('src');

function violations(layer: string, ok: (spec: string, resolved: string | null) => boolean, root = SRC): string[] {
  const bad: string[] = [];
  for (const f of files(path.join(root, layer))) {
    for (const spec of imports(f)) {
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(f), spec) : null;
      if (!ok(spec, resolved)) bad.push(`${path.relative('.', f)} imports ${spec}`);
    }
  }
  return bad;
}

const inside = (resolved: string | null, ...layers: string[]) =>
  resolved !== null && layers.some((l) => resolved.startsWith(path.resolve('src', l) + path.sep) || resolved === path.resolve('src', l));

describe('architecture guard', () => {
  it('keeps electron and react out of src/shared and src/core', () => {
    const forbidden = (spec: string) => /^(electron|react|react-dom|@mantine\/)/.test(spec);
    expect(violations('shared', (s, r) => !forbidden(s) && (r === null || inside(r, 'shared')))).toEqual([]);
    expect(violations('core', (s, r) => !forbidden(s) && (r === null || inside(r, 'shared', 'core')))).toEqual([]);
  });

  it('lets the renderer import only src/shared and itself (and its UI packages)', () => {
    const uiPackages = /^(react|react-dom|react-router|@mantine\/|@tanstack\/react-query$|zod$|.*\.css$)/;
    expect(violations('renderer', (s, r) => (r === null ? uiPackages.test(s) : inside(r, 'shared', 'renderer')))).toEqual([]);
  });

  it('lets the preload import only electron and src/shared', () => {
    expect(violations('preload', (s, r) => (r === null ? s === 'electron' : inside(r, 'shared', 'preload')))).toEqual([]);
  });

  it('lets head office (src/hq) import src/shared and only the shop schema from src/core/db; nothing imports src/hq', () => {
    expect(violations('hq', (s, r) => !/^(electron|react|react-dom|@mantine\/)/.test(s) && (r === null || inside(r, 'shared', 'hq', 'core/db')))).toEqual([]);
    for (const layer of ['core', 'renderer', 'shared', 'main', 'preload', 'server']) {
      expect(violations(layer, (_s, r) => !inside(r, 'hq'))).toEqual([]);
    }
  });

  it('catches a violation (the guard itself works), on a scratch tree outside src', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-guard-'));
    try {
      fs.mkdirSync(path.join(root, 'core'));
      fs.writeFileSync(path.join(root, 'core', 'guard-probe.ts'), "import { app } from 'electron';\nexport const x = app;\n");
      fs.writeFileSync(path.join(root, 'core', 'fine.ts'), "import { z } from 'zod';\nexport const y = z;\n");
      const bad = violations('core', (s) => !/^electron/.test(s), root);
      expect(bad).toHaveLength(1);
      expect(bad[0]).toContain('guard-probe.ts imports electron');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

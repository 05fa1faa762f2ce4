/**
 * Roles written down once, by hand: docs/roles.md is the product's decision of who may call
 * what. This test holds every procedure of the contract against that table — its access list
 * and a real call by each role — so a mistaken access list fails here instead of the table
 * being derived from the list it checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '../../../src/shared/api/procedures';
import type { Access, ProcedureDef } from '../../../src/shared/api/contract';
import { ROLES, type Role } from '../../../src/shared/api/roles';
import type { Backend } from '../../../src/core';
import { makeBackend, setupShop } from '../../helpers/backend';

type Decided = 'public' | Set<Role>;

/** Reads the tables of docs/roles.md: `| \`name\` | ✓ | – | … |` under a header naming the roles. */
function readRolesDoc(text: string): Map<string, Decided> {
  const table = new Map<string, Decided>();
  let columns: Role[] | null = null;
  for (const line of text.split('\n')) {
    const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    if (!line.trim().startsWith('|')) {
      columns = null;
      continue;
    }
    if (cells[0] === 'procedure') {
      columns = cells.slice(1) as Role[];
      expect([...columns].sort(), `header of a table in docs/roles.md: ${line}`).toEqual([...ROLES].sort());
      continue;
    }
    const name = /^`([\w.]+)`$/.exec(cells[0]!)?.[1];
    if (!name) continue; // the |---| line
    expect(columns, `${name} sits under a table header`).not.toBeNull();
    expect(table.has(name), `${name} is listed twice in docs/roles.md`).toBe(false);
    const marks = cells.slice(1);
    expect(marks.length, `${name} has one cell per role`).toBe(ROLES.length);
    if (marks.every((m) => m === 'public')) {
      table.set(name, 'public');
      continue;
    }
    const allowed = new Set<Role>();
    marks.forEach((m, i) => {
      expect(['✓', '–'], `${name}: cell "${m}" is ✓ or –`).toContain(m);
      if (m === '✓') allowed.add(columns![i]!);
    });
    table.set(name, allowed);
  }
  return table;
}

/** Every way the contract's access lists differ from the table, in words. */
function differences(decided: Map<string, Decided>, contract: Record<string, { access: Access }>): string[] {
  const out: string[] = [];
  for (const [name, def] of Object.entries(contract)) {
    const want = decided.get(name);
    if (want === undefined) {
      out.push(`${name}: not in docs/roles.md`);
      continue;
    }
    const have = def.access === 'public' ? 'public' : [...def.access].sort().join(',');
    const expected = want === 'public' ? 'public' : [...want].sort().join(',');
    if (have !== expected) out.push(`${name}: contract allows ${have}, docs/roles.md says ${expected}`);
  }
  for (const name of decided.keys()) if (!Object.hasOwn(contract, name)) out.push(`${name}: in docs/roles.md but not a procedure`);
  return out;
}

const decided = readRolesDoc(fs.readFileSync(path.resolve('docs/roles.md'), 'utf8'));
const contract = procedures as Record<string, ProcedureDef>;

describe('docs/roles.md against the contract', () => {
  it('lists every procedure once, and every access list equals its row', () => {
    expect(decided.size).toBeGreaterThan(100);
    expect(differences(decided, contract)).toEqual([]);
  });

  it('notices a mistaken access list (the check itself works)', () => {
    const wrong = { ...contract, 'stock.adjust': { ...contract['stock.adjust']!, access: ['counter', 'manager', 'admin'] as const } };
    const before = new Set(differences(decided, contract));
    const added = (c: Record<string, { access: Access }>) => differences(decided, c).filter((d) => !before.has(d));
    expect(added(wrong)).toEqual(['stock.adjust: contract allows admin,counter,manager, docs/roles.md says admin,manager']);
    const missing = { ...contract, 'users.purge': { access: ['admin'] as const } };
    expect(added(missing)).toEqual(['users.purge: not in docs/roles.md']);
  });
});

describe('docs/roles.md against real calls', () => {
  let backend: Backend;
  let tokens: Record<Role, string>;
  beforeAll(async () => {
    ({ backend } = makeBackend());
    tokens = await setupShop(backend);
  });
  afterAll(async () => backend.close());

  // The role is checked before the input is read, so a probe that no input schema accepts
  // shows the gate without doing anything: let through → VALIDATION, refused → FORBIDDEN.
  const probe = 'role probe';

  it.each([...decided.entries()])('%s lets through exactly the roles of its row', async (name, want) => {
    if (want === 'public') {
      const res = await backend.callWire(name, probe, { locale: 'en' });
      expect(res, `${name} without a session`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      return;
    }
    const seen: Record<string, string> = {};
    for (const role of ROLES) {
      const res = await backend.callWire(name, probe, { token: tokens[role], locale: 'en' });
      seen[role] = res.ok ? 'ok' : res.error.code;
    }
    expect(seen).toEqual(Object.fromEntries(ROLES.map((r) => [r, want.has(r) ? 'VALIDATION' : 'FORBIDDEN'])));
    const anonymous = await backend.callWire(name, probe, { locale: 'en' });
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

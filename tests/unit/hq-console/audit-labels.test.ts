import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/shared/i18n/catalog';

/** Every source file under a folder. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/**
 * The console's audit log names each action in words (ui.hq.audit.do.<action>): an action head
 * office records without a label would show its raw key to the network's admins. The actions are
 * read off the calls in src/hq (the literal ones, and the claim decisions of the template one).
 */
describe("head office's audit log", () => {
  it('has a label in both languages for every action head office records', () => {
    const actions = new Set<string>();
    for (const f of sources('src/hq')) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\baudit\([^,]+,\s*[^,]+,\s*(?:input\.id \? )?'([a-z]+\.[A-Za-z]+)'(?:\s*:\s*'([a-z]+\.[A-Za-z]+)')?/g)) {
      actions.add(m[1]!);
      if (m[2]) actions.add(m[2]);
    }
    // a reviewer's three decisions (payment is the batch's own action)
    for (const d of ['approved', 'rejected', 'returned']) actions.add(`claim.${d}`);
    // the sign-ins are written by the session code
    for (const a of ['auth.signIn', 'auth.signOut', 'auth.locked']) actions.add(a);
    expect(actions.size).toBeGreaterThan(12);
    const missing = [...actions].flatMap((a) => (['zh-CN', 'en'] as const).filter((l) => !catalog[l][`ui.hq.audit.do.${a}`]).map((l) => `${a} (${l})`));
    expect(missing).toEqual([]);
  });
});

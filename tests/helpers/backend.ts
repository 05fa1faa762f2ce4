import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend } from '../../src/core';
import type { Clock } from '../../src/shared/util/ids';
import { ManualClock, RunningClock } from './clock';
import type { Role } from '../../src/shared/api/roles';

export function tempDir(prefix = 'fixpoint-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A backend on a real SQLite file in a fresh temp folder, on the test's clock: a test that
 * passes none runs on a clock that starts at TEST_EPOCH, never on today's date. Every answer is
 * checked against its procedure's output schema.
 */
export function makeBackend(opts: { clock?: Clock; dataDir?: string } = {}): { backend: Backend; dataDir: string } {
  const dataDir = opts.dataDir ?? tempDir();
  // On a ManualClock the test moves time itself: the escalation timer would apply deadlines at
  // whatever instant the clock happened to show when its wall-clock interval fired (a slow run
  // escalated a complaint early). Such tests run escalations where they mean them.
  const escalations = { autoStart: !(opts.clock instanceof ManualClock) };
  return { backend: openBackend({ dataDir, clock: opts.clock ?? new RunningClock(), checkOutputs: true, escalations }), dataDir };
}

export const PASSWORD = 'correct-horse';

/** Sets up a shop with one user per role; returns their session tokens. */
export async function setupShop(backend: Backend): Promise<Record<Role, string>> {
  const admin = await backend.call('setup.run', {
    shop: { name: '测试维修中心', code: 'TS01' },
    admin: { username: 'admin', displayName: '管理员', password: PASSWORD, pin: '9999' },
  });
  const tokens: Partial<Record<Role, string>> = { admin: admin.token };
  for (const role of ['counter', 'technician', 'manager'] as const) {
    await backend.call('users.create', { username: role, displayName: role, role, password: PASSWORD, pin: '1234' }, { token: admin.token });
    tokens[role] = (await backend.call('auth.login', { username: role, password: PASSWORD })).token;
  }
  return tokens as Record<Role, string>;
}

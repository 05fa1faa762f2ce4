import fs from 'node:fs';
import type { Backend } from '../backend';
import { DEMO_USERS, seedDemoUsers } from './users';
import { seedIntakeDemo } from './intake';
import { seedStockDemo } from '../stock/demo';
import { seedBenchDemo } from '../bench/demo';
import { seedCollectionDemo } from '../collection/demo';
import { seedReportsDemo } from '../reports/demo';

/**
 * Fills an empty shop with the demo. Each capability adds its own step here, so a
 * newcomer always sees the whole product. Returns false when the shop already exists.
 */
export async function seedDemo(backend: Backend): Promise<boolean> {
  const status = await backend.call('setup.status', {});
  if (status.setUp) return false;
  const adminToken = await seedDemoUsers(backend);
  await seedIntakeDemo(backend);
  await seedStockDemo(backend, adminToken);
  await seedBenchDemo(backend, adminToken);
  await seedCollectionDemo(backend);
  await seedReportsDemo(backend, adminToken);
  void adminToken;
  return true;
}

export function demoLoginsText(): string {
  return DEMO_USERS.map((u) => `  ${u.role.padEnd(10)} ${u.username.padEnd(6)} password ${u.password.padEnd(13)} PIN ${u.pin}  (${u.displayName})`).join('\n');
}

/**
 * The demo shop's backups: a folder beside the data folder (`<data>-backups`), daily and after
 * the daily close, and a first backup at once; answers the folder and the recovery key (shown once).
 */
export async function configureDemoBackups(backend: Backend): Promise<{ dir: string; recoveryKey: string | null } | null> {
  const dataDir = backend.services.dataDir;
  if (!dataDir) return null;
  const dir = `${dataDir.replace(/[\\/]+$/, '')}-backups`;
  fs.mkdirSync(dir, { recursive: true });
  const [admin] = DEMO_USERS;
  const { token } = await backend.call('auth.login', { username: admin.username, password: admin.password });
  const { recoveryKey } = await backend.call('backup.configure', { dir, daily: true, afterClose: true }, { token });
  await backend.call('backup.run', {}, { token });
  return { dir, recoveryKey };
}

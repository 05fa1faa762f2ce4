/**
 * `npm run hq -- users add --username U --name N --role ROLE --password-stdin` (the first network
 * admin, on the server itself; the password comes on stdin so it is in no shell history or process
 * list) and `users list`. Audited as the command line's.
 */
import { HqError } from '../errors';
import type { HqService } from '../service';
import { createUser, listUsers } from './users';
import { HQ_ROLES } from '../../shared/hq-console/contract';

async function readStdin(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of process.stdin) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export async function usersCommand(service: HqService, args: string[], v: Record<string, string | boolean | undefined>): Promise<number> {
  try {
    if (args[0] === 'add' && v.username && v.role && v['password-stdin']) {
      const password = await readStdin();
      const u = await createUser(service, { kind: 'cli' }, { username: v.username, displayName: typeof v.name === 'string' ? v.name : v.username, role: v.role, password });
      console.log(v.json ? JSON.stringify(u) : `User ${u.username} (${u.role}) created, id ${u.id}`);
      return 0;
    }
    if (args[0] === 'list') {
      const users = await listUsers(service);
      if (v.json) console.log(JSON.stringify(users, null, 2));
      else console.table(users.map((u) => ({ username: u.username, name: u.displayName, role: u.role, disabled: u.disabled, locked: u.lockedUntil ?? '-', lastSignIn: u.lastSignInAt ?? '-' })));
      return 0;
    }
    console.error(`usage: hq users add --username U --name NAME --role ${HQ_ROLES.join('|')} --password-stdin   (password on stdin) | users list`);
    return 2;
  } catch (e) {
    console.error(e instanceof HqError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : e);
    return 1;
  }
}

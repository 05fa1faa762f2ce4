import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** Child processes of this test file (tsx under the same Node), killed with SIGKILL at the end. */
export const root = path.resolve(__dirname, '../..');
const children = new Set<ChildProcess>();

export function killChildren(): void {
  for (const c of children) c.kill('SIGKILL');
}

export interface Child {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

/** `node --import tsx <args>` in the repository root; its stdout and stderr are collected. */
export function spawnNode(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  const waiters: { re: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) {
      const m = out.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => (children.delete(child), r(code))));
  return {
    child,
    exited,
    output: () => out,
    waitFor(re, ms = 30_000) {
      return new Promise<RegExpMatchArray>((resolve, reject) => {
        const m = out.match(re);
        if (m) return resolve(m);
        const timer = setTimeout(() => reject(new Error(`timeout waiting for ${re}; output:\n${out.slice(-2000)}`)), ms);
        waiters.push({ re, resolve: (x) => (clearTimeout(timer), resolve(x)) });
      });
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

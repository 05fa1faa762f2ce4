import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { ensureNodeBuild, NODE_ENV, NODE_FLAGS, NODE_OUT } from '../scripts/build-node.mjs';
import { stats, type BenchResult, type BenchSuite } from './lib';

/**
 * Start of the compiled shop host (issue 22, point 2): from spawning `node out/node/server/cli.mjs`
 * on the generated shop to its first answer over HTTP, and its resident memory then, beside raw
 * Node opening the same file with better-sqlite3 behind a bare node:http server.
 */
const RAW_HOST = `
const http = require('node:http');
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL');
db.pragma('user_version');
http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok":true,"data":{"pong":true}}'); }); }).listen(Number(process.argv[2]), '127.0.0.1');
`;

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export function ping(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/api/system.ping', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end('{}');
  });
}

const SETTLE_MS = 5000;

function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/**
 * One start: ms to the first answered ping, the RSS once it answered (after a short settle), and
 * again 5 s later, when the open's quick check of a large file (a worker thread) is done.
 */
async function startOnce(args: (port: number) => string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; rss: number; settled: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args(port), { stdio: 'ignore', env });
  try {
    for (;;) {
      if ((await ping(port)) === 200) break;
      if (child.exitCode !== null) throw new Error(`the program exited with ${child.exitCode} before answering`);
      await new Promise((r) => setTimeout(r, 2));
    }
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 200));
    const rss = rssMiB(child.pid!);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return { ms, rss, settled: rssMiB(child.pid!) };
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
}

export function startupSuite(dbFile: string, label: string): BenchSuite {
  return {
    name: 'startup',
    async run(): Promise<BenchResult[]> {
      await ensureNodeBuild();
      const dataDir = path.dirname(dbFile);
      const cli = path.join(NODE_OUT, 'server/cli.mjs');
      type Start = Awaited<ReturnType<typeof startOnce>>;
      const ours: Start[] = [];
      const raw: Start[] = [];
      // alternate the two, so a busy moment of the machine hurts both alike
      for (let i = 0; i < 9; i++) {
        // started as npm run serve starts it (scripts/run-built.mjs)
        ours.push(await startOnce((port) => [...NODE_FLAGS, cli, '--data-dir', dataDir, '--port', String(port), '--host', '127.0.0.1'], { ...NODE_ENV, ...process.env }));
        raw.push(await startOnce((port) => ['-e', RAW_HOST, dbFile, String(port)]));
      }
      const o = stats(ours.map((x) => x.ms));
      const r = stats(raw.map((x) => x.ms));
      const oRss = stats(ours.map((x) => x.rss)).median;
      const rRss = stats(raw.map((x) => x.rss)).median;
      return [
        {
          suite: 'startup',
          name: `compiled shop host: start → first answer (${label})`,
          unit: 'ms',
          median: o.median,
          p95: o.p95,
          baseline: { name: 'raw Node + better-sqlite3 + node:http on the same file', median: r.median, p95: r.p95 },
          target: '< 300 ms',
          met: o.p95 < 300,
        },
        {
          suite: 'startup',
          name: `compiled shop host: resident memory after the first answer, MiB (${label})`,
          unit: 'ms',
          median: oRss,
          p95: stats(ours.map((x) => x.rss)).p95,
          baseline: { name: 'raw Node + better-sqlite3 + node:http, MiB', median: rRss, p95: stats(raw.map((x) => x.rss)).p95 },
          target: '≤ 1.5 × raw',
          met: oRss <= 1.5 * rRss,
          note: 'figures in MiB, not ms',
        },
        {
          suite: 'startup',
          name: `compiled shop host: resident memory 5 s later, the open's check done, MiB (${label})`,
          unit: 'ms',
          median: stats(ours.map((x) => x.settled)).median,
          p95: stats(ours.map((x) => x.settled)).p95,
          baseline: { name: 'raw Node + better-sqlite3 + node:http, MiB, 5 s later', median: stats(raw.map((x) => x.settled)).median, p95: stats(raw.map((x) => x.settled)).p95 },
          target: '≤ 1.5 × raw',
          met: stats(ours.map((x) => x.settled)).median <= 1.5 * stats(raw.map((x) => x.settled)).median,
          note: 'figures in MiB, not ms',
        },
      ];
    },
  };
}

/**
 * The backend's own process (Electron utilityProcess): the database and every
 * procedure run here, so a slow query never freezes the window. It also hosts the
 * shop HTTP host for a second counter PC or a bench tablet, only while LAN access is on
 * (lan-host.ts): the window itself uses IPC.
 */
import path from 'node:path';
import { openBackend, type Backend } from '../core';
import { startLanHost } from './lan-host';
import type { ToBackend, FromBackend } from './backend-messages';

interface ParentPort {
  on(event: 'message', listener: (e: { data: ToBackend }) => void): void;
  postMessage(message: FromBackend): void;
}
const parentPort = (process as unknown as { parentPort: ParentPort }).parentPort;

const dataDir = process.env.FIXPOINT_DATA_DIR!;
let backend: Backend | null = null;
const waiting: ToBackend[] = [];

/** Opens the backend once main has sent the key; calls that arrive earlier wait for it. */
function start(secretKey: string | null) {
  const key = secretKey ? Buffer.from(secretKey, 'base64') : null;
  backend = openBackend({
    dataDir,
    nativeBinding: process.env.FIXPOINT_NATIVE_BINDING || undefined,
    keyProvider: key ? { getKey: () => key } : undefined,
  });
  backend.subscribe((event) => parentPort.postMessage({ kind: 'event', event }));
  const rendererDir = process.env.FIXPOINT_RENDERER_DIR;
  startLanHost({ backend, port: Number(process.env.FIXPOINT_HTTP_PORT ?? 4780), staticDir: rendererDir ? path.resolve(rendererDir) : null });
  for (const m of waiting.splice(0)) void handle(m);
}

async function handle(data: ToBackend) {
  if (data.kind === 'init') return start(data.secretKey);
  if (!backend) return void waiting.push(data);
  // `ipc`: the window's own source for the sign-in limits; the station is the window's, kept by main
  const result = await backend.callWire(data.name, data.input, { token: data.token, locale: data.locale, station: data.station, source: 'ipc' });
  parentPort.postMessage({ kind: 'result', id: data.id, result });
}

parentPort.on('message', ({ data }) => void handle(data));

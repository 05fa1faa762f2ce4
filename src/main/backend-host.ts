import path from 'node:path';
import fs from 'node:fs';
import { app, utilityProcess, type UtilityProcess } from 'electron';
import type { FromBackend, ToBackend } from './backend-messages';
import type { WireResult } from '../shared/api/bridge';
import type { AppEvent } from '../shared/api/events';
import { loadOrCreateSecretKey } from './secret-key';

/** better-sqlite3 built for Electron's ABI lives beside the Node build (see scripts/rebuild-electron.mjs). */
function electronNativeBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native', 'electron', 'better_sqlite3.node'),
    path.join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

export class BackendHost {
  private child: UtilityProcess;
  private nextId = 1;
  private pending = new Map<number, (r: WireResult) => void>();
  private eventHandlers = new Set<(e: AppEvent) => void>();

  constructor(rendererDir: string) {
    this.child = utilityProcess.fork(path.join(__dirname, 'backend-process.cjs'), [], {
      serviceName: 'Fixpoint backend',
      env: {
        ...process.env,
        FIXPOINT_DATA_DIR: path.join(app.getPath('userData'), 'data'),
        FIXPOINT_NATIVE_BINDING: electronNativeBinding() ?? '',
        FIXPOINT_RENDERER_DIR: rendererDir,
      },
    });
    let secretKey: string | null = null;
    try {
      secretKey = loadOrCreateSecretKey(app.getPath('userData')).toString('base64');
    } catch (e) {
      // Without an OS keychain (some Linux desktops) the backend falls back to its key file.
      console.warn('[fixpoint] safeStorage unavailable, using the key file:', e instanceof Error ? e.message : e);
    }
    this.child.postMessage({ kind: 'init', secretKey } satisfies ToBackend);
    this.child.on('message', (msg: FromBackend) => {
      if (msg.kind === 'result') {
        this.pending.get(msg.id)?.(msg.result);
        this.pending.delete(msg.id);
      } else this.eventHandlers.forEach((h) => h(msg.event));
    });
    this.child.on('exit', (code) => {
      // Answer whatever was waiting so no window hangs on a dead backend.
      for (const resolve of this.pending.values()) {
        resolve({ ok: false, error: { code: 'INTERNAL', message: `backend exited (${code})`, details: {} } });
      }
      this.pending.clear();
    });
  }

  call(name: string, input: unknown, token: string | null, locale: string, station: string | null = null): Promise<WireResult> {
    const id = this.nextId++;
    const message: ToBackend = { kind: 'call', id, name, input, token, locale, station };
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.postMessage(message);
    });
  }

  onEvent(handler: (e: AppEvent) => void) {
    this.eventHandlers.add(handler);
  }

  stop() {
    this.child.kill();
  }
}

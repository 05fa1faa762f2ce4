import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type FileCheck = 'quick_check' | 'integrity_check';

/**
 * The worker's whole program. It opens its own read-only connection (WAL lets it read beside the
 * counter's writes) and answers the pragma's text, or `error: <code>` when the file cannot be read.
 * Eval'd rather than a file of its own, so the compiled host, the Electron bundle and tsx all run it
 * without a separate build entry; the addon's path comes from the main thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let answer;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  try {
    answer = String(db.pragma(workerData.pragma, { simple: true }));
  } finally {
    db.close();
  }
} catch (e) {
  answer = 'error: ' + String((e && e.code) || (e && e.message) || e);
}
parentPort.postMessage(answer);
`;

export interface RunningCheck {
  /** 'ok', SQLite's first finding, or `error: <code>`. */
  result: Promise<string>;
  /** Stops waiting (at close); the thread ends when SQLite returns. */
  cancel(): void;
}

/**
 * Runs SQLite's quick or full integrity check of a database file on a worker thread. On a large
 * shop these read every page (about 7 s for 750 MiB here, minutes at a million tickets); on the
 * main thread they froze the counter at open and once a week.
 */
export function checkOffThread(file: string, pragma: FileCheck, nativeBinding?: string): RunningCheck {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, pragma, nativeBinding, modulePath } });
  worker.unref();
  let settle: (answer: string) => void = () => undefined;
  const result = new Promise<string>((resolve) => {
    settle = resolve;
    worker.once('message', (m) => resolve(String(m)));
    worker.once('error', (e) => resolve(`error: ${e.message}`));
    worker.once('exit', () => resolve('error: the check stopped'));
  });
  return {
    result,
    cancel() {
      settle('error: cancelled');
      void worker.terminate();
    },
  };
}

/**
 * The Electron print path (issue 7, point 5). The renderer talks to the backend through
 * call/on only and cannot reach a printer, so main answers one pseudo-procedure itself:
 *
 *   print.device {jobId, printer, copies}
 *     → print.pdf with the window's own session (the token main keeps per window)
 *     → printer set: a hidden BrowserWindow opens the PDF and prints it silently to that
 *       printer; no printer: the PDF is saved under Documents/Fixpoint/
 *     → print.complete (printed | saved | failed with the reason), whose answer goes back.
 *
 * Untestable here (no Electron binary in CI): kept small on purpose; the browser path
 * (printService.ts) opens the PDF instead and is what the tests exercise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import type { WireResult } from '../shared/api/bridge';
import type { BackendHost } from './backend-host';

export async function printDevice(backend: BackendHost, input: unknown, token: string | null, locale: string): Promise<WireResult> {
  const i = (input ?? {}) as { jobId?: unknown; printer?: unknown; copies?: unknown };
  const jobId = String(i.jobId ?? '');
  const printer = typeof i.printer === 'string' ? i.printer : '';
  const copies = Math.min(5, Math.max(1, Number(i.copies) || 1));
  const pdf = await backend.call('print.pdf', { jobId }, token, locale);
  if (!pdf.ok) return pdf;
  const { base64, fileName } = pdf.data as { base64: string; fileName: string };
  const complete = (outcome: 'printed' | 'saved' | 'failed', error?: string) =>
    backend.call('print.complete', { jobId, outcome, ...(error ? { error: error.slice(0, 500) } : {}) }, token, locale);
  try {
    if (!printer) {
      const dir = path.join(app.getPath('documents'), 'Fixpoint');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, path.basename(fileName)), Buffer.from(base64, 'base64'));
      return await complete('saved');
    }
    const tmp = path.join(app.getPath('temp'), `fixpoint-${jobId.replace(/[^A-Za-z0-9-]/g, '')}.pdf`);
    fs.writeFileSync(tmp, Buffer.from(base64, 'base64'));
    // Chromium's PDF viewer lays the file out; plugins must be on for it in this window only.
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, disableBlinkFeatures: 'Auxclick' } });
    try {
      await win.loadURL(pathToFileURL(tmp).href);
      const error = await new Promise<string | null>((resolve) =>
        win.webContents.print({ silent: true, deviceName: printer, copies, printBackground: true }, (ok, reason) => resolve(ok ? null : reason || 'print failed')),
      );
      return await complete(error ? 'failed' : 'printed', error ?? undefined);
    } finally {
      win.destroy();
      fs.rm(tmp, { force: true }, () => undefined);
    }
  } catch (e) {
    return complete('failed', e instanceof Error ? e.message : String(e));
  }
}

/**
 * The Electron shell: one window, the backend in a utility process, one IPC bridge.
 * Thin on purpose: everything else runs and is tested under plain Node and Chromium.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { BackendHost } from './backend-host';
import { SESSION_STARTING } from '../shared/api/bridge';
import { buildMenu } from './menu';
import { printDevice } from './print-device';

const rendererDir = path.join(__dirname, '../renderer');
const devUrl = process.env.ELECTRON_RENDERER_URL;
// Tests and portable installs point the app at another data folder.
if (process.env.FIXPOINT_USER_DATA) app.setPath('userData', process.env.FIXPOINT_USER_DATA);
let backend: BackendHost;
let mainWindow: BrowserWindow | null = null;
/** Session tokens stay in main, per window: the renderer never has to store one. */
const tokens = new Map<number, string>();

function isOurFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  const ours = devUrl ? url.startsWith(devUrl) : url.startsWith('file://') && decodeURIComponent(url).includes(rendererDir.replace(/\\/g, '/'));
  return ours && mainWindow !== null && event.sender.id === mainWindow.webContents.id;
}

function createWindow() {
  mainWindow = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Fixpoint',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  // No navigation away from the app, no new windows; links open in the system browser.
  mainWindow.webContents.on('will-navigate', (e) => e.preventDefault());
  mainWindow.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const id = mainWindow.webContents.id;
  mainWindow.on('closed', () => {
    tokens.delete(id);
    mainWindow = null;
  });
  if (devUrl) void mainWindow.loadURL(devUrl);
  else void mainWindow.loadFile(path.join(rendererDir, 'index.html'));
}

app.whenReady().then(() => {
  // Only the camera (intake photos) may be asked for; everything else is refused.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'media'));
  backend = new BackendHost(rendererDir);
  backend.onEvent((e) => mainWindow?.webContents.send('fixpoint:event', e));

  ipcMain.handle('fixpoint:call', async (event, msg: { name: string; input: unknown; locale: string }) => {
    if (!isOurFrame(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted sender', details: {} } };
    const wcId = event.sender.id;
    // Printing to a device is main's job (the renderer reaches no printer): see print-device.ts.
    if (msg.name === 'print.device') return printDevice(backend, msg.input, tokens.get(wcId) ?? null, String(msg.locale ?? 'zh-CN'));
    const result = await backend.call(String(msg.name), msg.input, tokens.get(wcId) ?? null, String(msg.locale ?? 'zh-CN'));
    if (result.ok && (SESSION_STARTING as readonly string[]).includes(msg.name)) tokens.set(wcId, (result.data as { token: string }).token);
    if (msg.name === 'auth.logout' || (!result.ok && (result.error.code === 'SESSION_EXPIRED' || result.error.code === 'UNAUTHENTICATED'))) tokens.delete(wcId);
    return result;
  });

  buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  backend?.stop();
  if (process.platform !== 'darwin') app.quit();
});

/**
 * The Electron shell: one window, the backend in a utility process, one IPC bridge.
 * Thin on purpose: everything else runs and is tested under plain Node and Chromium, and the
 * security decisions live in ./security (pure, unit-tested): the app:// protocol and its CSP,
 * permissions, navigation and new windows, the renderer's URL, the IPC sender and its answers.
 */
import path from 'node:path';
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { BackendHost } from './backend-host';
import { buildMenu } from './menu';
import { printDevice } from './print-device';
import { registerAppScheme, serveApp } from './app-protocol-handler';
import { secureContents, secureSession } from './window-security';
import { APP_ORIGIN } from './security/app-protocol';
import { rendererEntry } from './security/renderer-entry';
import { trustedOrigins } from './security/origins';
import { isTrustedSender, splitResult } from './security/ipc-bridge';

const rendererDir = path.join(__dirname, '../renderer');
// ELECTRON_RENDERER_URL (electron-vite dev) only when not packaged, and only on loopback.
const entry = rendererEntry({ isPackaged: app.isPackaged, envUrl: process.env.ELECTRON_RENDERER_URL });
const origins = trustedOrigins(APP_ORIGIN, entry.devUrl);
// Tests and portable installs point the app at another data folder.
if (process.env.FIXPOINT_USER_DATA) app.setPath('userData', process.env.FIXPOINT_USER_DATA);
registerAppScheme();
let backend: BackendHost;
let mainWindow: BrowserWindow | null = null;
/** Session tokens stay in main, per window: the renderer never sees one. */
const tokens = new Map<number, string>();
/** Each window's station secret (from its last password sign-in): PIN switching works only there. */
const stations = new Map<number, string>();

function isOurFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(
    { frameUrl: frame?.url ?? '', webContentsId: event.sender.id, windowWebContentsId: mainWindow?.webContents.id ?? null, isMainFrame: !!frame && frame === event.sender.mainFrame },
    origins,
  );
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
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: !app.isPackaged,
      // A middle click must not open links in a new window (the window-open handler would refuse it anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  const id = mainWindow.webContents.id;
  mainWindow.on('closed', () => {
    tokens.delete(id);
    stations.delete(id);
    mainWindow = null;
  });
  void mainWindow.loadURL(entry.url);
}

// Every webContents (the main window, a PDF window, the hidden print window) gets the same rules.
app.on('web-contents-created', (_e, contents) => secureContents(contents, origins));

app.whenReady().then(() => {
  secureSession(session.defaultSession, origins);
  serveApp(session.defaultSession, rendererDir);
  backend = new BackendHost(rendererDir);
  backend.onEvent((e) => mainWindow?.webContents.send('fixpoint:event', e));

  ipcMain.handle('fixpoint:call', async (event, msg: { name: string; input: unknown; locale: string }) => {
    if (!isOurFrame(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted sender', details: {} } };
    const wcId = event.sender.id;
    const name = String(msg?.name);
    const locale = String(msg?.locale ?? 'zh-CN');
    // Printing to a device is main's job (the renderer reaches no printer): see print-device.ts.
    if (name === 'print.device') return printDevice(backend, msg.input, tokens.get(wcId) ?? null, locale);
    const result = await backend.call(name, msg.input, tokens.get(wcId) ?? null, locale, stations.get(wcId) ?? null);
    const { token, station, forRenderer } = splitResult(name, result);
    if (token) tokens.set(wcId, token);
    else if (token === null) tokens.delete(wcId);
    // the station outlives a sign-out (the next person switches by PIN); it ends with the window
    if (station) stations.set(wcId, station);
    return forRenderer;
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

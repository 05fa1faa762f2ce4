/**
 * Electron glue of the window rules (decisions in security/*.ts, tested there): permissions
 * (request and check handler), navigation, new windows, webviews, DevTools. Applied to every
 * webContents the app creates — the main window, a PDF window, the hidden print window.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { allowPermission } from './security/permissions';
import { allowNavigation, decideWindowOpen } from './security/navigation';

export function secureSession(ses: Session, origins: readonly string[]): void {
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(allowPermission({ permission, origin: details.requestingUrl || wc.getURL(), mediaTypes, mainFrame: details.isMainFrame }, origins));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    allowPermission({ permission, origin: details.securityOrigin ?? requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : [], mainFrame: details.isMainFrame }, origins),
  );
  // No device pickers for pages: USB, serial and HID stay with main (none is used).
  ses.setDevicePermissionHandler(() => false);
}

export function secureContents(contents: WebContents, origins: readonly string[]): void {
  const block = (e: { preventDefault(): void; url: string }) => {
    if (!allowNavigation(e.url, origins)) e.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-frame-navigate', block);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const d = decideWindowOpen(url, origins);
    if (d.action === 'external') void shell.openExternal(d.url);
    if (d.action !== 'pdf-window') return { action: 'deny' };
    // Our own blob: PDF (a receipt, a report): Chromium's PDF viewer in a sandboxed window.
    return {
      action: 'allow',
      overrideBrowserWindowOptions: {
        autoHideMenuBar: true,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, webviewTag: false, disableBlinkFeatures: 'Auxclick', devTools: !app.isPackaged },
      },
    };
  });
  if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

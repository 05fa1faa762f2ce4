import { describe, expect, it } from 'vitest';
import { allowNavigation, decideWindowOpen, isAllowedExternal } from '../../../src/main/security/navigation';
import { trustedOrigins } from '../../../src/main/security/origins';
import { rendererEntry } from '../../../src/main/security/renderer-entry';

describe('navigation and new windows', () => {
  const ours = trustedOrigins('app://fixpoint', null);

  it('our own blob: documents (printed PDFs) open in a PDF window', () => {
    expect(decideWindowOpen('blob:app://fixpoint/4f1c2d7e-0000-4000-8000-000000000000', ours)).toEqual({ action: 'pdf-window' });
    expect(decideWindowOpen('blob:https://evil.example/4f1c2d7e-0000-4000-8000-000000000000', ours)).toEqual({ action: 'deny' });
  });

  it('https links on the allow-list go to the system browser, nothing else does', () => {
    expect(decideWindowOpen('https://help.fixpoint.cn/zh/intake', ours)).toEqual({ action: 'external', url: 'https://help.fixpoint.cn/zh/intake' });
    for (const url of [
      'http://help.fixpoint.cn/zh/intake',
      'https://help.fixpoint.cn.evil.example/',
      'https://evil.example/?https://help.fixpoint.cn',
      'https://user:pass@help.fixpoint.cn/',
      'https://help.fixpoint.cn:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ms-msdt:/id PCWDiagnostic',
      'smb://attacker/share',
      'app://fixpoint/index.html',
      'not a url',
    ]) {
      expect(decideWindowOpen(url, ours), url).toEqual({ action: 'deny' });
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });

  it('the window never navigates away from app://fixpoint', () => {
    expect(allowNavigation('app://fixpoint/index.html', ours)).toBe(true);
    for (const url of ['https://evil.example/', 'http://127.0.0.1:4780/', 'file:///etc/passwd', 'app://other/index.html', 'blob:app://fixpoint/x', 'javascript:alert(1)', 'about:blank']) {
      expect(allowNavigation(url, ours), url).toBe(false);
    }
  });

  it('ELECTRON_RENDERER_URL counts only unpackaged, and only on loopback', () => {
    expect(rendererEntry({ isPackaged: true, envUrl: 'http://localhost:5173/' })).toEqual({ url: 'app://fixpoint/index.html', devUrl: null });
    expect(rendererEntry({ isPackaged: false, envUrl: 'http://localhost:5173/' })).toEqual({ url: 'http://localhost:5173/', devUrl: 'http://localhost:5173/' });
    expect(rendererEntry({ isPackaged: false, envUrl: 'https://evil.example/' }).url).toBe('app://fixpoint/index.html');
    expect(rendererEntry({ isPackaged: false, envUrl: 'file:///tmp/evil.html' }).url).toBe('app://fixpoint/index.html');
    expect(rendererEntry({ isPackaged: false, envUrl: undefined }).url).toBe('app://fixpoint/index.html');
  });
});

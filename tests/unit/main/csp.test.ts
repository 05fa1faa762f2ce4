import { describe, expect, it } from 'vitest';
import { APP_CSP } from '../../../src/main/security/csp';

/** The CSP header of the Electron window, directive by directive (Electron's checklist, issue 14). */
describe('the window CSP', () => {
  const directives = new Map(APP_CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));

  it('forbids plugins, <base>, framing by others and eval', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(APP_CSP).not.toContain('*');
    expect(APP_CSP).not.toMatch(/https?:/);
  });

  it('scripts only from our own files, nothing fetched from elsewhere', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('lets the app show what it makes: photo previews and thumbnails (blob:, data:), no frames', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
  });
});
